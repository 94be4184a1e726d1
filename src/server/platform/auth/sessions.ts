import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/executor';
import * as repository from './sessions.repository';

export const SESSION_COOKIE = 'archeep_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns its opaque token; only the token's hash is stored. */
export async function createSession(
  db: Executor,
  input: { userId: string; ttlHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await repository.insertSession(db, {
    token_hash: hashToken(token),
    user_id: input.userId,
    expires_at: expiresAt,
    ip: input.ip ?? null,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/** The user id behind a live session token, or null; touches last_seen_at at most once a minute. */
export async function resolveSession(db: Executor, token: string): Promise<string | null> {
  const tokenHash = hashToken(token);
  const row = await repository.findSession(db, tokenHash);
  if (!row || row.expires_at.getTime() <= Date.now()) return null;
  if (Date.now() - row.last_seen_at.getTime() > 60_000) {
    await repository.touchSession(db, tokenHash);
  }
  return row.user_id;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await repository.deleteByHash(db, hashToken(token));
}

/** Ends every session of a user (password change, disabling), except optionally the current one. */
export async function deleteUserSessions(db: Executor, userId: string, exceptToken?: string): Promise<void> {
  await repository.deleteOfUser(db, userId, exceptToken ? hashToken(exceptToken) : undefined);
}

export async function deleteExpiredSessions(db: Executor): Promise<number> {
  return repository.deleteExpired(db);
}
