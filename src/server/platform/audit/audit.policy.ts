import { hasAnyRole, type Actor } from '../auth/actor';

/** Who reads the audit trail: system administrators (its signed checkpoints are public). */
export const auditPolicy = {
  reads: (actor: Actor): boolean => hasAnyRole(actor, ['system_admin']),
};
