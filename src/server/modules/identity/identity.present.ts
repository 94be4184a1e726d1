import type { AppUser } from '../../db/schema';
import type { Role } from '../../platform/auth/actor';
import type * as repository from './identity.repository';

/** How accounts are shown: to their holder and managers, to administrators, to the audit trail. */

export type NamedRole = repository.RoleRow & { unit_name_th: string | null; unit_name_en: string | null };

export interface RoleInput {
  role: Role;
  unitCode: string | null;
}

export const presentUser = (user: AppUser, roles: NamedRole[]) => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  email: user.email,
  locale: user.locale,
  status: user.status,
  mustChangePassword: user.must_change_password,
  lockedUntil: user.locked_until && user.locked_until.getTime() > Date.now() ? user.locked_until.toISOString() : null,
  lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
  createdAt: user.created_at.toISOString(),
  personId: user.person_id,
  roles: roles
    .filter((r) => r.user_id === user.id)
    .map((r) => ({ role: r.role as Role, unitCode: r.unit_code, unitNameTh: r.unit_name_th, unitNameEn: r.unit_name_en })),
});
export type UserView = ReturnType<typeof presentUser>;

/**
 * An account as an administrator sees it (issue 15 §4): administrators manage accounts, not
 * people, so a citizen account shows neither the person's name nor her record's id.
 */
export const presentUserToAdmin = (user: AppUser, roles: NamedRole[]): UserView =>
  user.person_id === null ? presentUser(user, roles) : { ...presentUser(user, roles), displayName: 'บัญชีประชาชน (citizen account)', personId: null };

/** What the audit trail keeps of a user: never the password hash. */
export const auditedUser = (user: AppUser, roles: RoleInput[]) => ({
  username: user.username,
  displayName: user.display_name,
  email: user.email,
  locale: user.locale,
  status: user.status,
  roles,
});

/** Each user's roles with their units' names, by user id (who looked at a record, for its owner). */
export function rolesByUser(rows: NamedRole[]) {
  const byUser = new Map<string, { role: string; unitCode: string | null; unitNameTh: string | null; unitNameEn: string | null }[]>();
  for (const r of rows)
    byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), { role: r.role, unitCode: r.unit_code, unitNameTh: r.unit_name_th, unitNameEn: r.unit_name_en }]);
  return byUser;
}
