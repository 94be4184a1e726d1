import type { ColumnType, Generated } from 'kysely';

/** Citizen sign-in's tables (migration 0024, issue 21 §1–2), merged into `DB` by declaration merging. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ExternalIdentityTable {
  provider: 'thaid' | 'line';
  subject: string;
  user_id: string;
  national_id: string | null;
  given_name: string | null;
  family_name: string | null;
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  linked_at: Generated<Date>;
  last_used_at: Generated<Date>;
}

export interface OidcTransactionTable {
  state: string;
  provider: 'thaid' | 'line';
  binding_hash: string;
  nonce: string;
  code_verifier: string;
  user_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface UserTotpTable {
  user_id: string;
  secret_sealed: string;
  confirmed_at: Date | null;
  last_step: Generated<number>;
  failures: Generated<number>;
  last_failed_at: Date | null;
  created_at: Generated<Date>;
}

declare module './schema' {
  interface DB {
    external_identity: ExternalIdentityTable;
    oidc_transaction: OidcTransactionTable;
    user_totp: UserTotpTable;
  }
}
