import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Executor } from '../../../db/executor';
import * as repository from './sign-in.repository';

/**
 * Staff's second factor (issue 21 §1): RFC 6238 TOTP codes (otpauth; SHA-1, 6 digits, 30 s, the
 * authenticator apps' common setting). The secret is sealed with AES-256-GCM under the
 * key-encryption key and shown only while enrolling; a code is accepted within one step either
 * side of now, and once: its time step must be later than the last one accepted.
 */
const ISSUER = 'Archeep';
const WINDOW = 1;

function seal(kek: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

function unseal(kek: Buffer, sealed: string): string {
  const [, iv, tag, body] = sealed.split('.');
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv!, 'base64'));
  decipher.setAuthTag(Buffer.from(tag!, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body!, 'base64')), decipher.final()]).toString('utf8');
}

const totpOf = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });

export type CodeCheck = 'ok' | 'wrong' | 'none';

export function createTotp(deps: { db: Executor; kek: () => Buffer }) {
  const { db, kek } = deps;

  /** The time step the code belongs to, or null when it is no valid code now. */
  const stepOf = (secretBase32: string, code: string): number | null => {
    if (!/^\d{6}$/.test(code)) return null;
    const delta = totpOf(secretBase32, '-').validate({ token: code, window: WINDOW });
    return delta === null ? null : OTPAuth.TOTP.counter({ period: 30 }) + delta;
  };

  return {
    /** Whether the account has a confirmed second factor, and one waiting for its first code. */
    async status(userId: string) {
      const row = await repository.findTotp(db, userId);
      return { enrolled: Boolean(row?.confirmed_at), pending: Boolean(row && !row.confirmed_at) };
    },

    confirmedAmong: (userIds: readonly string[]) => repository.confirmedTotpUsers(db, userIds),

    /** A new secret (replacing one never confirmed): the only time it leaves the server. */
    async begin(trx: Executor, userId: string, label: string): Promise<{ secret: string; uri: string; qrSvg: string } | null> {
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      const saved = await repository.upsertPendingTotp(trx, userId, seal(kek(), secret));
      if (!saved) return null;
      const uri = totpOf(secret, label).toString();
      return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
    },

    /**
     * Checks a code and spends its step. `confirm` enrols a pending secret with its first code;
     * otherwise only a confirmed secret counts. 'none': no such secret.
     */
    async check(trx: Executor, userId: string, code: string, options: { confirm: boolean }): Promise<CodeCheck> {
      const row = await repository.findTotp(trx, userId);
      if (!row || (!options.confirm && !row.confirmed_at) || (options.confirm && row.confirmed_at)) return 'none';
      const step = stepOf(unseal(kek(), row.secret_sealed), code.trim());
      if (step !== null && (await repository.spendStep(trx, userId, step, options.confirm))) return 'ok';
      await repository.recordTotpFailure(trx, userId);
      return 'wrong';
    },

    /** Removes the second factor (an administrator's reset; the holder's own removal with a code). */
    /** How many secrets went (0: none was set up or pending). */
    remove: async (trx: Executor, userId: string) => Number((await repository.deleteTotp(trx, userId))[0]?.numDeletedRows ?? 0),
  };
}

export type Totp = ReturnType<typeof createTotp>;
