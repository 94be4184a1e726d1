import { hasAnyRole, scopeFor, scopeIncludes, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what in competency assessment, and where. Standards are public reference data.
 * Officers record prior experience, organise assessment events and refer candidates in their
 * provinces; executives read there. Only an assessor named on an event records its results and
 * decisions, and an assessor sees the candidates of the events they assess, nothing else.
 */
const OFFICERS: Role[] = ['officer'];
const READERS: Role[] = ['officer', 'executive'];

export const competencyPolicy = {
  organises: (actor: Actor, provinceCode: string): boolean => scopeIncludes(scopeFor(actor, OFFICERS), provinceCode),
  reads: (actor: Actor, provinceCode: string): boolean => scopeIncludes(scopeFor(actor, READERS), provinceCode),
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
  officerScope: (actor: Actor): Scope => scopeFor(actor, OFFICERS),
  isAssessor: (actor: Actor): boolean => hasAnyRole(actor, ['assessor']),
};
