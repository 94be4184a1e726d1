import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { FactTally } from '../../platform/facts';

export const SELLING_ONLINE_INDICATOR = 'marketplace.selling-online';
export const SALES_SATANG_INDICATOR = 'marketplace.sales-satang';

/**
 * The facts the marketplace publishes for monitoring, over every group or only `groupIds` (read
 * before and after a write in its transaction): a group selling online (the first sale on any of
 * its online channels, in that account's province) and the sales reported (each month's revenue of
 * every channel, on the month's first day, in the report's province).
 */
export async function marketplaceTallies(db: Executor, groupIds: readonly number[] | null): Promise<FactTally[]> {
  if (groupIds?.length === 0) return [];
  const only = (column: string) => (groupIds ? sql`and ${sql.ref(column)} in (${sql.join(groupIds)})` : sql``);
  const [online, sales] = await Promise.all([
    sql<{ province_code: string; on: string; count: string }>`
      select province_code, first_on::text as on, count(*)::text as count
      from (select distinct on (a.group_id) a.group_id, a.province_code, a.first_sale_on as first_on
            from channel_account a where a.first_sale_on is not null ${only('a.group_id')}
            order by a.group_id, a.first_sale_on, a.channel) g
      group by province_code, first_on`.execute(db),
    sql<{ province_code: string; on: string; count: string }>`
      select s.province_code, s.month::text as on, sum(s.revenue_satang)::text as count
      from sales_report s where true ${only('s.group_id')}
      group by s.province_code, s.month having sum(s.revenue_satang) <> 0`.execute(db),
  ]);
  return [
    ...online.rows.map((r) => ({ indicator: SELLING_ONLINE_INDICATOR, provinceCode: r.province_code, on: r.on, count: r.count })),
    ...sales.rows.map((r) => ({ indicator: SALES_SATANG_INDICATOR, provinceCode: r.province_code, on: r.on, count: r.count })),
  ];
}
