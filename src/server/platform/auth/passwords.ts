import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

export const MIN_PASSWORD_LENGTH = 12;

export interface PasswordRuleProblem {
  code: 'too-short' | 'too-long' | 'same-as-username' | 'common' | 'too-simple';
  message: string;
  messageTh: string;
}

/** The 10,000 most common passwords (zxcvbn's list, MIT; see `data/README.md`), read once. */
let common: Set<string> | undefined;
const commonPasswords = () =>
  (common ??= new Set(
    readFileSync(fileURLToPath(new URL('./data/common-passwords.txt', import.meta.url)), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ));

/** One unit repeated (`aaaaaaaaaaaa`, `abcabcabcabc`), or a run up or down (`123456789012`, `abcdefghijkl`). */
function isTrivial(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size <= 2) return true;
  if (/^(.{1,4})\1+.{0,3}$/u.test(password.toLowerCase())) return true;
  const steps = chars.slice(1).map((c, i) => {
    const step = c.codePointAt(0)! - chars[i]!.codePointAt(0)!;
    return step === -9 || step === 9 ? Math.sign(-step) : step; // 9→0 and 0→9 continue a run of digits
  });
  return steps.every((d) => d === 1) || steps.every((d) => d === -1);
}

/**
 * NIST SP 800-63B §5.1.1.2: length matters, composition rules do not; refuse what guessers try
 * first: common and breached passwords (with digits or symbols added at the end too), repeats and
 * runs, and anything containing the username.
 */
export function checkNewPassword(password: string, username: string): PasswordRuleProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      code: 'too-short',
      message: `Use at least ${MIN_PASSWORD_LENGTH} characters; a phrase you can remember works well.`,
      messageTh: `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร ใช้เป็นวลีที่จำง่ายได้`,
    };
  if (password.length > 200) return { code: 'too-long', message: 'Use at most 200 characters.', messageTh: 'รหัสผ่านยาวได้ไม่เกิน 200 ตัวอักษร' };
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return {
      code: 'same-as-username',
      message: 'The password must not contain the username.',
      messageTh: 'รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น',
    };
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem)))
    return {
      code: 'common',
      message: 'This password is one of the most common ones, which guessers try first; choose another.',
      messageTh: 'รหัสผ่านนี้เป็นรหัสผ่านที่ใช้กันมาก ผู้ไม่หวังดีจะลองเดาก่อน กรุณาเลือกรหัสผ่านอื่น',
    };
  if (isTrivial(password))
    return {
      code: 'too-simple',
      message: 'Repeated characters or a simple run (aaaa…, 1234…) are guessed at once; choose a phrase.',
      messageTh: 'ตัวอักษรซ้ำหรือเรียงกัน (aaaa… หรือ 1234…) เดาได้ง่าย กรุณาใช้วลีแทน',
    };
  return null;
}
