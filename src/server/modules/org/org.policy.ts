import { hasAnyRole, scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/** Roles that see and change every unit. */
const NATIONWIDE: Role[] = ['system_admin'];
/** Roles that read every unit but change none. */
const NATIONWIDE_READERS: Role[] = ['system_admin', 'executive'];
/** Staff who work in a unit and see the units responsible for the same provinces. */
const STAFF: Role[] = ['officer', 'course_provider', 'assessor', 'fund_maker', 'fund_checker', 'fund_approver'];

/** Who may do what with agencies and units, and where. */
export const orgPolicy = {
  /** Units an actor may read: those responsible for some province in the returned scope. */
  unitReadScope(actor: Actor): Scope {
    return hasAnyRole(actor, NATIONWIDE_READERS) ? { kind: 'all' } : scopeFor(actor, STAFF);
  },
  /** An officer may keep the contact details of units wholly inside their own area up to date. */
  unitEditScope(actor: Actor): Scope {
    return hasAnyRole(actor, NATIONWIDE) ? { kind: 'all' } : scopeFor(actor, ['officer']);
  },
};
