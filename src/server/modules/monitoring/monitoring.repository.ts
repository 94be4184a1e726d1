import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import '../../db/schema.monitoring';
import type { Cell } from './monitoring.rules';

/** Adds to cells, creating them at zero; one statement per cell in key order, so two writers never deadlock. */
export async function addToCells(trx: Executor, cells: readonly (Cell & { delta: number })[]) {
  for (const c of cells) {
    await trx
      .insertInto('monitoring_rollup')
      .values({
        indicator: c.indicator,
        fiscal_year: c.fiscalYear,
        month: c.month,
        province_code: c.provinceCode,
        district_code: c.districtCode,
        target_group: c.targetGroup,
        value: c.delta,
      })
      .onConflict((oc) =>
        oc.columns(['indicator', 'fiscal_year', 'month', 'province_code', 'district_code', 'target_group']).doUpdateSet({
          value: sql`monitoring_rollup.value + excluded.value`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  }
}

/** Every cell with a value, for comparison with a rebuild. */
export const allCells = (db: Executor) =>
  db
    .selectFrom('monitoring_rollup')
    .select(['indicator', 'fiscal_year', 'month', 'province_code', 'district_code', 'target_group', 'value'])
    .where('value', '<>', 0)
    .execute();

/** Replaces every cell with the rebuilt ones. */
export async function replaceCells(trx: Executor, cells: readonly (Cell & { value: number })[]) {
  await trx.deleteFrom('monitoring_rollup').execute();
  for (let i = 0; i < cells.length; i += 1000) {
    await trx
      .insertInto('monitoring_rollup')
      .values(
        cells.slice(i, i + 1000).map((c) => ({
          indicator: c.indicator,
          fiscal_year: c.fiscalYear,
          month: c.month,
          province_code: c.provinceCode,
          district_code: c.districtCode,
          target_group: c.targetGroup,
          value: c.value,
        })),
      )
      .execute();
  }
}

/** One fiscal year's values per indicator, month and province (for everyone), within provinces (null: all). */
export const yearCells = (db: Executor, fiscalYears: readonly number[], provinces: readonly string[] | null) =>
  provinces?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('monitoring_rollup')
        .select(['indicator', 'fiscal_year', 'month', 'province_code', 'value'])
        .where('fiscal_year', 'in', [...fiscalYears])
        .where('district_code', '=', '*')
        .where('target_group', '=', '*')
        .$if(provinces !== null, (q) => q.where('province_code', 'in', [...provinces!]))
        .execute();

/**
 * One indicator's breakdown cells of a fiscal year, summed over its months: per target group
 * (district '*') within provinces (null: all), and per district of those provinces when asked.
 */
export const breakdownCells = (db: Executor, q: { indicator: string; fiscalYear: number; provinces: readonly string[] | null; districts: boolean }) =>
  q.provinces?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('monitoring_rollup')
        .select(['province_code', 'district_code', 'target_group', (eb) => eb.fn.sum<string>('value').as('value')])
        .where('fiscal_year', '=', q.fiscalYear)
        .where('indicator', '=', q.indicator)
        .where((eb) => (q.districts ? eb.or([eb('district_code', '<>', '*'), eb('target_group', '<>', '*')]) : eb('target_group', '<>', '*')))
        .$if(q.provinces !== null, (qb) => qb.where('province_code', 'in', [...q.provinces!]))
        .groupBy(['province_code', 'district_code', 'target_group'])
        .execute();

export const targetsOf = (db: Executor, fiscalYear: number) =>
  db.selectFrom('monitoring_target').selectAll().where('fiscal_year', '=', fiscalYear).where('target_group', '=', '*').execute();

export const upsertTarget = (
  trx: Executor,
  t: { indicator: string; fiscalYear: number; areaCode: string; value: number; note: string | null; setBy: string },
) =>
  trx
    .insertInto('monitoring_target')
    .values({ indicator: t.indicator, fiscal_year: t.fiscalYear, area_code: t.areaCode, value: t.value, note: t.note, set_by: t.setBy })
    .onConflict((oc) =>
      oc.columns(['indicator', 'fiscal_year', 'area_code', 'target_group']).doUpdateSet({ value: t.value, note: t.note, set_by: t.setBy, set_at: sql`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

export const findTarget = (db: Executor, indicator: string, fiscalYear: number, areaCode: string) =>
  db
    .selectFrom('monitoring_target')
    .selectAll()
    .where('indicator', '=', indicator)
    .where('fiscal_year', '=', fiscalYear)
    .where('area_code', '=', areaCode)
    .where('target_group', '=', '*')
    .executeTakeFirst();
