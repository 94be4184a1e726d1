import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { startLineStandIn, startSmtpStandIn } from '../helpers/notify-standins';
import { personBody } from '../helpers/people';
import { dayFromToday, sessionBody } from '../helpers/training';

const KK_OFFICE = 'DSD-PSDO-40';
/** An instant on today's date in Bangkok at `hour`:00 (Bangkok is UTC+7 all year). */
const todayAt = (hour: number) => new Date(`${dayFromToday(0)}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/**
 * Issue 21 §5, the messages the scans and the other modules write: LINE to the id her LINE Login
 * link gave, the session reminder the day before and the follow-up falling due, each at most once
 * per event and channel however often the scan runs. (The listing approval's message is asserted
 * in marketplace.test.ts, where a listing is approved.)
 */
describe.each(ENGINES)('notification events on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let line: Awaited<ReturnType<typeof startLineStandIn>>;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  const serial = Math.floor(Math.random() * 1e6);
  const lineId = (n: number) => `U${(serial * 1000 + n).toString(16).padStart(32, '0')}`;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie } });
  const ok = async (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(cookie, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.body ? r.json() : null;
  };
  /** A citizen with her own account (an officer opened it), signed in. */
  const citizen = async () => {
    const personId = (await ok(officer.cookie, 'POST', '/api/people', personBody())).id as number;
    const username = `citizen${personId}`;
    const account = await ok(officer.cookie, 'POST', `/api/people/${personId}/citizen-account`, { username });
    const first = await t.signIn(username, account.oneTimePassword);
    await ok(first, 'POST', '/api/auth/password', { currentPassword: account.oneTimePassword, newPassword: 'a long new password 2569' });
    return { personId, cookie: await t.signIn(username, 'a long new password 2569') };
  };
  /** Her account linked to LINE as a LINE Login would link it (a factory: the OIDC flow is citizen-sign-in.test.ts's). */
  const linkLine = async (personId: number, id: string) =>
    sql`insert into external_identity (provider, subject, user_id) select 'line', ${id}, id from app_user where person_id = ${personId}`.execute(t.database.db);
  const messages = (personId: number, kind: string) =>
    t.database.db
      .selectFrom('notification')
      .select(['channel', 'address', 'event_key', 'status'])
      .where('person_id', '=', personId)
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();
  const openSession = async (overrides: Record<string, unknown> = {}) => {
    const session = await ok(officer.cookie, 'POST', '/api/training/sessions', sessionBody(overrides));
    await ok(officer.cookie, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    return session as { id: number; code: string };
  };

  beforeAll(async () => {
    [line, smtp] = await Promise.all([startLineStandIn(), startSmtpStandIn()]);
    const base = await createTestApp(engine);
    const notify = { ...base.config.notify, lineAccessToken: line.token, lineApiUrl: line.url, smtpUrl: smtp.url };
    await base.dispose();
    t = await createTestApp(engine, { notify });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
  });
  afterAll(async () => {
    await t?.dispose();
    await Promise.all([line?.close(), smtp?.close()]);
  });

  it('sends LINE to the id her LINE Login link gave when her preferences name none, and to the one she typed when they do', async () => {
    const her = await citizen();
    const linked = lineId(1);
    await linkLine(her.personId, linked);
    // Without preferences, linking LINE is choosing it.
    expect(await ok(her.cookie, 'GET', '/api/me/notification-preferences')).toMatchObject({
      lineLinked: true,
      lineUserId: null,
      channels: ['in-app', 'line'],
    });
    const session = await openSession();
    await ok(her.cookie, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    expect(await messages(her.personId, 'application-result')).toEqual([
      expect.objectContaining({ channel: 'in-app' }),
      expect.objectContaining({ channel: 'line', address: linked }),
    ]);
    await t.services.jobs.drain();
    expect(line.pushes.filter((p) => p.to === linked).map((p) => p.text)).toEqual([expect.stringContaining(session.code)]);

    // LINE chosen with no id typed: the link serves. A typed id wins over the link.
    await ok(her.cookie, 'PUT', '/api/me/notification-preferences', { language: 'th', channels: ['line'], optedOut: [], lineUserId: null });
    const typed = lineId(2);
    await ok(her.cookie, 'PUT', '/api/me/notification-preferences', { language: 'th', channels: ['line'], optedOut: [], lineUserId: typed });
    const event = {
      personId: her.personId,
      kind: 'session-reminder',
      eventKey: `test:typed:${her.personId}`,
      params: { courseTh: 'ทดสอบ', sessionCode: 'T-1' },
    };
    await t.database.db.transaction().execute((trx) => t.services.notifications.enqueue(trx, [event]));
    expect((await messages(her.personId, 'session-reminder')).map((m) => m.address)).toEqual([typed]);

    // Someone with no link must type an id to choose LINE.
    const other = await citizen();
    const refused = await call(other.cookie, 'PUT', '/api/me/notification-preferences', { language: 'th', channels: ['line'], optedOut: [], lineUserId: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'body.lineUserId', code: 'required' });
  });

  it('reminds the seated the day before a session, from 08:00 in Bangkok, once per person and channel however often the scan runs', async () => {
    const her = await citizen();
    await ok(her.cookie, 'PUT', '/api/me/notification-preferences', {
      language: 'th',
      channels: ['in-app', 'email'],
      optedOut: [],
      email: `r${her.personId}@example.test`,
    });
    const tomorrow = await openSession({ applicationsCloseOn: dayFromToday(0), days: [{ day: dayFromToday(1), hours: 6, topicTh: 'วางแผนธุรกิจ' }] });
    const later = await openSession({ applicationsCloseOn: dayFromToday(0), days: [{ day: dayFromToday(2), hours: 6, topicTh: 'วางแผนธุรกิจ' }] });
    await ok(her.cookie, 'POST', `/api/training/sessions/${tomorrow.id}/applications`, {});
    await ok(her.cookie, 'POST', `/api/training/sessions/${later.id}/applications`, {});

    expect(await t.services.training.remindTomorrow(todayAt(7))).toBe(0);
    expect(await messages(her.personId, 'session-reminder')).toEqual([]);
    expect(await t.services.training.remindTomorrow(todayAt(9))).toBeGreaterThanOrEqual(1);
    await t.services.training.remindTomorrow(todayAt(10));
    const written = await messages(her.personId, 'session-reminder');
    expect(written.map((m) => [m.channel, m.event_key])).toEqual([
      ['in-app', `training.session-reminder:${tomorrow.id}:${her.personId}:${dayFromToday(1)}`],
      ['email', `training.session-reminder:${tomorrow.id}:${her.personId}:${dayFromToday(1)}`],
    ]);
    await t.services.jobs.drain();
    await t.services.training.remindTomorrow(todayAt(11));
    await t.services.jobs.drain();
    const mails = smtp.mails.filter((m) => m.to.includes(`r${her.personId}@example.test`) && m.subject.startsWith('พรุ่งนี้อบรม'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(tomorrow.code);
    expect(mails[0]!.text).toContain('ห้องประชุมสำนักงานพัฒนาฝีมือแรงงานขอนแก่น');
  });

  it('tells a person her follow-up is due, once, and not one long past or already answered', async () => {
    const her = await citizen();
    const session = await openSession();
    const followUp = (months: number, dueOn: string, done = false) =>
      t.database.db
        .insertInto('follow_up')
        .values({
          person_id: her.personId,
          session_id: session.id,
          months: months as 3 | 6 | 12,
          due_on: dueOn,
          province_code: '40',
          ...(done ? { done_at: new Date(), still_working: true } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const due = await followUp(3, dayFromToday(0));
    await followUp(6, dayFromToday(-30));
    await followUp(12, dayFromToday(-1), true);

    expect(await t.services.employment.remindFollowUpsDue(todayAt(6))).toBe(0);
    await t.services.employment.remindFollowUpsDue(todayAt(9));
    await t.services.employment.remindFollowUpsDue(todayAt(15));
    expect((await messages(her.personId, 'follow-up-due')).map((m) => [m.channel, m.event_key])).toEqual([['in-app', `employment.follow-up-due:${due.id}`]]);
    const inbox = await ok(her.cookie, 'GET', '/api/me/notifications');
    expect(inbox.items.find((m: { kind: string }) => m.kind === 'follow-up-due').text).toContain('ติดตามผล 3 เดือนหลังจบการอบรม');
  });
});
