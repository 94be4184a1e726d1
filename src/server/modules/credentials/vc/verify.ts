import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { isRecord, UnknownDocumentError, type DocumentLoader } from './loader';
import { problem, type VerificationProblem } from './problems';
import { singleProof } from './proof';
import { decodeStatusList, statusBit } from './status-list';

export interface VerificationReport {
  /** Signature valid, status active and validity current, all three. */
  verified: boolean;
  signature: 'valid' | 'invalid';
  /** 'unknown': no revocation status, or its list could not be loaded or trusted. */
  status: 'active' | 'revoked' | 'unknown';
  validity: 'current' | 'expired' | 'not-yet-valid';
  /** As the credential states it (the Thai name); says nothing unless `signature` is valid. */
  issuer: { id: string; name: string | null } | null;
  /** The verification method the proof names. */
  keyId: string | null;
  problems: VerificationProblem[];
}

/**
 * Checks a credential three ways and reports each: the eddsa-rdfc-2022 signature by the issuer's
 * own key (through @digitalbazaar/vc, with every document from `loader`), the revocation bit in
 * the issuer's signed status list, and the validity dates against `now`.
 *
 * A credential without revocation status is not `verified`: nothing could show it was not
 * revoked. Any shape of bad input gives a report; only programming errors throw.
 */
export async function verifyCredential(credential: unknown, options: { loader: DocumentLoader; now?: Date }): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  if (!isRecord(credential)) {
    return { verified: false, signature: 'invalid', status: 'unknown', validity: 'current', issuer: null, keyId: null, problems: [problem.notAnObject()] };
  }
  const issuer = issuerOf(credential);
  // An object (before migration 0009, or another issuer's) or an array of one: the same proof.
  const proof = singleProof(credential);
  const keyId = typeof proof?.verificationMethod === 'string' ? proof.verificationMethod : null;
  const validity = validityOf(credential, now);
  const signature = await checkSignature(credential, issuer?.id ?? null, keyId, validity.libraryClock, options.loader);
  const status = await checkStatus(credential, issuer?.id ?? null, options.loader, now);
  return {
    verified: signature.problems.length === 0 && status.status === 'active' && validity.validity === 'current',
    signature: signature.problems.length === 0 ? 'valid' : 'invalid',
    status: status.status,
    validity: validity.validity,
    issuer,
    keyId,
    problems: [...signature.problems, ...validity.problems, ...status.problems],
  };
}

function issuerOf(credential: Record<string, unknown>): VerificationReport['issuer'] {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return { id: issuer, name: null };
  if (!isRecord(issuer) || typeof issuer.id !== 'string') return null;
  const name = Array.isArray(issuer.name) ? issuer.name[0] : issuer.name;
  return { id: issuer.id, name: typeof name === 'string' ? name : isRecord(name) && typeof name['@value'] === 'string' ? name['@value'] : null };
}

function validityOf(credential: Record<string, unknown>, now: Date) {
  const from = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : null;
  const until = typeof credential.validUntil === 'string' ? new Date(credential.validUntil) : null;
  // The library will not look at the signature of a credential outside its dates; its clock is
  // set inside them, so an expired credential is reported as expired and genuine (or not), and
  // the dates are judged here. Unparseable dates leave the clock alone: the library rejects them.
  let libraryClock = now;
  if (from && !Number.isNaN(from.getTime()) && now < from) libraryClock = from;
  if (until && !Number.isNaN(until.getTime()) && now > until) libraryClock = until;
  if (from && now < from) return { validity: 'not-yet-valid' as const, problems: [problem.notYetValid(String(credential.validFrom))], libraryClock };
  if (until && now > until) return { validity: 'expired' as const, problems: [problem.expired(String(credential.validUntil))], libraryClock };
  return { validity: 'current' as const, problems: [], libraryClock };
}

/** Problems with the signature; none means it is valid, by a key its issuer controls and lists. */
async function checkSignature(
  credential: Record<string, unknown>,
  issuerId: string | null,
  keyId: string | null,
  clock: Date,
  loader: DocumentLoader,
): Promise<{ problems: VerificationProblem[] }> {
  if (credential.proof === undefined) return { problems: [problem.noProof()] };
  const proofs = Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  if (!proofs.every((p) => isRecord(p) && p.type === 'DataIntegrityProof' && p.cryptosuite === 'eddsa-rdfc-2022'))
    return { problems: [problem.unsupportedProof()] };

  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: loader,
    now: clock,
    // Status is checked below, into its own part of the report; the library only wants to know
    // that someone will.
    checkStatus: async () => ({ verified: true }),
  });
  const controller = result.results?.find((r) => r.verificationMethod)?.verificationMethod?.controller;
  if (!result.verified) return { problems: [explain(result.error, { issuerId, keyId, controller })] };
  // The library's proof purpose checks this too; it is the one check that stops anyone from
  // signing with their own key under our issuer's name, so it is not left to a default.
  if (controller !== issuerId) return { problems: [problem.keyOfAnotherIssuer(String(controller), String(issuerId))] };
  return { problems: [] };
}

/** The library's error, as the one reason a person can act on. */
function explain(error: unknown, proof: { issuerId: string | null; keyId: string | null; controller: unknown }): VerificationProblem {
  const errors = flatten(error);
  const unknown = errors.find((e): e is UnknownDocumentError => e instanceof UnknownDocumentError);
  // A key id under the issuer's own URL that its controller document does not list.
  if (unknown && proof.issuerId && unknown.url === proof.keyId && unknown.url.startsWith(`${proof.issuerId}#`)) return problem.keyNotListed(unknown.url);
  if (unknown) return problem.unknownDocument(unknown.url);
  const messages = errors.map((e) => (e instanceof Error ? e.message : String(e)));
  const has = (text: string) => messages.some((m) => m.includes(text));
  if (has('Safe mode validation error')) return problem.undefinedTerms();
  if (has('Invalid signature.')) return problem.badSignature();
  if (has('not authorized by controller')) return problem.keyNotListed(proof.keyId ?? '?');
  if (has('issuer must match the verification method controller')) return problem.keyOfAnotherIssuer(String(proof.controller), String(proof.issuerId));
  return problem.malformed(messages[0] ?? 'unknown error');
}

/** Every error inside the library's error: proof errors, purpose errors, and their causes. */
function flatten(error: unknown, seen = new Set<unknown>()): unknown[] {
  if (error == null || seen.has(error)) return [];
  seen.add(error);
  if (Array.isArray(error)) return error.flatMap((e) => flatten(e, seen));
  const inner = typeof error === 'object' ? (error as { errors?: unknown; cause?: unknown; details?: { cause?: unknown } }) : {};
  return [error, ...flatten(inner.errors, seen), ...flatten(inner.cause, seen), ...flatten(inner.details?.cause, seen)];
}

/**
 * The credential's bit in its issuer's Bitstring Status List. The list is a credential itself and
 * is trusted only if it verifies and comes from the same issuer: otherwise anyone who could get a
 * list served could un-revoke a credential.
 */
async function checkStatus(
  credential: Record<string, unknown>,
  issuerId: string | null,
  loader: DocumentLoader,
  now: Date,
): Promise<{ status: VerificationReport['status']; problems: VerificationProblem[] }> {
  const entries = (Array.isArray(credential.credentialStatus) ? credential.credentialStatus : [credential.credentialStatus]).filter(isRecord);
  const entry = entries.find((e) => e.type === 'BitstringStatusListEntry' && e.statusPurpose === 'revocation');
  if (!entry) return { status: 'unknown', problems: [problem.noStatus()] };
  const url = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  if (typeof url !== 'string' || typeof entry.statusListIndex !== 'string' || !Number.isSafeInteger(index) || index < 0) {
    return { status: 'unknown', problems: [problem.malformed('credentialStatus needs a statusListCredential URL and a whole-number statusListIndex')] };
  }

  let list: unknown;
  try {
    list = (await loader(url)).document;
  } catch {
    return { status: 'unknown', problems: [problem.statusListUnavailable(url)] };
  }
  const distrust = (why: VerificationProblem) => ({ status: 'unknown' as const, problems: [problem.statusListInvalid(url, why)] });
  if (!isRecord(list) || !Array.isArray(list.type) || !list.type.includes('BitstringStatusListCredential')) return distrust(problem.notAStatusList());
  const subject = list.credentialSubject;
  if (!isRecord(subject) || subject.statusPurpose !== 'revocation' || typeof subject.encodedList !== 'string') return distrust(problem.notAStatusList());
  const listIssuer = issuerOf(list)?.id ?? null;
  if (listIssuer !== issuerId) return distrust(problem.statusListOfAnotherIssuer());
  const listValidity = validityOf(list, now);
  if (listValidity.problems[0]) return distrust(listValidity.problems[0]);
  const listSignature = await checkSignature(list, listIssuer, null, now, loader);
  if (listSignature.problems[0]) return distrust(listSignature.problems[0]);

  let bits: Uint8Array;
  try {
    bits = decodeStatusList(subject.encodedList);
  } catch (error) {
    return distrust(problem.statusListUnreadable((error as Error).message));
  }
  if (index >= bits.length * 8) return distrust(problem.statusListUnreadable(`index ${index} is beyond its ${bits.length * 8} entries`));
  return statusBit(bits, index) ? { status: 'revoked', problems: [problem.revoked()] } : { status: 'active', problems: [] };
}
