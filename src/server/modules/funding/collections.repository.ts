import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';

/**
 * The collection queue's own records: the reminder outbox (`loan_reminder`) and the office's
 * contacts with late groups (`loan_contact`).
 */

/**
 * Instalments of active loans, on their current schedule, not fully paid and due on or before
 * `until`, that have no reminder of their kind yet (overdue when due before `asOf`, otherwise due
 * soon). One page of loans at a time, by loan id after `afterLoanId`.
 */
export const reminderCandidates = (db: Executor, f: { provinces: string[] | null; asOf: string; until: string; afterLoanId: number; loans: number }) =>
  db
    .with('page', (w) =>
      w
        .selectFrom('loan')
        .select(['id', 'group_id', 'province_code', 'schedule_version'])
        .where('status', '=', 'active')
        .where('id', '>', f.afterLoanId)
        .where('oldest_unpaid_due', '<=', f.until)
        .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
        .orderBy('id')
        .limit(f.loans),
    )
    .selectFrom('page as l')
    .innerJoin('loan_instalment as i', (j) => j.onRef('i.loan_id', '=', 'l.id').onRef('i.schedule_version', '=', 'l.schedule_version'))
    .select(['l.id as loan_id', 'l.group_id', 'l.province_code', 'l.schedule_version', 'i.number', 'i.due_on'])
    .select(sql<number>`(i.principal + i.interest + i.fee - i.paid_principal - i.paid_interest - i.paid_fee)::int8`.as('amount_due'))
    .select(sql<'overdue' | 'due-soon'>`case when i.due_on < ${f.asOf}::date then 'overdue' else 'due-soon' end`.as('kind'))
    .where('i.due_on', '<=', f.until)
    .where(sql<boolean>`i.principal + i.interest + i.fee > i.paid_principal + i.paid_interest + i.paid_fee`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('loan_reminder as r')
            .select('r.id')
            .whereRef('r.loan_id', '=', 'l.id')
            .whereRef('r.schedule_version', '=', 'l.schedule_version')
            .whereRef('r.instalment_number', '=', 'i.number')
            .where(sql<boolean>`r.kind = case when i.due_on < ${f.asOf}::date then 'overdue' else 'due-soon' end`),
        ),
      ),
    )
    .orderBy('l.id')
    .orderBy('i.number')
    .execute();

/** The last loan id of a page of `reminderCandidates`' loans (null when none is left). */
export const lastLoanOfPage = async (db: Executor, f: { provinces: string[] | null; until: string; afterLoanId: number; loans: number }) => {
  const rows = await db
    .selectFrom('loan')
    .select('id')
    .where('status', '=', 'active')
    .where('id', '>', f.afterLoanId)
    .where('oldest_unpaid_due', '<=', f.until)
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .orderBy('id')
    .limit(f.loans)
    .execute();
  return rows.length ? rows[rows.length - 1]!.id : null;
};

/** Writes reminders and answers those written (a notification goes with each). */
export const insertRemindersReturning = async (db: Executor, rows: Insertable<DB['loan_reminder']>[]) =>
  rows.length
    ? db
        .insertInto('loan_reminder')
        .values(rows)
        .onConflict((oc) => oc.columns(['loan_id', 'schedule_version', 'instalment_number', 'kind']).doNothing())
        .returning(['id', 'loan_id', 'instalment_number', 'kind', 'due_on', 'amount_due'])
        .execute()
    : [];

/** Writes reminders; one already written for the same instalment and kind is skipped (the unique key). */
export const insertReminders = async (db: Executor, rows: Insertable<DB['loan_reminder']>[]) =>
  rows.length
    ? (
        await db
          .insertInto('loan_reminder')
          .values(rows)
          .onConflict((oc) => oc.columns(['loan_id', 'schedule_version', 'instalment_number', 'kind']).doNothing())
          .returning('id')
          .execute()
      ).length
    : 0;

export const remindersOf = (db: Executor, loanId: number) =>
  db.selectFrom('loan_reminder').selectAll().where('loan_id', '=', loanId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

/** When each loan was last reminded. */
export const lastReminded = async (db: Executor, loanIds: readonly number[]) =>
  new Map(
    loanIds.length
      ? (
          await db
            .selectFrom('loan_reminder')
            .select('loan_id')
            .select((eb) => eb.fn.max('created_at').as('at'))
            .where('loan_id', 'in', [...loanIds])
            .groupBy('loan_id')
            .execute()
        ).map((r) => [r.loan_id, new Date(r.at as unknown as string)] as const)
      : [],
  );

export const insertContact = (db: Executor, row: Insertable<DB['loan_contact']>) =>
  db.insertInto('loan_contact').values(row).returningAll().executeTakeFirstOrThrow();

export const contactsOf = (db: Executor, loanId: number) =>
  db.selectFrom('loan_contact').selectAll().where('loan_id', '=', loanId).orderBy('id', 'desc').execute();

/** Each loan's latest contact. */
export const lastContacts = async (db: Executor, loanIds: readonly number[]) =>
  new Map(
    loanIds.length
      ? (
          await db
            .selectFrom('loan_contact')
            .distinctOn('loan_id')
            .selectAll()
            .where('loan_id', 'in', [...loanIds])
            .orderBy('loan_id')
            .orderBy('id', 'desc')
            .execute()
        ).map((r) => [r.loan_id, r] as const)
      : [],
  );
