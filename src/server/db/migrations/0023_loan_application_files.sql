-- Issue 18 §2: documents uploaded with a loan application (a quotation, the committee's minutes,
-- a bank book), kept in the database like enterprise's visit photos. The type is what the file's
-- first bytes say (PDF, JPEG, PNG), never what the upload claimed.
create table loan_application_file (
  id bigserial primary key,
  application_id bigint not null references loan_application (id),
  name text not null check (length(name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  data bytea not null,
  uploaded_by uuid not null,
  created_at timestamptz not null default now()
);
create index loan_application_file_application_idx on loan_application_file (application_id, id);
