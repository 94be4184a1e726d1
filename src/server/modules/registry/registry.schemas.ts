import { z } from 'zod';
import { saneDate } from '../../platform/http/schemas';
import {
  codesOf,
  DISABILITY_TYPES,
  DOCUMENT_TYPES,
  EDUCATION_LEVELS,
  GROUP_TYPES,
  MEMBER_ROLES,
  OCCUPATION_CATEGORIES,
  SEXES,
  TITLES,
  WORK_STATUSES,
} from '../../../shared/person-fields';
import { disguisedNationalId, nationalIdProblem } from '../../../shared/national-id';
import { normalizePersonName, PERSON_NAME_LABELS, personNameProblem, type PersonNameField } from '../../../shared/person-name';
import { bilingual } from '../../platform/http/schemas';
import { CONSENT_PURPOSES } from './registry.service';

const isoDate = saneDate.describe('YYYY-MM-DD (C.E.); the web form takes and shows B.E.');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ConsentPurposeEnum = z.enum(CONSENT_PURPOSES).meta({ id: 'ConsentPurpose' });
export const DocTypeEnum = z.enum(codesOf(DOCUMENT_TYPES));

/**
 * A name field under the one rule of the form, the API and the import (src/shared/person-name.ts):
 * stored as `normalizePersonName` makes it, refused with a message naming the field and the fix.
 */
const personName = (field: PersonNameField, required: boolean) =>
  z
    .string({ error: bilingual(`${PERSON_NAME_LABELS[field].en} is text.`, `${PERSON_NAME_LABELS[field].th}ต้องเป็นข้อความ`) })
    .max(1000)
    .overwrite(normalizePersonName)
    .superRefine((value, ctx) => {
      const problem = personNameProblem(value, field, { required });
      if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { th: problem.th, reason: problem.code } });
    });
const optionalName = (field: PersonNameField) => personName(field, false).nullable().optional();

/** Each field's message names the field and what it expects, so a form can show it at the box. */
const PersonFields = {
  docType: DocTypeEnum.default('th-id'),
  docNumber: z
    .string({ error: bilingual('The ID or document number is required.', 'กรุณากรอกเลขประจำตัวประชาชนหรือเลขเอกสาร') })
    .trim()
    .min(1, { error: bilingual('The ID or document number is required.', 'กรุณากรอกเลขประจำตัวประชาชนหรือเลขเอกสาร') })
    .max(30, { error: bilingual('A document number has at most 30 characters.', 'เลขเอกสารยาวได้ไม่เกิน 30 ตัวอักษร') }),
  title: z.enum(codesOf(TITLES), { error: bilingual('Choose a title (Mr, Mrs, Miss, …).', 'กรุณาเลือกคำนำหน้า (นาย นาง นางสาว …)') }),
  firstNameTh: personName('firstNameTh', true),
  lastNameTh: personName('lastNameTh', true),
  firstNameEn: optionalName('firstNameEn'),
  lastNameEn: optionalName('lastNameEn'),
  sex: z.enum(codesOf(SEXES), { error: bilingual('Choose a sex (female, male or not stated).', 'กรุณาเลือกเพศ (หญิง ชาย หรือไม่ระบุ)') }),
  birthDate: z.iso
    .date({
      error: bilingual(
        'The birth date is required, as YYYY-MM-DD in C.E. (e.g. 1985-03-05; the web form takes 05/03/2528 in B.E.).',
        'กรุณากรอกวันเกิดเป็น ปปปป-ดด-วว ค.ศ. (เช่น 1985-03-05 ในแบบฟอร์มกรอกเป็น 05/03/2528 พ.ศ.)',
      ),
    })
    .describe('YYYY-MM-DD (C.E.); the web form takes and shows B.E.')
    // The form's and the import's rule: not after today in Bangkok (a B.E. year typed as C.E. lands far ahead).
    .refine((day) => day <= new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Bangkok' }), {
      error: bilingual('The birth date is in the future; check the year.', 'วันเกิดอยู่ในอนาคต กรุณาตรวจสอบปี'),
      params: { reason: 'future-date' },
    })
    // Issue 15 finding 10: nobody registered was born before 1900 (a typing slip, or year 1). A
    // value that is no date at all has its answer from the format check above, not this one.
    .refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || day >= '1900-01-01', {
      error: bilingual('The birth date is before 1900; check the year.', 'วันเกิดอยู่ก่อน ค.ศ. 1900 (พ.ศ. 2443) กรุณาตรวจสอบปี'),
      params: { reason: 'too-old' },
    }),
  phone: z
    .string()
    .trim()
    .max(20, { error: bilingual('A phone number has at most 20 characters.', 'หมายเลขโทรศัพท์ยาวได้ไม่เกิน 20 ตัวอักษร') })
    .nullable()
    .optional(),
  houseNo: z
    .string()
    .trim()
    .max(30, { error: bilingual('A house number has at most 30 characters.', 'บ้านเลขที่ยาวได้ไม่เกิน 30 ตัวอักษร') })
    .nullable()
    .optional(),
  villageNo: z
    .number({ error: bilingual('The village (moo) is a whole number from 1 to 999.', 'หมู่ที่ต้องเป็นจำนวนเต็ม 1–999') })
    .int({ error: bilingual('The village (moo) is a whole number from 1 to 999.', 'หมู่ที่ต้องเป็นจำนวนเต็ม 1–999') })
    .min(1, { error: bilingual('The village (moo) is a whole number from 1 to 999.', 'หมู่ที่ต้องเป็นจำนวนเต็ม 1–999') })
    .max(999, { error: bilingual('The village (moo) is a whole number from 1 to 999.', 'หมู่ที่ต้องเป็นจำนวนเต็ม 1–999') })
    .nullable()
    .optional(),
  subdistrictCode: z
    .string({ error: bilingual('Choose the sub-district (province, district, then sub-district).', 'กรุณาเลือกตำบล (จังหวัด อำเภอ แล้วตำบล)') })
    .regex(/^\d{6}$/, { error: bilingual('Choose the sub-district (province, district, then sub-district).', 'กรุณาเลือกตำบล (จังหวัด อำเภอ แล้วตำบล)') }),
  targetGroups: z.array(z.string().max(40)).max(10).default([]),
  disability: z
    .strictObject({ type: z.enum(codesOf(DISABILITY_TYPES)), cardNo: optionalText(30) })
    .nullable()
    .optional(),
  education: z.enum(codesOf(EDUCATION_LEVELS)).nullable().optional(),
  workStatus: z.enum(codesOf(WORK_STATUSES)).nullable().optional(),
  monthlyIncomeSatang: z.number().int().min(0).max(1e12).nullable().optional().describe('Integer satang (1 baht = 100)'),
  householdSize: z.number().int().min(1).max(99).nullable().optional(),
};

/** A Thai national ID must pass its checksum; the form shows this message at the field. */
const checkDocument = (value: { docType: string; docNumber: string }, ctx: z.RefinementCtx) => {
  const problem = value.docType === 'th-id' ? nationalIdProblem(value.docNumber) : disguisedNationalId(value.docType, value.docNumber);
  if (problem) ctx.addIssue({ code: 'custom', path: ['docNumber'], message: problem.en, params: { th: problem.th, reason: problem.code } });
};

export const RegisterPersonBody = z
  .strictObject({
    ...PersonFields,
    consents: z
      .array(z.strictObject({ purpose: ConsentPurposeEnum, evidence: optionalText(500) }))
      .max(10)
      .default([]),
  })
  .superRefine(checkDocument);

export const UpdatePersonBody = z.strictObject({ ...PersonFields, version: z.number().int().min(1) }).superRefine(checkDocument);

const Address = z.object({
  houseNo: z.string().nullable(),
  villageNo: z.number().nullable(),
  subdistrictCode: z.string(),
  districtCode: z.string(),
  provinceCode: z.string(),
  subdistrictNameTh: z.string(),
  subdistrictNameEn: z.string(),
  districtNameTh: z.string(),
  districtNameEn: z.string(),
  provinceNameTh: z.string(),
  provinceNameEn: z.string(),
  postcode: z.string().nullable(),
});

export const ConsentSchema = z.object({
  id: z.number(),
  purpose: z.string(),
  lawfulBasis: z.string(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
  evidence: z.string().nullable(),
});
export const MembershipOfPersonSchema = z.object({
  id: z.number(),
  groupId: z.number(),
  groupName: z.string(),
  groupType: z.string(),
  role: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
});

const PersonCore = {
  id: z.number(),
  docType: z.string(),
  docNumberMasked: z.string().describe('Masked (1-2345-xxxxx-xx-1); GET /api/people/{id}/identity reveals it, audited'),
  title: z.string(),
  firstNameTh: z.string(),
  lastNameTh: z.string(),
  firstNameEn: z.string().nullable(),
  lastNameEn: z.string().nullable(),
  sex: z.string(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  targetGroups: z.array(z.string()),
  status: z.enum(['active', 'merged', 'erased']),
};

export const PersonSchema = z
  .object({
    ...PersonCore,
    address: Address,
    disability: z.object({ type: z.string(), cardNo: z.string().nullable() }).nullable(),
    sensitiveWithheld: z.boolean(),
    education: z.string().nullable(),
    workStatus: z.string().nullable(),
    monthlyIncomeSatang: z.number().nullable(),
    householdSize: z.number().nullable(),
    lawfulBasis: z.string(),
    registeredUnitCode: z.string().nullable(),
    source: z.string(),
    mergedInto: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    identities: z.array(z.object({ docType: z.string(), docNumberMasked: z.string(), primary: z.boolean() })),
    memberships: z.array(MembershipOfPersonSchema),
    consents: z.array(ConsentSchema),
    canReveal: z.boolean(),
    canEdit: z.boolean(),
    citizenAccount: z
      .object({ id: z.string(), username: z.string(), status: z.string(), mustChangePassword: z.boolean() })
      .nullable()
      .describe("The person's own account, if one was opened"),
  })
  .meta({ id: 'Person' });

export const MyRecordSchema = z.object({ ...PersonCore, address: Address }).meta({ id: 'MyRecord', description: "A citizen's own registry record" });
export const CitizenAccountBody = z.strictObject({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'Lower-case letters, digits, dot, dash or underscore; 3–64 characters')
    .describe('The name the person signs in with'),
});
export const CitizenAccountSchema = z
  .object({ username: z.string(), oneTimePassword: z.string().describe('Shown once; the person changes it at first sign-in') })
  .meta({ id: 'CitizenAccount' });

export const PersonListItemSchema = z
  .object({
    ...PersonCore,
    provinceCode: z.string(),
    districtCode: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    districtNameTh: z.string(),
    districtNameEn: z.string(),
  })
  .meta({ id: 'PersonListItem' });

export const PersonPageSchema = z
  .object({ items: z.array(PersonListItemSchema), total: z.number(), totalIsCapped: z.boolean().describe('True when there are more than `total` matches') })
  .meta({ id: 'PersonPage' });

export const PeopleQuery = z.strictObject({
  q: z.string().max(100).optional().describe('National ID (13 digits), phone, or part of a Thai or English name'),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  district: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  targetGroup: z.string().max(40).optional(),
  status: z.enum(['active', 'merged', 'erased']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const PeopleStatsSchema = z
  .object({
    total: z.number(),
    byProvince: z.array(z.object({ provinceCode: z.string(), count: z.number() })),
    byTargetGroup: z.array(z.object({ code: z.string(), count: z.number() })),
  })
  .meta({ id: 'PeopleStats' });

export const ExportQuery = PeopleQuery.omit({ limit: true, offset: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const RevealSchema = z.object({
  personId: z.number(),
  identities: z.array(z.object({ docType: z.string(), docNumber: z.string() })),
  disabilityCardNo: z.string().nullable().describe('Only for viewers of sensitive data while the consent stands'),
});
export const RevealQuery = z.strictObject({
  reason: z.string().trim().min(3).max(200).describe('Why the full numbers are needed; recorded in the audit trail'),
});
export const TimelineEventSchema = z
  .object({
    id: z.number(),
    occurredAt: z.string(),
    module: z.string(),
    kind: z.string(),
    summaryTh: z.string(),
    summaryEn: z.string(),
    actorName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'TimelineEvent' });
export const GiveConsentBody = z.strictObject({ purpose: ConsentPurposeEnum, evidence: optionalText(500) });
export const PurposeParam = z.strictObject({ id: z.coerce.number().int().positive(), purpose: ConsentPurposeEnum });
export const EraseBody = z.strictObject({ reason: text(500) });
export const MergeBody = z.strictObject({ duplicateId: z.number().int().positive() });
export const DuplicatesQuery = z.strictObject({
  personId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const Brief = z.object({
  id: z.number(),
  docNumberMasked: z.string(),
  title: z.string(),
  firstNameTh: z.string(),
  lastNameTh: z.string(),
  birthDate: z.string(),
  districtNameTh: z.string(),
  districtNameEn: z.string(),
  source: z.string(),
  createdAt: z.string(),
});
export const DuplicatePairSchema = z.object({ a: Brief, b: Brief, score: z.number(), sameName: z.boolean() }).meta({ id: 'DuplicatePair' });
export const PersonExportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

// ---------------------------------------------------------------- groups
const MemberInput = z.strictObject({ personId: z.number().int().positive(), role: z.enum(codesOf(MEMBER_ROLES)).default('member'), joinedOn: isoDate });
export const CreateGroupBody = z.strictObject({
  name: text(200),
  type: z.enum(codesOf(GROUP_TYPES)),
  registrationNo: optionalText(40),
  occupation: z.enum(codesOf(OCCUPATION_CATEGORIES)),
  subdistrictCode: z.string().regex(/^\d{6}$/),
  foundedOn: isoDate.nullable().optional(),
  contactName: optionalText(200),
  contactPhone: optionalText(20),
  members: z.array(MemberInput).max(500).default([]),
});
export const AddMemberBody = MemberInput;
export const EndMembershipBody = z.strictObject({ leftOn: isoDate, reason: optionalText(300), newRole: z.enum(codesOf(MEMBER_ROLES)).nullable().optional() });
export const MembershipParam = z.strictObject({ id: z.coerce.number().int().positive(), membershipId: z.coerce.number().int().positive() });
export const GroupsQuery = z.strictObject({
  q: z.string().max(100).optional(),
  type: z.enum(codesOf(GROUP_TYPES)).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
const GroupCore = {
  id: z.number(),
  name: z.string(),
  type: z.string(),
  registrationNo: z.string().nullable(),
  occupation: z.string(),
  subdistrictCode: z.string(),
  districtCode: z.string(),
  provinceCode: z.string(),
  subdistrictNameTh: z.string(),
  subdistrictNameEn: z.string(),
  districtNameTh: z.string(),
  districtNameEn: z.string(),
  provinceNameTh: z.string(),
  provinceNameEn: z.string(),
  foundedOn: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  registeredUnitCode: z.string().nullable(),
  source: z.string(),
  status: z.string(),
  memberCount: z.number(),
  createdAt: z.string(),
  version: z.number(),
};
export const GroupListItemSchema = z.object(GroupCore).meta({ id: 'GroupListItem' });
export const GroupPageSchema = z.object({ items: z.array(GroupListItemSchema), total: z.number(), totalIsCapped: z.boolean() }).meta({ id: 'GroupPage' });
export const MemberSchema = z.object({
  id: z.number(),
  personId: z.number(),
  title: z.string(),
  firstNameTh: z.string(),
  lastNameTh: z.string(),
  firstNameEn: z.string().nullable(),
  lastNameEn: z.string().nullable(),
  role: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
});
export const GroupSchema = z.object({ ...GroupCore, members: z.array(MemberSchema), canEdit: z.boolean() }).meta({ id: 'Group' });

// ---------------------------------------------------------------- imports
export const ImportKindEnum = z.enum(['people', 'groups']);
const Summary = z.object({
  rows: z.number(),
  valid: z.number(),
  rejected: z.number(),
  errors: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  existing: z.number(),
  warned: z.number().describe('Rows imported with a warning (an optional cell left empty)'),
  warnings: z.number(),
  duplicates: z.number().describe('Rows rejected because their document repeats an earlier line'),
});
const LawfulBasisEnum = z.enum(['explicit-consent', 'legal-obligation']);
export const ImportSchema = z
  .object({
    id: z.string(),
    kind: ImportKindEnum,
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    byteSize: z.number(),
    rowCount: z.number(),
    header: z.array(z.string()),
    mapping: z.record(z.string(), z.number()),
    mappingSource: z.enum(['automatic', 'remembered', 'officer']).describe('remembered: as the unit mapped this header set before'),
    missingColumns: z.array(z.string()),
    values: z
      .array(z.object({ field: z.string(), value: z.string(), count: z.number(), mapped: z.boolean(), code: z.string().nullable() }))
      .describe('Distinct values of coded columns that match no reference value; mapped: the unit mapped it before (code null = leave empty)'),
    valueChoices: z.record(z.string(), z.array(z.object({ code: z.string(), th: z.string(), en: z.string() }))),
    sensitiveColumns: z.array(z.string()),
    lawfulBasis: z.object({ basis: LawfulBasisEnum, evidence: z.string(), declaredAt: z.string() }).nullable(),
    status: z.enum(['uploaded', 'validating', 'validated', 'importing', 'completed', 'failed']),
    dryRun: Summary.nullable(),
    result: Summary.nullable(),
    reasons: z
      .array(
        z.object({ severity: z.enum(['error', 'warning']), code: z.string(), column: z.string().nullable(), rows: z.number(), th: z.string(), en: z.string() }),
      )
      .describe('Problems of the latest run by reason, with how many rows each'),
    progress: z.object({ done: z.number(), total: z.number(), status: z.string(), error: z.string().nullable() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Import' });
export const UploadQuery = z.strictObject({ kind: ImportKindEnum, fileName: z.string().min(1).max(200) });
export const ImportIdParam = z.strictObject({ id: z.uuid() });
export const MappingBody = z.strictObject({ mapping: z.record(z.string(), z.number().int().min(0)) });
export const ValuesBody = z.strictObject({
  values: z
    .array(z.strictObject({ field: z.string().max(40), value: z.string().min(1).max(200), code: z.string().max(60).nullable() }))
    .min(1)
    .max(500),
});
export const LawfulBasisBody = z.strictObject({ basis: LawfulBasisEnum.nullable(), evidence: z.string().max(500).optional() });
export const ErrorsQuery = z.strictObject({
  phase: z.enum(['dry-run', 'import']).default('dry-run'),
  severity: z.enum(['error', 'warning']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ErrorReportQuery = z.strictObject({
  phase: z.enum(['dry-run', 'import']).default('dry-run'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  severity: z.enum(['error', 'warning']).default('error'),
});
export const RowErrorSchema = z
  .object({
    line: z.number(),
    column: z.string().nullable(),
    value: z.string().nullable(),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    messageTh: z.string(),
    messageEn: z.string(),
  })
  .meta({ id: 'ImportRowError' });
export const RowErrorPage = z.object({ total: z.number(), items: z.array(RowErrorSchema) }).meta({ id: 'ImportRowErrorPage' });
export const TemplateParams = z.strictObject({ kind: ImportKindEnum });
export const TemplateQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: z.enum(['th', 'en']).default('th') });

/**
 * Issue 21 §2: the registry's form as a citizen signed in with ThaiD fills it for herself; her ID
 * and name are fixed from the verified token, so the body has no field for them.
 */
const { docType: _docType, docNumber: _docNumber, firstNameTh: _firstNameTh, lastNameTh: _lastNameTh, ...SelfFields } = PersonFields;
export const SelfRegistrationBody = z.strictObject({
  ...SelfFields,
  consents: z
    .array(z.strictObject({ purpose: ConsentPurposeEnum, evidence: optionalText(500) }))
    .max(10)
    .default([]),
});
