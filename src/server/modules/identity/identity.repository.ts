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

/**
 * Counts a failed sign-in atomically (two wrong guesses at once both count) and locks the
 * account once the count reaches `maxFailures`.
 */
export async function recordFailedSignIn(db: Executor, id: string, maxFailures: number, lockMinutes: number) {
  return db
    .updateTable('app_user')
    .set((eb) => ({
      failed_sign_ins: eb('failed_sign_ins', '+', 1),
      locked_until: sql<Date | null>`case when failed_sign_ins + 1 >= ${maxFailures}
        then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
    }))
    .where('id', '=', id)
    .returning(['failed_sign_ins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

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
