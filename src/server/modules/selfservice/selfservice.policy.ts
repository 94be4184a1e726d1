import { scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/** Officers answer the requests and grievances of their provinces; executives read the queues. */
const DECIDERS: Role[] = ['officer'];
const READERS: Role[] = ['officer', 'executive'];

export const selfservicePolicy = {
  decideScope: (actor: Actor): Scope => scopeFor(actor, DECIDERS),
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
};

export { provincesOf, scopeIncludes } from '../../platform/auth/actor';
