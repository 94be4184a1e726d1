import { satangToBaht } from '../../../shared/money';

/**
 * The revolving fund's arithmetic, without a database: schedules, due dates, allocation of
 * payments, days past due, buckets and portfolio at risk, fund positions.
 *
 * Money is integer satang (1 baht = 100 satang) held in JS numbers that are safe integers; every
 * product or quotient that could leave the safe range is done in BigInt, so no computation here
 * touches floating point. Rates are basis points a year (1 % = 100 bp); 0 bp is the seed's
 * interest-free fund.
 */

/** Refuses a value that is not an integer satang amount (a float, NaN, or beyond 2^53). */
export function assertSatang(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole satang, got ${value}`);
  return value;
}

/** ⌊a × b / c⌋ in exact integer arithmetic, half-up rounding when `round` is set. */
export function mulDiv(a: number, b: number, c: number, round: 'down' | 'half-up' = 'down'): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = round === 'half-up' ? (2n * n + d) / (2n * d) : n / d;
  return Number(q);
}

// ------------------------------------------------------------------ dates (civil, YYYY-MM-DD)

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const epochDay = (day: string) => {
  const [y, m, d] = parts(day);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};
/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string) => epochDay(b) - epochDay(a);
export const addDays = (day: string, n: number) => new Date((epochDay(day) + n) * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(epochDay(day) * 86_400_000).getUTCDay();
export const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;

/**
 * The `dueDay` of the month `monthsAfter` months after `from`'s month, clamped to the month's
 * last day (31 → 30 April, 28 or 29 February).
 */
export function nominalDueDate(from: string, monthsAfter: number, dueDay: number): string {
  const [y, m] = parts(from);
  const index = y * 12 + (m - 1) + monthsAfter;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(dueDay, daysInMonth(year, month)));
}

/** Not a Saturday, a Sunday or a day of the holiday calendar. */
export const isWorkingDay = (day: string, holidays: ReadonlySet<string>) => !isWeekend(day) && !holidays.has(day);

/** The `n`th working day after `day` (the day itself not counted): service levels such as "15 working days". */
export function addWorkingDays(day: string, n: number, holidays: ReadonlySet<string>): string {
  let at = day;
  for (let left = n; left > 0;) {
    at = addDays(at, 1);
    if (isWorkingDay(at, holidays)) left -= 1;
  }
  return at;
}

/**
 * The working day a due date falls on: a weekend or holiday moves to the next working day, unless
 * that leaves the month, when it moves back to the last working day before it ("modified
 * following", the banks' rule: an instalment is never due in the month after its own).
 */
export function businessDay(day: string, holidays: ReadonlySet<string>): string {
  const closed = (d: string) => !isWorkingDay(d, holidays);
  let next = day;
  while (closed(next)) next = addDays(next, 1);
  if (next.slice(0, 7) === day.slice(0, 7)) return next;
  let previous = day;
  while (closed(previous)) previous = addDays(previous, -1);
  return previous;
}

// ------------------------------------------------------------------ schedules

export type RemainderRule = 'last' | 'first';

export interface ScheduleTerms {
  /** Satang lent. */
  principal: number;
  /** Number of instalments. */
  termMonths: number;
  /** Months after the disbursement month before the first instalment falls due (0 = next month). */
  graceMonths: number;
  /** Day of month instalments fall due (1–31; 29–31 clamp to the month's end). */
  dueDay: number;
  /** Where the satang that do not divide evenly go. */
  remainder: RemainderRule;
  /** Yearly interest in basis points on the declining principal, by actual days / 365. */
  rateBp: number;
  /** A one-off fee in satang, due with the first instalment. */
  feeSatang: number;
  disbursedOn: string;
}

export interface Instalment {
  number: number;
  dueOn: string;
  principal: number;
  interest: number;
  fee: number;
}

/**
 * Equal principal instalments: ⌊principal / n⌋ each, the remainder (fewer than n satang) added to
 * the last or the first by the declared rule, so the principals sum to the principal exactly.
 * Interest, when the rate is not 0, is charged on the principal still owed for the days since the
 * previous due date (the disbursement for the first: a grace period accrues into it), rounded
 * half-up to the satang.
 */
export function buildSchedule(terms: ScheduleTerms, holidays: ReadonlySet<string>): Instalment[] {
  const { principal, termMonths: n } = terms;
  assertSatang(principal, 'principal');
  if (principal <= 0 || !Number.isInteger(n) || n < 1) throw new RangeError('a schedule needs a positive principal and term');
  const base = Math.floor(principal / n);
  const remainder = principal - base * n;
  let owed = principal;
  let previous = terms.disbursedOn;
  const rows: Instalment[] = [];
  for (let i = 1; i <= n; i++) {
    const dueOn = businessDay(nominalDueDate(terms.disbursedOn, terms.graceMonths + i, terms.dueDay), holidays);
    const extra = (terms.remainder === 'first' && i === 1) || (terms.remainder === 'last' && i === n) ? remainder : 0;
    const part = base + extra;
    const interest = terms.rateBp === 0 ? 0 : mulDiv(owed, terms.rateBp * Math.max(0, daysBetween(previous, dueOn)), 10_000 * 365, 'half-up');
    rows.push({ number: i, dueOn, principal: part, interest, fee: i === 1 ? terms.feeSatang : 0 });
    owed -= part;
    previous = dueOn;
  }
  return rows;
}

export const scheduleTotal = (rows: readonly Pick<Instalment, 'principal' | 'interest' | 'fee'>[]) =>
  rows.reduce((sum, r) => ({ principal: sum.principal + r.principal, interest: sum.interest + r.interest, fee: sum.fee + r.fee }), {
    principal: 0,
    interest: 0,
    fee: 0,
  });

// ------------------------------------------------------------------ payments

/** An instalment as it stands: what is due and what has been paid of each part. */
export interface InstalmentState extends Instalment {
  paidPrincipal: number;
  paidInterest: number;
  paidFee: number;
}

export interface Allocation {
  number: number;
  fee: number;
  interest: number;
  principal: number;
}

const owedOf = (i: InstalmentState) => ({ fee: i.fee - i.paidFee, interest: i.interest - i.paidInterest, principal: i.principal - i.paidPrincipal });

/**
 * Splits a payment over the schedule in the declared order: first every overdue instalment
 * (due before the payment's date), oldest first; then the instalment falling due, then later ones
 * (early repayment), in order. Within an instalment: fee, then interest, then principal. A partial
 * payment stops where the money ends; `leftover` is what the loan does not owe (the service
 * refuses an overpayment).
 */
export function allocatePayment(schedule: readonly InstalmentState[], amount: number, paidOn: string): { parts: Allocation[]; leftover: number } {
  assertSatang(amount, 'payment');
  if (amount <= 0) throw new RangeError('a payment is a positive amount');
  const ordered = [...schedule].sort((a, b) => {
    const overdueA = a.dueOn < paidOn ? 0 : 1;
    const overdueB = b.dueOn < paidOn ? 0 : 1;
    return overdueA - overdueB || a.number - b.number;
  });
  let left = amount;
  const parts: Allocation[] = [];
  for (const instalment of ordered) {
    if (left === 0) break;
    const owed = owedOf(instalment);
    const fee = Math.min(left, owed.fee);
    left -= fee;
    const interest = Math.min(left, owed.interest);
    left -= interest;
    const principal = Math.min(left, owed.principal);
    left -= principal;
    if (fee + interest + principal > 0) parts.push({ number: instalment.number, fee, interest, principal });
  }
  return { parts, leftover: left };
}

/** What the loan still owes in total (every part of every instalment). */
export const totalOwed = (schedule: readonly InstalmentState[]) =>
  schedule.reduce((sum, i) => {
    const o = owedOf(i);
    return sum + o.fee + o.interest + o.principal;
  }, 0);

// ------------------------------------------------------------------ arrears

/** Days since the oldest instalment not fully paid fell due; 0 when nothing is overdue. */
export function daysPastDue(schedule: readonly InstalmentState[], asOf: string): number {
  const late = schedule.filter((i) => i.dueOn < asOf && totalOwed([i]) > 0).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  return late ? daysBetween(late.dueOn, asOf) : 0;
}

export const BUCKETS = ['current', '1-30', '31-60', '61-90', 'over-90'] as const;
export type Bucket = (typeof BUCKETS)[number];

export function bucketOf(dpd: number): Bucket {
  if (dpd <= 0) return 'current';
  if (dpd <= 30) return '1-30';
  if (dpd <= 60) return '31-60';
  if (dpd <= 90) return '61-90';
  return 'over-90';
}

/**
 * Portfolio at risk: the principal outstanding on loans more than 30 (or 90) days past due, over
 * all principal outstanding, in basis points (rounded down; 0 for an empty portfolio).
 */
export function portfolioAtRisk(loans: readonly { outstanding: number; dpd: number }[]) {
  const total = loans.reduce((s, l) => s + l.outstanding, 0);
  const over = (days: number) => loans.filter((l) => l.dpd > days).reduce((s, l) => s + l.outstanding, 0);
  const par30 = over(30);
  const par90 = over(90);
  return {
    outstanding: total,
    par30Satang: par30,
    par90Satang: par90,
    par30Bp: total === 0 ? 0 : mulDiv(par30, 10_000, total),
    par90Bp: total === 0 ? 0 : mulDiv(par90, 10_000, total),
  };
}

// ------------------------------------------------------------------ the fund's position

/** The fund's ledger accounts, each a running sum in satang. */
export interface FundBalances {
  capital: number;
  committed: number;
  disbursed: number;
  repaid: number;
  writtenOff: number;
  /** Interest and fees received: they return to the fund too. */
  income: number;
}

/**
 * What the fund holds and may lend: capital, less what approvals have promised and not yet paid
 * out (committed), less what is lent and not yet repaid (outstanding); repaid principal comes
 * back and is lent again (revolving). A write-off is money lost: outstanding falls, nothing returns.
 */
export function fundPosition(b: FundBalances) {
  const outstanding = b.disbursed - b.repaid - b.writtenOff;
  return { ...b, outstanding, available: b.capital - b.committed - outstanding - b.writtenOff + b.income };
}

// ------------------------------------------------------------------ the window

/** The instant a Bangkok civil date ends: 23:59:59.999 +07:00 (Thailand keeps no summer time). */
export const bangkokEndOf = (day: string) => new Date(`${day}T23:59:59.999+07:00`);
/** Today's date in Bangkok. */
export const bangkokDay = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Whether an application made at `now` is inside the window (opens at 00:00 Bangkok, closes at 24:00 of the deadline). */
export function windowProblem(window: { opensOn: string | null; deadline: string }, now: Date): 'not-open' | 'closed' | null {
  const today = bangkokDay(now);
  if (window.opensOn && today < window.opensOn) return 'not-open';
  return now.getTime() > bangkokEndOf(window.deadline).getTime() ? 'closed' : null;
}

/** The Thai fiscal year (B.E.) of a date: 1 Oct – 30 Sep, named by the year it ends in. */
export function fiscalYearOf(day: string): number {
  const [y, m] = parts(day);
  return (m >= 10 ? y + 1 : y) + 543;
}

// ------------------------------------------------------------------ eligibility

export interface EligibilityFacts {
  groupActive: boolean;
  groupType: string;
  groupProvince: string;
  /** Members who completed the required course; null when the fund requires none. */
  trainedMembers: number | null;
  /** The group's position in the required programme and the required stage's; null when none is required. */
  stage: { reached: number | null; required: number; nameTh: string; nameEn: string } | null;
  loansInArrears: number;
  openLoansOrApplications: number;
  amount: number;
  termMonths: number;
  now: Date;
}

export interface FundRules {
  provinceCodes: readonly string[];
  minAmount: number;
  maxAmount: number;
  minTerm: number;
  maxTerm: number;
  eligibleGroupTypes: readonly string[];
  requiredCurriculumCode: string | null;
  requiredTrainedMembers: number;
  opensOn: string | null;
  deadline: string;
  oneOpenLoan: boolean;
}

export interface Check {
  code: string;
  passed: boolean;
  en: string;
  th: string;
}

const baht = (satang: number) => satangToBaht(satang).replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');

/** Every eligibility rule of the fund with whether the group passes it and why, in Thai and English. */
export function eligibilityChecks(fund: FundRules, f: EligibilityFacts): Check[] {
  const checks: Check[] = [];
  const add = (code: string, passed: boolean, en: string, th: string) => checks.push({ code, passed, en, th });
  add('group-registered', f.groupActive, 'The group is registered and active.', 'กลุ่มขึ้นทะเบียนและยังดำเนินการอยู่');
  add('fund-area', fund.provinceCodes.includes(f.groupProvince), 'The group is in a province the fund serves.', 'กลุ่มอยู่ในจังหวัดที่กองทุนให้บริการ');
  if (fund.eligibleGroupTypes.length)
    add(
      'group-type',
      fund.eligibleGroupTypes.includes(f.groupType),
      `The fund lends to groups of type ${fund.eligibleGroupTypes.join(', ')}.`,
      `กองทุนให้กู้แก่กลุ่มประเภท ${fund.eligibleGroupTypes.join(', ')}`,
    );
  if (f.trainedMembers !== null)
    add(
      'members-trained',
      f.trainedMembers >= fund.requiredTrainedMembers,
      `At least ${fund.requiredTrainedMembers} current members completed ${fund.requiredCurriculumCode} (${f.trainedMembers} have).`,
      `สมาชิกปัจจุบันอย่างน้อย ${fund.requiredTrainedMembers} คนผ่านหลักสูตร ${fund.requiredCurriculumCode} (ผ่านแล้ว ${f.trainedMembers} คน)`,
    );
  if (f.stage)
    add(
      'programme-stage',
      f.stage.reached !== null && f.stage.reached >= f.stage.required,
      `The group has reached the programme stage “${f.stage.nameEn}”.`,
      `กลุ่มผ่านขั้น “${f.stage.nameTh}” ของโครงการแล้ว`,
    );
  add('no-arrears', f.loansInArrears === 0, 'The group has no loan in arrears.', 'กลุ่มไม่มีเงินกู้ค้างชำระ');
  if (fund.oneOpenLoan)
    add(
      'one-open-loan',
      f.openLoansOrApplications === 0,
      'The group has no other loan or application open with this fund.',
      'กลุ่มไม่มีเงินกู้หรือคำขออื่นที่ยังไม่ปิดกับกองทุนนี้',
    );
  const w = windowProblem({ opensOn: fund.opensOn, deadline: fund.deadline }, f.now);
  add(
    'window',
    w === null,
    `Applications are accepted${fund.opensOn ? ` from ${fund.opensOn}` : ''} until ${fund.deadline}, 23:59:59 Bangkok time.`,
    `รับคำขอ${fund.opensOn ? `ตั้งแต่ ${fund.opensOn} ` : ''}ถึง ${fund.deadline} เวลา 23:59:59 น. (เวลาประเทศไทย)`,
  );
  add(
    'amount',
    f.amount >= fund.minAmount && f.amount <= fund.maxAmount,
    `The amount is between ${baht(fund.minAmount)} and ${baht(fund.maxAmount)} baht.`,
    `วงเงินอยู่ระหว่าง ${baht(fund.minAmount)} ถึง ${baht(fund.maxAmount)} บาท`,
  );
  add(
    'term',
    f.termMonths >= fund.minTerm && f.termMonths <= fund.maxTerm,
    `The term is ${fund.minTerm} to ${fund.maxTerm} months.`,
    `ระยะเวลาผ่อนชำระ ${fund.minTerm} ถึง ${fund.maxTerm} เดือน`,
  );
  return checks;
}

/** What an uploaded document is by its first bytes, whatever its name or Content-Type claims: PDF, JPEG or PNG, else null. */
export function documentKind(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
