import { hasAnyRole, type Actor, type Role } from '../../platform/auth/actor';

/** Roles that must be held in a unit, whose provinces become the role's scope. */
export const ROLES_NEEDING_UNIT: readonly Role[] = ['officer'];
/** Roles of people outside government: their scope is their own records, never a unit's area. */
export const ROLES_WITHOUT_UNIT: readonly Role[] = ['employer', 'marketplace_partner', 'citizen'];

export const identityPolicy = {
  canManageUsers: (actor: Actor) => hasAnyRole(actor, ['system_admin']),
  canReadUsers: (actor: Actor) => hasAnyRole(actor, ['system_admin', 'executive']),
};
