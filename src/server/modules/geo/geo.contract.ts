import type { ModuleContract } from '../../platform/contract';

export const geoContract: ModuleContract = { module: 'geo', tables: ['region', 'province', 'district', 'subdistrict'], links: [] };
