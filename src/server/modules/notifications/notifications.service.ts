import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { NotificationChannel, NotificationStatus } from '../../db/schema.notifications';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { JobStopped, SimulatedCrash, type JobRunner } from '../../platform/jobs/jobs';
import type { NotifyEvent } from '../../platform/notify';
import { problems } from '../../platform/problem';
import type { GeoService } from '../geo/geo.service';
import type { CitizenSignInService } from '../identity/sign-in/citizen-sign-in.service';
import type { RegistryService } from '../registry/registry.service';
import { adaptersFrom, ChannelError, type ChannelAdapter } from './channels';
import { KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from './data/templates';
import { notificationsPolicy } from './notifications.policy';
import { presentAttempt, presentInboxItem, presentOutboxEntry } from './notifications.present';
import * as repository from './notifications.repository';
import { backoffMs, e164, isKind, render, type Params } from './notifications.rules';

export const SEND_JOB = 'notifications.send';

export interface NotificationsOptions {
  /** The channel adapters; those of the configured channels otherwise. */
  adapters?: Partial<Record<ChannelAdapter['channel'], ChannelAdapter>>;
  /** Messages claimed per step (10: at 15 s a call, a step ends well inside `staleSendingMs`). */
  batchSize?: number;
  /** A message `sending` untouched this long belongs to a dead sender (5 minutes). */
  staleSendingMs?: number;
  /** Tests: act out a sender that dies right after the channel accepted its n-th message. */
  crashAfterSends?: number;
}

/**
 * The channels a person gets without preferences: in-app, SMS to the registry's phone, and LINE
 * when she linked LINE Login to her account (she chose LINE by linking it).
 */
const defaultChannels = (lineLinked: boolean): NotificationChannel[] => (lineLinked ? ['in-app', 'sms', 'line'] : ['in-app', 'sms']);

/**
 * Notifications: the outbox written inside the events' transactions (`enqueue`), the sender job,
 * the citizen's inbox and preferences, and the offices' view of the outbox.
 */
export function createNotificationsService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  registry: RegistryService;
  /** Identity's LINE links: the LINE user id of a person who gave none in her preferences. */
  signIn?: Pick<CitizenSignInService, 'lineUserIdsOf'>;
  jobs: JobRunner;
  config: Pick<Config, 'notify'>;
  options?: NotificationsOptions;
}) {
  const { db, registry, jobs } = deps;
  const options = deps.options ?? {};
  const adapters = options.adapters ?? adaptersFrom(deps.config.notify);
  const available: NotificationChannel[] = ['in-app', ...(['line', 'sms', 'email'] as const).filter((c) => adapters[c])];
  const batchSize = options.batchSize ?? 10;
  const staleSendingMs = options.staleSendingMs ?? 300_000;
  const { backoffMs: baseBackoffMs, maxAttempts } = deps.config.notify;
  /** Linked LINE ids, read with the caller's executor (inside an event's transaction, its own). */
  const linkedLineIds = (executor: Kysely<DB> | Transaction<DB>, personIds: readonly number[]) =>
    deps.signIn ? deps.signIn.lineUserIdsOf(executor, personIds) : Promise.resolve(new Map<number, string>());

  /** Queues a send job unless one is already waiting (in the caller's transaction when given). */
  async function kick(executor: Kysely<DB> | Transaction<DB> = db) {
    if ((await jobs.queued(executor, SEND_JOB)) === 0) await jobs.enqueue(executor, { kind: SEND_JOB });
  }

  /**
   * Sends what is due, a step of `batchSize` at a time: each step's messages are claimed
   * (`sending`, committed) before any channel is called, and each is marked with what came of
   * its call. A message found `sending` from a dead sender becomes `unknown` first, never resent.
   */
  jobs.register(SEND_JOB, async ({ signal, progress }) => {
    const unknown = await db.transaction().execute((trx) => repository.markStaleSending(trx, staleSendingMs));
    const counts = { sent: 0, retry: 0, failed: 0, skipped: 0, unknown };
    let sends = 0;
    for (;;) {
      if (signal.aborted) throw new JobStopped();
      const claim = randomUUID();
      const batch = await db.transaction().execute((trx) => repository.claimDue(trx, claim, batchSize));
      if (!batch.length) break;
      const preferences = new Map((await repository.preferencesOf(db, [...new Set(batch.map((r) => r.person_id))])).map((p) => [p.person_id, p]));
      for (const row of batch) {
        const held = { id: row.id, claim, attempt: row.attempts };
        const finish = (status: NotificationStatus, fields: { error?: string; providerId?: string | null; retryAt?: Date } = {}) =>
          repository.finishAttempt(db, held, { status, ...fields });
        const preference = preferences.get(row.person_id);
        // Opting out (of the kind, or of the channel) stops the next message, even one already queued.
        if (preference && (preference.opted_out.includes(row.kind) || !preference.channels.includes(row.channel))) {
          await finish('skipped', { error: 'The person opted out before it was sent.' });
          counts.skipped++;
          continue;
        }
        const adapter = row.channel === 'in-app' ? undefined : adapters[row.channel];
        if (!adapter || !row.address) {
          await finish('failed', { error: `The ${row.channel} channel is off or has no address.` });
          counts.failed++;
          continue;
        }
        const { subject, text } = render(row.kind, (row.params ?? {}) as Params, preference?.language ?? row.language);
        // Past this mark a dead sender's message is `unknown` rather than pending again.
        if (!(await repository.markCalling(db, row.id, claim))) continue;
        let providerId: string | null;
        try {
          ({ providerId } = await adapter.send({ id: row.id, idempotencyKey: row.idempotency_key, to: row.address, subject, text }));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof ChannelError && !error.permanent && row.attempts < maxAttempts) {
            await finish('pending', { error: message, retryAt: new Date(Date.now() + backoffMs(row.attempts, baseBackoffMs)) });
            counts.retry++;
          } else {
            await finish('failed', { error: message });
            counts.failed++;
          }
          continue;
        }
        sends++;
        if (options.crashAfterSends !== undefined && sends >= options.crashAfterSends) throw new SimulatedCrash();
        await finish('sent', { providerId });
        counts.sent++;
      }
      await progress(counts.sent);
    }
    return counts;
  });

  const requireOwnPerson = (ctx: ActorContext) => {
    const personId = notificationsPolicy.ownPerson(ctx.actor);
    if (personId === null) throw problems.forbidden({ en: 'Only a citizen account has notifications of its own.', th: 'เฉพาะบัญชีประชาชนที่มีการแจ้งเตือนของตนเอง' });
    return personId;
  };

  async function preferencesView(personId: number) {
    const [pref] = await repository.preferencesOf(db, [personId]);
    const person = (await registry.facts([personId])).get(personId);
    const lineLinked = (await linkedLineIds(db, [personId])).has(personId);
    return {
      language: pref?.language ?? 'th',
      // Without preferences: what she gets today (a channel switched off is not offered as chosen).
      channels: pref?.channels ?? defaultChannels(lineLinked).filter((c) => available.includes(c)),
      optedOut: (pref?.opted_out ?? []).filter(isKind),
      lineUserId: pref?.line_user_id ?? null,
      lineLinked,
      phone: pref?.phone ?? person?.phone ?? null,
      email: pref?.email ?? null,
      available,
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, labelTh: KIND_LABELS[kind].th, labelEn: KIND_LABELS[kind].en })),
    };
  }

  async function outboxEntry(ctx: ActorContext, id: number, scope = notificationsPolicy.outboxScope(ctx.actor)) {
    const row = await repository.findNotification(db, id);
    if (!row || row.channel === 'in-app') throw problems.notFound({ en: `No outgoing message has id ${id}.`, th: `ไม่พบข้อความรหัส ${id}` });
    if (!scopeIncludes(scope, row.province_code))
      throw await deps.geo.outOfScope({ en: 'see this message', th: 'ดูข้อความนี้' }, row.province_code ? [row.province_code] : [], scope);
    return row;
  }

  const service = {
    /**
     * Writes the messages of events in the caller's transaction: one row per event and channel the
     * person gets (their preferences, or in-app and SMS to the registry's phone), none for a kind
     * they opted out of or a channel without an address. The same event key writes nothing twice.
     */
    async enqueue(trx: Transaction<DB>, events: readonly NotifyEvent[]) {
      if (!events.length) return;
      const personIds = [...new Set(events.map((e) => e.personId))];
      // All read on the event's transaction: PGlite has one connection, and another would wait for this one.
      const [people, prefs, linked] = await Promise.all([
        registry.facts(personIds, trx),
        repository.preferencesOf(trx, personIds),
        linkedLineIds(trx, personIds),
      ]);
      const preferences = new Map(prefs.map((p) => [p.person_id, p]));
      const rows = [];
      for (const event of events) {
        const person = people.get(event.personId);
        if (!person || person.status !== 'active' || !isKind(event.kind)) continue;
        const pref = preferences.get(event.personId);
        if (pref?.opted_out.includes(event.kind)) continue;
        const addresses: Record<NotificationChannel, string | null> = {
          'in-app': '',
          // An id she typed wins; else the one her LINE Login link gave.
          line: pref?.line_user_id ?? linked.get(event.personId) ?? null,
          sms: e164(pref?.phone ?? person.phone),
          email: pref?.email ?? null,
        };
        for (const channel of pref?.channels ?? defaultChannels(linked.has(event.personId))) {
          if (!available.includes(channel) || addresses[channel] === null) continue;
          const inApp = channel === 'in-app';
          rows.push({
            person_id: event.personId,
            province_code: event.provinceCode ?? person.provinceCode,
            kind: event.kind,
            event_key: event.eventKey,
            channel,
            address: inApp ? null : addresses[channel],
            params: JSON.stringify(event.params),
            language: pref?.language ?? 'th',
            idempotency_key: randomUUID(),
            // The in-app row is the message: delivered as it is written.
            ...(inApp ? { status: 'sent' as const, sent_at: new Date() } : {}),
          });
        }
      }
      const written = await repository.insertNotifications(trx, rows);
      if (written.some((w) => w.channel !== 'in-app')) await kick(trx);
    },

    /** Queues a send job when messages are due (the app's timer, after backoff delays). */
    async kickIfDue() {
      if ((await repository.countDue(db)) > 0) await kick();
    },

    // ---------------------------------------------------------------- the citizen's own

    async inbox(ctx: ActorContext, page: { limit: number; offset: number }) {
      const personId = requireOwnPerson(ctx);
      const [rows, unread] = await Promise.all([repository.inboxOf(db, personId, page), repository.unreadCount(db, personId)]);
      return { items: rows.map(presentInboxItem), unread };
    },

    async markRead(ctx: ActorContext, id: number) {
      const personId = requireOwnPerson(ctx);
      const row = await repository.findNotification(db, id);
      // Someone else's message is answered as no message at all.
      if (!row || row.person_id !== personId || row.channel !== 'in-app')
        throw problems.notFound({ en: `You have no message with id ${id}.`, th: `ไม่พบข้อความรหัส ${id} ของคุณ` });
      await db.transaction().execute(async (trx) => {
        const done = await repository.markRead(trx, personId, id);
        if (Number(done.numUpdatedRows) === 1)
          await recordAudit(trx, ctx, { action: 'notification.read', entityType: 'notification', entityId: String(id), subjectPersonId: personId });
      });
      return presentInboxItem((await repository.findNotification(db, id))!);
    },

    async preferences(ctx: ActorContext) {
      return preferencesView(requireOwnPerson(ctx));
    },

    async setPreferences(
      ctx: ActorContext,
      input: {
        language: 'th' | 'en';
        channels: NotificationChannel[];
        optedOut: NotificationKind[];
        lineUserId: string | null;
        phone: string | null;
        email: string | null;
      },
    ) {
      const personId = requireOwnPerson(ctx);
      const channels = [...new Set(input.channels)];
      const errors = [];
      if (channels.includes('line') && !input.lineUserId && !(await linkedLineIds(db, [personId])).has(personId))
        errors.push({ field: 'body.lineUserId', code: 'required', message: 'LINE needs your LINE user id.', messageTh: 'กรุณาระบุ LINE user id เพื่อรับทาง LINE' });
      if (channels.includes('sms') && !input.phone)
        errors.push({ field: 'body.phone', code: 'required', message: 'SMS needs a phone number.', messageTh: 'กรุณาระบุเบอร์โทรศัพท์เพื่อรับ SMS' });
      if (channels.includes('email') && !input.email)
        errors.push({ field: 'body.email', code: 'required', message: 'E-mail needs an address.', messageTh: 'กรุณาระบุอีเมลเพื่อรับทางอีเมล' });
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        const [before] = await repository.preferencesOf(trx, [personId]);
        await repository.upsertPreference(trx, {
          person_id: personId,
          language: input.language,
          channels,
          opted_out: [...new Set(input.optedOut)],
          line_user_id: input.lineUserId,
          phone: input.phone,
          email: input.email,
        });
        await recordAudit(trx, ctx, {
          action: 'notification.preferences',
          entityType: 'person',
          entityId: String(personId),
          subjectPersonId: personId,
          before: before ? { language: before.language, channels: before.channels, optedOut: before.opted_out, contact: before } : null,
          after: { language: input.language, channels, optedOut: input.optedOut, contact: { line: input.lineUserId, phone: input.phone, email: input.email } },
          personal: ['contact'],
        });
      });
      return preferencesView(personId);
    },

    // ---------------------------------------------------------------- the offices' outbox

    async outbox(ctx: ActorContext, query: { status?: NotificationStatus; channel?: 'line' | 'sms' | 'email'; kind?: string; limit: number; offset: number }) {
      const scope = notificationsPolicy.outboxScope(ctx.actor);
      if (scope.kind === 'none') throw await deps.geo.outOfScope({ en: 'read the notification outbox', th: 'ดูรายการข้อความแจ้งเตือน' }, [], scope);
      return (await repository.outbox(db, { provinces: provincesOf(scope), ...query })).map(presentOutboxEntry);
    },

    async outboxDetail(ctx: ActorContext, id: number) {
      const row = await outboxEntry(ctx, id);
      return { ...presentOutboxEntry(row), attemptLog: (await repository.attemptsOf(db, id)).map(presentAttempt) };
    },

    /** One more attempt of a failed (or unknown) message, with the same idempotency key. */
    async retry(ctx: ActorContext, id: number) {
      const scope = notificationsPolicy.retryScope(ctx.actor);
      if (scope.kind === 'none')
        throw problems.forbidden({ en: 'Only officers and administrators retry messages.', th: 'เฉพาะเจ้าหน้าที่และผู้ดูแลระบบที่ส่งข้อความซ้ำได้' });
      const row = await outboxEntry(ctx, id, scope);
      if (row.channel === 'in-app' || !adapters[row.channel])
        throw problems.conflict({ en: `The ${row.channel} channel is switched off; nothing would send it.`, th: `ช่องทาง ${row.channel} ปิดอยู่ ส่งอีกครั้งไม่ได้` });
      if (row.status !== 'failed' && row.status !== 'unknown')
        throw problems.conflict({ en: `The message is ${row.status}; only a failed or unknown one is retried.`, th: 'ส่งซ้ำได้เฉพาะข้อความที่ส่งไม่สำเร็จหรือไม่ทราบผล' });
      await db.transaction().execute(async (trx) => {
        const done = await repository.requeue(trx, id);
        if (Number(done.numUpdatedRows) !== 1) throw problems.conflict({ en: 'The message changed meanwhile.', th: 'ข้อความถูกเปลี่ยนสถานะระหว่างนี้' });
        await recordAudit(trx, ctx, {
          action: 'notification.retry',
          entityType: 'notification',
          entityId: String(id),
          provinceCode: row.province_code,
          before: { status: row.status, attempts: row.attempts },
          after: { status: 'pending' },
          subjectPersonId: row.person_id,
        });
        await kick(trx);
      });
      return service.outboxDetail(ctx, id);
    },

    /** Closes the adapters' connections (SMTP). */
    close() {
      for (const adapter of Object.values(adapters)) adapter?.close?.();
    },
  };
  return service;
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
