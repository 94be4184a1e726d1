import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { controllerDocument, generateIssuerKey, openSecret, sealSecret } from './keys';

const CONTROLLER = 'https://archeep.test/api/credentials/issuers/DSD';

describe('issuer keys', () => {
  it('are Ed25519 Multikeys named under their controller', async () => {
    const key = await generateIssuerKey(CONTROLLER, 'key-20250601-ab12');
    expect(key).toMatchObject({ id: `${CONTROLLER}#key-20250601-ab12`, controller: CONTROLLER });
    // z6Mk and z3u2: base58btc of the ed25519-pub and ed25519-priv multicodec prefixes before 32 bytes.
    expect(key.publicKeyMultibase).toMatch(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(key.secretKeyMultibase).toMatch(/^z3u2[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect((await generateIssuerKey(CONTROLLER, 'key-2')).publicKeyMultibase).not.toBe(key.publicKeyMultibase);
  });

  it('refuse a controller with a fragment and a fragment that would need escaping', async () => {
    await expect(generateIssuerKey(`${CONTROLLER}#x`, 'key-1')).rejects.toThrow(/without a fragment/);
    await expect(generateIssuerKey(CONTROLLER, 'key 1')).rejects.toThrow(/fragment/);
    await expect(generateIssuerKey(CONTROLLER, '')).rejects.toThrow(/fragment/);
  });
});

describe('sealed private keys', () => {
  const kek = randomBytes(32);
  const keyId = `${CONTROLLER}#key-1`;

  it('open with the same key-encryption key and key id', async () => {
    const { secretKeyMultibase } = await generateIssuerKey(CONTROLLER, 'key-1');
    const sealed = sealSecret(secretKeyMultibase, keyId, kek);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain(secretKeyMultibase);
    expect(openSecret(sealed, keyId, kek)).toBe(secretKeyMultibase);
    // A fresh IV each time: sealing the same secret twice gives different text.
    expect(sealSecret(secretKeyMultibase, keyId, kek)).not.toBe(sealed);
  });

  it('do not open with another key-encryption key', () => {
    const sealed = sealSecret('zrvSecret', keyId, kek);
    expect(() => openSecret(sealed, keyId, randomBytes(32))).toThrow(/does not open/);
  });

  it('do not open under another key id, so a sealed secret cannot be moved to another key’s row', () => {
    const sealed = sealSecret('zrvSecret', keyId, kek);
    expect(() => openSecret(sealed, `${CONTROLLER}#key-2`, kek)).toThrow(`The sealed secret of ${CONTROLLER}#key-2 does not open`);
  });

  it('do not open when altered, and say so in Thai too', () => {
    const [version, iv, tag, ciphertext] = sealSecret('zrvSecret', keyId, kek).split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0]! ^= 1;
    expect(() => openSecret([version, iv, tag, flipped.toString('base64url')].join('.'), keyId, kek)).toThrow(/เปิดกุญแจลับ/);
    expect(() => openSecret(['v2', iv, tag, ciphertext].join('.'), keyId, kek)).toThrow(/version v1/);
    expect(() => openSecret('zrvSecret', keyId, kek)).toThrow(/version v1/);
  });

  it('need a 32-byte key-encryption key', () => {
    expect(() => sealSecret('zrvSecret', keyId, randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('the controller document', () => {
  it('lists every key, retired ones too, as Multikeys under assertionMethod', () => {
    const keys = [
      { id: `${CONTROLLER}#key-1`, publicKeyMultibase: 'z6MkOne' },
      { id: `${CONTROLLER}#key-2`, publicKeyMultibase: 'z6MkTwo' },
    ];
    const document = controllerDocument(
      { id: CONTROLLER, nameTh: 'กรมพัฒนาฝีมือแรงงาน', nameEn: 'Department of Skill Development', url: 'https://www.dsd.go.th' },
      keys,
    );
    expect(document).toMatchObject({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1', expect.any(Object)],
      id: CONTROLLER,
      name: [
        { '@value': 'กรมพัฒนาฝีมือแรงงาน', '@language': 'th' },
        { '@value': 'Department of Skill Development', '@language': 'en' },
      ],
      url: 'https://www.dsd.go.th',
      verificationMethod: [
        { id: `${CONTROLLER}#key-1`, type: 'Multikey', controller: CONTROLLER, publicKeyMultibase: 'z6MkOne' },
        { id: `${CONTROLLER}#key-2`, type: 'Multikey', controller: CONTROLLER, publicKeyMultibase: 'z6MkTwo' },
      ],
      assertionMethod: [`${CONTROLLER}#key-1`, `${CONTROLLER}#key-2`],
    });
  });

  it('refuses a key of another controller', () => {
    expect(() =>
      controllerDocument({ id: CONTROLLER, nameTh: 'ก', nameEn: 'A' }, [
        { id: 'https://archeep.test/api/credentials/issuers/OTHER#key-1', publicKeyMultibase: 'z6Mk' },
      ]),
    ).toThrow(/not under its controller/);
  });
});
