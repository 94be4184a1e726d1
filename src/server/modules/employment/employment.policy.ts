import { hasAnyRole, scopeFor, scopeIncludes, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what in employment, and where. Published vacancies are public. Officers verify
 * employers, keep job seekers' profiles and guidance, refer and record placements and follow-ups
 * in their provinces; executives read there (never sensitive guidance notes). An employer account
 * acts only on its own employer's vacancies and sees only the people referred to them, and only
 * what each consented to share. A citizen manages their own profile and answers their own follow-ups.
 */
const OFFICERS: Role[] = ['officer'];
const READERS: Role[] = ['officer', 'executive'];

export const employmentPolicy = {
  officerScope: (actor: Actor): Scope => scopeFor(actor, OFFICERS),
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
  acts: (actor: Actor, provinceCode: string): boolean => scopeIncludes(scopeFor(actor, OFFICERS), provinceCode),
  reads: (actor: Actor, provinceCode: string): boolean => scopeIncludes(scopeFor(actor, READERS), provinceCode),
  /** Sensitive guidance notes: the officers of the area only. */
  readsSensitive: (actor: Actor, provinceCode: string): boolean => scopeIncludes(scopeFor(actor, OFFICERS), provinceCode),
  isEmployer: (actor: Actor): boolean => hasAnyRole(actor, ['employer']),
  isCitizen: (actor: Actor): boolean => actor.personId !== null,
};
