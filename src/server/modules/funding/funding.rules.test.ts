import { describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from './data/holidays';
import {
  addDays,
  addWorkingDays,
  allocatePayment,
  bucketOf,
  buildSchedule,
  businessDay,
  daysPastDue,
  fiscalYearOf,
  fundPosition,
  isWeekend,
  nominalDueDate,
  portfolioAtRisk,
  scheduleTotal,
  windowProblem,
  type InstalmentState,
  type ScheduleTerms,
} from './funding.rules';

const HOLIDAYS = new Set(SHIPPED_HOLIDAYS.map((h) => h.day));

/** A small seeded generator (mulberry32): the property runs are the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const terms = (over: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  principal: 15_000_000,
  termMonths: 24,
  graceMonths: 0,
  dueDay: 5,
  remainder: 'last',
  rateBp: 0,
  feeSatang: 0,
  disbursedOn: '2026-01-15',
  ...over,
});

const state = (rows: ReturnType<typeof buildSchedule>): InstalmentState[] => rows.map((r) => ({ ...r, paidPrincipal: 0, paidInterest: 0, paidFee: 0 }));

describe('schedules', () => {
  it('150,000 baht over 24 months: 24 instalments of 6,250.00 summing to the principal', () => {
    const rows = buildSchedule(terms(), HOLIDAYS);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.principal))).toEqual(new Set([625_000]));
    expect(scheduleTotal(rows).principal).toBe(15_000_000);
  });

  it('puts the satang that do not divide in the last or the first instalment, as declared', () => {
    const last = buildSchedule(terms({ principal: 10_000_001, termMonths: 3 }), HOLIDAYS).map((r) => r.principal);
    const first = buildSchedule(terms({ principal: 10_000_001, termMonths: 3, remainder: 'first' }), HOLIDAYS).map((r) => r.principal);
    expect(last).toEqual([3_333_333, 3_333_333, 3_333_335]);
    expect(first).toEqual([3_333_335, 3_333_333, 3_333_333]);
  });

  it('clamps 29–31 to the month’s end and moves off weekends and holidays, never into the next month', () => {
    expect(nominalDueDate('2026-01-31', 1, 31)).toBe('2026-02-28');
    expect(nominalDueDate('2027-12-31', 2, 30)).toBe('2028-02-29');
    expect(nominalDueDate('2026-11-15', 2, 5)).toBe('2027-01-05');
    // 13 April 2026 (Songkran, Mon–Wed) → Thursday 16 April.
    expect(businessDay('2026-04-13', HOLIDAYS)).toBe('2026-04-16');
    // Saturday 31 Oct 2026: the next working day is in November, so the Friday before.
    expect(businessDay('2026-10-31', HOLIDAYS)).toBe('2026-10-30');
    // 1 June 2026 is Visakha Bucha's substitution day.
    expect(businessDay('2026-06-01', HOLIDAYS)).toBe('2026-06-02');
  });

  it('counts working days past weekends and Thai public holidays (a grievance’s 15 working days)', () => {
    // From Friday 4 Dec 2026: Father's Day's substitution (Mon 7 Dec) and Constitution Day (Thu 10
    // Dec) are not counted, so the 15th working day is Tuesday 29 December, not Friday 25th.
    expect(addWorkingDays('2026-12-04', 15, new Set())).toBe('2026-12-25');
    expect(addWorkingDays('2026-12-04', 15, HOLIDAYS)).toBe('2026-12-29');
    // Songkran (Mon–Wed 13–15 April 2026): the first working day after Friday 10 April is Thursday.
    expect(addWorkingDays('2026-04-10', 1, HOLIDAYS)).toBe('2026-04-16');
  });

  it('starts after the grace period and charges interest on the declining principal, in satang', () => {
    const rows = buildSchedule(terms({ principal: 1_200_000, termMonths: 12, graceMonths: 3, rateBp: 600, feeSatang: 5_000 }), HOLIDAYS);
    expect(rows[0]!.dueOn.slice(0, 7)).toBe('2026-05');
    expect(rows[0]!.fee).toBe(5_000);
    expect(rows.slice(1).every((r) => r.fee === 0)).toBe(true);
    // The first instalment carries the grace period's interest: 1,200,000 × 6 % × days / 365.
    const days = (Date.parse(rows[0]!.dueOn) - Date.parse('2026-01-15')) / 86_400_000;
    expect(rows[0]!.interest).toBe(Math.round((1_200_000 * 600 * days) / 3_650_000));
    expect(rows.every((r) => Number.isInteger(r.interest))).toBe(true);
  });

  it('property: any amount, term, start date and due day sums exactly and falls on working days of the right month', () => {
    const r = random(18);
    const starts = ['2026-01-29', '2026-01-30', '2026-01-31', '2026-03-31', '2026-04-10', '2026-12-31', '2027-02-28'];
    for (let run = 0; run < 400; run++) {
      const t = terms({
        principal: r.int(5_000_000, 30_000_000),
        termMonths: r.int(1, 24),
        graceMonths: r.int(0, 3),
        dueDay: r.pick([1, 5, 13, 28, 29, 30, 31]),
        remainder: r.pick(['last', 'first'] as const),
        rateBp: r.pick([0, 0, 300, 725]),
        disbursedOn: run % 3 === 0 ? r.pick(starts) : addDays('2026-01-01', r.int(0, 700)),
      });
      const rows = buildSchedule(t, HOLIDAYS);
      expect(scheduleTotal(rows).principal).toBe(t.principal);
      rows.forEach((row, i) => {
        expect(isWeekend(row.dueOn) || HOLIDAYS.has(row.dueOn)).toBe(false);
        expect(row.dueOn.slice(0, 7)).toBe(nominalDueDate(t.disbursedOn, t.graceMonths + i + 1, t.dueDay).slice(0, 7));
        expect(Number.isSafeInteger(row.interest) && Number.isSafeInteger(row.principal)).toBe(true);
      });
      expect(Math.max(...rows.map((x) => x.principal)) - Math.min(...rows.map((x) => x.principal))).toBeLessThan(t.termMonths);
    }
  });

  it('refuses amounts that are not whole satang', () => {
    expect(() => buildSchedule(terms({ principal: 100.5 }), HOLIDAYS)).toThrow(/whole satang/);
  });
});

describe('payments', () => {
  const schedule = () => state(buildSchedule(terms({ principal: 300_000, termMonths: 3, feeSatang: 1_000, disbursedOn: '2026-01-15' }), HOLIDAYS));

  it('pays what is overdue first, oldest first, then fee, interest, principal of the next; a partial payment stops where money ends', () => {
    const s = schedule();
    // Paid after the second due date: instalment 1 (with its fee) then 2, then part of 3.
    const { parts, leftover } = allocatePayment(s, 250_000, addDays(s[1]!.dueOn, 1));
    expect(parts).toEqual([
      { number: 1, fee: 1_000, interest: 0, principal: 100_000 },
      { number: 2, fee: 0, interest: 0, principal: 100_000 },
      { number: 3, fee: 0, interest: 0, principal: 49_000 },
    ]);
    expect(leftover).toBe(0);
  });

  it('early repayment covers later instalments in order, and an overpayment is left over', () => {
    const s = schedule();
    const { parts, leftover } = allocatePayment(s, 400_000, '2026-01-20');
    expect(parts.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(leftover).toBe(400_000 - 301_000);
  });

  it('property: every allocation sums to the payment less the leftover, and never exceeds what is owed', () => {
    const r = random(7);
    for (let run = 0; run < 200; run++) {
      const s = state(buildSchedule(terms({ principal: r.int(100_000, 5_000_000), termMonths: r.int(1, 24), rateBp: r.pick([0, 500]) }), HOLIDAYS));
      const amount = r.int(1, 6_000_000);
      const { parts, leftover } = allocatePayment(s, amount, addDays('2026-01-15', r.int(0, 800)));
      const paid = parts.reduce((sum, p) => sum + p.fee + p.interest + p.principal, 0);
      expect(paid + leftover).toBe(amount);
      for (const p of parts) {
        const i = s.find((x) => x.number === p.number)!;
        expect(p.principal <= i.principal && p.interest <= i.interest && p.fee <= i.fee).toBe(true);
      }
    }
  });
});

describe('arrears', () => {
  it('counts days past due from the oldest unpaid instalment, with buckets and PAR', () => {
    const s = state(buildSchedule(terms({ principal: 300_000, termMonths: 3 }), HOLIDAYS));
    expect(daysPastDue(s, s[0]!.dueOn)).toBe(0);
    expect(daysPastDue(s, addDays(s[0]!.dueOn, 35))).toBe(35);
    s[0]!.paidPrincipal = s[0]!.principal;
    expect(daysPastDue(s, addDays(s[1]!.dueOn, 1))).toBe(1);
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual(['current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', 'over-90']);
    expect(
      portfolioAtRisk([
        { outstanding: 600, dpd: 0 },
        { outstanding: 300, dpd: 31 },
        { outstanding: 100, dpd: 120 },
      ]),
    ).toEqual({ outstanding: 1_000, par30Satang: 400, par90Satang: 100, par30Bp: 4_000, par90Bp: 1_000 });
    expect(portfolioAtRisk([]).par30Bp).toBe(0);
  });
});

describe('the fund and its window', () => {
  it('available = capital − committed − outstanding (repaid money lends again; a write-off is lost)', () => {
    const p = fundPosition({ capital: 1_000, committed: 100, disbursed: 500, repaid: 200, writtenOff: 50, income: 0 });
    expect(p.outstanding).toBe(250);
    expect(p.available).toBe(1_000 - 100 - 500 + 200);
  });

  it('closes at midnight Bangkok time after the deadline: 23:59:59 is in, 00:00:00 is out', () => {
    const w = { opensOn: '2026-01-01', deadline: '2026-03-31' };
    expect(windowProblem(w, new Date('2026-03-31T23:59:59+07:00'))).toBeNull();
    expect(windowProblem(w, new Date('2026-04-01T00:00:00+07:00'))).toBe('closed');
    expect(windowProblem(w, new Date('2025-12-31T23:59:59+07:00'))).toBe('not-open');
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-10-01')).toBe(2570);
  });
});
