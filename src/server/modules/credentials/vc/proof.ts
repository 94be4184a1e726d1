/**
 * Where a signed document keeps its proof. We write `proof` as an array (a proof set of one):
 * 1EdTech's Open Badges 3.0 JSON Schema, the one most Open Badges validators load, accepts only
 * an array, while the VC Data Model and Data Integrity accept both forms and mean the same by
 * them (in JSON-LD `proof` is a graph container, so one proof and a set of one are one statement).
 * Wrapping a proof in an array therefore leaves its signature valid: migration 0009 wrapped the
 * stored ones without re-signing.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The document's one proof, whether written as an object (credentials signed before 0009, or by
 * others) or as an array of one; null when there is none, several, or something else.
 */
export function singleProof(document: unknown): Record<string, unknown> | null {
  if (!isRecord(document)) return null;
  const proof = document.proof;
  if (isRecord(proof)) return proof;
  if (Array.isArray(proof) && proof.length === 1 && isRecord(proof[0])) return proof[0];
  return null;
}

/** The document with its proof written as an array; other fields as they were. */
export function withProofSet<T extends Record<string, unknown>>(document: T): T {
  const proof = document.proof;
  if (proof === undefined || Array.isArray(proof)) return document;
  return { ...document, proof: [proof] };
}
