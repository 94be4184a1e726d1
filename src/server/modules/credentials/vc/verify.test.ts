import { describe, expect, it } from 'vitest';
import { verifyIndependently } from './independent-verifier';
import { generateIssuerKey } from './keys';
import { openBadgeCredential } from './open-badge';
import { singleProof } from './proof';
import { signCredential } from './sign';
import { emptyStatusList, encodeStatusList, setStatusBit } from './status-list';
import { buildIssuer, buildWorld, qualification, trainingCertificate, type TestIssuer, type World } from './test-factories';
import { verifyCredential } from './verify';

/** After every validFrom in the factories and before every validUntil. */
const NOW = new Date('2025-09-01T03:00:00Z');

async function issued(world: World, issuer: TestIssuer, input = trainingCertificate(issuer)) {
  return signCredential(openBadgeCredential(input), issuer.activeKey, world.loader);
}

const verify = (world: World, credential: unknown, now = NOW) => verifyCredential(credential, { loader: world.loader, now });

/** The one-character change: the last character of `text` becomes another. */
const oneCharacterChanged = (text: string, other: string) => `${text.slice(0, -1)}${text.endsWith(other) ? 'x' : other}`;

describe('an issued Open Badge', () => {
  it('a Thai training certificate verifies, and the independent verifier agrees', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);

    expect(await verify(world, credential)).toEqual({
      verified: true,
      signature: 'valid',
      status: 'active',
      validity: 'current',
      issuer: { id: dsd.profile.id, name: 'กรมพัฒนาฝีมือแรงงาน' },
      keyId: `${dsd.profile.id}#key-1`,
      problems: [],
    });
    expect(await verifyIndependently(credential, world.resolve)).toEqual({
      signature: 'valid',
      status: 'active',
      keyId: `${dsd.profile.id}#key-1`,
      reason: null,
    });
    // A proof set of one: what Open Badges' JSON Schema requires.
    expect(credential.proof).toEqual([
      expect.objectContaining({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: `${dsd.profile.id}#key-1`,
      }),
    ]);
  });

  it('a credential whose proof is one object (as issued before migration 0009) verifies with both verifiers', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);
    const asBefore = { ...credential, proof: singleProof(credential) };
    expect(Array.isArray(asBefore.proof)).toBe(false);

    expect(await verify(world, asBefore)).toMatchObject({ verified: true, signature: 'valid', keyId: `${dsd.profile.id}#key-1` });
    expect(await verifyIndependently(asBefore, world.resolve)).toMatchObject({ signature: 'valid', status: 'active' });
  });

  it('a qualification with competency units and a level verifies, and the independent verifier agrees', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd, qualification(dsd));

    expect(await verify(world, credential)).toMatchObject({ verified: true, signature: 'valid', status: 'active', validity: 'current', problems: [] });
    expect(await verifyIndependently(credential, world.resolve)).toMatchObject({ signature: 'valid', status: 'active' });
  });

  it('fails both verifiers when one character of the holder’s name changes', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);
    const tampered = structuredClone(credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
    const identity = tampered.credentialSubject.identifier[0]!;
    identity.identityHash = identity.identityHash.replace('ใจดี', 'ใจดา');
    expect(identity.identityHash).toBe('นางสาวสมหญิง ใจดา');

    const report = await verify(world, tampered);
    expect(report).toMatchObject({ verified: false, signature: 'invalid', status: 'active', validity: 'current' });
    expect(report.problems).toEqual([
      expect.objectContaining({ en: expect.stringContaining('does not match the content'), th: expect.stringContaining('ลายมือชื่อไม่ตรงกับเนื้อหา') }),
    ]);
    expect(await verifyIndependently(tampered, world.resolve)).toMatchObject({ signature: 'invalid', reason: 'the Ed25519 signature does not verify' });
  });

  it('fails both verifiers when one character of the proofValue changes', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);
    const proof = singleProof(credential) as { proofValue: string };
    const tampered = { ...credential, proof: [{ ...proof, proofValue: oneCharacterChanged(proof.proofValue, 'A') }] };

    expect(await verify(world, tampered)).toMatchObject({ verified: false, signature: 'invalid' });
    expect(await verifyIndependently(tampered, world.resolve)).toMatchObject({ signature: 'invalid' });
  });

  it('fails both verifiers when one character of the achievement’s name changes', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd, qualification(dsd));
    const tampered = JSON.parse(JSON.stringify(credential).replace('ระดับ 2', 'ระดับ 3')) as unknown;

    expect(await verify(world, tampered)).toMatchObject({ verified: false, signature: 'invalid' });
    expect(await verifyIndependently(tampered, world.resolve)).toMatchObject({ signature: 'invalid' });
  });
});

describe('validity dates', () => {
  it('reports a credential past its validUntil as expired, with a genuine signature', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd, trainingCertificate(dsd, { validUntil: '2025-08-31T23:59:59+07:00' }));

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'valid', status: 'active', validity: 'expired' });
    expect(report.problems).toEqual([
      { en: 'The credential expired (valid until 2025-08-31T23:59:59+07:00).', th: 'เอกสารรับรองหมดอายุแล้ว (มีผลถึง 2025-08-31T23:59:59+07:00)' },
    ]);
    // The same credential the day before it expired.
    expect(await verify(world, credential, new Date('2025-08-30T00:00:00Z'))).toMatchObject({ verified: true, validity: 'current' });
  });

  it('reports a credential before its validFrom as not yet valid', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd, trainingCertificate(dsd, { validFrom: '2025-10-01T00:00:00+07:00' }));

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'valid', validity: 'not-yet-valid' });
    expect(report.problems[0]?.en).toContain('not valid yet');
  });
});

describe('revocation', () => {
  it('reports a credential whose bit is set in the re-signed list as revoked, and the independent status read agrees', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const input = trainingCertificate(dsd);
    const credential = await issued(world, dsd, input);
    const other = await issued(world, dsd);

    setStatusBit(dsd.bits, input.status!.index, true);
    await dsd.publishList();

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'valid', status: 'revoked', validity: 'current' });
    expect(report.problems).toEqual([{ en: 'The issuer has revoked this credential.', th: 'ผู้ออกได้เพิกถอนเอกสารรับรองนี้แล้ว' }]);
    expect(await verifyIndependently(credential, world.resolve)).toMatchObject({ signature: 'valid', status: 'revoked' });
    // Its neighbour in the list is untouched.
    expect(await verify(world, other)).toMatchObject({ verified: true, status: 'active' });
    expect(await verifyIndependently(other, world.resolve)).toMatchObject({ status: 'active' });
  });

  it('does not trust a list whose bits were changed without signing it again', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const input = trainingCertificate(dsd);
    const credential = await issued(world, dsd, input);
    setStatusBit(dsd.bits, input.status!.index, true);
    await dsd.publishList();

    // Someone restores the old, empty list text into the signed revoked list.
    const revokedList = world.documents.get(dsd.listUrl)!;
    const forged = { ...revokedList, credentialSubject: { ...(revokedList.credentialSubject as object), encodedList: encodeStatusList(emptyStatusList()) } };
    world.documents.set(dsd.listUrl, forged);

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'valid', status: 'unknown' });
    expect(report.problems[0]?.en).toMatch(/revocation list .* cannot be trusted.*does not match the content/);
    expect(await verifyIndependently(credential, world.resolve)).toMatchObject({ signature: 'valid', status: 'unknown' });
  });

  it('does not trust a genuine list of another issuer put in place of the issuer’s own', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world, 'DSD');
    const dwf = await buildIssuer(world, 'DWF', { nameTh: 'กรมพัฒนาชุมชน', nameEn: 'Community Development Department' });
    const credential = await issued(world, dsd);
    world.documents.set(dsd.listUrl, world.documents.get(dwf.listUrl)!);

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'valid', status: 'unknown' });
    expect(report.problems[0]?.en).toContain('issued by someone other than');
    expect(await verifyIndependently(credential, world.resolve)).toMatchObject({ status: 'unknown', reason: 'the status list has another issuer' });
  });

  it('reports status unknown, and so not verified, when there is no status or the list is missing', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const withoutStatus = await issued(world, dsd, trainingCertificate(dsd, { status: null }));
    expect(await verify(world, withoutStatus)).toMatchObject({
      verified: false,
      signature: 'valid',
      status: 'unknown',
      problems: [expect.objectContaining({ en: expect.stringContaining('no revocation status') })],
    });

    const credential = await issued(world, dsd);
    world.documents.delete(dsd.listUrl);
    expect(await verify(world, credential)).toMatchObject({
      verified: false,
      signature: 'valid',
      status: 'unknown',
      problems: [expect.objectContaining({ en: expect.stringContaining('is not available') })],
    });
  });
});

describe('keys and issuers', () => {
  it('still verifies what a retired key signed after rotation, and what the new key signs', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const before = await issued(world, dsd);
    const key2 = await dsd.rotate();
    await dsd.publishList(); // the list is signed again with the new key
    const after = await issued(world, dsd);

    expect(world.documents.get(dsd.profile.id)).toMatchObject({ assertionMethod: [`${dsd.profile.id}#key-1`, key2.id] });
    expect(await verify(world, before)).toMatchObject({ verified: true, keyId: `${dsd.profile.id}#key-1` });
    expect(await verify(world, after)).toMatchObject({ verified: true, keyId: key2.id });
    expect(await verifyIndependently(before, world.resolve)).toMatchObject({ signature: 'valid', status: 'active' });
    expect(await verifyIndependently(after, world.resolve)).toMatchObject({ signature: 'valid', status: 'active' });
  });

  it('rejects a credential signed by a key its issuer does not list', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    // A key under the issuer's URL that the issuer never published: anyone can make one.
    const unlisted = await generateIssuerKey(dsd.profile.id, 'key-made-elsewhere');
    const credential = await signCredential(openBadgeCredential(trainingCertificate(dsd)), unlisted, world.loader);

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'invalid', keyId: unlisted.id });
    expect(report.problems[0]).toEqual({
      en: `The key ${unlisted.id} is not among the keys its issuer lists for signing credentials.`,
      th: `กุญแจ ${unlisted.id} ไม่อยู่ในรายการกุญแจที่ผู้ออกเอกสารใช้ลงนาม`,
    });
    expect(await verifyIndependently(credential, world.resolve)).toMatchObject({ signature: 'invalid' });

    // A key dropped from the controller document (compromised) takes its credentials with it.
    const signedByKey1 = await issued(world, dsd);
    await dsd.rotate();
    dsd.publishKeys([dsd.activeKey]);
    expect(await verify(world, signedByKey1)).toMatchObject({ verified: false, signature: 'invalid' });
    expect(await verifyIndependently(signedByKey1, world.resolve)).toMatchObject({ signature: 'invalid' });
  });

  it('rejects a credential naming one issuer and signed with another issuer’s listed key', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world, 'DSD');
    const other = await buildIssuer(world, 'OTHER', { nameTh: 'หน่วยงานอื่น', nameEn: 'Another agency' });
    // signCredential refuses this outright…
    await expect(signCredential(openBadgeCredential(trainingCertificate(dsd)), other.activeKey, world.loader)).rejects.toThrow(/is not the controller/);
    // …so the forger lies about the key's controller to get past it.
    const forgedKey = { ...other.activeKey, controller: dsd.profile.id };
    const credential = await signCredential(openBadgeCredential(trainingCertificate(dsd)), forgedKey, world.loader);

    const report = await verify(world, credential);
    expect(report).toMatchObject({ verified: false, signature: 'invalid', issuer: { id: dsd.profile.id } });
    expect(report.problems[0]?.en).toBe(`The signing key belongs to ${other.profile.id}, not to the issuer the credential names (${dsd.profile.id}).`);
    expect(await verifyIndependently(credential, world.resolve)).toMatchObject({ signature: 'invalid' });
  });
});

describe('bad input', () => {
  it('gives a report, never an exception, for things that are not credentials', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);
    const { proof: _proof, ...unsigned } = credential;
    const cases: unknown[] = [
      null,
      'a credential',
      [],
      {},
      unsigned,
      { ...credential, proof: 'signed, honestly' },
      { ...credential, proof: [{ ...singleProof(credential), cryptosuite: 'ecdsa-rdfc-2019' }] },
      { ...credential, '@context': 'https://www.w3.org/ns/credentials/v2' },
      { ...credential, '@context': 42 },
      { ...credential, issuer: 42 },
      { ...credential, validFrom: 'yesterday' },
      { ...credential, credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: -1 } },
      { ...credential, proof: [{ ...singleProof(credential), verificationMethod: 'https://example.com/keys#1' }] },
    ];
    for (const input of cases) {
      const report = await verify(world, input);
      expect(report, JSON.stringify(input)?.slice(0, 80)).toMatchObject({ verified: false, signature: 'invalid' });
      expect(report.problems.length).toBeGreaterThan(0);
      for (const p of report.problems) expect(p.th).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('refuses a credential that names an unknown context, without fetching it', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);
    const withContext = { ...credential, '@context': [...(credential['@context'] as string[]), 'https://example.com/context.json'] };

    const report = await verify(world, withContext);
    expect(report).toMatchObject({ verified: false, signature: 'invalid' });
    expect(report.problems[0]?.en).toBe(
      'The credential refers to https://example.com/context.json, which this system does not know; nothing is fetched from the internet.',
    );
  });
});

describe('JSON-LD safe mode', () => {
  it('refuses to sign a credential with a property no context defines, rather than leave it unsigned', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = openBadgeCredential(trainingCertificate(dsd));
    (credential.credentialSubject as Record<string, unknown>).nationalId = '1101700203451';

    await expect(signCredential(credential, dsd.activeKey, world.loader)).rejects.toThrow(/Safe mode validation error/);
  });

  it('rejects a signed credential that gained an undefined property, which a signature could not cover', async () => {
    const world = buildWorld();
    const dsd = await buildIssuer(world);
    const credential = await issued(world, dsd);
    const extended = { ...credential, credentialSubject: { ...(credential.credentialSubject as object), grade: 'A' } };

    const report = await verify(world, extended);
    expect(report).toMatchObject({ verified: false, signature: 'invalid' });
    expect(report.problems[0]?.en).toContain('properties that its JSON-LD contexts do not define');
    expect(await verifyIndependently(extended, world.resolve)).toMatchObject({ signature: 'invalid', reason: expect.stringContaining('Safe mode') });
  });
});
