import type { Executor } from '../../db/executor';

export const insertSession = (db: Executor, values: { token_hash: string; user_id: string; expires_at: Date; ip: string | null; user_agent: string | null }) =>
  db.insertInto('user_session').values(values).execute();

export const findSession = (db: Executor, tokenHash: string) =>
  db.selectFrom('user_session').select(['user_id', 'expires_at', 'last_seen_at']).where('token_hash', '=', tokenHash).executeTakeFirst();

export const touchSession = (db: Executor, tokenHash: string) =>
  db.updateTable('user_session').set({ last_seen_at: new Date() }).where('token_hash', '=', tokenHash).execute();

export const deleteByHash = (db: Executor, tokenHash: string) => db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();

export async function deleteOfUser(db: Executor, userId: string, exceptHash?: string) {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptHash) query = query.where('token_hash', '!=', exceptHash);
  await query.execute();
}

export const deleteExpired = async (db: Executor) =>
  Number((await db.deleteFrom('user_session').where('expires_at', '<', new Date()).executeTakeFirst()).numDeletedRows);
