/** The audit service with `recordAudit` doing nothing (see unaudited.ts); everything else is the real one. */
export * from '../../src/server/platform/audit/audit.service';

export async function recordAudit(): Promise<void> {}
