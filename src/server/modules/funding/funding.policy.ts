import { hasAnyRole, scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what with the revolving fund, and where. The fund's office (the provincial
 * employment office) has makers, who prepare applications, recommend them, disburse and record
 * repayments, and checkers, who verify and reverse; the committee's decision is recorded by a
 * `fund_approver` (the committee's chair or secretary), who also opens funds and adds capital and
 * approves restructuring and write-offs. Officers apply for a group of their area and read;
 * executives and administrators read. A citizen applies and reads for a group she leads.
 */
const READERS: Role[] = ['fund_maker', 'fund_checker', 'fund_approver', 'officer', 'executive', 'system_admin'];

export const fundingPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
  /** Apply for a group of the area. */
  applyScope: (actor: Actor): Scope => scopeFor(actor, ['officer', 'fund_maker']),
  makerScope: (actor: Actor): Scope => scopeFor(actor, ['fund_maker']),
  checkerScope: (actor: Actor): Scope => scopeFor(actor, ['fund_checker']),
  approverScope: (actor: Actor): Scope => scopeFor(actor, ['fund_approver']),
  /** Disburse, record and import repayments, ask for restructuring or write-off. */
  officeScope: (actor: Actor): Scope => scopeFor(actor, ['fund_maker', 'fund_checker']),
  /** Edit the holiday calendar (reference data). */
  editsHolidays: (actor: Actor): boolean => hasAnyRole(actor, ['system_admin']),
};
