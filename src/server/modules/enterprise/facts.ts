import type { Executor } from '../../db/executor';
import type { FactTally } from '../../platform/facts';
import type { RegistryService } from '../registry/registry.service';
import { enterpriseFactRows } from './facts.repository';

/** One Tambon One Group's programme code: its stages are monitoring's funnel (`enterprise.otog.<stage>`). */
export const OTOG_PROGRAMME = 'OTOG';
export const OTOG_STAGE_INDICATOR = (stageCode: string) => `enterprise.otog.${stageCode}`;
export const CE_REGISTERED_INDICATOR = 'enterprise.ce-registered';
export const CERTIFIED_INDICATOR = 'enterprise.products-certified';

/**
 * The facts enterprise publishes for monitoring, per day and province, over every group or only
 * `groupIds` (the groups a write touches, read before and after it in its transaction):
 * - a One Tambon One Group participation first reaching a stage (its first `advance` step there,
 *   on that step's date, in the participation's province);
 * - a community enterprise registered (`ce_registered_on`, in the group's province);
 * - a product certificate standing as certified (its issue date, the product's province).
 */
export async function enterpriseTallies(db: Executor, registry: RegistryService, groupIds: readonly number[] | null): Promise<FactTally[]> {
  if (groupIds?.length === 0) return [];
  const { stages, certified, registered } = await enterpriseFactRows(db, OTOG_PROGRAMME, groupIds);
  const places = await registry.groupPlaces(
    registered.map((r) => Number(r.group_id)),
    db,
  );
  const ce = new Map<string, FactTally>();
  for (const r of registered) {
    const provinceCode = places.get(Number(r.group_id))?.provinceCode;
    if (!provinceCode) continue;
    const key = `${provinceCode}|${r.on}`;
    const entry = ce.get(key) ?? { indicator: CE_REGISTERED_INDICATOR, provinceCode, on: r.on, count: 0 };
    entry.count = Number(entry.count) + 1;
    ce.set(key, entry);
  }
  return [
    ...stages.map((r) => ({ indicator: OTOG_STAGE_INDICATOR(r.stage_code), provinceCode: r.province_code, on: r.on, count: r.count })),
    ...certified.map((r) => ({ indicator: CERTIFIED_INDICATOR, provinceCode: r.province_code, on: r.on, count: r.count })),
    ...ce.values(),
  ];
}
