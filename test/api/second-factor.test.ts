import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { listAuditEvents } from '../../src/server/platform/audit/audit.service';

const codeAt = (secret: string, offsetSteps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

describe.each(ENGINES)('staff second factor (TOTP) on %s', (engine) => {
  let t: TestApp;
  let admin: StaffAccount;

  beforeAll(async () => {
    t = await createTestApp(engine, { totpRequiredRoles: ['fund_approver'], loginMaxFailures: 3 });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  const signIn = (username: string, code?: string, ip = '198.51.100.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: TEST_PASSWORD, ...(code ? { code } : {}) }, remoteAddress: ip });

  it('enrols with a QR code and otpauth URI confirmed by a first code; the secret is never answered again, nor stored in clear', async () => {
    const begun = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: admin.cookie } });
    expect(begun.statusCode, begun.body).toBe(201);
    const { secret, uri, qrSvg } = begun.json();
    expect(uri).toMatch(new RegExp(`^otpauth://totp/Archeep:${admin.username}\\?.*secret=${secret}`));
    expect(qrSvg).toContain('<svg');
    const row = await t.database.db.selectFrom('user_totp').selectAll().where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret);
    expect(row.confirmed_at).toBeNull();
    // Not yet confirmed: sign-in asks nothing more.
    expect((await signIn(admin.username)).statusCode).toBe(200);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/confirm',
      headers: { cookie: admin.cookie },
      payload: { code: codeAt(secret, 5) },
    });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/confirm',
      headers: { cookie: admin.cookie },
      payload: { code: codeAt(secret) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ enrolled: true, required: false });
    // Enrolled: a second enrolment is refused and nothing answers the secret any more.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: admin.cookie } })).statusCode).toBe(409);
    const status = await t.app.inject({ method: 'GET', url: '/api/auth/second-factor', headers: { cookie: admin.cookie } });
    expect(status.json()).toEqual({ enrolled: true, required: false });
    expect(JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie } })).json())).not.toContain(secret);

    // Sign-in now needs the code: without it a distinct 401, with a wrong one refused, with the right one in.
    const without = await signIn(admin.username);
    expect(without.statusCode).toBe(401);
    expect(without.json().type).toContain('second-factor-required');
    const wrongCode = await signIn(admin.username, codeAt(secret, 10));
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.json().detail).toContain('code');
    // The code used to confirm was spent: it cannot sign in (replay), but the next step's code can.
    expect((await signIn(admin.username, codeAt(secret))).statusCode).toBe(401);
    const next = codeAt(secret, 1);
    const inside = await signIn(admin.username, next);
    expect(inside.statusCode, inside.body).toBe(200);
    expect(inside.json().secondFactor).toBe(true);
    // The same code again, a moment later: refused.
    expect((await signIn(admin.username, next, '198.51.100.2')).statusCode).toBe(401);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', admin.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.second_factor_begin', 'user.second_factor_enrol']));
  });

  it('paces wrong codes like wrong passwords (429 after the limit)', async () => {
    const staff = await t.createStaff({ roles: [{ role: 'executive' }] });
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: staff.cookie } })).json();
    await t.app.inject({ method: 'POST', url: '/api/auth/second-factor/confirm', headers: { cookie: staff.cookie }, payload: { code: codeAt(secret) } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(staff.username, String(100000 + i), '203.0.113.50')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Even the right code waits at that address now.
    expect((await signIn(staff.username, codeAt(secret, 1), '203.0.113.50')).statusCode).toBe(429);
  });

  it('a role that requires it: the account may do nothing but enrol until it has', async () => {
    const approver = await t.createStaff({ roles: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }] });
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: approver.cookie } })).json();
    expect(me.mustEnrolSecondFactor).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: approver.cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detailTh).toContain('สองชั้น');
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: approver.cookie } })).json();
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/confirm',
      headers: { cookie: approver.cookie },
      payload: { code: codeAt(secret) },
    });
    expect(confirmed.json()).toEqual({ enrolled: true, required: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: approver.cookie } })).statusCode).toBe(200);
    // Required: it cannot be removed by its holder.
    const remove = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/remove',
      headers: { cookie: approver.cookie },
      payload: { code: codeAt(secret, 1) },
    });
    expect(remove.statusCode).toBe(409);
  });

  it('an administrator resets a lost second factor with a reason: sessions end and the role must enrol again; others are refused', async () => {
    const approver = await t.createStaff({ roles: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }] });
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: approver.cookie } })).json();
    await t.app.inject({ method: 'POST', url: '/api/auth/second-factor/confirm', headers: { cookie: approver.cookie }, payload: { code: codeAt(secret) } });
    const user = async () => (await t.app.inject({ method: 'GET', url: `/api/users/${approver.id}`, headers: { cookie: admin.cookie } })).json();
    expect((await user()).secondFactorEnrolled).toBe(true);
    const reset = (who: StaffAccount, id: string, reason: string) =>
      t.app.inject({ method: 'POST', url: `/api/users/${id}/second-factor/reset`, headers: { cookie: who.cookie }, payload: { reason } });

    // Not an administrator: refused, nothing changes.
    const executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    expect((await reset(executive, approver.id, 'โทรศัพท์หาย')).statusCode).toBe(403);
    expect((await reset(approver, approver.id, 'โทรศัพท์หาย')).statusCode).toBe(403);
    // Without a reason: refused where and why. One's own: with a code on one's own page, not here.
    const noReason = await reset(admin, approver.id, ' ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    expect((await reset(admin, admin.id, 'โทรศัพท์หาย')).statusCode).toBe(409);
    expect((await user()).secondFactorEnrolled).toBe(true);

    const done = await reset(admin, approver.id, 'โทรศัพท์หาย แจ้งทางโทรศัพท์');
    expect(done.statusCode, done.body).toBe(204);
    expect((await user()).secondFactorEnrolled).toBe(false);
    // Her session ended; signing in needs no code now, and her role lets her do nothing but enrol again.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: approver.cookie } })).statusCode).toBe(401);
    const again = await signIn(approver.username, undefined, '198.51.100.9');
    expect(again.statusCode, again.body).toBe(200);
    const cookie = `archeep_session=${again.cookies.find((c) => c.name === 'archeep_session')!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().mustEnrolSecondFactor).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie } })).statusCode).toBe(403);
    // The reason is in the audit trail; a second reset finds nothing to reset.
    const events = await listAuditEvents(t.database.db, { entityType: 'user', entityId: approver.id, limit: 20 });
    expect(events.find((e) => e.action === 'user.second_factor_reset')).toMatchObject({ actorUserId: admin.id, after: { reason: 'โทรศัพท์หาย แจ้งทางโทรศัพท์' } });
    expect((await reset(admin, approver.id, 'ซ้ำ')).statusCode).toBe(404);
  });

  it('a second factor is for staff: a citizen is refused', async () => {
    const citizen = await t.createStaff({ roles: [{ role: 'citizen' }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: citizen.cookie } })).statusCode).toBe(403);
  });
});
