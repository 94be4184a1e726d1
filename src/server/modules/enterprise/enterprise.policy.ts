import { scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what in enterprise development, and where. Provincial offices (officers) nominate
 * groups, record products, certificates and visits, and attach evidence in their provinces;
 * headquarters (an officer of a `<agency>-HQ` unit) selects prototypes; executives and
 * administrators read programmes and dashboards in their area.
 */
const OFFICERS: Role[] = ['officer'];
const READERS: Role[] = ['officer', 'executive', 'system_admin'];

/** Headquarters units are coded `<agency>-HQ` (org's reference data). */
export const isHeadquartersUnit = (unitCode: string | null) => Boolean(unitCode?.endsWith('-HQ'));

export const enterprisePolicy = {
  /** Read programmes, dashboards, groups' paths, products and visits. */
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
  /** Nominate, advance with evidence, record products, certificates, visits and development. */
  writeScope: (actor: Actor): Scope => scopeFor(actor, OFFICERS),
  /** The units the actor may nominate for (an officer's own units). */
  nominatingUnits: (actor: Actor): string[] => actor.grants.filter((g) => g.role === 'officer' && g.unitCode).map((g) => g.unitCode!),
  /** Select prototypes: officers of a headquarters unit. */
  selects: (actor: Actor): boolean => actor.grants.some((g) => g.role === 'officer' && isHeadquartersUnit(g.unitCode)),
};
