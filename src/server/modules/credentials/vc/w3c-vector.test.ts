import { describe, expect, it } from 'vitest';
import { bundledContexts } from './bundled-contexts';
import { verifyIndependently } from './independent-verifier';
import { controllerDocument, type IssuerKey } from './keys';
import { createDocumentLoader } from './loader';
import { singleProof } from './proof';
import { signCredential } from './sign';
import { verifyCredential } from './verify';

// The eddsa-rdfc-2022 test vector of the W3C specification (w3c/vc-di-eddsa,
// TestVectors/eddsa-rdfc-2022/signedDataInt.json, and TestVectors/keyPair.json): a credential
// signed by someone else's implementation, which both verifiers here must accept, and which
// signing must reproduce to the byte. Its issuer is a URL with a Multikey fragment, the same
// shape as our issuers.
const ISSUER = 'https://vc.example/issuers/5678';
const PUBLIC_KEY = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const SECRET_KEY = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq';
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';

const unsigned = {
  '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: ISSUER,
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
};
const signed = {
  ...unsigned,
  proof: {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2023-02-24T23:36:38Z',
    verificationMethod: `${ISSUER}#${PUBLIC_KEY}`,
    proofPurpose: 'assertionMethod',
    proofValue: 'z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9',
  },
};

// The examples context is not bundled for the system (no credential of ours uses it); here it
// is one of the issuer's documents, and the published file is this one @vocab.
const examplesContext = { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } };
const key: IssuerKey = { id: `${ISSUER}#${PUBLIC_KEY}`, controller: ISSUER, publicKeyMultibase: PUBLIC_KEY, secretKeyMultibase: SECRET_KEY };
const documents = new Map<string, Record<string, unknown>>([
  [ISSUER, controllerDocument({ id: ISSUER, nameTh: 'ตัวอย่าง', nameEn: 'Example' }, [key])],
  [EXAMPLES_V2, examplesContext],
]);
const resolve = async (url: string) => documents.get(url) ?? null;
const loader = createDocumentLoader(resolve);
const contexts = new Map([...bundledContexts, [EXAMPLES_V2, examplesContext]]);

describe('the W3C eddsa-rdfc-2022 test vector', () => {
  it('is signed to the same proofValue', async () => {
    const ours = await signCredential(unsigned, key, loader, { created: new Date('2023-02-24T23:36:38Z') });
    expect(singleProof(ours)?.proofValue).toBe(signed.proof.proofValue);
  });

  it('verifies with both verifiers, and fails both once changed', async () => {
    const report = await verifyCredential(signed, { loader, now: new Date('2024-01-01T00:00:00Z') });
    // No credentialStatus: genuine, but nothing says it is not revoked.
    expect(report).toMatchObject({ verified: false, signature: 'valid', status: 'unknown', validity: 'current', keyId: key.id });
    expect(await verifyIndependently(signed, resolve, { contexts })).toMatchObject({ signature: 'valid', status: 'unknown', keyId: key.id });

    const changed = { ...signed, credentialSubject: { ...signed.credentialSubject, alumniOf: 'The School of Example' } };
    expect(await verifyCredential(changed, { loader })).toMatchObject({ signature: 'invalid' });
    expect(await verifyIndependently(changed, resolve, { contexts })).toMatchObject({ signature: 'invalid' });
  });
});
