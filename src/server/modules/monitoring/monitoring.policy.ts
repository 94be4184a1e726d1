import { scopeFor, type Actor, type Scope } from '../../platform/auth/actor';

/**
 * Who reads the indicators and who sets targets. Executives, officers and administrators read
 * the figures of their area (a provincial office its provinces); targets are set by
 * headquarters: an administrator, or an executive or officer of a `<agency>-HQ` unit.
 */
const READERS = ['executive', 'officer', 'system_admin'] as const;

const isHeadquartersUnit = (unitCode: string | null) => Boolean(unitCode?.endsWith('-HQ'));

export const monitoringPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, [...READERS]),
  setsTargets: (actor: Actor): boolean =>
    actor.grants.some((g) => g.role === 'system_admin' || ((g.role === 'executive' || g.role === 'officer') && isHeadquartersUnit(g.unitCode))),
};
