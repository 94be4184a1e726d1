import { hasAnyRole, ROLES, type Actor, type Role } from '../../platform/auth/actor';

/** Roles that must be held in a unit, whose provinces become the role's scope. */
export const ROLES_NEEDING_UNIT: readonly Role[] = ['officer'];
/** Roles of people outside government: their scope is their own records, never a unit's area. */
export const ROLES_WITHOUT_UNIT: readonly Role[] = ['employer', 'marketplace_partner', 'citizen'];
/** Roles held by government staff (the others are people outside government). */
export const GOVERNMENT_ROLES: readonly Role[] = ROLES.filter((r) => !ROLES_WITHOUT_UNIT.includes(r));

export const identityPolicy = {
  canManageUsers: (actor: Actor) => hasAnyRole(actor, ['system_admin']),
  canReadUsers: (actor: Actor) => hasAnyRole(actor, ['system_admin', 'executive']),
  /** Resets another account's second factor (a lost phone): administrators, audited with a reason. */
  resetsSecondFactors: (actor: Actor) => hasAnyRole(actor, ['system_admin']),
  /** Holds a government role: works in the programme, in an area (or nationwide). */
  worksForProgramme: (actor: Actor) => hasAnyRole(actor, GOVERNMENT_ROLES),
};
