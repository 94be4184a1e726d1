import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptersFrom } from '../../src/server/modules/notifications/channels';
import { createNotificationsService, SEND_JOB } from '../../src/server/modules/notifications/notifications.service';
import { backoffMs, render } from '../../src/server/modules/notifications/notifications.rules';
import { createJobRunner } from '../../src/server/platform/jobs/jobs';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { startLineStandIn, startSmsStandIn, startSmtpStandIn } from '../helpers/notify-standins';
import { personBody } from '../helpers/people';
import { sessionBody } from '../helpers/training';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';
const lineId = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

describe('notification rules', () => {
  it('doubles the backoff per failed attempt', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
  it('renders each kind in Thai, and in English where chosen', () => {
    const params = { variant: 'enrolled', courseTh: 'การขายออนไลน์', courseEn: 'Social Commerce', sessionCode: 'S-1', startsOn: '2026-11-23' };
    expect(render('application-result', params, 'th').text).toContain('การขายออนไลน์');
    expect(render('application-result', params, 'th').text).toContain('2569');
    expect(render('application-result', params, 'en').text).toContain('Social Commerce');
    expect(render('application-result', params, 'en').text).toContain('23 Nov 2026');
  });
});

describe.each(ENGINES)('notifications on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount, phuketOfficer: StaffAccount, admin: StaffAccount;
  let line: Awaited<ReturnType<typeof startLineStandIn>>;
  let sms: Awaited<ReturnType<typeof startSmsStandIn>>;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  let lineSerial = Math.floor(Math.random() * 1e6) * 100;
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.body ? r.json() : null;
  };
  const citizen = async () => {
    const personId = (await ok(officer, 'POST', '/api/people', personBody())).id as number;
    const username = `citizen${personId}`;
    const account = await ok(officer, 'POST', `/api/people/${personId}/citizen-account`, { username });
    const first = await t.signIn(username, account.oneTimePassword);
    await ok({ cookie: first }, 'POST', '/api/auth/password', { currentPassword: account.oneTimePassword, newPassword: 'a long new password 2569' });
    return { personId, cookie: await t.signIn(username, 'a long new password 2569') };
  };
  const choose = (who: { cookie: string }, body: Record<string, unknown>) =>
    ok(who, 'PUT', '/api/me/notification-preferences', {
      language: 'th',
      channels: ['in-app', 'line'],
      optedOut: [],
      lineUserId: lineId(++lineSerial),
      ...body,
    });
  const rows = (personId: number) => t.database.db.selectFrom('notification').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  const event = (personId: number, key: string) => ({
    personId,
    kind: 'application-result',
    eventKey: key,
    params: { variant: 'enrolled', courseTh: 'หลักสูตรทดสอบ', courseEn: 'Test course', sessionCode: 'T-1', startsOn: '2026-12-20' },
  });
  const enqueue = (events: ReturnType<typeof event>[]) => t.database.db.transaction().execute((trx) => t.services.notifications.enqueue(trx, events));

  beforeAll(async () => {
    [line, sms, smtp] = await Promise.all([startLineStandIn(), startSmsStandIn(), startSmtpStandIn()]);
    const base = await createTestApp(engine);
    const notify = {
      ...base.config.notify,
      lineAccessToken: line.token,
      lineApiUrl: line.url,
      smsGatewayUrl: sms.url,
      smsApiKey: sms.apiKey,
      smtpUrl: smtp.url,
      backoffMs: 1000,
      maxAttempts: 3,
    };
    await base.dispose();
    t = await createTestApp(engine, { notify });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(async () => {
    await t?.dispose();
    await Promise.all([line?.close(), sms?.close(), smtp?.close()]);
  });

  it('sends a course application result by e-mail to the SMTP stand-in and by LINE to the LINE stand-in, once, in her language', async () => {
    const her = await citizen();
    const prefs = await choose(her, { channels: ['in-app', 'line', 'email'], email: `p${her.personId}@example.test`, language: 'en' });
    expect(prefs.available).toEqual(['in-app', 'line', 'sms', 'email']);
    const session = await ok(officer, 'POST', '/api/training/sessions', sessionBody());
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    await ok(her, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    await t.services.jobs.drain();

    const pushes = line.pushes.filter((p) => p.to === prefs.lineUserId);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.text).toContain(session.code);
    expect(pushes[0]!.text).toContain('You have a seat');
    const mails = smtp.mails.filter((m) => m.to.includes(`p${her.personId}@example.test`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('You have a seat');
    expect(mails[0]!.text).toContain(session.code);
    const sent = await rows(her.personId);
    expect(sent.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['email', 'sent'],
      ['in-app', 'sent'],
      ['line', 'sent'],
    ]);
    expect(mails[0]!.messageId).toBe(`<${sent.find((r) => r.channel === 'email')!.idempotency_key}@archeep>`);
    // Her inbox has it; the next run sends nothing again.
    const inbox = await ok(her, 'GET', '/api/me/notifications');
    expect(inbox).toMatchObject({ unread: 1, items: [{ kind: 'application-result' }] });
    expect(inbox.items[0].text).toContain(session.code);
    await ok(her, 'POST', `/api/me/notifications/${inbox.items[0].id}/read`);
    expect((await ok(her, 'GET', '/api/me/notifications')).unread).toBe(0);
    await t.services.notifications.kickIfDue();
    await t.services.jobs.drain();
    expect(line.pushes.filter((p) => p.to === prefs.lineUserId)).toHaveLength(1);
  });

  it('writes messages in the event’s transaction: a rolled-back event yields none, and an event key yields one per channel', async () => {
    const her = await citizen();
    await choose(her, {});
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await t.services.notifications.enqueue(trx, [event(her.personId, `test:rolled-back:${her.personId}`)]);
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await rows(her.personId)).toEqual([]);

    await enqueue([event(her.personId, `test:once:${her.personId}`)]);
    await enqueue([event(her.personId, `test:once:${her.personId}`), event(her.personId, `test:once:${her.personId}`)]);
    await t.services.jobs.drain();
    expect((await rows(her.personId)).map((r) => r.channel).sort()).toEqual(['in-app', 'line']);
  });

  it('delivers at most once when the sender dies mid-batch, and sends the rest after a restart', async () => {
    const her = await citizen();
    const prefs = await choose(her, {});
    await t.services.jobs.stop();
    const deps = { db: t.database.db, geo: t.services.geo, registry: t.services.registry, config: t.config };
    // A second process whose sender dies right after LINE accepted its second message.
    const dying = createJobRunner(t.database.db, { pollMs: 20, staleAfterMs: 200 });
    createNotificationsService({ ...deps, jobs: dying, options: { crashAfterSends: 2, adapters: adaptersFrom(t.config.notify) } });
    await enqueue([1, 2, 3, 4, 5].map((n) => event(her.personId, `test:crash:${her.personId}:${n}`)));
    dying.start();
    await dying.drain();
    await dying.stop();
    expect(line.pushes.filter((p) => p.to === prefs.lineUserId)).toHaveLength(2);
    const job = await t.database.db
      .selectFrom('job')
      .select(['id', 'status'])
      .where('kind', '=', SEND_JOB)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('running');

    // Restarted: the job is taken up once its heartbeat is stale; the message the dead sender had
    // handed to LINE is unknown (never resent), those it had not called go out.
    const restarted = createJobRunner(t.database.db, { pollMs: 20, staleAfterMs: 200 });
    createNotificationsService({ ...deps, jobs: restarted, options: { staleSendingMs: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    restarted.start();
    for (let i = 0; i < 100 && (await restarted.get(t.database.db, job.id))?.status !== 'succeeded'; i++) await new Promise((r) => setTimeout(r, 50));
    await restarted.drain();
    await restarted.stop();
    t.services.jobs.start();

    const pushes = line.pushes.filter((p) => p.to === prefs.lineUserId);
    expect(pushes).toHaveLength(5);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(5);
    const lineRows = (await rows(her.personId)).filter((r) => r.channel === 'line');
    expect(lineRows.map((r) => r.status).sort()).toEqual(['sent', 'sent', 'sent', 'sent', 'unknown']);
    const unknown = lineRows.find((r) => r.status === 'unknown')!;

    // An officer's retry of the unknown one sends the same retry key: LINE answers that it has it.
    const retried = await ok(officer, 'POST', `/api/notifications/outbox/${unknown.id}/retry`);
    expect(retried.status).toBe('pending');
    await t.services.jobs.drain();
    const detail = await ok(officer, 'GET', `/api/notifications/outbox/${unknown.id}`);
    expect(detail.status).toBe('sent');
    expect(detail.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual(['unknown', 'sent']);
    expect(line.pushes.filter((p) => p.to === prefs.lineUserId)).toHaveLength(5);
  });

  it('retries with a doubling backoff, then fails; an officer’s retry sends it', async () => {
    const her = await citizen();
    const prefs = await choose(her, {});
    line.failNext(3, 503);
    await enqueue([event(her.personId, `test:retry:${her.personId}`)]);
    await t.services.jobs.drain();
    const due = async () => {
      await t.database.db
        .updateTable('notification')
        .set({ next_attempt_at: new Date() })
        .where('person_id', '=', her.personId)
        .where('status', '=', 'pending')
        .execute();
      await t.services.notifications.kickIfDue();
      await t.services.jobs.drain();
    };
    await due();
    await due();
    const [row] = (await rows(her.personId)).filter((r) => r.channel === 'line');
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    const detail = await ok(officer, 'GET', `/api/notifications/outbox/${row!.id}`);
    expect(detail.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual(['retry', 'retry', 'failed']);
    const delays = detail.attemptLog.slice(0, 2).map((a: { retryAt: string; startedAt: string }) => Date.parse(a.retryAt) - Date.parse(a.startedAt));
    expect(delays[0]).toBeGreaterThanOrEqual(1000);
    expect(delays[1]).toBeGreaterThanOrEqual(2000);
    expect(detail.lastError).toContain('503');
    expect(detail.address).not.toBe(prefs.lineUserId);
    // Not in Phuket's outbox, nor a citizen's to read.
    expect((await call(phuketOfficer, 'GET', `/api/notifications/outbox/${row!.id}`)).statusCode).toBe(403);
    expect((await call(her, 'GET', '/api/notifications/outbox')).statusCode).toBe(403);
    expect((await ok(phuketOfficer, 'GET', '/api/notifications/outbox?status=failed')).some((e: { id: number }) => e.id === row!.id)).toBe(false);
    expect((await ok(admin, 'GET', '/api/notifications/outbox?status=failed')).some((e: { id: number }) => e.id === row!.id)).toBe(true);

    await ok(admin, 'POST', `/api/notifications/outbox/${row!.id}/retry`);
    await t.services.jobs.drain();
    expect((await ok(admin, 'GET', `/api/notifications/outbox/${row!.id}`)).status).toBe('sent');
    expect(line.pushes.filter((p) => p.to === prefs.lineUserId)).toHaveLength(1);
    expect((await call(admin, 'POST', `/api/notifications/outbox/${row!.id}/retry`)).statusCode).toBe(409);
  });

  it('stops the next message when she opts out of its kind, even one already queued', async () => {
    const her = await citizen();
    const prefs = await choose(her, {});
    await t.services.jobs.stop();
    await enqueue([event(her.personId, `test:queued:${her.personId}`)]);
    await choose(her, { lineUserId: prefs.lineUserId, optedOut: ['application-result'] });
    t.services.jobs.start();
    await t.services.jobs.drain();
    await enqueue([event(her.personId, `test:after:${her.personId}`)]);
    await t.services.jobs.drain();
    expect(line.pushes.filter((p) => p.to === prefs.lineUserId)).toHaveLength(0);
    const mine = await rows(her.personId);
    expect(mine.map((r) => `${r.event_key.split(':')[1]}/${r.channel}/${r.status}`)).toEqual(['queued/in-app/sent', 'queued/line/skipped']);
  });

  it('shows a citizen only her own messages and preferences', async () => {
    const her = await citizen();
    const stranger = await citizen();
    await choose(her, {});
    await enqueue([event(her.personId, `test:own:${her.personId}`)]);
    const mine = await ok(her, 'GET', '/api/me/notifications');
    expect(mine.items).toHaveLength(1);
    expect((await ok(stranger, 'GET', '/api/me/notifications')).items).toEqual([]);
    expect((await call(stranger, 'POST', `/api/me/notifications/${mine.items[0].id}/read`)).statusCode).toBe(404);
    expect((await ok(stranger, 'GET', '/api/me/notification-preferences')).lineUserId).toBeNull();
    expect((await call(officer, 'GET', '/api/me/notifications')).statusCode).toBe(403);
    const bad = await call(her, 'PUT', '/api/me/notification-preferences', { language: 'th', channels: ['email'], optedOut: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.email' });
  });
});
