import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { FactTally } from '../../platform/facts';
import type { RegistryService } from '../registry/registry.service';

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
  const onlyGroups = (column: string) => (groupIds ? sql`and ${sql.ref(column)} in (${sql.join(groupIds)})` : sql``);
  const [stages, certified, registered] = await Promise.all([
    sql<{ stage_code: string; province_code: string; on: string; count: string }>`
      select f.stage_code, p.province_code, f.first_on::text as on, count(*)::text as count
      from (select s.participation_id, s.stage_code, min(s.reached_on) as first_on
            from participation_step s where s.kind = 'advance' group by s.participation_id, s.stage_code) f
      join participation p on p.id = f.participation_id
      where p.programme_code = ${OTOG_PROGRAMME} ${onlyGroups('p.group_id')}
      group by f.stage_code, p.province_code, f.first_on`.execute(db),
    sql<{ province_code: string; on: string; count: string }>`
      select pr.province_code, c.issued_on::text as on, count(*)::text as count
      from certification c join product pr on pr.id = c.product_id
      where c.status = 'certified' and c.issued_on is not null ${onlyGroups('pr.group_id')}
      group by pr.province_code, c.issued_on`.execute(db),
    sql<{ group_id: number; on: string }>`
      select d.group_id, d.ce_registered_on::text as on from group_development d
      where d.ce_registered_on is not null ${onlyGroups('d.group_id')}`.execute(db),
  ]);
  const places = await registry.groupPlaces(
    registered.rows.map((r) => Number(r.group_id)),
    db,
  );
  const ce = new Map<string, FactTally>();
  for (const r of registered.rows) {
    const provinceCode = places.get(Number(r.group_id))?.provinceCode;
    if (!provinceCode) continue;
    const key = `${provinceCode}|${r.on}`;
    const entry = ce.get(key) ?? { indicator: CE_REGISTERED_INDICATOR, provinceCode, on: r.on, count: 0 };
    entry.count = Number(entry.count) + 1;
    ce.set(key, entry);
  }
  return [
    ...stages.rows.map((r) => ({ indicator: OTOG_STAGE_INDICATOR(r.stage_code), provinceCode: r.province_code, on: r.on, count: r.count })),
    ...certified.rows.map((r) => ({ indicator: CERTIFIED_INDICATOR, provinceCode: r.province_code, on: r.on, count: r.count })),
    ...ce.values(),
  ];
}
