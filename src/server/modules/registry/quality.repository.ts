import { sql } from 'kysely';
import type { Executor } from '../../db/executor';

/**
 * Active people per province and address, with how many have no target group: the data-quality
 * page's source (monitoring reads it through the registry's service). One row per sub-district
 * code in use, so the reference check is O(sub-districts), not O(people), in the service.
 */
export const addressCounts = (db: Executor, provinces: readonly string[] | null) =>
  provinces?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select([
          'province_code as provinceCode',
          'district_code as districtCode',
          'subdistrict_code as subdistrictCode',
          (eb) => eb.fn.countAll<number>().as('people'),
          sql<number>`count(*) filter (where cardinality(target_groups) = 0)`.as('withoutTargetGroup'),
        ])
        .where('status', '=', 'active')
        .$if(provinces !== null, (q) => q.where('province_code', 'in', [...provinces!]))
        .groupBy(['province_code', 'district_code', 'subdistrict_code'])
        .execute();
