import { sql } from 'kysely';
import type { Executor } from '../../db/executor';

/** The raw tallies of enterprise's monitoring facts, over every group or only `groupIds` (see `facts.ts`). */
export async function enterpriseFactRows(db: Executor, programmeCode: string, groupIds: readonly number[] | null) {
  const onlyGroups = (column: string) => (groupIds ? sql`and ${sql.ref(column)} in (${sql.join(groupIds)})` : sql``);
  const [stages, certified, registered] = await Promise.all([
    sql<{ stage_code: string; province_code: string; on: string; count: string }>`
      select f.stage_code, p.province_code, f.first_on::text as on, count(*)::text as count
      from (select s.participation_id, s.stage_code, min(s.reached_on) as first_on
            from participation_step s where s.kind = 'advance' group by s.participation_id, s.stage_code) f
      join participation p on p.id = f.participation_id
      where p.programme_code = ${programmeCode} ${onlyGroups('p.group_id')}
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
  return { stages: stages.rows, certified: certified.rows, registered: registered.rows };
}
