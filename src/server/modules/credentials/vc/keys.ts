import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DID_V1, MULTIKEY_V1 } from './bundled-contexts';

/** An issuer's Ed25519 key as a Multikey; `id` is `${controller}#${fragment}`. */
export interface IssuerKey {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/** The issuing agency as the controller document and the credentials name it. */
export interface IssuerProfile {
  /** The controller URL: where the controller document is served. */
  id: string;
  nameTh: string;
  nameEn: string;
  url?: string;
}

export async function generateIssuerKey(controller: string, fragment: string): Promise<IssuerKey> {
  if (!/^https?:\/\/[^#\s]+$/.test(controller)) throw new Error(`A controller is an absolute URL without a fragment: ${controller}`);
  // Kept to URL-safe characters so the key id is the same string in every document that names it.
  if (!/^[A-Za-z0-9._~-]+$/.test(fragment)) throw new Error(`A key fragment is letters, digits, '.', '_', '~' or '-': ${fragment}`);
  const id = `${controller}#${fragment}`;
  const pair = await Ed25519Multikey.generate({ id, controller });
  // canonicalize: the 32-byte seed the Multikey specification defines, not the library's 64 bytes.
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false, canonicalize: true });
  if (!exported.secretKeyMultibase) throw new Error('Ed25519Multikey.generate gave no secret key');
  return { id, controller, publicKeyMultibase: exported.publicKeyMultibase, secretKeyMultibase: exported.secretKeyMultibase };
}

const SEALED_VERSION = 'v1';

/**
 * Seals a private key for the database: AES-256-GCM under the key-encryption key, with the key
 * id as additional data, so a sealed secret copied onto another key's row does not open there.
 * The text is `v1.<iv>.<tag>.<ciphertext>`, base64url; the version lets a later scheme coexist.
 */
export function sealSecret(secretKeyMultibase: string, keyId: string, kek: Buffer): string {
  assertKek(kek);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secretKeyMultibase, 'utf8'), cipher.final()]);
  return [SEALED_VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function openSecret(sealed: string, keyId: string, kek: Buffer): string {
  assertKek(kek);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_VERSION) {
    throw new Error(`Not a sealed secret of version ${SEALED_VERSION} / ข้อมูลนี้ไม่ใช่กุญแจลับที่ปิดผนึกแบบ ${SEALED_VERSION}`);
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv);
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // GCM cannot tell these apart, and the message must not hint at which it was.
    throw new Error(
      `The sealed secret of ${keyId} does not open: another key-encryption key, altered text, or sealed for another key id / ` +
        `เปิดกุญแจลับของ ${keyId} ไม่ได้: กุญแจเข้ารหัสไม่ตรง ข้อมูลถูกแก้ไข หรือปิดผนึกไว้สำหรับกุญแจอื่น`,
    );
  }
}

function assertKek(kek: Buffer) {
  if (kek.length !== 32) throw new Error(`The key-encryption key must be 32 bytes, not ${kek.length}`);
}

/**
 * The issuer's controller document, served at `issuer.id`. Every key the issuer ever signed with
 * stays under `assertionMethod`, retired ones too: rotation stops new signatures with an old
 * key, not trust in what it signed. A compromised key is left out instead, and every credential
 * it signed then fails, which is the point.
 *
 * The DID 1.0 context comes first: jsonld-signatures reads `assertionMethod` from such a document
 * directly, where for any other it would frame the document against the security vocabulary.
 * The inline context gives the names a meaning, so a safe-mode reader keeps them.
 */
export function controllerDocument(issuer: IssuerProfile, keys: { id: string; publicKeyMultibase: string }[]): Record<string, unknown> {
  for (const key of keys) {
    if (!key.id.startsWith(`${issuer.id}#`)) throw new Error(`The key ${key.id} is not under its controller ${issuer.id}`);
  }
  return {
    '@context': [DID_V1, MULTIKEY_V1, { name: 'https://schema.org/name', url: { '@id': 'https://schema.org/url', '@type': '@id' } }],
    id: issuer.id,
    name: [
      { '@value': issuer.nameTh, '@language': 'th' },
      { '@value': issuer.nameEn, '@language': 'en' },
    ],
    ...(issuer.url ? { url: issuer.url } : {}),
    verificationMethod: keys.map((key) => ({ id: key.id, type: 'Multikey', controller: issuer.id, publicKeyMultibase: key.publicKeyMultibase })),
    assertionMethod: keys.map((key) => key.id),
  };
}
