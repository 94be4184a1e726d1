import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The key-encryption key that seals the issuers' private keys in the database. Production sets
 * CREDENTIAL_KEY_SECRET (32 bytes, base64) from its secret store; a machine without it keeps one
 * in a folder beside the data folder (`./data-keys/` for `./data`), created on first use, so that
 * `npm start` needs no set-up. Not inside the data folder: that is PGlite's own directory, and a
 * backup of the database should not carry the key that opens its signing keys.
 */
export function credentialKek(options: { secret: string | undefined; dataDir: string }): () => Buffer {
  let kek: Buffer | null = null;
  return () => (kek ??= options.secret ? decode(options.secret, 'CREDENTIAL_KEY_SECRET') : fromFile(keyFileFor(options.dataDir)));
}

/** Where the key file lives without CREDENTIAL_KEY_SECRET: `<data folder>-keys/credential-kek.key`. */
export const keyFileFor = (dataDir: string) => path.join(`${path.resolve(dataDir)}-keys`, 'credential-kek.key');

function decode(text: string, where: string): Buffer {
  const bytes = Buffer.from(text.trim(), 'base64');
  if (bytes.length !== 32) throw new Error(`${where} must be 32 bytes in base64 (it decodes to ${bytes.length}) / ${where} ต้องเป็นข้อมูล 32 ไบต์ในรูป base64`);
  return bytes;
}

/** Created once, atomically: two processes starting together end with the same key. */
function fromFile(file: string): Buffer {
  try {
    return decode(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return decode(readFileSync(file, 'utf8'), file);
}
