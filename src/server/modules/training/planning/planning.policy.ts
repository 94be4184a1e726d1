import { scopeFor, type Actor, type Role, type Scope } from '../../../platform/auth/actor';

/**
 * Who may see the planning view and import DSD labour-demand figures, and where. Course
 * providers read it to offer courses where the gaps are; only officers bring figures in, and
 * only for their own provinces.
 */
const READERS: Role[] = ['officer', 'executive', 'course_provider'];
const IMPORTERS: Role[] = ['officer'];

export const planningPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, READERS),
  importScope: (actor: Actor): Scope => scopeFor(actor, IMPORTERS),
};

export { provincesOf } from '../../../platform/auth/actor';
