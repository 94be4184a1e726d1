import { z } from 'zod';
import { saneDate } from '../../platform/http/schemas';
import { SHAREABLE_FIELDS } from './employment.rules';

const isoDate = saneDate.describe('YYYY-MM-DD (C.E.)');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const province = z.string().regex(/^\d{2}$/);
const subdistrict = z.string().regex(/^\d{6}$/);
const satang = z.number().int().min(0).max(100_000_000_00);
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const PersonIdParam = z.strictObject({ personId: z.coerce.number().int().positive() });

export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const VACANCY_KINDS = ['employment', 'home-based', 'self-employment'] as const;
export const VACANCY_STATUSES = ['draft', 'published', 'filled', 'closed', 'expired'] as const;
export const WAGE_UNITS = ['day', 'month', 'piece'] as const;
export const EDUCATION = ['none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational', 'bachelor', 'higher'] as const;
const Reason = z.object({ code: z.string(), points: z.number(), en: z.string(), th: z.string() }).meta({ id: 'MatchReason' });

// ---------------------------------------------------------------- employers
const EmployerCore = {
  taxId: z.string().trim().min(1).max(20).describe('Juristic-person or tax number, 13 digits with its check digit'),
  nameTh: text(200),
  nameEn: optionalText(200),
  tsicCode: z.string().regex(/^\d{5}$/, 'TSIC: 5 digits'),
  size: z.enum(EMPLOYER_SIZES),
  address: optionalText(300),
  subdistrictCode: subdistrict,
  contactName: text(120),
  contactPhone: z.string().trim().min(9).max(20),
  contactEmail: z.email().nullish(),
  homeWorkRegistrationNo: optionalText(40).describe('Registration under the Home Workers Protection Act, for home-based work orders'),
};
export const ApplyBody = z.strictObject({
  ...EmployerCore,
  username: z.string().regex(/^[a-z0-9._-]{4,40}$/, 'username: 4–40 of a-z 0-9 . _ -'),
  password: z.string().min(12).max(200),
});
export const EmployersQuery = z.strictObject({
  status: z.enum(['pending', 'verified', 'rejected', 'suspended']).optional(),
  q: z.string().max(100).optional(),
  ...page,
});
export const VerifyBody = z.strictObject({ decision: z.enum(['verified', 'rejected', 'suspended']), reason: optionalText(500) });

export const EmployerSchema = z
  .object({
    id: z.number(),
    taxId: z.string(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    tsicCode: z.string(),
    size: z.string(),
    address: z.string().nullable(),
    subdistrictCode: z.string(),
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    contactEmail: z.string().nullable(),
    homeWorkRegistrationNo: z.string().nullable(),
    status: z.string(),
    statusReason: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Employer' });

// ---------------------------------------------------------------- vacancies
export const VacancyBody = z.strictObject({
  employerId: z.number().int().positive().optional().describe('Officers name the employer; an employer account posts for its own'),
  kind: z.enum(VACANCY_KINDS),
  occupationCode: z.string().regex(/^\d{4}$/, 'ISCO-08: 4 digits'),
  titleTh: text(200),
  titleEn: optionalText(200),
  description: optionalText(4000),
  requiredStandardCode: z.string().max(32).nullish(),
  education: z.enum(EDUCATION).nullish(),
  remote: z.boolean().default(false),
  subdistrictCode: subdistrict.nullish(),
  wageSatang: satang,
  wageUnit: z.enum(WAGE_UNITS),
  openings: z.number().int().min(1).max(10000),
  opensOn: isoDate,
  closesOn: isoDate,
  quantity: z.number().int().min(1).max(1_000_000).nullish(),
  materialsSupplied: z.boolean().nullish(),
  deliveryOn: isoDate.nullish(),
  publish: z.boolean().default(false),
});
export const VacanciesQuery = z.strictObject({
  status: z.enum(VACANCY_STATUSES).optional(),
  province: province.optional(),
  occupation: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  kind: z.enum(VACANCY_KINDS).optional(),
  q: z.string().max(100).optional(),
  ...page,
});
export const BoardQuery = z.strictObject({
  province: province.optional(),
  occupation: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  kind: z.enum(VACANCY_KINDS).optional(),
  q: z.string().max(100).optional(),
  ...page,
});
export const VacancyStatusBody = z.strictObject({ status: z.enum(['published', 'closed']) });

const VacancyCore = {
  id: z.number(),
  code: z.string(),
  employerId: z.number(),
  employerNameTh: z.string(),
  employerNameEn: z.string().nullable(),
  kind: z.string(),
  occupationCode: z.string(),
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  description: z.string().nullable(),
  requiredStandardCode: z.string().nullable(),
  education: z.string().nullable(),
  remote: z.boolean(),
  subdistrictCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  provinceCode: z.string(),
  provinceNameTh: z.string(),
  provinceNameEn: z.string(),
  wageSatang: z.number(),
  wageUnit: z.string(),
  openings: z.number(),
  placedCount: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  quantity: z.number().nullable(),
  materialsSupplied: z.boolean().nullable(),
  deliveryOn: z.string().nullable(),
  status: z.string(),
};
export const VacancySchema = z.object(VacancyCore).meta({ id: 'Vacancy' });
export const VacancyListSchema = z.object({ items: z.array(VacancySchema), total: z.number() });

export const CandidatesQuery = z.strictObject({
  targetGroup: z.string().max(40).optional(),
  district: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const CandidateSchema = z
  .object({
    personId: z.number(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    docNumberMasked: z.string(),
    provinceCode: z.string(),
    districtCode: z.string().nullable(),
    score: z.number(),
    reasons: z.array(Reason),
    referralStatus: z.string().nullable(),
  })
  .meta({ id: 'Candidate' });
export const MatchedVacancySchema = z.object({ vacancy: VacancySchema, score: z.number(), reasons: z.array(Reason) }).meta({ id: 'MatchedVacancy' });

// ---------------------------------------------------------------- job seekers and guidance
export const SeekerBody = z.strictObject({
  desiredOccupations: z
    .array(z.string().regex(/^\d{1,4}$/, 'ISCO-08 code, 1–4 digits'))
    .max(10)
    .default([]),
  provinceCode: province.optional().describe('Where they look for work; their home province by default'),
  districtCode: z
    .string()
    .regex(/^\d{4}$/)
    .nullish(),
  travelKm: z.number().int().min(0).max(500).default(20),
  availability: z.enum(['full-time', 'part-time', 'home-based', 'any']).default('full-time'),
  acceptsHomeBased: z.boolean().default(true),
  minWageSatang: satang.nullish(),
  accommodations: optionalText(500),
});
export const SeekerSchema = z
  .object({
    personId: z.number(),
    provinceCode: z.string(),
    districtCode: z.string().nullable(),
    desiredOccupations: z.array(z.string()),
    travelKm: z.number(),
    availability: z.string(),
    acceptsHomeBased: z.boolean(),
    minWageSatang: z.number().nullable(),
    accommodations: z.string().nullable(),
    optedInAt: z.string(),
  })
  .meta({ id: 'JobSeeker' });
export const GuidanceBody = z.strictObject({
  note: z.string().trim().min(3).max(4000),
  plan: z
    .array(z.strictObject({ step: text(300), dueOn: isoDate.nullish() }))
    .max(20)
    .default([]),
  nextOn: isoDate.nullish(),
  sensitive: z.boolean().default(false),
});
export const GuidanceSchema = z
  .object({
    id: z.number(),
    note: z.string().nullable().describe('Null where a sensitive note is withheld from the reader'),
    plan: z.array(z.object({ step: z.string(), dueOn: z.string().nullable().optional() })),
    nextOn: z.string().nullable(),
    sensitive: z.boolean(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'GuidanceNote' });

// ---------------------------------------------------------------- referrals, placements, follow-ups
export const ReferBody = z.strictObject({
  vacancyId: z.number().int().positive(),
  personId: z.number().int().positive(),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)).min(1).max(SHAREABLE_FIELDS.length),
  consentEvidence: z.string().trim().min(3).max(500).describe('How the person agreed to share these fields with this employer (signed form, recorded call…)'),
});
export const AnswerBody = z.strictObject({
  status: z.enum(['interview', 'hired', 'rejected', 'withdrawn']),
  reason: optionalText(500),
  interviewOn: isoDate.nullish(),
  startedOn: isoDate.nullish(),
  wageSatang: satang.nullish(),
  placementKind: z.enum(['employee', 'home-based', 'self-employed']).nullish(),
});
export const ReferralSchema = z
  .object({
    id: z.number(),
    vacancyId: z.number(),
    vacancyCode: z.string(),
    vacancyTitleTh: z.string(),
    personId: z.number().nullable().describe('Null for an employer: it sees the shared fields only'),
    candidate: z.object({
      nameTh: z.string().nullable(),
      nameEn: z.string().nullable(),
      phone: z.string().nullable(),
      age: z.number().nullable(),
      districtNameTh: z.string().nullable(),
      districtNameEn: z.string().nullable(),
      qualifications: z.array(z.string()).nullable(),
      courses: z.array(z.string()).nullable(),
    }),
    sharedFields: z.array(z.string()),
    status: z.string(),
    statusReason: z.string().nullable(),
    interviewOn: z.string().nullable(),
    createdAt: z.string(),
    placementId: z.number().nullable(),
  })
  .meta({ id: 'Referral' });
export const PlacementSchema = z
  .object({
    id: z.number(),
    vacancyId: z.number(),
    vacancyCode: z.string(),
    titleTh: z.string(),
    titleEn: z.string().nullable(),
    employerNameTh: z.string(),
    personId: z.number(),
    kind: z.string(),
    startedOn: z.string(),
    wageSatang: z.number(),
    wageUnit: z.string(),
    incomeBeforeSatang: z.number().nullable(),
    centreUnitCode: z.string().nullable(),
    provinceCode: z.string(),
    fiscalYear: z.number(),
  })
  .meta({ id: 'Placement' });
export const PlacementsQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(), province: province.optional(), ...page });
export const FollowUpSchema = z
  .object({
    id: z.number(),
    kind: z.enum(['placement', 'course']).meta({ description: 'After a placement, or after a completed course for a person not placed.' }),
    placementId: z.number().nullable(),
    sessionId: z.number().nullable(),
    sessionCode: z.string().nullable(),
    courseNameTh: z.string().nullable(),
    courseNameEn: z.string().nullable(),
    personId: z.number(),
    nameTh: z.string().nullable(),
    months: z.number(),
    dueOn: z.string(),
    overdue: z.boolean(),
    done: z.boolean(),
    closedReason: z
      .enum(['placed', 'not-completed'])
      .nullable()
      .meta({ description: 'A course follow-up closed because the person was placed or the completion was withdrawn.' }),
    stillWorking: z.boolean().nullable(),
    incomeSatang: z.number().nullable(),
    incomeBeforeSatang: z.number().nullable(),
    incomeChangeSatang: z.number().nullable(),
    vacancyCode: z.string().nullable(),
    titleTh: z.string().nullable(),
    employerNameTh: z.string().nullable(),
  })
  .meta({ id: 'FollowUp' });
export const FollowUpsQuery = z.strictObject({ overdue: z.enum(['true', 'false']).optional(), ...page });
export const FollowUpBody = z.strictObject({ stillWorking: z.boolean(), incomeSatang: satang.nullish(), note: optionalText(1000) });

export const EmploymentCardSchema = z
  .object({
    personId: z.number(),
    seeker: SeekerSchema.nullable(),
    guidance: z.array(GuidanceSchema),
    referrals: z.array(ReferralSchema),
    placements: z.array(PlacementSchema),
    followUps: z.array(FollowUpSchema),
  })
  .meta({ id: 'EmploymentCard' });

export const SummaryQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(2500).max(2700).optional() });
export const SummarySchema = z
  .object({
    fiscalYear: z.number(),
    target: z.number(),
    placed: z.number(),
    byProvince: z.array(z.object({ provinceCode: z.string(), nameTh: z.string(), nameEn: z.string(), placed: z.number() })),
    byCentre: z.array(z.object({ unitCode: z.string().nullable(), nameTh: z.string(), nameEn: z.string(), placed: z.number() })),
    income: z.object({
      measured: z.number(),
      averageBeforeSatang: z.number().nullable(),
      averageNowSatang: z.number().nullable(),
      averageChangeSatang: z.number().nullable(),
    }),
    followUps: z.object({ due: z.number(), overdue: z.number() }),
    afterCourse: z
      .object({
        followedUp: z.number(),
        working: z.number(),
        measured: z.number(),
        averageBeforeSatang: z.number().nullable(),
        averageNowSatang: z.number().nullable(),
        averageChangeSatang: z.number().nullable(),
      })
      .meta({ description: 'People followed up after a course without a placement, by follow-ups due in the fiscal year.' }),
  })
  .meta({ id: 'EmploymentSummary' });
export const IndicatorSchema = z
  .object({ fiscalYear: z.number(), placed: z.number(), target: z.number(), measuredAt: z.string() })
  .meta({ id: 'PlacementIndicator' });

export const ImportQuery = z.strictObject({ fileName: z.string().max(200).default('vacancies.csv'), dryRun: z.enum(['true', 'false']).default('true') });
export const ImportResultSchema = z
  .object({
    rows: z.number(),
    created: z.number(),
    dryRun: z.boolean(),
    errors: z.array(
      z.object({ line: z.number(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), th: z.string(), en: z.string() }),
    ),
  })
  .meta({ id: 'VacancyImportResult' });
