import { scopeFor, type Actor, type Scope } from '../../platform/auth/actor';

/**
 * Who sees what of notifications. A citizen reads their own inbox and sets their own preferences;
 * officers and administrators see the outbox of their provinces (to find a message that did not
 * go out) and retry a failed one; executives read it.
 */
export const notificationsPolicy = {
  outboxScope: (actor: Actor): Scope => scopeFor(actor, ['system_admin', 'officer', 'executive']),
  retryScope: (actor: Actor): Scope => scopeFor(actor, ['system_admin', 'officer']),
  ownPerson: (actor: Actor): number | null => actor.personId,
};
