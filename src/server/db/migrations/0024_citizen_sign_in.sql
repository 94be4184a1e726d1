-- Issue 21 §1–2: citizens sign in with ThaiD (OpenID Connect), link LINE, register themselves;
-- staff may be required to use a second factor (TOTP).

-- An account signed in through an OpenID provider: one row per provider and subject. The unique
-- (provider, subject) pair makes two sign-ins at once for the same new ID end with one account:
-- the second insert conflicts and reads the first one's row. For ThaiD the national ID (`pid`)
-- and the name from the verified token are kept, so self-registration fixes them on the form.
create table external_identity (
  provider text not null check (provider in ('thaid', 'line')),
  subject text not null,
  user_id uuid not null references app_user (id) on delete cascade,
  national_id text check (national_id ~ '^\d{13}$'),
  given_name text,
  family_name text,
  birth_date date,
  linked_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  primary key (provider, subject),
  unique (user_id, provider)
);
-- One ThaiD account per national ID.
create unique index external_identity_national_id_idx on external_identity (national_id) where provider = 'thaid';

-- An authorisation request under way: its state, nonce and PKCE verifier stay on the server. The
-- browser that started it holds a cookie whose hash is `binding`; the callback consumes the row
-- (deleted on use), so a replayed callback finds nothing.
create table oidc_transaction (
  state text primary key,
  provider text not null check (provider in ('thaid', 'line')),
  binding_hash text not null,
  nonce text not null,
  code_verifier text not null,
  -- LINE is linked to an account already signed in.
  user_id uuid references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index oidc_transaction_expiry_idx on oidc_transaction (expires_at);

-- A staff member's TOTP secret, sealed (AES-256-GCM under the key-encryption key). Confirmed by a
-- first code; `last_step` is the time step of the last code accepted, so a code is used once.
create table user_totp (
  user_id uuid primary key references app_user (id) on delete cascade,
  secret_sealed text not null,
  confirmed_at timestamptz,
  last_step bigint not null default 0,
  failures integer not null default 0,
  last_failed_at timestamptz,
  created_at timestamptz not null default now()
);
