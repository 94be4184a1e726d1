import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { NotificationRow } from './notifications.repository';
import { render, type Params } from './notifications.rules';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An address as an officer needs it: enough to tell which, not enough to use. */
export function maskAddress(channel: string, address: string | null): string | null {
  if (!address) return null;
  if (channel === 'email') {
    const [user, domain] = address.split('@');
    return `${(user ?? '').slice(0, 1)}***@${domain ?? ''}`;
  }
  if (channel === 'sms') return `${address.slice(0, 3)}*****${address.slice(-3)}`;
  return `${address.slice(0, 1)}…${address.slice(-4)}`;
}

export const presentInboxItem = (r: NotificationRow) => {
  const { subject, text } = render(r.kind, (r.params ?? {}) as Params, r.language);
  return { id: r.id, kind: r.kind, subject, text, createdAt: iso(r.created_at)!, readAt: iso(r.read_at) };
};

export const presentOutboxEntry = (r: NotificationRow) => ({
  id: r.id,
  personId: r.person_id,
  provinceCode: r.province_code,
  kind: r.kind,
  channel: r.channel,
  address: maskAddress(r.channel, r.address),
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  sentAt: iso(r.sent_at),
  lastError: r.last_error,
  createdAt: iso(r.created_at)!,
});

export const presentAttempt = (a: Selectable<DB['notification_attempt']>) => ({
  attempt: a.attempt,
  outcome: a.outcome,
  startedAt: iso(a.started_at)!,
  finishedAt: iso(a.finished_at),
  error: a.error,
  retryAt: iso(a.retry_at),
});
