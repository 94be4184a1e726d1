import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type * as repository from './funding.repository';
import { fundPosition, type Check, type FundRules } from './funding.rules';

/** Rows → API objects. Money is satang (integers); dates are YYYY-MM-DD. */
export const fundRules = (f: repository.FundRow): FundRules => ({
  provinceCodes: f.province_codes,
  minAmount: f.min_amount,
  maxAmount: f.max_amount,
  minTerm: f.min_term,
  maxTerm: f.max_term,
  eligibleGroupTypes: f.eligible_group_types,
  requiredCurriculumCode: f.required_curriculum_code,
  requiredTrainedMembers: f.required_trained_members,
  opensOn: f.opens_on,
  deadline: f.deadline,
  oneOpenLoan: f.one_open_loan,
});

export const positionOf = (f: repository.FundRow) =>
  fundPosition({ capital: f.capital, committed: f.committed, disbursed: f.disbursed, repaid: f.repaid, writtenOff: f.written_off, income: f.income });

export const presentFund = (f: repository.FundRow) => ({
  id: f.id,
  code: f.code,
  nameTh: f.name_th,
  nameEn: f.name_en,
  ownerUnitCode: f.owner_unit_code,
  provinceCodes: f.province_codes,
  rules: {
    minAmountSatang: f.min_amount,
    maxAmountSatang: f.max_amount,
    minTermMonths: f.min_term,
    maxTermMonths: f.max_term,
    rateBp: f.rate_bp,
    feeSatang: f.fee_satang,
    graceMonths: f.grace_months,
    dueDay: f.due_day,
    remainderRule: f.remainder_rule as 'last' | 'first',
    eligibleGroupTypes: f.eligible_group_types,
    requiredCurriculumCode: f.required_curriculum_code,
    requiredTrainedMembers: f.required_trained_members,
    requiredProgrammeCode: f.required_programme_code,
    requiredStageCode: f.required_stage_code,
    opensOn: f.opens_on,
    deadline: f.deadline,
    oneOpenLoan: f.one_open_loan,
  },
  position: positionOf(f),
});

export const presentStep = (s: Selectable<DB['loan_step']>, names: ReadonlyMap<string, string> = new Map()) => ({
  step: s.step,
  actorUserId: s.actor_user_id,
  actorName: names.get(s.actor_user_id) ?? null,
  note: s.note,
  minutesRef: s.minutes_ref,
  at: new Date(s.created_at).toISOString(),
});

export const presentApplication = (
  a: repository.ApplicationRow,
  more: {
    groupName: string;
    steps: Selectable<DB['loan_step']>[];
    cosigners: Selectable<DB['loan_cosigner']>[];
    loanId: number | null;
    actorNames?: ReadonlyMap<string, string>;
  },
) => ({
  id: a.id,
  fundId: a.fund_id,
  groupId: a.group_id,
  groupName: more.groupName,
  provinceCode: a.province_code,
  amountSatang: a.amount,
  termMonths: a.term_months,
  purpose: a.purpose,
  businessPlan: a.business_plan as { costs: { item: string; amountSatang: number }[]; expectedMonthlySalesSatang: number; repaymentSource: string },
  documents: a.documents as { name: string; reference: string }[],
  cosignerPersonIds: more.cosigners.map((c) => c.person_id),
  status: a.status,
  eligibility: a.eligibility as Check[],
  submittedAt: new Date(a.submitted_at).toISOString(),
  steps: more.steps.map((s) => presentStep(s, more.actorNames)),
  loanId: more.loanId,
});

export const presentInstalment = (i: repository.InstalmentRow) => ({
  number: i.number,
  dueOn: i.due_on,
  principalSatang: i.principal,
  interestSatang: i.interest,
  feeSatang: i.fee,
  paidPrincipalSatang: i.paid_principal,
  paidInterestSatang: i.paid_interest,
  paidFeeSatang: i.paid_fee,
});

export const presentPayment = (p: repository.PaymentRow, reversedBy: number | null) => ({
  id: p.id,
  loanId: p.loan_id,
  kind: p.kind as 'repayment' | 'reversal',
  amountSatang: p.amount,
  paidOn: p.paid_on,
  reference: p.reference,
  source: p.source as 'officer' | 'import',
  allocation: p.allocation as { number: number; fee: number; interest: number; principal: number }[],
  reversesId: p.reverses_id,
  reversedById: reversedBy,
  reason: p.reason,
  recordedAt: new Date(p.created_at).toISOString(),
});

export const presentDecision = (d: Selectable<DB['loan_decision']>) => ({
  id: d.id,
  loanId: d.loan_id,
  kind: d.kind as 'restructure' | 'write-off',
  status: d.status as 'requested' | 'approved' | 'rejected',
  proposal: d.proposal as { termMonths?: number; dueDay?: number; graceMonths?: number },
  reason: d.reason,
  requestedBy: d.requested_by,
  decidedBy: d.decided_by,
  minutesRef: d.minutes_ref,
});

export const presentEntry = (e: repository.EntryRow) => ({
  id: e.id,
  loanId: e.loan_id,
  kind: e.kind,
  debit: e.debit,
  credit: e.credit,
  amountSatang: e.amount,
  bookedOn: e.booked_on,
  reversesId: e.reverses_id,
  memo: e.memo,
  at: new Date(e.created_at).toISOString(),
});

export const presentContact = (c: Selectable<DB['loan_contact']>) => ({
  id: c.id,
  loanId: c.loan_id,
  method: c.method as 'call' | 'visit' | 'message',
  outcome: c.outcome as 'reached' | 'no-answer' | 'promised' | 'refused' | 'paid',
  contactedOn: c.contacted_on,
  promisedOn: c.promised_on,
  promisedAmountSatang: c.promised_amount,
  note: c.note,
  createdAt: new Date(c.created_at).toISOString(),
});

export const presentReminder = (r: Selectable<DB['loan_reminder']>) => ({
  id: r.id,
  kind: r.kind as 'due-soon' | 'overdue',
  instalmentNumber: r.instalment_number,
  dueOn: r.due_on,
  amountDueSatang: r.amount_due,
  messageTh: r.message_th,
  messageEn: r.message_en,
  status: r.status as 'pending' | 'sent' | 'failed',
  createdAt: new Date(r.created_at).toISOString(),
});
