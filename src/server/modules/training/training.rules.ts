import type { EnrolmentStatus, SessionStatus } from '../../db/schema';

/**
 * The rules of training that need no database: eligibility, the completion rule, and which
 * status a session may move to. Services gather the facts and ask these.
 */

export interface Reason {
  code: string;
  en: string;
  th: string;
}

export interface EligibilityFacts {
  person: { status: string; targetGroups: string[]; birthDate: string };
  curriculum: { targetGroups: string[]; prerequisites: string[]; minAge: number | null };
  /** Curriculum codes the person has completed. */
  completed: ReadonlySet<string>;
  /** The session's first day: the age rule is judged then. */
  startsOn: string;
  /** Target-group names for the message, by code. */
  groupNames?: ReadonlyMap<string, { th: string; en: string }>;
}

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Every reason the person may not take the course; empty when eligible. */
export function eligibilityReasons(f: EligibilityFacts): Reason[] {
  const reasons: Reason[] = [];
  if (f.person.status !== 'active') {
    reasons.push({ code: 'person-inactive', en: 'The registry record is not active (merged or erased).', th: 'ระเบียนบุคคลไม่อยู่ในสถานะใช้งาน (ถูกรวมหรือลบแล้ว)' });
  }
  const wanted = f.curriculum.targetGroups;
  if (wanted.length > 0 && !wanted.some((g) => f.person.targetGroups.includes(g))) {
    const names = wanted.map((g) => f.groupNames?.get(g) ?? { th: g, en: g });
    reasons.push({
      code: 'target-group',
      en: `The course is for: ${names.map((n) => n.en).join(', ')}; the person's record shows none of these.`,
      th: `หลักสูตรนี้สำหรับ ${names.map((n) => n.th).join(', ')} แต่ระเบียนของบุคคลนี้ไม่อยู่ในกลุ่มใดเลย`,
    });
  }
  const missing = f.curriculum.prerequisites.filter((code) => !f.completed.has(code));
  if (missing.length > 0) {
    reasons.push({ code: 'prerequisite', en: `Complete ${missing.join(', ')} first.`, th: `ต้องผ่านหลักสูตร ${missing.join(', ')} ก่อน` });
  }
  if (f.curriculum.minAge !== null) {
    const age = ageOn(f.person.birthDate, f.startsOn);
    if (age < f.curriculum.minAge) {
      reasons.push({
        code: 'age',
        en: `The course needs age ${f.curriculum.minAge} on its first day; the person will be ${age}.`,
        th: `หลักสูตรนี้รับผู้มีอายุ ${f.curriculum.minAge} ปีขึ้นไป ณ วันเริ่มอบรม แต่บุคคลนี้จะมีอายุ ${age} ปี`,
      });
    }
  }
  return reasons;
}

export interface CompletionRule {
  minAttendancePercent: number;
  minPostTestScore: number | null;
}

export interface CompletionFacts {
  attendedMinutes: number;
  scheduledMinutes: number;
  postTestScore: number | null;
}

const hoursText = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10}`;

/**
 * The completion rule: attended at least the minimum share of the scheduled hours and, where the
 * course has a post-test, scored at least its pass mark. Integer arithmetic: 80% of 18 hours is
 * met by exactly 864 minutes, not by 863.
 */
export function completionReasons(rule: CompletionRule, f: CompletionFacts): Reason[] {
  const reasons: Reason[] = [];
  if (f.attendedMinutes * 100 < rule.minAttendancePercent * f.scheduledMinutes) {
    const needed = Math.ceil((rule.minAttendancePercent * f.scheduledMinutes) / 100);
    reasons.push({
      code: 'attendance',
      en: `Attended ${hoursText(f.attendedMinutes)} of ${hoursText(f.scheduledMinutes)} hours; the course needs ${rule.minAttendancePercent}% (${hoursText(needed)} hours).`,
      th: `เข้าอบรม ${hoursText(f.attendedMinutes)} จาก ${hoursText(f.scheduledMinutes)} ชั่วโมง หลักสูตรกำหนดไม่น้อยกว่าร้อยละ ${rule.minAttendancePercent} (${hoursText(needed)} ชั่วโมง)`,
    });
  }
  if (rule.minPostTestScore !== null) {
    if (f.postTestScore === null) {
      reasons.push({
        code: 'no-post-test',
        en: `No post-test score is recorded; the pass mark is ${rule.minPostTestScore}.`,
        th: `ยังไม่มีคะแนนทดสอบหลังอบรม (เกณฑ์ผ่าน ${rule.minPostTestScore} คะแนน)`,
      });
    } else if (f.postTestScore < rule.minPostTestScore) {
      reasons.push({
        code: 'post-test',
        en: `Post-test score ${f.postTestScore} is below the pass mark ${rule.minPostTestScore}.`,
        th: `คะแนนทดสอบหลังอบรม ${f.postTestScore} ต่ำกว่าเกณฑ์ผ่าน ${rule.minPostTestScore} คะแนน`,
      });
    }
  }
  return reasons;
}

/** planned → open → running → completed; any but completed may be cancelled, with a reason. */
const NEXT: Record<SessionStatus, SessionStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['planned', 'running', 'cancelled'],
  running: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const canMoveSession = (from: SessionStatus, to: SessionStatus) => NEXT[from].includes(to);

/** Enrolments that hold a seat (a completed or not-completed learner held one to the end). */
export const SEATED: EnrolmentStatus[] = ['enrolled', 'completed', 'not-completed'];
