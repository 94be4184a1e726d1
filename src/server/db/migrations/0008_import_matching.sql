-- Imports that meet an office's file halfway (issue 14 §1): values and columns an officer mapped
-- by hand are remembered for the unit's next file; problems in optional cells are warnings; a
-- file may declare the lawful basis of its sensitive data once (PDPA s.26).

-- What an officer mapped a value of a coded column to, remembered for the unit's next file.
-- owner_key: the unit's code, or 'user:<id>' for someone who imports without a unit.
create table import_value_memory (
  owner_key text not null,
  field text not null,
  -- the value's matching key (shared/reference-match.ts: no spaces, dots or common prefixes)
  value_key text not null,
  value_text text not null,
  -- null: "leave empty"
  code text,
  set_by uuid not null references app_user (id),
  set_at timestamptz not null default now(),
  primary key (owner_key, field, value_key)
);

-- The column mapping an officer chose for a header, remembered per unit and header set.
create table import_column_memory (
  owner_key text not null,
  kind text not null,
  -- SHA-256 of the file's header cells, each as matched (rows.ts headerKey)
  header_key text not null,
  mapping jsonb not null,
  set_by uuid not null references app_user (id),
  set_at timestamptz not null default now(),
  primary key (owner_key, kind, header_key)
);

alter table import_file
  -- The distinct values of coded columns that matched no reference value, with their counts.
  add column unmatched_values jsonb not null default '[]',
  -- The lawful basis declared for the file's sensitive data, its evidence, who declared it and when.
  add column lawful_basis text check (lawful_basis in ('explicit-consent', 'legal-obligation')),
  add column lawful_basis_evidence text,
  add column lawful_basis_by uuid references app_user (id),
  add column lawful_basis_at timestamptz,
  add column mapping_source text not null default 'automatic' check (mapping_source in ('automatic', 'remembered', 'officer'));

-- A warning imports its row with the cell left empty; an error rejects the row.
alter table import_row_error add column severity text not null default 'error' check (severity in ('error', 'warning'));
create index import_row_error_code_idx on import_row_error (import_id, phase, severity, code);

-- Sensitive data kept under a legal duty (e.g. the disability register) rather than consent.
alter table consent drop constraint consent_lawful_basis_check;
alter table consent add constraint consent_lawful_basis_check check (lawful_basis in ('consent', 'explicit-consent', 'legal-obligation'));
