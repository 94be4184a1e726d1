-- Each loan carries what its current schedule says about it today, kept by every write of the
-- schedule (disbursement, repayment, reversal, restructuring): the principal still owed and the
-- due date of the oldest instalment not fully paid. Days past due on any day is then that day
-- minus this date, and the fund dashboard, PAR by province and the collection queue read one row
-- per loan instead of every instalment (the funding benchmark: 11.7 s at 10,000 loans when each
-- request read 240,000 instalments into Node). `npm run funding:verify` checks the two agree.
alter table loan add column outstanding_principal bigint not null default 0;
alter table loan add column oldest_unpaid_due date;

update loan l
set outstanding_principal = s.outstanding, oldest_unpaid_due = s.oldest
from (
  select i.loan_id,
         sum(i.principal - i.paid_principal) as outstanding,
         min(i.due_on) filter (where i.paid_principal + i.paid_interest + i.paid_fee < i.principal + i.interest + i.fee) as oldest
  from loan l2
  join loan_instalment i on i.loan_id = l2.id and i.schedule_version = l2.schedule_version
  group by i.loan_id
) s
where l.id = s.loan_id;

-- The portfolio of a fund or of provinces: active loans, with what the reports add up.
create index loan_active_province_idx on loan (province_code) include (fund_id, group_id, outstanding_principal, oldest_unpaid_due) where status = 'active';
