import type { ModuleContract } from '../../platform/contract';

/** Monitoring's tables: counts per cell, targets and kept reports; no person or group columns (it keeps no one). */
export const monitoringContract: ModuleContract = {
  module: 'monitoring',
  tables: ['monitoring_rollup', 'monitoring_target', 'monitoring_report'],
  links: [],
};
