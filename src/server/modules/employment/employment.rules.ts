/**
 * Employment's rules, pure and explainable: the juristic-person / tax number's check digit, when a
 * vacancy may be published, how candidates and vacancies are ranked (each point of the score has a
 * reason a person can read), which fields an employer sees, when follow-ups fall due, and how
 * placements count towards a centre's fiscal-year figure.
 */
import { fiscalYearOfDate } from '../../../shared/fiscal-year';

export interface Bilingual {
  en: string;
  th: string;
}

// ---------------------------------------------------------------- the 13-digit number
/** Why a juristic-person or tax number is wrong, or null when it is right (13 digits, mod-11 check digit). */
export function taxIdProblem(value: string): { code: 'length' | 'digits' | 'checksum'; en: string; th: string } | null {
  const v = value.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(v)) return { code: 'digits', en: 'Use digits only (13 of them).', th: 'ใช้ตัวเลขเท่านั้น (13 หลัก)' };
  if (v.length !== 13)
    return {
      code: 'length',
      en: `A juristic-person or tax number has 13 digits, not ${v.length}.`,
      th: `เลขทะเบียนนิติบุคคลหรือเลขประจำตัวผู้เสียภาษีต้องมี 13 หลัก (ได้ ${v.length} หลัก)`,
    };
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(v[i]) * (13 - i);
  const check = (11 - (sum % 11)) % 10;
  if (check !== Number(v[12]))
    return { code: 'checksum', en: 'The check digit (the last one) does not match: a digit is mistyped.', th: 'เลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง อาจพิมพ์ตัวเลขผิด' };
  return null;
}
export const normalizeTaxId = (value: string) => value.replace(/[\s-]/g, '');

// ---------------------------------------------------------------- vacancies
export interface VacancyFacts {
  kind: 'employment' | 'home-based' | 'self-employment';
  status: 'draft' | 'published' | 'filled' | 'closed' | 'expired';
  closesOn: string;
  openings: number;
  placedCount: number;
}

/** Why a vacancy may not be published now, or null. An employer must be verified; home-based work needs the Home Workers Act registration. */
export function publishProblem(v: VacancyFacts, employer: { status: string; homeWorkRegistrationNo: string | null }, today: string): Bilingual | null {
  if (employer.status !== 'verified')
    return { en: 'The employer is not yet verified by an employment office.', th: 'นายจ้างยังไม่ได้รับการตรวจสอบจากสำนักงานจัดหางาน' };
  if (v.kind === 'home-based' && !employer.homeWorkRegistrationNo)
    return {
      en: 'Home-based work orders need the employer’s registration under the Home Workers Protection Act.',
      th: 'การจ้างงานรับไปทำที่บ้านต้องมีเลขทะเบียนผู้จ้างงานตามพระราชบัญญัติคุ้มครองผู้รับงานไปทำที่บ้าน',
    };
  if (v.status !== 'draft')
    return { en: `Only a draft can be published; this vacancy is ${v.status}.`, th: `เผยแพร่ได้เฉพาะประกาศที่เป็นฉบับร่าง ประกาศนี้อยู่ในสถานะ ${v.status}` };
  if (v.closesOn < today) return { en: 'Its closing date has passed.', th: 'เลยวันปิดรับสมัครแล้ว' };
  return null;
}

/** A published vacancy past its closing date reads as expired; one with every opening filled as filled. */
export function effectiveStatus(v: VacancyFacts, today: string): VacancyFacts['status'] {
  if (v.status === 'published' && v.placedCount >= v.openings) return 'filled';
  if (v.status === 'published' && v.closesOn < today) return 'expired';
  return v.status;
}

// ---------------------------------------------------------------- matching
export interface Reason extends Bilingual {
  code:
    | 'holds-credential'
    | 'lacks-credential'
    | 'course-completed'
    | 'same-district'
    | 'same-province'
    | 'home-based'
    | 'target-group'
    | 'wage-fit'
    | 'desired-occupation';
  points: number;
}

export interface MatchFacts {
  requiredStandard: string | null;
  holdsRequired: boolean;
  /** A completed course that prepares for the required standard. */
  course: { code: string; nameTh: string; nameEn: string } | null;
  vacancy: {
    remote: boolean;
    kind: VacancyFacts['kind'];
    provinceCode: string;
    districtCode: string | null;
    occupationCode: string;
    wageSatang: number;
    wageUnit: string;
  };
  seeker: { provinceCode: string; districtCode: string | null; desiredOccupations: readonly string[]; acceptsHomeBased: boolean; minWageSatang: number | null };
  /** The person's priority target groups (the mission's vulnerable groups), by their names. */
  priorityGroups: readonly { code: string; nameTh: string; nameEn: string }[];
}

/** A vacancy's row as `matchScore` reads it. */
export const vacancyMatchFacts = (v: {
  remote: boolean;
  kind: VacancyFacts['kind'];
  province_code: string;
  district_code: string | null;
  occupation_code: string;
  wage_satang: number;
  wage_unit: string;
}): MatchFacts['vacancy'] => ({
  remote: v.remote,
  kind: v.kind,
  provinceCode: v.province_code,
  districtCode: v.district_code,
  occupationCode: v.occupation_code,
  wageSatang: v.wage_satang,
  wageUnit: v.wage_unit,
});

/** A job seeker's row (the profile or the matching read model) as `matchScore` reads it. */
export const seekerMatchFacts = (s: {
  province_code: string;
  district_code: string | null;
  desired_occupations: readonly string[];
  accepts_home_based: boolean;
  min_wage_satang: number | null;
}): MatchFacts['seeker'] => ({
  provinceCode: s.province_code,
  districtCode: s.district_code,
  desiredOccupations: s.desired_occupations,
  acceptsHomeBased: s.accepts_home_based,
  minWageSatang: s.min_wage_satang,
});

export const POINTS = { credential: 50, course: 25, district: 20, province: 10, homeBased: 10, occupation: 15, targetGroup: 10, wage: 5 } as const;

/** Working days in a month, for a day wage's monthly equivalent. */
export const DAYS_PER_MONTH = 26;

/** Monthly equivalent of a wage, for comparing with what a seeker asks (26 working days; pieces are not compared). */
export const monthlyOf = (satang: number, unit: string) => (unit === 'month' ? satang : unit === 'day' ? satang * DAYS_PER_MONTH : null);

/**
 * The wanted occupations that match a vacancy's occupation under `matchScore`'s rule (the code
 * itself, or a prefix shorter than four digits: a major, sub-major or minor group), so that SQL
 * can test the same rule as an array overlap.
 */
export const occupationKeys = (occupationCode: string) => [
  ...new Set([occupationCode, ...[0, 1, 2, 3].filter((k) => k <= occupationCode.length).map((k) => occupationCode.slice(0, k))]),
];

/** The score and its reasons, in the order they weigh. The same facts always give the same answer. */
export function matchScore(f: MatchFacts): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const add = (r: Reason) => reasons.push(r);
  if (f.requiredStandard) {
    if (f.holdsRequired) add({ code: 'holds-credential', points: POINTS.credential, en: `holds ${f.requiredStandard}`, th: `มีคุณวุฒิ ${f.requiredStandard}` });
    else add({ code: 'lacks-credential', points: 0, en: `does not yet hold ${f.requiredStandard}`, th: `ยังไม่มีคุณวุฒิ ${f.requiredStandard}` });
  }
  if (f.course) add({ code: 'course-completed', points: POINTS.course, en: `completed ${f.course.nameEn}`, th: `ผ่านหลักสูตร ${f.course.nameTh}` });
  const v = f.vacancy;
  const s = f.seeker;
  if (v.remote || v.kind === 'home-based') {
    if (s.acceptsHomeBased) add({ code: 'home-based', points: POINTS.homeBased, en: 'work from home', th: 'ทำงานที่บ้านได้' });
  } else if (v.districtCode && s.districtCode === v.districtCode) {
    add({ code: 'same-district', points: POINTS.district, en: 'same district', th: 'อยู่อำเภอเดียวกัน' });
  } else if (s.provinceCode === v.provinceCode) {
    add({ code: 'same-province', points: POINTS.province, en: 'same province', th: 'อยู่จังหวัดเดียวกัน' });
  }
  // `occupationKeys` states the same rule for SQL; change both together.
  if (s.desiredOccupations.some((o) => o === v.occupationCode || (o.length < 4 && v.occupationCode.startsWith(o))))
    add({ code: 'desired-occupation', points: POINTS.occupation, en: `wants work as ${v.occupationCode}`, th: `ต้องการทำงานอาชีพ ${v.occupationCode}` });
  const group = f.priorityGroups[0];
  if (group) add({ code: 'target-group', points: POINTS.targetGroup, en: `priority group: ${group.nameEn}`, th: `กลุ่มเป้าหมายที่ให้ความสำคัญ: ${group.nameTh}` });
  const offered = monthlyOf(v.wageSatang, v.wageUnit);
  if (s.minWageSatang !== null && offered !== null && offered >= s.minWageSatang)
    add({ code: 'wage-fit', points: POINTS.wage, en: 'wage meets what they ask', th: 'ค่าจ้างตรงตามที่ต้องการ' });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** Highest score first; ties by id so the order is stable. */
export const byScore = <T extends { score: number; id: number }>(a: T, b: T) => b.score - a.score || a.id - b.id;

// ---------------------------------------------------------------- what an employer sees
export const SHAREABLE_FIELDS = ['name', 'phone', 'age', 'district', 'qualifications', 'courses'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/** A candidate as an employer sees them: only the consented fields, never an identity number. */
export function employerView(
  shared: readonly string[],
  p: {
    nameTh: string;
    nameEn: string | null;
    phone: string | null;
    age: number;
    districtNameTh: string;
    districtNameEn: string;
    qualifications: string[];
    courses: string[];
  },
) {
  const has = (f: ShareableField) => shared.includes(f);
  return {
    nameTh: has('name') ? p.nameTh : null,
    nameEn: has('name') ? p.nameEn : null,
    phone: has('phone') ? p.phone : null,
    age: has('age') ? p.age : null,
    districtNameTh: has('district') ? p.districtNameTh : null,
    districtNameEn: has('district') ? p.districtNameEn : null,
    qualifications: has('qualifications') ? p.qualifications : null,
    courses: has('courses') ? p.courses : null,
  };
}

// ---------------------------------------------------------------- referrals
const NEXT: Record<string, readonly string[]> = {
  referred: ['interview', 'hired', 'rejected', 'withdrawn'],
  interview: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};
/** Whether a referral may move from one status to another. */
export const mayAnswer = (from: string, to: string) => NEXT[from]?.includes(to) ?? false;

// ---------------------------------------------------------------- follow-ups and counting
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;

/** The date `months` after `isoDate`, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** One follow-up per interval: the due dates for a placement starting on `startedOn`. */
export const followUpsFor = (startedOn: string) => FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(startedOn, months) }));

/**
 * Whether a course that ended on `courseEndedOn` needs follow-ups of its own: only for a person not
 * placed, that is with no placement started in the 12 months before the course ended or since
 * (a placement's own follow-ups already ask whether they work and what they earn).
 */
export const needsCourseFollowUp = (courseEndedOn: string, placementStarts: readonly string[]) =>
  !placementStarts.some((started) => started >= addMonths(courseEndedOn, -12));

export const isOverdue = (f: { dueOn: string; doneAt: unknown }, today: string) => !f.doneAt && f.dueOn < today;

export const fiscalYearOfPlacement = (startedOn: string) => fiscalYearOfDate(startedOn);

/** How many placements count: once per person per fiscal year per centre (a person placed twice in a year by one centre counts once). */
export function countedPlacements(rows: readonly { personId: number; fiscalYear: number; centreUnitCode: string | null }[]): number {
  return new Set(rows.map((r) => `${r.personId}|${r.fiscalYear}|${r.centreUnitCode ?? ''}`)).size;
}

/** Income change (satang per month) from the registry's figure at placement to the latest follow-up; null when either is missing. */
export const incomeChange = (before: number | null, now: number | null) => (before === null || now === null ? null : now - before);

/** Age in whole years on `today`. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The seeds' target: more than 15,000 people placed in work a year from the learning centres' training (seed 000). */
export const PLACEMENT_TARGET = 15_000;
