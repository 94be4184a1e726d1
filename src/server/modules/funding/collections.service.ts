import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { formatBaht } from '../../../shared/money';
import { formatThaiDate } from '../../../shared/thai-date';
import * as collections from './collections.repository';
import type { FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import { presentContact } from './funding.present';
import * as repository from './funding.repository';
import { addDays, bangkokDay, bucketOf } from './funding.rules';

type Ctx = ActorContext;

export const REMINDERS_JOB = 'funding.reminders';
/** An instalment is "due soon" this many days ahead (a week: time to gather the group's sales). */
export const DUE_SOON_DAYS = 7;
/** Loans looked at per step of the job; each step is idempotent (the outbox's unique key), so a resumed job only finishes the rest. */
const LOANS_PER_STEP = 500;

/** The reminder's text in Thai and English: to the group, naming the loan, the instalment, the amount and the date (B.E. in Thai). */
export function reminderMessage(r: { kind: 'due-soon' | 'overdue'; groupName: string; loanId: number; number: number; dueOn: string; amountDue: number }) {
  const th = `${formatBaht(r.amountDue, 'th')}`;
  const en = `${formatBaht(r.amountDue, 'en')}`;
  const dayTh = formatThaiDate(r.dueOn, { style: 'long', locale: 'th' });
  const dayEn = formatThaiDate(r.dueOn, { style: 'long', locale: 'en' });
  return r.kind === 'due-soon'
    ? {
        th: `${r.groupName}: งวดที่ ${r.number} ของสัญญาเงินกู้เลขที่ ${r.loanId} ยอด ${th} ครบกำหนดชำระวันที่ ${dayTh} กรุณาชำระตามกำหนด`,
        en: `${r.groupName}: instalment ${r.number} of loan ${r.loanId}, ${en}, is due on ${dayEn}. Please pay on time.`,
      }
    : {
        th: `${r.groupName}: งวดที่ ${r.number} ของสัญญาเงินกู้เลขที่ ${r.loanId} ยอดค้างชำระ ${th} เลยกำหนดชำระวันที่ ${dayTh} แล้ว กรุณาชำระโดยเร็วหรือติดต่อสำนักงานกองทุน`,
        en: `${r.groupName}: instalment ${r.number} of loan ${r.loanId}, ${en} unpaid, was due on ${dayEn}. Please pay soon or contact the fund’s office.`,
      };
}

/**
 * The collection queue per office: late loans with when each was last reminded and last
 * contacted; the reminder outbox, written by a job; the office's contacts with late groups.
 */
export function createCollectionsService(access: FundingAccess) {
  const { db, jobs, registry, requireLoan, guard } = access;
  const office = (ctx: Ctx, provinceCode: string, what: { en: string; th: string }) => guard(fundingPolicy.officeScope(ctx.actor), [provinceCode], what);

  /**
   * Writes the reminders of every instalment due within a week or overdue, for active loans of
   * the job's provinces (all when null), a page of loans at a time. An instalment gets one
   * reminder of each kind, ever: the unique key skips what a run before (or this run before a
   * crash) wrote.
   */
  jobs.register(REMINDERS_JOB, async ({ job, progress, signal }) => {
    const payload = job.payload as { asOf: string; provinces: string[] | null };
    const until = addDays(payload.asOf, DUE_SOON_DAYS);
    let afterLoanId = 0;
    let written = 0;
    let loans = 0;
    for (;;) {
      if (signal.aborted) break;
      const page = { provinces: payload.provinces, until, afterLoanId, loans: LOANS_PER_STEP };
      const last = await collections.lastLoanOfPage(db, page);
      if (last === null) break;
      const rows = await collections.reminderCandidates(db, { ...page, asOf: payload.asOf });
      const names = await registry.groupPlaces([...new Set(rows.map((r) => r.group_id))]);
      const reminders = rows.map((r) => {
        const text = reminderMessage({
          kind: r.kind,
          groupName: names.get(r.group_id)?.name ?? String(r.group_id),
          loanId: r.loan_id,
          number: r.number,
          dueOn: r.due_on,
          amountDue: r.amount_due,
        });
        return {
          loan_id: r.loan_id,
          schedule_version: r.schedule_version,
          instalment_number: r.number,
          kind: r.kind,
          due_on: r.due_on,
          amount_due: r.amount_due,
          message_th: text.th,
          message_en: text.en,
        };
      });
      const groupOf = new Map(rows.map((r) => [r.loan_id, r.group_id]));
      const provinceOf = new Map(rows.map((r) => [r.loan_id, r.province_code]));
      // The reminders and their messages to each group's leader commit together (issue 21 §5).
      written += await db.transaction().execute(async (trx) => {
        const inserted = await collections.insertRemindersReturning(trx, reminders);
        if (inserted.length && access.notify) {
          const members = await registry.currentMemberRoles([...new Set(inserted.map((r) => groupOf.get(r.loan_id)!))], trx);
          await access.notify(
            trx,
            inserted.flatMap((r) => {
              const groupId = groupOf.get(r.loan_id)!;
              return (members.get(groupId) ?? [])
                .filter((m) => m.role === 'leader')
                .map((m) => ({
                  personId: m.personId,
                  kind: r.kind === 'overdue' ? 'loan-overdue' : 'loan-due',
                  eventKey: `funding.reminder:${r.id}:${m.personId}`,
                  provinceCode: provinceOf.get(r.loan_id) ?? null,
                  params: {
                    group: names.get(groupId)?.name ?? String(groupId),
                    loanId: r.loan_id,
                    number: r.instalment_number,
                    amount: formatBaht(r.amount_due),
                    dueOn: r.due_on,
                  },
                }));
            }),
          );
        }
        return inserted.length;
      });
      loans += new Set(rows.map((r) => r.loan_id)).size;
      afterLoanId = last;
      await progress(loans);
    }
    return { written, loans };
  });

  const service = {
    /** The collection queue: active loans past due in the reader's area, by office (province), longest late first. */
    async collections(ctx: Ctx, query: { minDays: number }) {
      const scope = fundingPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await access.geo.outOfScope({ en: 'reading the collection queue', th: 'ดูรายการติดตามหนี้' }, [], scope);
      const asOf = bangkokDay(new Date());
      const late = (await repository.activePortfolio(db, { provinces: provincesOf(scope), asOf })).filter((l) => l.dpd >= Math.max(1, query.minDays));
      const ids = late.map((l) => l.id);
      const [groups, overdue, reminded, contacted] = await Promise.all([
        registry.groupPlaces(late.map((l) => l.group_id)),
        repository.overdueOf(db, ids, asOf),
        collections.lastReminded(db, ids),
        collections.lastContacts(db, ids),
      ]);
      return late
        .sort((a, b) => b.dpd - a.dpd || a.id - b.id)
        .map((l) => {
          const contact = contacted.get(l.id);
          return {
            loanId: l.id,
            fundId: l.fund_id,
            groupId: l.group_id,
            groupName: groups.get(l.group_id)?.name ?? String(l.group_id),
            provinceCode: l.province_code,
            daysPastDue: l.dpd,
            bucket: bucketOf(l.dpd),
            overdueSatang: overdue.get(l.id) ?? 0,
            outstandingSatang: l.outstanding,
            // A reminder is due on the 1st, 7th and 30th day late, then every 30 days.
            reminderDue: l.dpd === 1 || l.dpd === 7 || l.dpd % 30 === 0,
            lastRemindedAt: reminded.get(l.id)?.toISOString() ?? null,
            lastContact: contact ? presentContact(contact) : null,
          };
        });
    },

    /** Starts the reminder job for the office's provinces (every province for a nationwide office); answers with the job to follow. */
    async runReminders(ctx: Ctx) {
      const scope = fundingPolicy.officeScope(ctx.actor);
      if (scope.kind === 'none') throw await access.geo.outOfScope({ en: 'send collection reminders', th: 'ส่งการแจ้งเตือนชำระหนี้' }, [], scope);
      const provinces = provincesOf(scope);
      const id = await db.transaction().execute(async (trx) => {
        const jobId = await jobs.enqueue(trx, {
          kind: REMINDERS_JOB,
          payload: { asOf: bangkokDay(new Date()), provinces },
          createdBy: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, { action: 'loan.remind', entityType: 'job', entityId: jobId, after: { provinces } });
        return jobId;
      });
      return service.reminderJob(ctx, id);
    },

    /** A reminder job's progress, for the officer who started it. */
    async reminderJob(ctx: Ctx, jobId: string) {
      const job = await jobs.get(db, jobId);
      if (!job || job.kind !== REMINDERS_JOB || job.created_by !== ctx.actor.userId)
        throw problems.notFound({ en: 'No such reminder job of yours.', th: 'ไม่พบงานส่งการแจ้งเตือนนี้ของคุณ' });
      return {
        id: job.id,
        status: job.status,
        done: Number(job.progress_done),
        total: job.progress_total === null ? null : Number(job.progress_total),
        error: job.error,
        result: (job.result as { written: number; loans: number } | null) ?? null,
      };
    },

    /** A call or visit to a late group, with its outcome and any promise to pay. */
    async recordContact(
      ctx: Ctx,
      loanId: number,
      input: {
        method: 'call' | 'visit' | 'message';
        outcome: 'reached' | 'no-answer' | 'promised' | 'refused' | 'paid';
        contactedOn: string;
        promisedOn: string | null;
        promisedAmountSatang: number | null;
        note: string | null;
      },
    ) {
      const loan = await requireLoan(loanId);
      await office(ctx, loan.province_code, { en: 'record a collection contact for this loan', th: 'บันทึกการติดตามหนี้ของสัญญานี้' });
      const today = bangkokDay(new Date());
      const errors = [
        ...(input.contactedOn > today
          ? [{ field: 'body.contactedOn', code: 'future', message: 'A contact is recorded after it happened.', messageTh: 'บันทึกการติดต่อได้หลังจากติดต่อแล้วเท่านั้น' }]
          : []),
        ...((input.outcome === 'promised') !== (input.promisedOn !== null)
          ? [
              {
                field: 'body.promisedOn',
                code: 'promise-date',
                message: 'A promise to pay has its date, and only a promise has one.',
                messageTh: 'การนัดชำระต้องมีวันที่นัด และระบุวันที่นัดเฉพาะเมื่อนัดชำระ',
              },
            ]
          : []),
        ...(input.promisedOn !== null && input.promisedOn < input.contactedOn
          ? [{ field: 'body.promisedOn', code: 'before-contact', message: 'The promised day comes after the contact.', messageTh: 'วันนัดชำระต้องไม่ก่อนวันที่ติดต่อ' }]
          : []),
      ];
      if (errors.length) throw problems.unprocessable({ en: 'The contact cannot be recorded.', th: 'บันทึกการติดต่อไม่ได้' }, errors);
      if (loan.status !== 'active')
        throw problems.conflict({
          en: `Loan ${loanId} is ${loan.status}: nothing to collect.`,
          th: `สัญญาเงินกู้ ${loanId} อยู่ในสถานะ ${loan.status} ไม่มีหนี้ต้องติดตาม`,
        });
      const row = await db.transaction().execute(async (trx) => {
        const contact = await collections.insertContact(trx, {
          loan_id: loanId,
          method: input.method,
          outcome: input.outcome,
          contacted_on: input.contactedOn,
          promised_on: input.promisedOn,
          promised_amount: input.promisedAmountSatang,
          note: input.note,
          actor_user_id: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'loan.contact',
          entityType: 'loan',
          entityId: String(loanId),
          provinceCode: loan.province_code,
          after: { contactId: contact.id, method: input.method, outcome: input.outcome, promisedOn: input.promisedOn },
        });
        return contact;
      });
      return presentContact(row);
    },
  };
  return service;
}
