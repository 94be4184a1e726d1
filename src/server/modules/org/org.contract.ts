import type { ModuleContract } from '../../platform/contract';

export const orgContract: ModuleContract = { module: 'org', tables: ['agency', 'unit', 'unit_area', 'target_group'], links: [] };
