import type { Executor } from '../../db/executor';

const inProvinces = (provinces: readonly string[] | null) => provinces === null || provinces.length > 0;

/** Open follow-ups past their due date, per province (the follow-up queue's "overdue"). */
export const overdueFollowUps = (db: Executor, provinces: readonly string[] | null, today: string) =>
  !inProvinces(provinces)
    ? Promise.resolve([])
    : db
        .selectFrom('follow_up')
        .select(['province_code as provinceCode', (eb) => eb.fn.countAll<number>().as('count')])
        .where('done_at', 'is', null)
        .where('closed_at', 'is', null)
        .where('due_on', '<', today)
        .$if(provinces !== null, (q) => q.where('province_code', 'in', [...provinces!]))
        .groupBy('province_code')
        .execute();

/** Placements recorded with no wage (zero), per province. */
export const placementsWithoutWage = (db: Executor, provinces: readonly string[] | null) =>
  !inProvinces(provinces)
    ? Promise.resolve([])
    : db
        .selectFrom('placement')
        .select(['province_code as provinceCode', (eb) => eb.fn.countAll<number>().as('count')])
        .where('wage_satang', '=', 0)
        .$if(provinces !== null, (q) => q.where('province_code', 'in', [...provinces!]))
        .groupBy('province_code')
        .execute();
