import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { MULTIKEY_V1 } from './bundled-contexts';
import type { IssuerKey } from './keys';
import { isRecord, type DocumentLoader } from './loader';
import { withProofSet } from './proof';

// Decoding a key is cheap but not free; callers keep their opened IssuerKey objects.
const keyPairs = new WeakMap<IssuerKey, ReturnType<typeof Ed25519Multikey.from>>();

/**
 * Signs with an eddsa-rdfc-2022 DataIntegrityProof for assertionMethod. The credential itself is
 * not changed; the signed copy is returned, its `proof` an array of one (see proof.ts). Canonicalization runs in JSON-LD safe mode, so a
 * property no context defines makes signing throw rather than go out unsigned.
 */
export async function signCredential(
  credential: Record<string, unknown>,
  key: IssuerKey,
  loader: DocumentLoader,
  options: { created?: Date } = {},
): Promise<Record<string, unknown>> {
  // Verification rejects a credential whose issuer is not the key's controller; say so here,
  // where the mistake is, instead of issuing something that never verifies.
  const issuer = credential.issuer;
  const issuerId = isRecord(issuer) ? issuer.id : issuer;
  if (issuerId !== key.controller) throw new Error(`The credential's issuer ${String(issuerId)} is not the controller ${key.controller} of the key ${key.id}`);

  let keyPair = keyPairs.get(key);
  if (!keyPair) {
    keyPair = Ed25519Multikey.from({
      '@context': MULTIKEY_V1,
      type: 'Multikey',
      id: key.id,
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: key.secretKeyMultibase,
    });
    keyPairs.set(key, keyPair);
  }
  // `created` defaults to now; a fixed one lets a test reproduce a published signature exactly.
  const suite = new DataIntegrityProof({ signer: (await keyPair).signer(), cryptosuite, ...(options.created ? { date: options.created } : {}) });
  // The library adds `proof` to the object it is given, as an object when it is the first.
  return withProofSet(await vc.issue({ credential: structuredClone(credential), suite, documentLoader: loader }));
}
