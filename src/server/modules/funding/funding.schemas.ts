import { z } from 'zod';
import { codesOf, GROUP_TYPES } from '../../../shared/person-fields';
import { bilingual, I18nText, saneDate } from '../../platform/http/schemas';

/** Money is whole satang (1 baht = 100 satang): an integer, never a fraction of baht. */
const satang = (what: string, th: string) =>
  z
    .number({ error: bilingual(`${what} is a whole number of satang.`, `${th}ต้องเป็นจำนวนเต็มหน่วยสตางค์`) })
    .int(bilingual(`${what} is a whole number of satang (no fractions).`, `${th}ต้องเป็นจำนวนเต็มหน่วยสตางค์ (ไม่มีทศนิยม)`))
    .min(0)
    .max(Number.MAX_SAFE_INTEGER);
const positiveSatang = (what: string, th: string) => satang(what, th).min(1, bilingual(`${what} must be more than 0 satang.`, `${th}ต้องมากกว่า 0 สตางค์`));
const text = (max: number, en: string, th: string) =>
  z
    .string()
    .trim()
    .min(1, bilingual(`${en} must not be empty.`, `ต้องกรอก${th}`))
    .max(max);
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const IdParam = z.strictObject({ id });
export const DayParam = z.strictObject({ day: saneDate });
export const GroupParam = z.strictObject({ groupId: id });
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const HolidaySchema = z
  .object({ day: z.string(), nameTh: z.string(), nameEn: z.string(), shipped: z.boolean(), edited: z.boolean() })
  .meta({ id: 'FundHoliday' });
export const HolidayBody = z.strictObject({ nameTh: text(200, 'The Thai name', 'ชื่อวันหยุดภาษาไทย'), nameEn: text(200, 'The English name', 'ชื่อวันหยุดภาษาอังกฤษ') });

const RulesBody = z.strictObject({
  minAmountSatang: positiveSatang('The smallest loan', 'วงเงินกู้ต่ำสุด'),
  maxAmountSatang: positiveSatang('The largest loan', 'วงเงินกู้สูงสุด'),
  minTermMonths: z.number().int().min(1).max(120),
  maxTermMonths: z.number().int().min(1).max(120),
  rateBp: z.number().int().min(0).max(10_000).describe('Yearly interest in basis points (100 = 1 %)'),
  feeSatang: satang('The fee', 'ค่าธรรมเนียม').default(0),
  graceMonths: z.number().int().min(0).max(24).default(0),
  dueDay: z.number().int().min(1).max(31).describe('Day of month instalments fall due; 29–31 clamp to the month’s end'),
  remainderRule: z.enum(['last', 'first']).default('last'),
  eligibleGroupTypes: z
    .array(z.enum(codesOf(GROUP_TYPES)))
    .max(10)
    .default([]),
  requiredCurriculumCode: z.string().max(40).nullable().default(null),
  requiredTrainedMembers: z.number().int().min(0).max(1000).default(0),
  requiredProgrammeCode: z.string().max(32).nullable().default(null),
  requiredStageCode: z.string().max(40).nullable().default(null),
  opensOn: saneDate.nullable().default(null),
  deadline: saneDate.describe('The last day (Bangkok) an application is accepted'),
  oneOpenLoan: z.boolean().default(true),
});
export const FundBody = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, bilingual('A fund code is 2–32 capital letters, digits and dashes.', 'รหัสกองทุนเป็นอักษรอังกฤษตัวใหญ่ ตัวเลข และขีด 2–32 ตัว')),
  nameTh: text(200, 'The Thai name', 'ชื่อกองทุนภาษาไทย'),
  nameEn: text(200, 'The English name', 'ชื่อกองทุนภาษาอังกฤษ'),
  ownerUnitCode: z.string().min(1).max(40),
  provinceCodes: z
    .array(z.string().regex(/^\d{2}$/, bilingual('A province code has 2 digits.', 'รหัสจังหวัดมี 2 หลัก')))
    .min(1)
    .max(77),
  capitalSatang: satang('The capital', 'ทุน'),
  rules: RulesBody,
});
const PositionSchema = z.object({
  capital: z.number(),
  committed: z.number(),
  disbursed: z.number(),
  repaid: z.number(),
  writtenOff: z.number(),
  income: z.number(),
  outstanding: z.number(),
  available: z.number(),
});
const ParSchema = z.object({ outstanding: z.number(), par30Satang: z.number(), par90Satang: z.number(), par30Bp: z.number(), par90Bp: z.number() });
export const FundSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    ownerUnitCode: z.string(),
    provinceCodes: z.array(z.string()),
    rules: z.object({
      minAmountSatang: z.number(),
      maxAmountSatang: z.number(),
      minTermMonths: z.number(),
      maxTermMonths: z.number(),
      rateBp: z.number(),
      feeSatang: z.number(),
      graceMonths: z.number(),
      dueDay: z.number(),
      remainderRule: z.enum(['last', 'first']),
      eligibleGroupTypes: z.array(z.string()),
      requiredCurriculumCode: z.string().nullable(),
      requiredTrainedMembers: z.number(),
      requiredProgrammeCode: z.string().nullable(),
      requiredStageCode: z.string().nullable(),
      opensOn: z.string().nullable(),
      deadline: z.string(),
      oneOpenLoan: z.boolean(),
    }),
    position: PositionSchema,
  })
  .meta({ id: 'Fund' });
export const FundDetailSchema = FundSchema.extend({ par: ParSchema }).meta({ id: 'FundDetail' });
export const CapitalBody = z.strictObject({ amountSatang: positiveSatang('The capital added', 'ทุนที่เพิ่ม'), memo: text(500, 'The memo', 'บันทึก') });
export const EntrySchema = z
  .object({
    id: z.number(),
    loanId: z.number().nullable(),
    kind: z.string(),
    debit: z.string(),
    credit: z.string(),
    amountSatang: z.number(),
    bookedOn: z.string(),
    reversesId: z.number().nullable(),
    memo: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'FundEntry' });

const CheckSchema = z.object({ code: z.string(), passed: z.boolean(), en: z.string(), th: z.string() });
export const EligibilityBody = z.strictObject({
  groupId: id,
  amountSatang: positiveSatang('The amount', 'วงเงินกู้'),
  termMonths: z.number().int().min(1).max(120),
});
export const EligibilitySchema = z.object({ eligible: z.boolean(), checks: z.array(CheckSchema) }).meta({ id: 'LoanEligibility' });

const PlanBody = z.strictObject({
  costs: z
    .array(z.strictObject({ item: text(200, 'A cost item', 'รายการค่าใช้จ่าย'), amountSatang: satang('A cost', 'ค่าใช้จ่าย') }))
    .min(1, bilingual('The business plan lists at least one cost.', 'แผนธุรกิจต้องมีรายการค่าใช้จ่ายอย่างน้อยหนึ่งรายการ'))
    .max(50),
  expectedMonthlySalesSatang: satang('Expected monthly sales', 'ยอดขายที่คาดต่อเดือน'),
  repaymentSource: text(1000, 'The repayment source', 'แหล่งเงินชำระคืน'),
});
const ApplicationFields = {
  amountSatang: positiveSatang('The amount', 'วงเงินกู้'),
  termMonths: z.number().int().min(1).max(120),
  purpose: text(1000, 'The purpose', 'วัตถุประสงค์'),
  businessPlan: PlanBody,
  cosignerPersonIds: z.array(id).max(10).default([]),
  documents: z
    .array(z.strictObject({ name: text(200, 'A document’s name', 'ชื่อเอกสาร'), reference: text(500, 'A document’s reference', 'เลขที่อ้างอิงเอกสาร') }))
    .max(20)
    .default([]),
};
export const ApplicationBody = z.strictObject({ groupId: id, ...ApplicationFields });
export const CorrectionBody = z.strictObject(ApplicationFields);
export const ApplicationFileSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']).describe('From the file’s first bytes'),
    sizeBytes: z.number(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'LoanApplicationFile' });
export const FileQuery = z.strictObject({
  name: text(200, 'The document’s name', 'ชื่อเอกสาร').regex(
    /\.(pdf|jpe?g|png)$/i,
    bilingual('A document’s name ends in .pdf, .jpg, .jpeg or .png.', 'ชื่อเอกสารต้องลงท้ายด้วย .pdf .jpg .jpeg หรือ .png'),
  ),
});
export const FileParams = z.strictObject({ id, fileId: id });
export const ApplicationSchema = z
  .object({
    id: z.number(),
    fundId: z.number(),
    groupId: z.number(),
    groupName: z.string(),
    provinceCode: z.string(),
    amountSatang: z.number(),
    termMonths: z.number(),
    purpose: z.string(),
    businessPlan: z.object({
      costs: z.array(z.object({ item: z.string(), amountSatang: z.number() })),
      expectedMonthlySalesSatang: z.number(),
      repaymentSource: z.string(),
    }),
    documents: z.array(z.object({ name: z.string(), reference: z.string() })),
    cosignerPersonIds: z.array(z.number()),
    status: z.string(),
    eligibility: z.array(CheckSchema),
    submittedAt: z.string(),
    steps: z.array(
      z.object({
        step: z.string(),
        actorUserId: z.string(),
        actorName: z.string().nullable(),
        note: z.string().nullable(),
        minutesRef: z.string().nullable(),
        at: z.string(),
      }),
    ),
    loanId: z.number().nullable(),
    files: z.array(ApplicationFileSchema).describe('Documents uploaded with the application (PDF, JPEG, PNG)'),
  })
  .meta({ id: 'LoanApplication' });
export const ApplicationsQuery = PageQuery.extend({
  status: z.enum(['submitted', 'recommended', 'verified', 'returned', 'approved', 'rejected', 'withdrawn']).optional(),
});
export const FundLoansQuery = PageQuery.extend({ status: z.enum(['committed', 'active', 'repaid', 'written-off']).optional() });
export const FundLoanSchema = z
  .object({
    id: z.number(),
    applicationId: z.number(),
    groupId: z.number(),
    groupName: z.string(),
    provinceCode: z.string(),
    status: z.enum(['committed', 'active', 'repaid', 'written-off']),
    principalSatang: z.number(),
    disbursedSatang: z.number(),
    outstandingSatang: z.number(),
    daysPastDue: z.number(),
  })
  .meta({ id: 'FundLoan' });
export const NoteBody = z.strictObject({ note: text(2000, 'The note', 'บันทึก') });
export const ReasonBody = z.strictObject({ reason: text(2000, 'The reason', 'เหตุผล') });
export const DecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  minutesRef: text(200, 'The committee minutes’ reference', 'เลขที่รายงานการประชุมคณะกรรมการ'),
  note: z.string().max(2000).nullable().default(null),
});

export const DisbursementBody = z.strictObject({
  amountSatang: positiveSatang('The tranche', 'เงินงวดที่เบิก'),
  paidOn: saneDate,
  reference: text(200, 'The transfer reference', 'เลขที่อ้างอิงการโอน'),
  bankName: text(200, 'The bank', 'ธนาคาร'),
  accountNumber: z.string().regex(/^\d{10,15}$/, bilingual('An account number has 10–15 digits, no dashes.', 'เลขที่บัญชีเป็นตัวเลข 10–15 หลัก ไม่มีขีด')),
  promptPayId: z
    .string()
    .regex(
      /^(\d{10}|\d{13}|\d{15})$/,
      bilingual(
        'A PromptPay ID is a 10-digit phone, 13-digit ID or 15-digit e-wallet number.',
        'พร้อมเพย์เป็นเบอร์โทร 10 หลัก เลขประจำตัว 13 หลัก หรือ e-Wallet 15 หลัก',
      ),
    )
    .nullable()
    .default(null),
});
export const RepaymentBody = z.strictObject({
  amountSatang: positiveSatang('The payment', 'ยอดชำระ'),
  paidOn: saneDate,
  reference: z.string().trim().max(200).nullable().default(null),
});
const AllocationSchema = z.array(z.object({ number: z.number(), fee: z.number(), interest: z.number(), principal: z.number() }));
export const PaymentSchema = z
  .object({
    id: z.number(),
    loanId: z.number(),
    kind: z.enum(['repayment', 'reversal']),
    amountSatang: z.number(),
    paidOn: z.string(),
    reference: z.string().nullable(),
    source: z.enum(['officer', 'import']),
    allocation: AllocationSchema,
    reversesId: z.number().nullable(),
    reversedById: z.number().nullable(),
    reason: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'LoanPayment' });
const DecisionSchema = z
  .object({
    id: z.number(),
    loanId: z.number(),
    kind: z.enum(['restructure', 'write-off']),
    status: z.enum(['requested', 'approved', 'rejected']),
    proposal: z.object({ termMonths: z.number().optional(), dueDay: z.number().optional(), graceMonths: z.number().optional() }),
    reason: z.string(),
    requestedBy: z.string(),
    decidedBy: z.string().nullable(),
    minutesRef: z.string().nullable(),
  })
  .meta({ id: 'LoanDecision' });
export { DecisionSchema as LoanDecisionSchema };
export const REMINDER_KINDS = ['due-soon', 'overdue'] as const;
export const ReminderSchema = z
  .object({
    id: z.number(),
    kind: z.enum(REMINDER_KINDS),
    instalmentNumber: z.number(),
    dueOn: z.string(),
    amountDueSatang: z.number(),
    messageTh: z.string(),
    messageEn: z.string(),
    status: z.enum(['pending', 'sent', 'failed']).describe('pending: waiting in the outbox for a sender (SMS, LINE)'),
    createdAt: z.string(),
  })
  .meta({ id: 'LoanReminder' });
export const CONTACT_METHODS = ['call', 'visit', 'message'] as const;
export const CONTACT_OUTCOMES = ['reached', 'no-answer', 'promised', 'refused', 'paid'] as const;
export const ContactBody = z.strictObject({
  method: z.enum(CONTACT_METHODS),
  outcome: z.enum(CONTACT_OUTCOMES).describe('promised: the group promised to pay on `promisedOn`'),
  contactedOn: saneDate,
  promisedOn: saneDate.nullable().default(null).describe('Required when the outcome is `promised`'),
  promisedAmountSatang: positiveSatang('The promised amount', 'ยอดที่สัญญาว่าจะชำระ').nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const ContactSchema = z
  .object({
    id: z.number(),
    loanId: z.number(),
    method: z.enum(CONTACT_METHODS),
    outcome: z.enum(CONTACT_OUTCOMES),
    contactedOn: z.string(),
    promisedOn: z.string().nullable(),
    promisedAmountSatang: z.number().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LoanContact' });
export const ReminderJobSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    done: z.number().describe('Loans looked at'),
    total: z.number().nullable(),
    error: z.string().nullable(),
    result: z.object({ written: z.number(), loans: z.number() }).nullable().describe('Reminders written (none twice for an instalment and kind)'),
  })
  .meta({ id: 'ReminderJob' });
export const ReminderJobParam = z.strictObject({ jobId: z.uuid() });

export const LoanSchema = z
  .object({
    id: z.number(),
    applicationId: z.number(),
    fundId: z.number(),
    groupId: z.number(),
    groupName: z.string(),
    provinceCode: z.string(),
    status: z.enum(['committed', 'active', 'repaid', 'written-off']),
    principalSatang: z.number(),
    disbursedSatang: z.number(),
    outstandingSatang: z.number(),
    owedSatang: z.number(),
    daysPastDue: z.number(),
    nextDueOn: z.string().nullable(),
    termMonths: z.number(),
    rateBp: z.number(),
    dueDay: z.number(),
    remainderRule: z.enum(['last', 'first']),
    bankName: z.string().nullable(),
    accountNumber: z.string().nullable(),
    promptPayId: z.string().nullable(),
    scheduleVersion: z.number(),
    schedule: z.array(
      z.object({
        number: z.number(),
        dueOn: z.string(),
        principalSatang: z.number(),
        interestSatang: z.number(),
        feeSatang: z.number(),
        paidPrincipalSatang: z.number(),
        paidInterestSatang: z.number(),
        paidFeeSatang: z.number(),
      }),
    ),
    tranches: z.array(z.object({ id: z.number(), amountSatang: z.number(), paidOn: z.string(), reference: z.string() })),
    payments: z.array(PaymentSchema),
    decisions: z.array(DecisionSchema),
    reminders: z.array(ReminderSchema),
    contacts: z.array(ContactSchema).describe('Collection contacts: shown to the fund’s readers, not to the group’s members'),
  })
  .meta({ id: 'Loan' });
export const LoanDecisionBody = z
  .strictObject({
    kind: z.enum(['restructure', 'write-off']),
    reason: text(2000, 'The reason', 'เหตุผล'),
    termMonths: z.number().int().min(1).max(120).optional(),
    dueDay: z.number().int().min(1).max(31).optional(),
    graceMonths: z.number().int().min(0).max(24).optional(),
  })
  .meta({ id: 'LoanDecisionRequest' });
export const LoanDecideBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  minutesRef: text(200, 'The committee minutes’ reference', 'เลขที่รายงานการประชุมคณะกรรมการ'),
});

export const ImportQuery = z.strictObject({ fileName: z.string().max(200).default('statement.csv'), dryRun: z.enum(['true', 'false']).default('true') });
export const ImportResultSchema = z
  .object({
    rows: z.number(),
    recorded: z.number(),
    dryRun: z.boolean(),
    errors: z.array(
      z.object({ line: z.number(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), th: z.string(), en: z.string() }),
    ),
  })
  .meta({ id: 'RepaymentImportResult' });

export const CollectionsQuery = z.strictObject({ minDays: z.coerce.number().int().min(1).max(10_000).default(1) });
const BUCKET = z.enum(['current', '1-30', '31-60', '61-90', 'over-90']);
export const CollectionSchema = z.array(
  z.object({
    loanId: z.number(),
    fundId: z.number(),
    groupId: z.number(),
    groupName: z.string(),
    provinceCode: z.string(),
    daysPastDue: z.number(),
    bucket: BUCKET,
    overdueSatang: z.number(),
    outstandingSatang: z.number(),
    reminderDue: z.boolean(),
    lastRemindedAt: z.string().nullable().describe('When a reminder was last written for the loan'),
    lastContact: ContactSchema.nullable(),
  }),
);
const BucketCell = z.object({ loans: z.number(), outstandingSatang: z.number() });
export const AgeingSchema = z.array(
  ParSchema.extend({
    provinceCode: z.string(),
    buckets: z.object({ current: BucketCell, '1-30': BucketCell, '31-60': BucketCell, '61-90': BucketCell, 'over-90': BucketCell }),
  }),
);
export const ParSegmentQuery = z.strictObject({
  by: z.enum(['group-type', 'course']).meta({ description: 'group-type: the borrowing group’s type; course: whether a current member completed the course' }),
  curriculumCode: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .meta({ description: 'The course of the cohort (required with by=course), e.g. the Social Commerce curriculum' }),
  fundId: z.coerce.number().int().positive().optional(),
});
export const ParSegmentSchema = z.array(
  ParSchema.extend({
    segment: z.string().meta({ description: 'The group type’s code, or completed / not-completed for a course cohort' }),
    loans: z.number(),
  }),
);
export const FlowsQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(2500).max(2700).optional() });
export const FlowsSchema = z.array(z.object({ month: z.string(), fiscalYear: z.number(), disbursedSatang: z.number(), repaidSatang: z.number() }));
export const VerifySchema = z
  .object({
    ok: z.boolean(),
    funds: z.number(),
    loans: z.number(),
    problems: z.array(z.object({ fundId: z.number().nullable(), loanId: z.number().nullable(), what: z.string(), expected: z.number(), found: z.number() })),
  })
  .meta({ id: 'FundingVerification' });
export { I18nText };

export const MineSchema = z
  .object({
    groups: z.array(
      z.object({
        groupId: z.number(),
        groupName: z.string(),
        provinceCode: z.string(),
        role: z.string(),
        committee: z.array(z.object({ personId: z.number(), role: z.string(), nameTh: z.string() })),
      }),
    ),
    funds: z.array(FundSchema),
    loans: z.array(LoanSchema),
  })
  .meta({ id: 'MyFunding' });
