import { z } from 'zod';
import { saneDate } from '../../platform/http/schemas';

const isoDate = saneDate.describe('YYYY-MM-DD (C.E.)');
const Result = z.enum(['competent', 'not-yet-competent']);

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const StandardParam = z.strictObject({ code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/) });
export const PersonIdParam = z.strictObject({ personId: z.coerce.number().int().positive() });

const Criterion = z.object({ code: z.string(), th: z.string(), en: z.string() });
const Element = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), criteria: z.array(Criterion) });
export const UnitSchema = z
  .object({
    code: z.string(),
    position: z.number().int(),
    nameTh: z.string(),
    nameEn: z.string(),
    descriptionTh: z.string(),
    descriptionEn: z.string(),
    elements: z.array(Element),
  })
  .meta({ id: 'CompetencyUnit' });

const StandardFields = {
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  sectorTh: z.string(),
  sectorEn: z.string(),
  qualificationTh: z.string(),
  qualificationEn: z.string(),
  level: z.number().int(),
  ownerAgencyCode: z.string(),
  validityYears: z.number().int().nullable().describe('How long a qualification stays valid; null for no expiry'),
  sourceNote: z.object({ th: z.string(), en: z.string() }),
  assumedFields: z.array(z.string()).describe('Details that are our assumption, not taken from the sources'),
};
export const StandardSummarySchema = z.object({ ...StandardFields, unitCount: z.number().int() }).meta({ id: 'CompetencyStandardSummary' });
export const StandardSchema = z
  .object({
    ...StandardFields,
    units: z.array(UnitSchema),
    curricula: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), unitCodes: z.array(z.string()) })),
  })
  .meta({ id: 'CompetencyStandard' });

export const EligibleQuery = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const EligibleSchema = z
  .object({
    personId: z.number().int(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    docNumberMasked: z.string(),
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    training: z.object({ courseCode: z.string(), courseNameTh: z.string(), courseNameEn: z.string(), completedOn: z.string() }).nullable(),
    experience: z.object({ id: z.number().int(), summary: z.string(), recordedAt: z.string() }).nullable(),
    standing: z
      .enum(['not-assessed', 'referred', 'revoked', 'not-yet-competent', 'qualified'])
      .describe('revoked: their qualification for the standard was revoked and no valid one remains'),
    lastEvent: z.object({ id: z.number().int(), code: z.string(), assessedOn: z.string() }).nullable(),
    qualificationCode: z.string().nullable(),
  })
  .meta({ id: 'EligibleCandidate' });

export const ExperienceBody = z.strictObject({
  personId: z.number().int().positive(),
  standardCode: z.string().min(2).max(32),
  summary: z.string().trim().min(3).max(2000).describe('What the person has done, e.g. "sells dried fish on Facebook and Shopee since 2019"'),
  evidence: z.string().trim().min(3).max(2000).describe('What the officer saw: shop pages, sales records, references'),
});

export const ExperienceSchema = z
  .object({
    id: z.number().int(),
    standardCode: z.string(),
    standardNameTh: z.string(),
    standardNameEn: z.string(),
    summary: z.string(),
    evidence: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    withdrawn: z.boolean(),
  })
  .meta({ id: 'PriorExperience' });

export const EventBody = z.strictObject({
  standardCode: z.string().min(2).max(32),
  centreUnitCode: z.string().min(2).max(40),
  provinceCode: z.string().regex(/^\d{2}$/),
  assessedOn: isoDate,
  online: z.boolean(),
  venue: z.string().trim().max(300).nullish(),
  capacity: z.number().int().min(1).max(500).optional(),
  assessorUserIds: z.array(z.uuid()).min(1).max(20),
});

export const EventsQuery = z.strictObject({
  standard: z.string().max(32).optional(),
  status: z.enum(['open', 'completed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const EventFields = {
  id: z.number().int(),
  code: z.string(),
  standardCode: z.string(),
  standardNameTh: z.string(),
  standardNameEn: z.string(),
  qualificationTh: z.string(),
  qualificationEn: z.string(),
  centreUnitCode: z.string(),
  centreNameTh: z.string(),
  centreNameEn: z.string(),
  provinceCode: z.string(),
  provinceNameTh: z.string(),
  provinceNameEn: z.string(),
  assessedOn: z.string(),
  online: z.boolean(),
  venue: z.string().nullable(),
  capacity: z.number().int(),
  status: z.enum(['open', 'completed', 'cancelled']),
  statusReason: z.string().nullable(),
  candidateCount: z.number().int(),
  competentCount: z.number().int(),
};
export const EventSummarySchema = z.object(EventFields).meta({ id: 'AssessmentEventSummary' });

export const CandidateSchema = z
  .object({
    id: z.number().int(),
    personId: z.number().int(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    docNumberMasked: z.string(),
    basis: z.enum(['training', 'experience', 'reassessment']),
    basisNote: z.string().nullable(),
    units: z.array(z.string()).describe('The units assessed this time: all, or on re-assessment those not yet competent'),
    status: z.enum(['referred', 'assessed', 'absent', 'withdrawn']),
    overall: Result.nullable(),
    credentialCode: z.string().nullable().describe('The qualification issued on a competent decision'),
    results: z.array(z.object({ unitCode: z.string(), result: Result, evidenceNote: z.string(), assessorName: z.string(), recordedAt: z.string() })),
  })
  .meta({ id: 'AssessmentCandidate' });

export const EventSchema = z
  .object({
    ...EventFields,
    canOrganise: z.boolean(),
    isAssessor: z.boolean().describe('The reader is named as an assessor of this event'),
    canAssess: z.boolean().describe('The reader is a named assessor, the event is open and its day has come'),
    assessors: z.array(z.object({ id: z.string(), displayName: z.string() })),
    units: z.array(UnitSchema),
    candidates: z.array(CandidateSchema),
  })
  .meta({ id: 'AssessmentEvent' });

export const EventStatusBody = z.strictObject({ status: z.enum(['completed', 'cancelled']), reason: z.string().trim().max(500).nullish() });
export const ReferBody = z.strictObject({ personIds: z.array(z.number().int().positive()).min(1).max(500) });
export const ResultsBody = z.strictObject({
  results: z
    .array(
      z.strictObject({
        unitCode: z.string().min(2).max(32),
        result: Result,
        evidenceNote: z.string().trim().min(3).max(2000).describe('What the assessor saw or asked'),
      }),
    )
    .min(1)
    .max(20),
});
export const DecideBody = z.strictObject({ absent: z.boolean().optional().describe('The candidate did not come') });
export const DecisionSchema = z.object({ overall: Result.nullable(), absent: z.boolean(), credentialCode: z.string().nullable(), event: EventSchema });

export const AssessorSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  units: z.array(z.object({ code: z.string().nullable(), nameTh: z.string().nullable(), nameEn: z.string().nullable() })),
});

export const MyAssessmentSchema = z
  .object({
    id: z.number().int(),
    eventId: z.number().int(),
    eventCode: z.string(),
    standardCode: z.string(),
    qualificationTh: z.string(),
    qualificationEn: z.string(),
    centreNameTh: z.string(),
    centreNameEn: z.string(),
    assessedOn: z.string(),
    online: z.boolean(),
    venue: z.string().nullable(),
    eventStatus: z.enum(['open', 'completed', 'cancelled']),
    status: z.enum(['referred', 'assessed', 'absent', 'withdrawn']),
    overall: Result.nullable(),
    units: z.array(z.string()),
    basis: z.enum(['training', 'experience', 'reassessment']),
    credentialCode: z.string().nullable(),
  })
  .meta({ id: 'MyAssessment' });

export const EligibleSummarySchema = z
  .object({
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    notAssessed: z.number().int(),
    referred: z.number().int(),
    notYetCompetent: z.number().int(),
    revoked: z.number().int(),
    qualified: z.number().int(),
  })
  .meta({ id: 'EligibleSummary' });
