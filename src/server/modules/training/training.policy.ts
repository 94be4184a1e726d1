import { scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what in training, and where. Sessions themselves are public information (anyone
 * signed in may browse them); rosters hold personal data and follow the session's province.
 */
const MANAGERS: Role[] = ['officer', 'course_provider'];
const ROSTER_READERS: Role[] = ['officer', 'course_provider', 'executive'];
const ENROLLERS: Role[] = ['officer'];

export const trainingPolicy = {
  /** Create sessions, change their status, take attendance, import results, issue certificates. */
  manageScope: (actor: Actor): Scope => scopeFor(actor, MANAGERS),
  rosterScope: (actor: Actor): Scope => scopeFor(actor, ROSTER_READERS),
  /** Enrol people and groups on their behalf. */
  enrolScope: (actor: Actor): Scope => scopeFor(actor, ENROLLERS),
};
