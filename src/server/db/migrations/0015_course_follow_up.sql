-- Follow-ups after a course for people not placed (issue 16 §7): at 3, 6 and 12 months after a
-- completed session, in the same queue as the placement follow-ups. A course follow-up names its
-- person and session; a placement follow-up its placement (and its person through it). 0014 is
-- the funding module's.
alter table follow_up alter column placement_id drop not null;
alter table follow_up add column person_id bigint references person (id);
alter table follow_up add column session_id bigint references training_session (id);
-- The registry's monthly income when the course ended, for the change at follow-up.
alter table follow_up add column income_before_satang bigint check (income_before_satang >= 0);
-- An open course follow-up is closed, not deleted, when the person is placed (the placement's
-- follow-ups take over) or the completion is withdrawn by a re-evaluation.
alter table follow_up add column closed_at timestamptz;
alter table follow_up add column closed_reason text check (closed_reason in ('placed', 'not-completed'));
alter table follow_up add constraint follow_up_subject check (
  (placement_id is not null and person_id is null and session_id is null)
  or (placement_id is null and person_id is not null and session_id is not null));
alter table follow_up add constraint follow_up_closed check ((closed_at is null) = (closed_reason is null));
-- Once per person, session and interval.
create unique index follow_up_course_once on follow_up (person_id, session_id, months) where session_id is not null;
drop index follow_up_queue_idx;
create index follow_up_queue_idx on follow_up (province_code, due_on) where done_at is null and closed_at is null;
