import { hasAnyRole, scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may see and change people and groups, and where. Administrators manage accounts, not
 * personal data (PDPA data minimisation), so they have no registry access.
 */
const READERS: Role[] = ['officer', 'executive', 'fund_maker', 'fund_checker', 'fund_approver'];
const WRITERS: Role[] = ['officer'];
/** Roles whose work needs the full national ID; each unmasked view is audited. */
const REVEALERS: Role[] = ['officer', 'fund_maker', 'fund_checker'];
/** Roles that see disability data, where the person's explicit consent stands. */
const SENSITIVE_READERS: Role[] = ['officer'];

export const registryPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
  writeScope: (actor: Actor): Scope => scopeFor(actor, WRITERS),
  revealScope: (actor: Actor): Scope => scopeFor(actor, REVEALERS),
  seesSensitive: (actor: Actor): boolean => hasAnyRole(actor, SENSITIVE_READERS),
  seesPhone: (actor: Actor): boolean => hasAnyRole(actor, WRITERS),
};

export { provincesOf } from '../../platform/auth/actor';
