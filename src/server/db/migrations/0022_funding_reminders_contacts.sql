-- Issue 18 §7, the collection queue's reminders and contacts.
--
-- loan_reminder is the fund's outbox of reminder messages: a job writes one row per instalment and
-- kind (due soon, overdue), in Thai and English, and the unique key makes a second run (or a run
-- resumed after a crash) write nothing twice. A sender (SMS, LINE) delivering the pending rows is
-- not built yet; the queue shows when each loan was last reminded.
create table loan_reminder (
  id bigserial primary key,
  loan_id bigint not null references loan (id),
  schedule_version smallint not null,
  instalment_number smallint not null,
  kind text not null check (kind in ('due-soon', 'overdue')),
  due_on date not null,
  amount_due bigint not null check (amount_due > 0),
  message_th text not null,
  message_en text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (loan_id, schedule_version, instalment_number, kind)
);
create index loan_reminder_loan_idx on loan_reminder (loan_id, created_at desc);
create index loan_reminder_pending_idx on loan_reminder (id) where status = 'pending';

-- A collection contact recorded by the fund's office: a call or a visit, what came of it, and the
-- date (and amount) the group promised to pay.
create table loan_contact (
  id bigserial primary key,
  loan_id bigint not null references loan (id),
  method text not null check (method in ('call', 'visit', 'message')),
  outcome text not null check (outcome in ('reached', 'no-answer', 'promised', 'refused', 'paid')),
  contacted_on date not null,
  promised_on date,
  promised_amount bigint check (promised_amount > 0),
  note text,
  actor_user_id uuid not null,
  created_at timestamptz not null default now(),
  check ((outcome = 'promised') = (promised_on is not null))
);
create index loan_contact_loan_idx on loan_contact (loan_id, id desc);
