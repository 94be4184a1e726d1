import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id at OWASP's recommended minimum (19 MiB, 2 passes): ~30 ms here, costly for guessers. */
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id; the enum is an ambient const */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random secret, verified against when the username is unknown so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** Letters and digits without look-alikes (0/O, 1/l/I), easy to read aloud over the phone. */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password for a new account, shown once and changed at first sign-in. */
export function generateOneTimePassword(length = 14): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)];
  return out;
}

export interface PasswordRuleProblem {
  code: 'too-short' | 'too-long' | 'same-as-username';
  message: string;
  messageTh: string;
}

/** NIST 800-63B style: length matters, composition rules do not. */
export function checkNewPassword(password: string, username: string): PasswordRuleProblem | null {
  if (password.length < 10)
    return {
      code: 'too-short',
      message: 'Use at least 10 characters.',
      messageTh: 'รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร',
    };
  if (password.length > 200) return { code: 'too-long', message: 'Use at most 200 characters.', messageTh: 'รหัสผ่านยาวได้ไม่เกิน 200 ตัวอักษร' };
  if (password.toLowerCase().includes(username.toLowerCase()))
    return {
      code: 'same-as-username',
      message: 'The password must not contain the username.',
      messageTh: 'รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น',
    };
  return null;
}
