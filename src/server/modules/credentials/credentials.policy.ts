import { hasAnyRole, scopeFor, scopeIncludes, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Officers issue and revoke in their area, course providers for their own unit's certificates;
 * executives read in their area; a holder reads their own (checked by the service).
 */
const ISSUERS: Role[] = ['officer'];
const READERS: Role[] = ['officer', 'executive'];

export interface CredentialPlace {
  provinceCode: string;
  issuerUnitCode: string;
}

const providesFor = (actor: Actor, unitCode: string) => actor.grants.some((g) => g.role === 'course_provider' && g.unitCode === unitCode);

export const credentialsPolicy = {
  revokes: (actor: Actor, c: CredentialPlace): boolean => scopeIncludes(scopeFor(actor, ISSUERS), c.provinceCode) || providesFor(actor, c.issuerUnitCode),
  /** The provinces an officer issues and revokes in (what a refusal names). */
  issuerScope: (actor: Actor): Scope => scopeFor(actor, ISSUERS),
  reads: (actor: Actor, c: CredentialPlace): boolean => scopeIncludes(scopeFor(actor, READERS), c.provinceCode) || providesFor(actor, c.issuerUnitCode),
  /** Signing keys are the system administrator's: rotation, and the list of an agency's keys. */
  managesKeys: (actor: Actor): boolean => hasAnyRole(actor, ['system_admin']),
  /** Whether the role reads anyone's certificates at all. */
  readsAny: (actor: Actor): boolean => scopeFor(actor, READERS).kind !== 'none' || actor.grants.some((g) => g.role === 'course_provider'),
};
