import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialKek, keyFileFor } from './credential-kek';

const root = mkdtempSync(path.join(os.tmpdir(), 'archeep-kek-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the key-encryption key for signing keys', () => {
  it('is made once beside the data folder, never inside it (PGlite must find its folder empty), and read back the same', () => {
    const dataDir = path.join(root, 'data');
    const first = credentialKek({ secret: undefined, dataDir })();
    const second = credentialKek({ secret: undefined, dataDir })();
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
    expect(keyFileFor(dataDir)).toBe(path.join(root, 'data-keys', 'credential-kek.key'));
    expect(statSync(keyFileFor(dataDir)).mode & 0o077).toBe(0);
    expect(readdirSync(path.join(root, 'data-keys'))).toEqual(['credential-kek.key']);
  });

  it('takes CREDENTIAL_KEY_SECRET when set, and refuses one that is not 32 bytes, naming it', () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(credentialKek({ secret, dataDir: path.join(root, 'unused') })().equals(Buffer.alloc(32, 7))).toBe(true);
    expect(existsSync(path.join(root, 'unused-keys'))).toBe(false);
    expect(() => credentialKek({ secret: 'c2hvcnQ=', dataDir: root })()).toThrow(/CREDENTIAL_KEY_SECRET must be 32 bytes/);
  });
});
