import type { Evidence } from './data/programmes';

/**
 * Enterprise rules that need no database: the stage path and its evidence, the อย. number and the
 * มผช. standard number, a certificate's validity in Bangkok time and the marks it gives, deadlines,
 * and how two copies of a visit made offline are merged.
 */
export interface Reason {
  code: string;
  en: string;
  th: string;
}

const BANGKOK_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Today's civil date in Bangkok (YYYY-MM-DD). */
export const bangkokToday = (now: Date) => new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both YYYY-MM-DD): negative when `to` has passed. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

// ------------------------------------------------------------------ stages

/** What is known when a stage is asked for: the evidence the officer gives and what the system holds. */
export interface EvidenceFacts {
  /** Members who completed the stage's course (for a `course` stage). */
  completers?: number;
  /** The group holds a product with a valid certificate (for a `certificate` stage). */
  validCertificate?: boolean;
  /** The officer's note or document reference. */
  note?: string | null;
  documentRef?: string | null;
  /** The fund module disbursed a loan to the group (for a `loan` stage). */
  loanDisbursed?: boolean;
  /** Headquarters is selecting, with a reason. */
  byHeadquarters?: boolean;
  reason?: string | null;
}

/**
 * Why a group at `current` may not reach `target` (empty: it may). Stages are reached one at a
 * time, in order, and each only with its evidence.
 */
export function advanceReasons(current: number, target: { position: number; evidence: Evidence }, facts: EvidenceFacts): Reason[] {
  if (target.position !== current + 1)
    return [
      {
        code: 'not-next-stage',
        en: `Stages are reached in order: the group is at stage ${current}, so only stage ${current + 1} is next.`,
        th: `ต้องผ่านขั้นตอนตามลำดับ กลุ่มอยู่ขั้นที่ ${current} ขั้นถัดไปคือขั้นที่ ${current + 1}`,
      },
    ];
  const e = target.evidence;
  switch (e.kind) {
    case 'nomination':
      return [];
    case 'selection':
      if (!facts.byHeadquarters)
        return [{ code: 'headquarters-only', en: 'Only headquarters selects prototype groups.', th: 'การคัดเลือกกลุ่มต้นแบบทำได้โดยส่วนกลางเท่านั้น' }];
      return facts.reason?.trim() ? [] : [{ code: 'reason-required', en: 'A selection needs its reason.', th: 'การคัดเลือกต้องระบุเหตุผล' }];
    case 'course': {
      const have = facts.completers ?? 0;
      return have >= e.minMembers
        ? []
        : [
            {
              code: 'course-not-completed',
              en: `${e.minMembers} members must complete ${e.curriculumCode}; ${have} have.`,
              th: `สมาชิกต้องผ่านหลักสูตร ${e.curriculumCode} อย่างน้อย ${e.minMembers} คน ขณะนี้ผ่าน ${have} คน`,
            },
          ];
    }
    case 'certificate':
      return facts.validCertificate
        ? []
        : [{ code: 'no-valid-certificate', en: 'No product of the group holds a valid certificate.', th: 'ยังไม่มีผลิตภัณฑ์ของกลุ่มที่มีใบรับรองที่ยังไม่หมดอายุ' }];
    case 'loan':
      // A loan from elsewhere (a bank, another fund) is shown by the officer's document.
      if (facts.loanDisbursed) return [];
      return facts.note?.trim() || facts.documentRef?.trim()
        ? []
        : [{ code: 'evidence-required', en: `Attach the evidence: ${e.en}.`, th: `กรุณาแนบหลักฐาน: ${e.th}` }];
    case 'document':
      return facts.note?.trim() || facts.documentRef?.trim()
        ? []
        : [{ code: 'evidence-required', en: `Attach the evidence: ${e.en}.`, th: `กรุณาแนบหลักฐาน: ${e.th}` }];
  }
}

/** True when this stage's evidence is held in the system, so it is reached without an officer. */
export const isAutomatic = (evidence: Evidence) => evidence.kind === 'course';

/**
 * The funnel: for each stage position, the active groups whose path has reached it. A group at
 * position p has reached every stage 1..p, so the count at k is the number at k or beyond.
 */
export function funnelCounts(stageCount: number, atPosition: ReadonlyMap<number, number>): number[] {
  const counts = new Array<number>(stageCount).fill(0);
  let running = 0;
  for (let k = stageCount; k >= 1; k--) {
    running += atPosition.get(k) ?? 0;
    counts[k - 1] = running;
  }
  return counts;
}

// ------------------------------------------------------------------ certificates

export const CERT_KINDS = ['fda', 'tcps', 'tis', 'otop', 'halal', 'gap', 'other'] as const;
export type CertKind = (typeof CERT_KINDS)[number];
export const CERT_STATUSES = ['preparing', 'submitted', 'inspected', 'certified', 'rejected'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

/** The tracker's moves: an application goes forward, and may be rejected once submitted. */
const NEXT: Record<CertStatus, CertStatus[]> = {
  preparing: ['submitted'],
  submitted: ['inspected', 'rejected', 'certified'],
  inspected: ['certified', 'rejected'],
  certified: [],
  rejected: ['preparing'],
};
export const canMoveTo = (from: CertStatus, to: CertStatus) => NEXT[from].includes(to);

/** The digits of a 13-digit อย. number as printed on a label ("10-1-12345-2-0001", spaces or dashes). */
export const normalizeFdaNumber = (value: string) => value.replace(/[\s-]/g, '');

/**
 * Why an อย. (Thai FDA food) number is not well formed: 13 digits; the first two the province of
 * the producing site (a province code), the third the licensing office (1 the FDA, 2 a provincial
 * health office). The format is checked, not the registration: the FDA's register is not online here.
 */
export function fdaNumberReasons(value: string, provinceCodes?: ReadonlySet<string>): Reason[] {
  const digits = normalizeFdaNumber(value);
  if (!/^\d{13}$/.test(digits))
    return [{ code: 'fda-digits', en: 'An FDA number has 13 digits (e.g. 10-1-12345-2-0001).', th: 'เลข อย. ต้องมี 13 หลัก เช่น 10-1-12345-2-0001' }];
  const reasons: Reason[] = [];
  const province = digits.slice(0, 2);
  if (provinceCodes ? !provinceCodes.has(province) : !(Number(province) >= 10 && Number(province) <= 96))
    reasons.push({ code: 'fda-province', en: `The first two digits (${province}) must be a province code.`, th: `เลขสองหลักแรก (${province}) ต้องเป็นรหัสจังหวัด` });
  if (!['1', '2'].includes(digits[2]!))
    reasons.push({
      code: 'fda-office',
      en: 'The third digit is the licensing office: 1 (FDA) or 2 (provincial health office).',
      th: 'หลักที่สามคือหน่วยงานที่อนุญาต: 1 (อย.) หรือ 2 (สำนักงานสาธารณสุขจังหวัด)',
    });
  return reasons;
}

/** A มผช. standard number: "มผช. 123/2565" or "123/2565" (number / B.E. year). */
export function tcpsStandardReasons(value: string): Reason[] {
  const m = /^(?:มผช\.?\s*)?(\d{1,4})\/(\d{4})$/.exec(value.trim());
  if (!m || Number(m[2]) < 2546 || Number(m[2]) > 2700)
    return [
      {
        code: 'tcps-standard',
        en: 'A community product standard number is written number/B.E. year, e.g. มผช. 123/2565.',
        th: 'เลขมาตรฐานผลิตภัณฑ์ชุมชนเขียนเป็น เลขที่/ปี พ.ศ. เช่น มผช. 123/2565',
      },
    ];
  return [];
}

/** Years a certificate of this kind stands when no expiry is given: มผช. 3 years (TISI). */
export const VALIDITY_YEARS: Partial<Record<CertKind, number>> = { tcps: 3 };

/** The last valid day of a certificate issued on `issuedOn` that stands `years` years: the day before the anniversary. */
export function expiryAfter(issuedOn: string, years: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February → 1 March of a common year; the certificate ends the day before.
  if (anniversary.getUTCMonth() !== m - 1) anniversary.setUTCDate(1);
  return new Date(anniversary.getTime() - DAY_MS).toISOString().slice(0, 10);
}

export type Validity = 'valid' | 'expiring' | 'expired' | 'not-certified' | 'not-yet-valid';

/**
 * A certificate's standing at an instant, read in Bangkok time: valid on its expiry day until
 * midnight in Bangkok, expiring within `warnDays` of it.
 */
export function validityOf(
  c: { status: string; issuedOn: string | null; expiresOn: string | null },
  now: Date,
  warnDays = 90,
): { validity: Validity; daysLeft: number | null } {
  if (c.status !== 'certified') return { validity: 'not-certified', daysLeft: null };
  const today = bangkokToday(now);
  if (c.issuedOn && c.issuedOn > today) return { validity: 'not-yet-valid', daysLeft: null };
  if (!c.expiresOn) return { validity: 'valid', daysLeft: null };
  const daysLeft = daysBetween(today, c.expiresOn);
  if (daysLeft < 0) return { validity: 'expired', daysLeft };
  return { validity: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
}

/** The marks a product carries: one per kind with a certificate standing now (an expired one gives none). */
export function marksOf(certs: readonly { kind: string; status: string; issuedOn: string | null; expiresOn: string | null }[], now: Date): string[] {
  const marks = certs.filter((c) => ['valid', 'expiring'].includes(validityOf(c, now).validity)).map((c) => c.kind);
  return [...new Set(marks)].sort();
}

// ------------------------------------------------------------------ community enterprise

/** A community enterprise registration number of the Department of Agricultural Extension, e.g. 4-40-01-01/1-0001. */
export function ceNumberReasons(value: string): Reason[] {
  return /^\d-\d{2}-\d{2}-\d{2}\/\d-\d{4}$/.test(value.trim())
    ? []
    : [
        {
          code: 'ce-number',
          en: 'A community enterprise registration number is written like 4-40-01-01/1-0001.',
          th: 'เลขทะเบียนวิสาหกิจชุมชนเขียนในรูปแบบ 4-40-01-01/1-0001',
        },
      ];
}

// ------------------------------------------------------------------ visits

export interface VisitItem {
  id: string;
}

/** Items of two copies, by id: both sides' kept; where both have one, the later `at` (else the incoming) wins. */
export function unionById<T extends VisitItem & { at?: string }>(stored: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of stored) byId.set(item.id, item);
  for (const item of incoming) {
    const had = byId.get(item.id);
    if (!had || !had.at || !item.at || item.at >= had.at) byId.set(item.id, item);
  }
  return [...byId.values()].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.id.localeCompare(b.id));
}

export interface VisitCopy {
  visitedOn: string;
  officers: string[];
  progress: { stageCode: string; note: string }[];
  obstacles: (VisitItem & { category: string; text: string; open: boolean; at?: string })[];
  actions: (VisitItem & { text: string; owner: string; dueOn: string | null; at?: string })[];
  notes: (VisitItem & { author: string; text: string; at: string })[];
  latitude: number | null;
  longitude: number | null;
  /** When the device last changed its copy (ISO). */
  editedAt: string;
}

/**
 * Two copies of one visit made offline on two phones: notes, obstacles and actions from both are
 * kept (by their ids, made on the phones); single fields come from the copy edited last; officers
 * are the union.
 */
export function mergeVisit(stored: VisitCopy, incoming: VisitCopy): VisitCopy {
  const later = incoming.editedAt >= stored.editedAt ? incoming : stored;
  return {
    visitedOn: later.visitedOn,
    officers: [...new Set([...stored.officers, ...incoming.officers])],
    progress: later.progress,
    obstacles: unionById(stored.obstacles, incoming.obstacles),
    actions: unionById(stored.actions, incoming.actions),
    notes: unionById(stored.notes, incoming.notes),
    latitude: later.latitude ?? stored.latitude,
    longitude: later.longitude ?? stored.longitude,
    editedAt: later.editedAt,
  };
}

export const OBSTACLE_CATEGORIES = ['raw-materials', 'funding', 'skills', 'market', 'standards', 'equipment', 'other'] as const;
