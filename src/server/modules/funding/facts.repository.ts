import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { FactTally } from '../../platform/facts';

export const LOANS_DISBURSED_INDICATOR = 'funding.loans-disbursed';
export const DISBURSED_SATANG_INDICATOR = 'funding.disbursed-satang';

/**
 * The facts funding publishes for monitoring, over every loan or only `loanIds` (read before and
 * after a disbursement in its transaction): a loan disbursed (its first tranche's date, the loan's
 * province) and the satang paid out (each tranche on its date).
 */
export async function fundingTallies(db: Executor, loanIds: readonly number[] | null): Promise<FactTally[]> {
  if (loanIds?.length === 0) return [];
  const only = (column: string) => (loanIds ? sql`and ${sql.ref(column)} in (${sql.join(loanIds)})` : sql``);
  const [loans, tranches] = await Promise.all([
    sql<{ province_code: string; on: string; count: string }>`
      select l.province_code, l.first_disbursed_on::text as on, count(*)::text as count from loan l
      where l.first_disbursed_on is not null ${only('l.id')}
      group by l.province_code, l.first_disbursed_on`.execute(db),
    sql<{ province_code: string; on: string; count: string }>`
      select l.province_code, t.paid_on::text as on, sum(t.amount)::text as count
      from loan_tranche t join loan l on l.id = t.loan_id
      where true ${only('l.id')}
      group by l.province_code, t.paid_on`.execute(db),
  ]);
  return [
    ...loans.rows.map((r) => ({ indicator: LOANS_DISBURSED_INDICATOR, provinceCode: r.province_code, on: r.on, count: r.count })),
    ...tranches.rows.map((r) => ({ indicator: DISBURSED_SATANG_INDICATOR, provinceCode: r.province_code, on: r.on, count: r.count })),
  ];
}

/**
 * Portfolio at risk over 30 days per province as of a day: principal outstanding on active loans
 * with an instalment more than 30 days past due, and all principal outstanding. Read from the
 * per-loan arrears columns funding keeps with every write of a schedule (migration 0019).
 */
export async function par30ByProvince(db: Executor, asOf: string, provinces: readonly string[] | null) {
  if (provinces?.length === 0) return [];
  const { rows } = await sql<{ province_code: string; outstanding: string; at_risk: string }>`
    select province_code, sum(outstanding_principal)::text as outstanding,
           coalesce(sum(outstanding_principal) filter (where oldest_unpaid_due < ${asOf}::date - 30), 0)::text as at_risk
    from loan where status = 'active' ${provinces ? sql`and province_code in (${sql.join(provinces)})` : sql``}
    group by province_code`.execute(db);
  return rows.map((r) => ({ provinceCode: r.province_code, outstandingSatang: Number(r.outstanding), atRiskSatang: Number(r.at_risk) }));
}
