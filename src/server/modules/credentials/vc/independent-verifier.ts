/**
 * A second verifier, for tests only: eddsa-rdfc-2022 verification written from the W3C text
 * (https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-rdfc-2022) on other libraries than the
 * signing path: @digitalcredentials/jsonld for JSON-LD to RDF, rdf-canonize for RDFC-1.0,
 * node:crypto for SHA-256, @noble/ed25519 for the signature, its own base58 and multikey
 * decoding, and node:zlib for the status list. Nothing from @digitalbazaar/* and nothing of
 * sign.ts or verify.ts; only the bundled context documents are shared, since they are data.
 *
 * If both verifiers accept a credential, the signature is not merely one library agreeing with
 * itself.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import jsonld from '@digitalcredentials/jsonld';
import * as ed25519 from '@noble/ed25519';
import { canonize } from 'rdf-canonize';
import { bundledContexts } from './bundled-contexts';

export interface IndependentReport {
  signature: 'valid' | 'invalid';
  status: 'active' | 'revoked' | 'unknown';
  keyId: string | null;
  /** Why the signature or the status check failed; null when neither did. */
  reason: string | null;
}

/** One of the issuer's documents (controller document, status list) by URL; anything else (null, an error body) for a URL it does not know. */
export type Resolve = (url: string) => Promise<unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class Invalid extends Error {}

/** Context documents by URL; the bundled ones unless a test adds its own (the W3C examples context). */
type Contexts = ReadonlyMap<string, unknown>;

/** Signature (with the key's controller and listing) and revocation status, independently. */
export async function verifyIndependently(credential: unknown, resolve: Resolve, options: { contexts?: Contexts } = {}): Promise<IndependentReport> {
  const contexts = options.contexts ?? bundledContexts;
  let keyId: string | null = null;
  try {
    keyId = await verifyProof(credential, resolve, contexts);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { signature: 'invalid', status: 'unknown', keyId, reason: error.message };
  }
  try {
    return { signature: 'valid', status: await revocationStatus(credential as Record<string, unknown>, resolve, contexts), keyId, reason: null };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { signature: 'valid', status: 'unknown', keyId, reason: error.message };
  }
}

/** The algorithm of §3.3.2, returning the verification method's id; throws Invalid otherwise. */
async function verifyProof(secured: unknown, resolve: Resolve, contexts: Contexts): Promise<string> {
  // One proof, written as an object or as a proof set of one (VC Data Model 2.0 allows both).
  const proofs = isObject(secured) ? [secured.proof].flat() : [];
  if (!isObject(secured) || proofs.length !== 1 || !isObject(proofs[0])) throw new Invalid('not a document with one proof');
  const { proof: _proof, ...unsecured } = secured;
  const securedProof = proofs[0];
  const { proofValue, ...proofOptions } = securedProof;
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) throw new Invalid('proofValue is not multibase base58btc');
  const proofBytes = base58btc(proofValue.slice(1));
  if (proofOptions['@context'] !== undefined) {
    const expected = [proofOptions['@context']].flat();
    const actual = [unsecured['@context']].flat();
    if (!expected.every((c, i) => c === actual[i])) throw new Invalid('the proof @context is not a prefix of the document @context');
    unsecured['@context'] = proofOptions['@context'];
  }
  if (proofOptions.type !== 'DataIntegrityProof' || proofOptions.cryptosuite !== 'eddsa-rdfc-2022')
    throw new Invalid('not an eddsa-rdfc-2022 DataIntegrityProof');
  if (proofOptions.created !== undefined && !(typeof proofOptions.created === 'string' && DATE_TIME_STAMP.test(proofOptions.created)))
    throw new Invalid('proof.created is not a dateTimeStamp');
  if (proofOptions.proofPurpose !== 'assertionMethod') throw new Invalid('proofPurpose is not assertionMethod');

  // Transformation, then proof configuration (the options under the document's @context), then hashing.
  const transformed = await rdfc10(unsecured, contexts);
  const proofConfig = await rdfc10({ ...proofOptions, '@context': unsecured['@context'] }, contexts);
  const hashData = Buffer.concat([sha256(proofConfig), sha256(transformed)]);

  const { keyId, publicKey } = await issuerKey(proofOptions.verificationMethod, unsecured.issuer, resolve);
  let valid: boolean;
  try {
    valid = await ed25519.verifyAsync(proofBytes, hashData, publicKey);
  } catch (error) {
    throw new Invalid(`Ed25519: ${(error as Error).message}`);
  }
  if (!valid) throw new Invalid('the Ed25519 signature does not verify');
  return keyId;
}

/**
 * The public key, only if the method is listed under assertionMethod by its controller and that
 * controller is the credential's issuer.
 */
async function issuerKey(verificationMethod: unknown, issuer: unknown, resolve: Resolve) {
  if (typeof verificationMethod !== 'string' || !verificationMethod.includes('#')) throw new Invalid('verificationMethod is not a key id URL');
  const controllerId = verificationMethod.slice(0, verificationMethod.indexOf('#'));
  const issuerId = isObject(issuer) ? issuer.id : issuer;
  if (issuerId !== controllerId) throw new Invalid(`the key's controller ${controllerId} is not the issuer ${String(issuerId)}`);
  const controller = await resolve(controllerId);
  if (!isObject(controller) || controller.id !== controllerId) throw new Invalid(`no controller document at ${controllerId}`);
  const listed = [controller.assertionMethod].flat().some((m) => m === verificationMethod || (isObject(m) && m.id === verificationMethod));
  if (!listed) throw new Invalid(`${verificationMethod} is not under assertionMethod`);
  const method = [controller.verificationMethod].flat().find((m) => isObject(m) && m.id === verificationMethod);
  if (
    !isObject(method) ||
    method.type !== 'Multikey' ||
    method.controller !== controllerId ||
    typeof method.publicKeyMultibase !== 'string' ||
    !method.publicKeyMultibase.startsWith('z')
  ) {
    throw new Invalid(`${verificationMethod} is not a Multikey of ${controllerId}`);
  }
  // Multikey: multicodec ed25519-pub (varint 0xed 0x01) and the 32 key bytes.
  const bytes = base58btc(method.publicKeyMultibase.slice(1));
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) throw new Invalid(`${verificationMethod} is not an Ed25519 public key`);
  return { keyId: verificationMethod, publicKey: bytes.subarray(2) };
}

/** BitstringStatusListEntry → the issuer's list credential, itself verified here → the bit. */
async function revocationStatus(credential: Record<string, unknown>, resolve: Resolve, contexts: Contexts): Promise<IndependentReport['status']> {
  const entry = [credential.credentialStatus].flat().find((s) => isObject(s) && s.type === 'BitstringStatusListEntry' && s.statusPurpose === 'revocation');
  if (!isObject(entry)) return 'unknown';
  const index = Number(entry.statusListIndex);
  if (typeof entry.statusListCredential !== 'string' || !Number.isSafeInteger(index) || index < 0) throw new Invalid('malformed credentialStatus');
  const list = await resolve(entry.statusListCredential);
  await verifyProof(list, resolve, contexts);
  if (!isObject(list) || ![list.type].flat().includes('BitstringStatusListCredential')) throw new Invalid('not a BitstringStatusListCredential');
  const listIssuer = isObject(list.issuer) ? list.issuer.id : list.issuer;
  const issuer = isObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  if (listIssuer !== issuer) throw new Invalid('the status list has another issuer');
  const subject = list.credentialSubject;
  if (!isObject(subject) || subject.statusPurpose !== 'revocation' || typeof subject.encodedList !== 'string' || !subject.encodedList.startsWith('u')) {
    throw new Invalid('not a revocation list');
  }
  // GZIP, then base64url without padding, behind the multibase prefix 'u'.
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'), { maxOutputLength: 2 ** 24 });
  } catch (error) {
    throw new Invalid(`encodedList: ${(error as Error).message}`);
  }
  if (bits.length < 16_384) throw new Invalid('a status list is at least 131,072 bits');
  if (index >= bits.length * 8) throw new Invalid('statusListIndex is beyond the list');
  // Bit 0 is the left-most bit of the first byte.
  return (bits[index >> 3]! >> (7 - (index & 7))) & 1 ? 'revoked' : 'active';
}

async function rdfc10(document: Record<string, unknown>, contexts: Contexts): Promise<string> {
  const documentLoader = async (url: string) => {
    const context = contexts.get(url);
    if (!context) throw new Error(`${url} is not a known context`);
    return { contextUrl: null, documentUrl: url, document: context };
  };
  try {
    const nquads = await jsonld.toRDF(document, { format: 'application/n-quads', documentLoader, safe: true, base: null, rdfDirection: 'i18n-datatype' });
    return await canonize(nquads, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads' });
  } catch (error) {
    throw new Invalid(`JSON-LD: ${(error as Error).message}`);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

// XML Schema dateTimeStamp: a dateTime with its time zone.
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const BASE58_BTC = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58btc(text: string): Uint8Array {
  let n = 0n;
  for (const char of text) {
    const digit = BASE58_BTC.indexOf(char);
    if (digit < 0) throw new Invalid(`'${char}' is not base58btc`);
    n = n * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  // Each leading '1' stands for a leading zero byte.
  const zeros = /^1*/.exec(text)![0].length;
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes]);
}
