import { scopeFor, type Actor, type Role, type Scope } from '../../platform/auth/actor';

/** Officers and course providers issue and revoke in their area; executives read. */
const ISSUERS: Role[] = ['officer', 'course_provider'];
const READERS: Role[] = ['officer', 'course_provider', 'executive'];

export const credentialsPolicy = {
  issueScope: (actor: Actor): Scope => scopeFor(actor, ISSUERS),
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
};
