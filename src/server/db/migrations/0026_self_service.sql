-- Issue 21 §4 and §6: a citizen's own requests under PDPA (correction, erasure) and grievances.
--
-- pdpa_request is the officers' queue of what a citizen asked about her record: a correction
-- (field, value held, value asked for) or an erasure. Each has the legal due date (PDPA: 30 days
-- from receipt) stored, so the queue shows what is overdue; the outcome the officer gives is what
-- the citizen reads. legal_hold_* is the registry's reason the record must be kept, told at
-- filing (an erasure while a loan is owed), so the citizen sees it at once.
create table pdpa_request (
  id bigserial primary key,
  person_id bigint not null references person (id),
  kind text not null check (kind in ('correction', 'erasure')),
  province_code text not null,
  field text,
  current_value text,
  requested_value text,
  reason text not null,
  legal_hold_th text,
  legal_hold_en text,
  status text not null default 'open' check (status in ('open', 'applied', 'refused')),
  outcome text,
  due_on date not null,
  filed_by uuid,
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid,
  check ((kind = 'correction') = (field is not null))
);
create index pdpa_request_person_idx on pdpa_request (person_id, id desc);
create index pdpa_request_open_idx on pdpa_request (province_code, due_on) where status = 'open';

-- A complaint or appeal by a citizen (person_id) or by an occupation group through its leader
-- (group_id, with the leader as person_id), routed to the office responsible for the province
-- (unit_code, the office of the place's area), answered within the service level (due_on: 15
-- working days). Escalation is computed: an open grievance past due_on is escalated, shown to
-- headquarters and executives.
create table grievance (
  id bigserial primary key,
  person_id bigint not null references person (id),
  group_id bigint references occupation_group (id),
  kind text not null check (kind in ('complaint', 'appeal')),
  about text not null check (about in ('refusal', 'decision', 'data-error', 'service', 'other')),
  subject text not null,
  body text not null,
  reference text,
  province_code text not null,
  unit_code text,
  status text not null default 'open' check (status in ('open', 'answered')),
  answer text,
  due_on date not null,
  filed_by uuid,
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  answered_by uuid
);
create index grievance_person_idx on grievance (person_id, id desc);
create index grievance_open_idx on grievance (province_code, due_on) where status = 'open';
