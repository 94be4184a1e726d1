-- Issue 21 §5, notifications: an outbox written in the transaction of the event that causes it,
-- sent by a job with retries and backoff, every attempt logged, at most once per event and channel.

-- A citizen's choices: the channels they want, the kinds they opted out of, their language, and
-- each channel's address (a LINE user id, a phone number, an e-mail address). Without a row the
-- defaults apply: in-app, and SMS to the registry's phone where there is one.
create table notification_preference (
  person_id bigint primary key references person (id),
  language text not null default 'th' check (language in ('th', 'en')),
  channels text[] not null default '{in-app}',
  opted_out text[] not null default '{}',
  line_user_id text,
  phone text,
  email text,
  updated_at timestamptz not null default now()
);

-- The outbox: one row per event and channel. `event_key` names the event (e.g.
-- `training.result:enrolment:42:enrolled`); the unique key makes a second enqueue of the same
-- event write nothing. `status`:
--   pending  waiting for its next attempt (`next_attempt_at`)
--   sending  claimed by a sender (`claim`, `claimed_at`) who is calling the channel now
--   sent     the channel accepted it (in-app rows are sent when written: the row is the message)
--   failed   every attempt failed, or the address is gone; an officer may retry it
--   unknown  a sender died after calling the channel (`called_at` set; one that died before the
--            call puts the message back to pending): it may or may not have gone out, so it is
--            never sent again on its own; an officer decides (a retry reuses the idempotency key)
--   skipped  the person opted out of the kind (or the channel) before it was sent
create table notification (
  id bigserial primary key,
  person_id bigint not null references person (id),
  province_code text,
  kind text not null,
  event_key text not null,
  channel text not null check (channel in ('in-app', 'line', 'sms', 'email')),
  address text,
  params jsonb not null default '{}',
  language text not null default 'th' check (language in ('th', 'en')),
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'unknown', 'skipped')),
  idempotency_key uuid not null,
  attempts smallint not null default 0,
  next_attempt_at timestamptz not null default now(),
  claim text,
  claimed_at timestamptz,
  -- Set just before the channel is called: a dead sender's message without it was never sent.
  called_at timestamptz,
  sent_at timestamptz,
  read_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  unique (event_key, channel),
  unique (idempotency_key)
);
create index notification_due_idx on notification (next_attempt_at, id) where status = 'pending';
create index notification_sending_idx on notification (claimed_at) where status = 'sending';
create index notification_person_idx on notification (person_id, channel, id desc);
create index notification_outbox_idx on notification (province_code, id desc);

-- Every attempt at sending a message: when, by which claim, what came of it, and when the next
-- attempt is due after a failure.
create table notification_attempt (
  id bigserial primary key,
  notification_id bigint not null references notification (id) on delete cascade,
  attempt smallint not null,
  claim text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  outcome text not null default 'started' check (outcome in ('started', 'sent', 'retry', 'failed', 'unknown', 'skipped', 'released')),
  error text,
  provider_id text,
  retry_at timestamptz,
  unique (notification_id, attempt)
);
