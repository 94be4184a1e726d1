import { z } from 'zod';
import { saneDate } from '../../platform/http/schemas';
import { CATEGORY_CODES } from './data/categories';

const isoDate = saneDate.describe('YYYY-MM-DD (C.E.)');
const SESSION_STATUSES = ['planned', 'open', 'running', 'completed', 'cancelled'] as const;
const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn', 'completed', 'not-completed'] as const;
const Reason = z.object({ code: z.string(), en: z.string(), th: z.string() });

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const CodeParam = z.strictObject({ code: z.string().min(1).max(40) });
export const DayParams = z.strictObject({ id: z.coerce.number().int().positive(), day: isoDate });
export const JobParams = z.strictObject({ id: z.coerce.number().int().positive(), jobId: z.uuid() });

export const CurriculaQuery = z.strictObject({ category: z.enum(CATEGORY_CODES).optional(), status: z.enum(['active', 'retired']).optional() });

export const CurriculumSchema = z
  .object({
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    providerAgencyCode: z.string(),
    providerUnitCode: z.string().nullable(),
    providerPartner: z.string().nullable(),
    category: z.string(),
    mode: z.string(),
    hours: z.number(),
    topics: z.array(z.object({ th: z.string(), en: z.string(), hours: z.number() })),
    targetGroups: z.array(z.string()).describe('Empty: open to everyone'),
    prerequisites: z.array(z.string()).describe('Curriculum codes to complete first'),
    minAge: z.number().nullable(),
    minAttendancePercent: z.number(),
    minPostTestScore: z.number().nullable(),
    competencyUnits: z.array(z.string()),
    assumedFields: z.array(z.string()).describe('Fields that are assumed rather than taken from the seed documents'),
    sourceNote: z.string().nullable(),
    status: z.string(),
  })
  .meta({ id: 'Curriculum' });

export const SessionsQuery = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  curriculum: z.string().max(32).optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only sessions taking applications today'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const SessionCore = {
  id: z.number(),
  code: z.string(),
  curriculumCode: z.string(),
  curriculumNameTh: z.string(),
  curriculumNameEn: z.string(),
  category: z.string(),
  mode: z.string().describe('on-site, online-live, self-paced or hybrid'),
  unitCode: z.string(),
  unitNameTh: z.string(),
  unitNameEn: z.string(),
  provinceCode: z.string(),
  provinceNameTh: z.string(),
  provinceNameEn: z.string(),
  online: z.boolean(),
  venue: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  applicationsCloseOn: z.string(),
  capacityMin: z.number(),
  capacityMax: z.number(),
  trainers: z.array(z.string()),
  budgetSource: z.string().nullable(),
  status: z.enum(SESSION_STATUSES),
  statusReason: z.string().nullable(),
  enrolledCount: z.number(),
  waitlistedCount: z.number(),
  fillPercent: z.number().describe('Seats taken, as a percentage of the maximum'),
  belowMinimum: z.boolean().describe('Applications have closed with fewer people than the minimum'),
  openForApplications: z.boolean(),
  canManage: z.boolean(),
  version: z.number(),
};

export const SessionListItemSchema = z.object(SessionCore).meta({ id: 'TrainingSessionListItem' });
export const SessionPageSchema = z.object({ items: z.array(SessionListItemSchema), total: z.number() }).meta({ id: 'TrainingSessionPage' });

export const MyEnrolmentSchema = z
  .object({
    id: z.number(),
    sessionId: z.number(),
    sessionCode: z.string(),
    curriculumNameTh: z.string(),
    curriculumNameEn: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    sessionStatus: z.string(),
    online: z.boolean(),
    venue: z.string().nullable(),
    status: z.enum(ENROLMENT_STATUSES),
    waitlistPosition: z.number().nullable().describe('1 is next in line'),
    attendedHours: z.number(),
    postTestScore: z.number().nullable(),
    outcomeReasons: z.array(Reason),
    credentialCode: z.string().nullable(),
    credentialStatus: z.string().nullable(),
  })
  .meta({ id: 'MyEnrolment' });

export const SessionSchema = z
  .object({
    ...SessionCore,
    subdistrictCode: z.string().nullable(),
    subdistrictNameTh: z.string().nullable(),
    subdistrictNameEn: z.string().nullable(),
    districtNameTh: z.string().nullable(),
    districtNameEn: z.string().nullable(),
    curriculum: CurriculumSchema,
    days: z.array(
      z.object({
        day: z.string(),
        hours: z.number(),
        topicTh: z.string().nullable(),
        topicEn: z.string().nullable(),
        checkinCode: z.string().nullable().describe('Only for those who run the session: shown as the day’s QR code'),
      }),
    ),
    scheduledHours: z.number(),
    canSeeRoster: z.boolean(),
    canEnrol: z.boolean(),
    myEnrolment: MyEnrolmentSchema.nullable(),
  })
  .meta({ id: 'TrainingSession' });

export const CreateSessionBody = z
  .strictObject({
    curriculumCode: z.string().min(2).max(32),
    unitCode: z.string().min(2).max(40),
    provinceCode: z.string().regex(/^\d{2}$/),
    online: z.boolean().default(false),
    subdistrictCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullish(),
    venue: z.string().max(300).nullish(),
    applicationsCloseOn: isoDate,
    capacityMin: z.number().int().min(1).max(5000).default(100),
    capacityMax: z.number().int().min(1).max(5000).default(500),
    trainers: z.array(z.string().max(200)).max(50).default([]),
    budgetSource: z.string().max(300).nullish(),
    days: z
      .array(
        z.strictObject({
          day: isoDate,
          hours: z.number().min(0.5).max(24).multipleOf(0.25),
          topicTh: z.string().max(300).nullish(),
          topicEn: z.string().max(300).nullish(),
        }),
      )
      .min(1)
      .max(120),
  })
  .meta({ id: 'CreateTrainingSession' });

export const StatusBody = z.strictObject({ status: z.enum(SESSION_STATUSES), reason: z.string().max(500).nullish() });
export const ApplyBody = z.strictObject({
  personId: z.number().int().positive().nullish().describe('Officers: whom to enrol. Citizens leave it out to apply for themselves.'),
});
export const GroupEnrolBody = z.strictObject({ groupId: z.number().int().positive() });
export const WithdrawBody = z.strictObject({ reason: z.string().max(500).nullish() });

const Named = z.object({ personId: z.number(), name: z.string() });
export const GroupEnrolResultSchema = z
  .object({ enrolled: z.array(Named), waitlisted: z.array(Named), already: z.array(Named), notEligible: z.array(Named.extend({ reasons: z.array(Reason) })) })
  .meta({ id: 'GroupEnrolResult' });
export const WithdrawResultSchema = z.object({ withdrawn: z.number(), promoted: z.object({ enrolmentId: z.number(), personId: z.number() }).nullable() });

export const RosterQuery = z.strictObject({
  status: z.enum(ENROLMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export const RosterSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        personId: z.number(),
        name: z.string(),
        nameEn: z.string().nullable(),
        docNumberMasked: z.string(),
        status: z.enum(ENROLMENT_STATUSES),
        source: z.string(),
        waitlistPosition: z.number().nullable(),
        appliedAt: z.string(),
        attendedHours: z.number(),
        postTestScore: z.number().nullable(),
        onlineCompletedOn: z.string().nullable(),
        outcomeReasons: z.array(Reason),
        withdrawReason: z.string().nullable(),
        credentialCode: z.string().nullable(),
        credentialStatus: z.string().nullable(),
      }),
    ),
    counts: z.record(z.string(), z.number()),
  })
  .meta({ id: 'Roster' });

export const AttendanceSheetSchema = z
  .object({
    day: z.string(),
    hours: z.number(),
    entries: z.array(
      z.object({ enrolmentId: z.number(), personId: z.number(), name: z.string(), present: z.boolean(), hours: z.number(), method: z.string().nullable() }),
    ),
  })
  .meta({ id: 'AttendanceSheet' });
export const AttendanceBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        enrolmentId: z.number().int().positive(),
        present: z.boolean(),
        hours: z.number().min(0).max(24).nullish().describe('Default: the whole day'),
      }),
    )
    .min(1)
    .max(5000),
});
export const CheckInBody = z.strictObject({ code: z.string().min(8).max(64) });
export const CheckInSchema = z
  .object({ sessionId: z.number(), sessionCode: z.string(), curriculumNameTh: z.string(), curriculumNameEn: z.string(), day: z.string(), hours: z.number() })
  .meta({ id: 'CheckIn' });
export const ScoresBody = z.strictObject({
  scores: z
    .array(z.strictObject({ enrolmentId: z.number().int().positive(), score: z.number().int().min(0).max(100).nullable() }))
    .min(1)
    .max(5000),
});

export const ResultsQuery = z.strictObject({ fileName: z.string().max(200).default('results.csv') });
export const ResultsImportSchema = z
  .object({
    status: z.enum(['applied', 'rejected']).describe('rejected: nothing was written; fix the rows listed and send the file again'),
    rows: z.number(),
    applied: z.number(),
    errors: z.array(
      z.object({ line: z.number(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), th: z.string(), en: z.string() }),
    ),
  })
  .meta({ id: 'ResultsImport' });
export const EvaluationSchema = z.object({ completed: z.number(), notCompleted: z.number() });
export const CertificateJobSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    error: z.string().nullable(),
    result: z.object({ issued: z.number(), total: z.number() }).nullable(),
  })
  .meta({ id: 'CertificateJob' });
