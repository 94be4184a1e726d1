import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { AppUser, DB, NewAppUser } from '../../db/schema';

export const countUsers = async (db: Executor) =>
  Number(
    (
      await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findUserByUsername = (db: Executor, username: string) => db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Executor, id: string) => db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (trx: Transaction<DB>, user: NewAppUser) => trx.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow();

export const updateUser = (
  trx: Executor,
  id: string,
  patch: Partial<
    Pick<
      AppUser,
      'display_name' | 'email' | 'locale' | 'status' | 'password_hash' | 'must_change_password' | 'failed_sign_ins' | 'locked_until' | 'last_sign_in_at'
    >
  >,
) =>
  trx
    .updateTable('app_user')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** The pacing state of an address and name pair and of the name over every address (`sign-in.rules.ts`). */
export async function signInPace(db: Executor, ip: string, nameHash: string, windowMinutes: number) {
  const { rows } = await sql<{ pair_blocked_until: Date | null; name_failures: number; name_last_failed_at: Date | null }>`
    select (select blocked_until from sign_in_failure where ip = ${ip} and name_hash = ${nameHash}) as pair_blocked_until,
           coalesce(sum(failures), 0)::int as name_failures,
           max(last_failed_at) as name_last_failed_at
      from sign_in_failure
     where name_hash = ${nameHash} and last_failed_at > now() - make_interval(mins => ${windowMinutes})`.execute(db);
  const row = rows[0]!;
  return { pairBlockedUntil: row.pair_blocked_until, nameFailures: Number(row.name_failures), nameLastFailedAt: row.name_last_failed_at };
}

/**
 * Counts a failure of the pair atomically (two wrong guesses at once both count); a count older
 * than the window starts again at 1. Returns the failures in a row.
 */
export async function recordSignInFailure(db: Executor, ip: string, nameHash: string, windowMinutes: number): Promise<number> {
  const { rows } = await sql<{ failures: number }>`
    insert into sign_in_failure as f (ip, name_hash, failures, last_failed_at)
    values (${ip}, ${nameHash}, 1, now())
    on conflict (ip, name_hash) do update
       set failures = case when f.last_failed_at < now() - make_interval(mins => ${windowMinutes}) then 1 else f.failures + 1 end,
           last_failed_at = now()
    returning failures`.execute(db);
  return Number(rows[0]!.failures);
}

export const blockSignInPair = (db: Executor, ip: string, nameHash: string, until: Date) =>
  db.updateTable('sign_in_failure').set({ blocked_until: until }).where('ip', '=', ip).where('name_hash', '=', nameHash).execute();

/** A success clears the pair's count (not the name's others: those addresses keep theirs). */
export const clearSignInPair = (db: Executor, ip: string, nameHash: string) =>
  db.deleteFrom('sign_in_failure').where('ip', '=', ip).where('name_hash', '=', nameHash).execute();

/** Failures older than a day are forgotten. */
export const forgetOldSignInFailures = (db: Executor) =>
  db
    .deleteFrom('sign_in_failure')
    .where('last_failed_at', '<', new Date(Date.now() - 86_400_000))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', new Date())]))
    .execute();

export interface RoleRow {
  user_id: string;
  role: string;
  unit_code: string | null;
}

export async function rolesOf(db: Executor, userIds: readonly string[]): Promise<RoleRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_assignment as r')
    .select(['r.user_id', 'r.role', 'r.unit_code'])
    .where('r.user_id', 'in', [...userIds])
    .orderBy('r.role')
    .orderBy('r.unit_code')
    .execute();
}

export async function replaceRoles(trx: Transaction<DB>, userId: string, roles: { role: string; unitCode: string | null }[]) {
  await trx.deleteFrom('role_assignment').where('user_id', '=', userId).execute();
  if (roles.length) {
    await trx
      .insertInto('role_assignment')
      .values(roles.map((r) => ({ user_id: userId, role: r.role, unit_code: r.unitCode })))
      .execute();
  }
}

export interface UserFilter {
  q?: string;
  role?: string;
  unitCode?: string;
  status?: 'active' | 'disabled';
  limit: number;
  offset: number;
}

export async function listUsers(db: Executor, filter: UserFilter): Promise<{ rows: AppUser[]; total: number }> {
  let query = db.selectFrom('app_user as a');
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&').toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb('a.username', 'like', like), eb(eb.fn('lower', ['a.display_name']), 'like', like)]));
  }
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.role || filter.unitCode) {
    const { role, unitCode } = filter;
    query = query.where(({ exists, selectFrom }) => {
      let sub = selectFrom('role_assignment as r').select('r.id').whereRef('r.user_id', '=', 'a.id');
      if (role) sub = sub.where('r.role', '=', role);
      if (unitCode) sub = sub.where('r.unit_code', '=', unitCode);
      return exists(sub);
    });
  }
  const rows = await query.selectAll('a').orderBy('a.username').limit(filter.limit).offset(filter.offset).execute();
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export const findUserByPerson = (db: Executor, personId: number) => db.selectFrom('app_user').selectAll().where('person_id', '=', personId).executeTakeFirst();

export const displayNamesOf = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', [...ids])
        .execute();

/**
 * Closes a person's accounts on their erasure: disabled, the name and e-mail gone, the username
 * (often made from the person's name) replaced by one made from the account's id.
 */
export const closeAccountsOfPerson = (trx: Executor, personId: number) =>
  trx
    .updateTable('app_user')
    .set((eb) => ({
      username: sql<string>`'erased-' || replace(${eb.ref('id')}::text, '-', '')`,
      display_name: 'ลบข้อมูลแล้ว',
      email: null,
      status: 'disabled',
      failed_sign_ins: 0,
      locked_until: null,
      updated_at: new Date(),
    }))
    .where('person_id', '=', personId)
    .returning('id')
    .execute();
