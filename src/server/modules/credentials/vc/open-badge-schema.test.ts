import { describe, expect, it } from 'vitest';
import { openBadgeSchemaProblems } from '../../../../../test/helpers/open-badges-schema';
import { openBadgeCredential } from './open-badge';
import { singleProof } from './proof';
import { signCredential } from './sign';
import { buildIssuer, buildWorld, qualification, trainingCertificate } from './test-factories';

describe("1EdTech's Open Badges 3.0 JSON Schema", () => {
  it('accepts a signed training certificate and a signed qualification, each with its proof as an array', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    for (const input of [trainingCertificate(dsd), qualification(dsd)]) {
      const signed = await signCredential(openBadgeCredential(input), dsd.activeKey, world.loader);
      expect(Array.isArray(signed.proof)).toBe(true);
      expect(openBadgeSchemaProblems(signed)).toEqual([]);
    }
  });

  it('refuses a proof written as one object, as credentials were issued before migration 0009', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const signed = await signCredential(openBadgeCredential(trainingCertificate(dsd)), dsd.activeKey, world.loader);
    expect(openBadgeSchemaProblems({ ...signed, proof: singleProof(signed) })).toContain('/proof: must be array');
  });

  it('is the schema it claims to be: it refuses a credential without validFrom or with an unknown identity type', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const signed = await signCredential(openBadgeCredential(trainingCertificate(dsd)), dsd.activeKey, world.loader);
    const { validFrom: _validFrom, ...undated } = signed;
    expect(openBadgeSchemaProblems(undated)).toContain("/: must have required property 'validFrom'");
    const subject = signed.credentialSubject as { identifier: Record<string, unknown>[] };
    const oddIdentity = { ...signed, credentialSubject: { ...subject, identifier: [{ ...subject.identifier[0], identityType: 'thaiName' }] } };
    expect(openBadgeSchemaProblems(oddIdentity).some((p) => p.startsWith('/credentialSubject/identifier/0/identityType'))).toBe(true);
  });
});
