-- The audit trail without its queue: events are inserted freely by the transactions they describe,
-- and a sealer links the committed ones into the hash chain shortly after, in seal rows that are
-- appended and never changed. Until 0006 every audited transaction took one advisory lock to chain
-- its event and held it until commit, so the whole system's audited writes ran one at a time.

-- The chain. position 1, 2, 3… without gaps is the chain's order (ids from a sequence do not commit
-- in id order, so the id cannot be); hash = sha256(prev_hash ‖ '\n' ‖ canonical JSON of the event),
-- the same formula the events carried themselves before, so the old chain moves over unchanged.
-- The unique event_id is what stops two sealers from sealing one event twice.
create table audit_seal (
  position int8 primary key,
  event_id int8 not null unique references audit_event (id),
  prev_hash text not null,
  hash text not null,
  sealed_at timestamptz not null default now()
);

-- Events chained before 0006 were sealed as they were written, in id order under the old lock.
insert into audit_seal (position, event_id, prev_hash, hash, sealed_at)
select row_number() over (order by id), id, prev_hash, hash, occurred_at from audit_event;

alter table audit_event drop column prev_hash;
alter table audit_event drop column hash;

-- The registered person an event concerns: their personal values in before/after are encrypted
-- under their key in audit_subject_key, which erasure destroys (crypto-shredding).
alter table audit_event add column subject_person_id int8;
create index audit_event_subject_idx on audit_event (subject_person_id) where subject_person_id is not null;

-- Committed events waiting for the sealer. recordAudit adds the row in the same statement as the
-- event; the sealer deletes it in the transaction that seals the event. An event inserted behind
-- the system's back without it is never sealed, and verification reports it once it is older than
-- the bound.
create table audit_unsealed (
  event_id int8 primary key
);

-- Signed checkpoints of the chain's head (also kept in a file outside the database and published).
create table audit_checkpoint (
  seq int8 primary key,
  position int8 not null,
  head_hash text not null,
  made_at timestamptz not null,
  key_id text not null,
  signature text not null
);

-- The key that signs checkpoints: Ed25519, its private half sealed (AES-256-GCM) under the key
-- kept outside the database, so a copy of the database cannot sign.
create table audit_signing_key (
  id text primary key,
  public_key text not null,
  secret_sealed text not null,
  created_at timestamptz not null default now()
);

-- One key per registered person that the trail holds personal values of. Deleting the row is the
-- erasure: the ciphertext stays in the chain (its hash still holds) and nobody can read it.
create table audit_subject_key (
  person_id int8 primary key,
  secret text not null,
  created_at timestamptz not null default now()
);

-- The seal and checkpoint rows are evidence: like the events, never changed or removed.
create function audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_seal_no_update before update or delete on audit_seal
  for each row execute function audit_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
  for each statement execute function audit_append_only();
create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
  for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
  for each statement execute function audit_append_only();
