import { scopeFor, scopeIncludes, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what in training, and where. Sessions themselves are public information (anyone
 * signed in may browse them). Officers act in their unit's provinces; a course provider (ETDA,
 * a partner) acts only on the sessions its own unit organises, wherever they are, and never on
 * other agencies' sessions. Rosters hold personal data and follow the same rule, plus executives
 * reading in their area.
 */
const OFFICERS: Role[] = ['officer'];
const READERS: Role[] = ['officer', 'executive'];

export interface SessionPlace {
  provinceCode: string;
  unitCode: string;
}

const providesFor = (actor: Actor, unitCode: string) => actor.grants.some((g) => g.role === 'course_provider' && g.unitCode === unitCode);

export const trainingPolicy = {
  /** Organise sessions in an area: officers there, or the organising unit's course providers. */
  organises: (actor: Actor, s: SessionPlace): boolean => scopeIncludes(scopeFor(actor, OFFICERS), s.provinceCode) || providesFor(actor, s.unitCode),
  /** Change a session's status, take attendance, import results, evaluate, issue certificates. */
  manages: (actor: Actor, s: SessionPlace): boolean => trainingPolicy.organises(actor, s),
  readsRoster: (actor: Actor, s: SessionPlace): boolean => scopeIncludes(scopeFor(actor, READERS), s.provinceCode) || providesFor(actor, s.unitCode),
  /** Enrol people and groups on their behalf: officers, in their area. */
  enrolScope: (actor: Actor): Scope => scopeFor(actor, OFFICERS),
  /** A course provider organises its own unit's sessions, wherever they are. */
  providesForAny: (actor: Actor): boolean => actor.grants.some((g) => g.role === 'course_provider'),
  /** The area named when a request is refused. */
  officerScope: (actor: Actor): Scope => scopeFor(actor, OFFICERS),
};
