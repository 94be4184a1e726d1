-- Issue 15 (§1, §6): what sign-in failures and erasure need to be kept in the database.

-- Sign-in failures by address and name (§6). The name is kept as its SHA-256, so a mistyped
-- password or a national ID typed into the name field is not stored; known and unknown names get
-- rows alike, so the answers cannot tell them apart. Two app instances share the counts.
create table sign_in_failure (
  ip text not null,
  name_hash text not null,
  failures integer not null default 0,
  last_failed_at timestamptz not null default now(),
  -- This address may not try this name again before then (429 with Retry-After).
  blocked_until timestamptz,
  primary key (ip, name_hash)
);
create index sign_in_failure_name_idx on sign_in_failure (name_hash, last_failed_at);
create index sign_in_failure_age_idx on sign_in_failure (last_failed_at);

-- The documents each stored import file holds (§1), as SHA-256 of the normalised number: an
-- erasure finds the files that hold the person and purges them without reading every file.
create table import_subject (
  import_id uuid not null references import_file (id) on delete cascade,
  doc_hash text not null,
  primary key (import_id, doc_hash)
);
create index import_subject_doc_idx on import_subject (doc_hash);

-- When the file's bytes were purged (retention, or an erasure of someone in it).
alter table import_file add column purged_at timestamptz;
