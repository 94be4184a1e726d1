import type { CurriculumRow } from '../../db/schema';
import { fullName } from '../../../shared/person-fields';
import type * as repository from './training.repository';
import type { Reason } from './training.rules';

/** Training's rows as API objects, in one place. Hours are kept as minutes and shown as hours. */

export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** Names of the unit and province a session belongs to (org's and geo's, added by the service). */
export interface SessionNames {
  unit_name_th: string;
  unit_name_en: string;
  province_name_th: string;
  province_name_en: string;
}
export type SessionListRow = repository.SessionRow & SessionNames;
export type SessionDetailRow = SessionListRow & {
  subdistrict_name_th: string | null;
  subdistrict_name_en: string | null;
  district_name_th: string | null;
  district_name_en: string | null;
};

/** The certificate issued for an enrolment (credentials'), if any. */
export interface CertificateColumns {
  credential_code: string | null;
  credential_status: string | null;
}
/** A roster line: the enrolment with the person's names and document (registry's). */
export type RosterRow = repository.RosterEnrolmentRow &
  CertificateColumns & {
    title: string;
    first_name_th: string;
    last_name_th: string;
    first_name_en: string | null;
    last_name_en: string | null;
    doc_type: string;
    doc_number: string;
    person_province_code: string;
  };
type MyEnrolmentRow = Awaited<ReturnType<typeof repository.enrolmentsOfPerson>>[number] &
  CertificateColumns & { province_name_th: string; province_name_en: string };

export const presentCurriculum = (c: CurriculumRow) => ({
  code: c.code,
  nameTh: c.name_th,
  nameEn: c.name_en,
  providerAgencyCode: c.provider_agency_code,
  providerUnitCode: c.provider_unit_code,
  providerPartner: c.provider_partner,
  category: c.category,
  mode: c.mode,
  hours: hoursOf(c.total_minutes),
  topics: (c.topics as { th: string; en: string; minutes: number }[]).map((t) => ({ th: t.th, en: t.en, hours: hoursOf(t.minutes) })),
  targetGroups: c.target_groups,
  prerequisites: c.prerequisites,
  minAge: c.min_age,
  minAttendancePercent: c.min_attendance_percent,
  minPostTestScore: c.min_post_test_score,
  competencyUnits: c.competency_units,
  assumedFields: c.assumed_fields,
  sourceNote: c.source_note,
  status: c.status,
});

/**
 * What a completion certificate's signed Open Badge says the course is and what completing it
 * took: the curriculum's own page, its hours and mode, and its completion rule.
 */
export const achievementOf = (c: CurriculumRow, publicUrl: string) => {
  const hours = hoursOf(c.total_minutes);
  const score = c.min_post_test_score;
  return {
    id: `${publicUrl}/curricula/${c.code}`,
    descriptionTh: `หลักสูตร${c.name_th} ${hours} ชั่วโมง`,
    descriptionEn: `${c.name_en}, a ${hours}-hour course`,
    criteriaTh: `เข้าอบรมไม่น้อยกว่าร้อยละ ${c.min_attendance_percent} ของเวลาอบรม${score === null ? '' : ` และได้คะแนนทดสอบหลังเรียนไม่น้อยกว่า ${score}`}`,
    criteriaEn: `Attended at least ${c.min_attendance_percent}% of the course hours${score === null ? '' : ` and scored at least ${score} in the post-test`}.`,
  };
};

/** Applications have closed with fewer people than the minimum, and the session has not ended. */
const belowMinimum = (s: { status: string; applications_close_on: string; enrolled_count: number; capacity_min: number }, today: string) =>
  (s.status === 'open' || s.status === 'planned' || s.status === 'running') && s.applications_close_on < today && s.enrolled_count < s.capacity_min;

export const presentSession = (s: SessionListRow, viewer: { today: string; canManage: boolean }) => ({
  id: s.id,
  code: s.code,
  curriculumCode: s.curriculum_code,
  curriculumNameTh: s.curriculum_name_th,
  curriculumNameEn: s.curriculum_name_en,
  category: s.category,
  mode: s.mode,
  unitCode: s.unit_code,
  unitNameTh: s.unit_name_th,
  unitNameEn: s.unit_name_en,
  provinceCode: s.province_code,
  provinceNameTh: s.province_name_th,
  provinceNameEn: s.province_name_en,
  online: s.online,
  venue: s.venue,
  startsOn: s.starts_on,
  endsOn: s.ends_on,
  applicationsCloseOn: s.applications_close_on,
  capacityMin: s.capacity_min,
  capacityMax: s.capacity_max,
  trainers: s.trainers,
  budgetSource: s.budget_source,
  status: s.status,
  statusReason: s.status_reason,
  enrolledCount: s.enrolled_count,
  waitlistedCount: s.waitlisted_count,
  fillPercent: Math.round((s.enrolled_count * 100) / s.capacity_max),
  belowMinimum: belowMinimum(s, viewer.today),
  openForApplications: s.status === 'open' && s.applications_close_on >= viewer.today,
  canManage: viewer.canManage,
  version: s.version,
});

/** A roster line: the national ID masked as the registry masks it (`maskDocument`). */
export const presentRosterEntry = (r: RosterRow, maskDocument: (docType: string, docNumber: string) => string) => ({
  id: r.id,
  personId: r.person_id,
  name: fullName({ title: r.title, first: r.first_name_th, last: r.last_name_th }, 'th'),
  nameEn: r.first_name_en && r.last_name_en ? fullName({ title: r.title, first: r.first_name_en, last: r.last_name_en }, 'en') : null,
  docNumberMasked: maskDocument(r.doc_type, r.doc_number),
  status: r.status,
  source: r.source,
  waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
  appliedAt: new Date(r.applied_at).toISOString(),
  attendedHours: hoursOf(r.attended_minutes),
  postTestScore: r.post_test_score,
  onlineCompletedOn: r.online_completed_on,
  outcomeReasons: (r.outcome_reasons as Reason[] | null) ?? [],
  withdrawReason: r.withdraw_reason,
  credentialCode: r.credential_code,
  credentialStatus: r.credential_status,
});

export const presentMyEnrolment = (e: MyEnrolmentRow) => ({
  id: e.id,
  sessionId: e.session_id,
  sessionCode: e.session_code,
  curriculumNameTh: e.curriculum_name_th,
  curriculumNameEn: e.curriculum_name_en,
  provinceNameTh: e.province_name_th,
  provinceNameEn: e.province_name_en,
  startsOn: e.starts_on,
  endsOn: e.ends_on,
  sessionStatus: e.session_status,
  online: e.online,
  venue: e.venue,
  status: e.status,
  waitlistPosition: e.waitlist_position === null ? null : Number(e.waitlist_position),
  attendedHours: hoursOf(e.attended_minutes),
  postTestScore: e.post_test_score,
  outcomeReasons: (e.outcome_reasons as Reason[] | null) ?? [],
  credentialCode: e.credential_code,
  credentialStatus: e.credential_status,
});
