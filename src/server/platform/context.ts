import type { Actor } from './auth/actor';

/** What a service needs to know of the request it serves: who asks, and ids for the audit trail. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip?: string;
}

/** A context for work the system does itself (start-up, scripts), audited as the system. */
export function systemContext(requestId = 'system'): RequestContext {
  return { actor: null, requestId };
}

/** The context of a signed-in request: every service call made for a person carries one. */
export type ActorContext = RequestContext & { actor: Actor };
