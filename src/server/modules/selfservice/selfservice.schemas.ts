import { z } from 'zod';
import { bilingual } from '../../platform/http/schemas';
import { MyAssessmentSchema } from '../competency/competency.schemas';
import { CredentialSchema } from '../credentials/credentials.schemas';
import { EmploymentCardSchema } from '../employment/employment.schemas';
import { ParticipationSchema } from '../enterprise/enterprise.schemas';
import { MineSchema } from '../funding/funding.schemas';
import { ConsentSchema, MyRecordSchema, TimelineEventSchema } from '../registry/registry.schemas';
import { CONSENT_PURPOSES, CORRECTABLE_FIELDS } from '../registry/registry.service';
import { MyEnrolmentSchema } from '../training/training.schemas';

const text = (max: number, what: string, th: string) =>
  z
    .string()
    .trim()
    .min(1, { error: bilingual(`${what} is required.`, `กรุณากรอก${th}`) })
    .max(max, { error: bilingual(`${what} is at most ${max} characters.`, `${th}ยาวได้ไม่เกิน ${max} ตัวอักษร`) });

export const Bilingual = z.object({ th: z.string(), en: z.string() });
export const ConsentPurposeEnum = z.enum(CONSENT_PURPOSES);
export const CorrectableFieldEnum = z.enum(Object.keys(CORRECTABLE_FIELDS) as [keyof typeof CORRECTABLE_FIELDS, ...(keyof typeof CORRECTABLE_FIELDS)[]]);

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const PurposeParam = z.strictObject({ purpose: ConsentPurposeEnum });
export const ConsentBody = z.strictObject({ purpose: ConsentPurposeEnum });

export const RequestBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('correction'),
    field: CorrectableFieldEnum,
    requestedValue: z
      .string()
      .trim()
      .max(200, { error: bilingual('The requested value is at most 200 characters.', 'ค่าที่ขอแก้ยาวได้ไม่เกิน 200 ตัวอักษร') }),
    reason: text(1000, 'The reason', 'เหตุผล'),
  }),
  z.strictObject({ kind: z.literal('erasure'), reason: text(1000, 'The reason', 'เหตุผล') }),
]);

export const PdpaRequestSchema = z
  .object({
    id: z.number(),
    kind: z.enum(['correction', 'erasure']),
    personId: z.number(),
    personNameTh: z.string().nullable().describe('For officers: whose request it is'),
    provinceCode: z.string(),
    field: CorrectableFieldEnum.nullable(),
    currentValue: z.string().nullable(),
    requestedValue: z.string().nullable(),
    reason: z.string(),
    legalHold: Bilingual.nullable().describe('Why the record must be kept (an erasure while a loan is owed), told at filing'),
    status: z.enum(['open', 'applied', 'refused']),
    outcome: z.string().nullable(),
    dueOn: z.string().describe('The legal due date (PDPA: 30 days from receipt)'),
    overdue: z.boolean(),
    daysOverdue: z.number(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'PdpaRequest' });

export const RequestQueueQuery = z.strictObject({
  status: z.enum(['open', 'applied', 'refused']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const DecideBody = z.strictObject({
  decision: z.enum(['apply', 'refuse']),
  outcome: text(1000, 'The outcome told to the person', 'ผลที่แจ้งเจ้าของข้อมูล'),
});

export const GrievanceBody = z.strictObject({
  kind: z.enum(['complaint', 'appeal']),
  about: z.enum(['refusal', 'decision', 'data-error', 'service', 'other']),
  subject: text(200, 'The subject', 'เรื่อง'),
  body: text(4000, 'The details', 'รายละเอียด'),
  reference: z.string().trim().max(100).nullish().describe('The record concerned: an application, loan or certificate number'),
  groupId: z.number().int().positive().nullish().describe('Filed for an occupation group the signed-in citizen leads'),
});
export const GrievanceSchema = z
  .object({
    id: z.number(),
    personId: z.number(),
    personNameTh: z.string().nullable(),
    groupId: z.number().nullable(),
    groupName: z.string().nullable(),
    kind: z.enum(['complaint', 'appeal']),
    about: z.enum(['refusal', 'decision', 'data-error', 'service', 'other']),
    subject: z.string(),
    body: z.string(),
    reference: z.string().nullable(),
    provinceCode: z.string(),
    unitCode: z.string().nullable(),
    unitNameTh: z.string().nullable(),
    unitNameEn: z.string().nullable(),
    status: z.enum(['open', 'answered']),
    answer: z.string().nullable(),
    dueOn: z.string().describe('The service level: 15 working days from filing'),
    escalated: z.boolean().describe('Open past its due date: shown to headquarters and executives'),
    daysLate: z.number(),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: 'Grievance' });
export const GrievanceQueueQuery = z.strictObject({
  status: z.enum(['open', 'answered']).optional(),
  escalated: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const AnswerBody = z.strictObject({ answer: text(4000, 'The answer', 'คำตอบ') });

export const WhoSawSchema = z
  .object({
    at: z.string(),
    action: z.string(),
    what: Bilingual,
    officerName: z.string().nullable(),
    roles: z.array(z.object({ role: z.string(), unitCode: z.string().nullable(), unitNameTh: z.string().nullable(), unitNameEn: z.string().nullable() })),
    reason: z.string().nullable().describe('The reason the officer gave (a reveal asks for one)'),
  })
  .meta({ id: 'RecordView' });

export const MyDataSchema = z
  .object({
    record: MyRecordSchema,
    held: z.array(z.object({ module: z.string(), what: Bilingual, count: z.number() })).describe('What each part of Archeep holds about the person'),
    whoSaw: z.array(WhoSawSchema),
    consents: z.array(ConsentSchema),
    purposes: z.array(ConsentPurposeEnum),
    requests: z.array(PdpaRequestSchema),
  })
  .meta({ id: 'MyData' });

export const MySummarySchema = z
  .object({
    record: MyRecordSchema,
    enrolments: z.array(MyEnrolmentSchema),
    certificates: z.array(CredentialSchema.extend({ pdfUrl: z.string() })),
    assessments: z.array(MyAssessmentSchema),
    employment: EmploymentCardSchema,
    groups: z.array(z.object({ groupId: z.number(), groupName: z.string(), role: z.string(), participations: z.array(ParticipationSchema) })),
    loans: MineSchema.shape.loans,
    followUpsToAnswer: z.number(),
    timeline: z.array(TimelineEventSchema),
    grievances: z.array(GrievanceSchema),
  })
  .meta({ id: 'MyArcheep' });
