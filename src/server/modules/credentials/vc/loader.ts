import { bundledContexts } from './bundled-contexts';

/**
 * The caller's own documents by URL: issuers' controller documents (and, if it likes, their
 * verification methods), and status list credentials. Null for any URL that is not ours.
 */
export type DocumentResolver = (url: string) => Promise<Record<string, unknown> | null>;

/** A JSON-LD remote document; `tag: 'static'` marks the bundled contexts for jsonld's cache. */
export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** A URL that is neither a bundled context nor one of ours: refused, never fetched. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(
      `Unknown URL ${url}: only the bundled JSON-LD contexts and this system's own issuers and status lists are known, and nothing is fetched from the network.`,
    );
    this.name = 'UnknownDocumentError';
  }
}

/**
 * The only way documents reach jsonld, the signature suite and the verifier. Bundled contexts
 * first, then `resolve`; a key id (`<controller>#<fragment>`) is answered from its controller
 * document, so a key exists only while its issuer lists it. Anything else is an error: a loader
 * that fell back to the network would let a credential pull in a context written by anyone.
 */
export function createDocumentLoader(resolve: DocumentResolver): DocumentLoader {
  return async (url: string) => {
    const context = bundledContexts.get(url);
    // jsonld keeps a resolved context across operations only when the loader tags it static;
    // untagged, every signature and check resolves the contexts again (measured: 4–5% slower).
    if (context) return { contextUrl: null, documentUrl: url, document: context, tag: 'static' };
    const document = (await verificationMethod(url, resolve)) ?? (await resolve(url));
    if (document) return { contextUrl: null, documentUrl: url, document };
    throw new UnknownDocumentError(url);
  };
}

/** The method `url` names inside its controller document, as a document of its own. */
async function verificationMethod(url: string, resolve: DocumentResolver): Promise<Record<string, unknown> | null> {
  const hash = url.indexOf('#');
  if (hash <= 0) return null;
  const controllerId = url.slice(0, hash);
  const controller = await resolve(controllerId);
  if (!controller || controller.id !== controllerId || !Array.isArray(controller.verificationMethod)) return null;
  const method: unknown = controller.verificationMethod.find((m: unknown) => isRecord(m) && m.id === url);
  // The controller's @context travels with it: the method's terms (Multikey) are defined there.
  return isRecord(method) ? { '@context': controller['@context'], ...method } : null;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
