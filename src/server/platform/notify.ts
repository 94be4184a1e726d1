import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * An event a person is told about, named by the module that records it, inside the transaction
 * that records it: the notifications module writes its outbox rows in that same transaction, so a
 * rolled-back event leaves no message, and a committed one is sent by its job. `platform/` only
 * names the shape, so a module can tell without importing notifications.
 */
export interface NotifyEvent {
  personId: number;
  /** The template's kind: `application-result`, `certificate-issued`, `loan-due`, … */
  kind: string;
  /** Names the event once: the same key (per channel) is never written, so never sent, twice. */
  eventKey: string;
  /** The template's values; `<name>Th`/`<name>En` pairs fill `{name}` in each language. */
  params: Record<string, string | number | null>;
  /** The province whose offices see the message in their outbox (the event's, else the person's). */
  provinceCode?: string | null;
}

/** Where events are told: the notifications module in the app, nothing in a module built alone. */
export type NotifySink = (trx: Transaction<DB>, events: readonly NotifyEvent[]) => Promise<void>;

/** The sink of a module built without notifications (a unit test of a service). */
export const IGNORE_NOTIFY: NotifySink = async () => {};
