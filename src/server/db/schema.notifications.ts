import type { ColumnType, Generated } from 'kysely';

/** The notifications module's tables (migration 0025), merged into `DB` by declaration merging. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type NotificationChannel = 'in-app' | 'line' | 'sms' | 'email';
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

export interface NotificationPreferenceTable {
  person_id: number;
  language: Generated<'th' | 'en'>;
  channels: Generated<NotificationChannel[]>;
  opted_out: Generated<string[]>;
  line_user_id: string | null;
  phone: string | null;
  email: string | null;
  updated_at: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<number>;
  person_id: number;
  province_code: string | null;
  kind: string;
  event_key: string;
  channel: NotificationChannel;
  address: string | null;
  params: Json;
  language: Generated<'th' | 'en'>;
  status: Generated<NotificationStatus>;
  idempotency_key: string;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claim: string | null;
  claimed_at: Timestamp | null;
  called_at: Timestamp | null;
  sent_at: Timestamp | null;
  read_at: Timestamp | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface NotificationAttemptTable {
  id: Generated<number>;
  notification_id: number;
  attempt: number;
  claim: string;
  started_at: Generated<Date>;
  finished_at: Timestamp | null;
  outcome: Generated<'started' | 'sent' | 'retry' | 'failed' | 'unknown' | 'skipped' | 'released'>;
  error: string | null;
  provider_id: string | null;
  retry_at: Timestamp | null;
}

declare module './schema' {
  interface DB {
    notification_preference: NotificationPreferenceTable;
    notification: NotificationTable;
    notification_attempt: NotificationAttemptTable;
  }
}
