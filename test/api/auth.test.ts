import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/platform/context';
import { createTestApp, TEST_PASSWORD, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { personBody } from '../helpers/people';

describe.each(ENGINES)('accounts and sessions on %s', (engine) => {
  let t: TestApp;
  let admin: StaffAccount;
  const signInRaw = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

  beforeAll(async () => {
    t = await createTestApp(engine, { loginMaxFailures: 3, loginLockMinutes: 15 });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('creates the first administrator once, with a one-time password', async () => {
    // The factory admin exists already, so nothing is created here…
    expect(await t.services.identity.ensureFirstAdministrator(systemContext())).toBeNull();
    // …whereas an empty database gets one.
    const fresh = await createTestApp(engine);
    try {
      const first = await fresh.services.identity.ensureFirstAdministrator(systemContext());
      expect(first?.username).toBe('admin');
      expect(first?.oneTimePassword).toMatch(/^[A-Za-z2-9]{14}$/);
      expect(await fresh.services.identity.ensureFirstAdministrator(systemContext())).toBeNull();
      const cookie = await fresh.signIn('admin', first!.oneTimePassword);
      const me = (await fresh.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
      expect(me.mustChangePassword).toBe(true);
      expect(me.roles).toEqual([expect.objectContaining({ role: 'system_admin', unitCode: null })]);
    } finally {
      await fresh.dispose();
    }
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrongPassword = await signInRaw(admin.username, 'not the password');
    const unknownUser = await signInRaw('nobody-here', 'not the password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(wrongPassword.json().detail).toBe(unknownUser.json().detail);
  });

  it('holds back the address that keeps failing (429 with Retry-After), not the account’s owner elsewhere, and unknown names alike', async () => {
    const victim = await t.createStaff({ roles: [{ role: 'executive' }] });
    const from = (ip: string, username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress: ip });
    const statuses: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await from('203.0.113.7', victim.username, `guess-${i}`)).statusCode);
      unknown.push((await from('203.0.113.7', `ghost-${victim.username}`, `guess-${i}`)).statusCode);
    }
    // The third failure blocks the pair; a known name and an unknown one answer alike throughout.
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(unknown).toEqual(statuses);
    const held = await from('203.0.113.7', victim.username, TEST_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(held.json().detailTh).toContain('ลองใหม่');
    // The owner, from her own address, is not locked out by the stranger.
    expect((await from('198.51.100.20', victim.username, TEST_PASSWORD)).statusCode).toBe(200);
    const actions = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', victim.id).execute();
    expect(actions.map((a) => a.action)).toContain('session.sign_in_paced');
    // The counts are in the database (every app instance reads them), keyed by the name's hash, never the name.
    const rows = await t.database.db.selectFrom('sign_in_failure').selectAll().where('ip', '=', '203.0.113.7').execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(victim.username);
  });

  it('ends the session on sign-out', async () => {
    const user = await t.createStaff({ roles: [{ role: 'executive' }] });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: user.cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, storing only its hash', async () => {
    const response = await signInRaw(admin.username, TEST_PASSWORD);
    const cookie = response.cookies.find((c) => c.name === 'archeep_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const stored = await t.database.db.selectFrom('user_session').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('walks an officer from creation to a changed password', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'kk.officer', displayName: 'เจ้าหน้าที่ขอนแก่น', roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] },
    });
    expect(created.statusCode).toBe(201);
    const { oneTimePassword, user } = created.json();
    expect(user.roles[0]).toMatchObject({ role: 'officer', unitCode: 'DOE-PEO-40' });
    const cookie = await t.signIn('kk.officer', oneTimePassword);
    // Until the one-time password is replaced, nothing else is allowed.
    expect((await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie } })).statusCode).toBe(403);
    const tooShort = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: oneTimePassword, newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0]).toMatchObject({ field: 'body.newPassword', code: 'too-short' });
    // Issue 15 §10: a repeat and a common password are refused, in Thai and English.
    for (const [newPassword, code] of [
      ['aaaaaaaaaaaa', 'too-simple'],
      ['password1234', 'common'],
    ]) {
      const weak = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: oneTimePassword, newPassword },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().errors[0]).toMatchObject({ field: 'body.newPassword', code, messageTh: expect.stringMatching(/รหัสผ่าน|ตัวอักษร/) });
    }
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: oneTimePassword, newPassword: 'a much longer secret' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie } })).statusCode).toBe(200);
    expect((await signInRaw('kk.officer', oneTimePassword)).statusCode).toBe(401);
  });

  it('refuses an officer role without a unit, and an unknown unit, naming the field', async () => {
    const noUnit = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'no.unit', displayName: 'x', roles: [{ role: 'officer' }] },
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().errors[0].field).toBe('body.roles[0].unitCode');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'bad.unit', displayName: 'x', roles: [{ role: 'officer', unitCode: 'NOPE-1' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].code).toBe('unknown-unit');
  });

  it('refuses a taken username with 409', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie },
      payload: { username: admin.username, displayName: 'x', roles: [{ role: 'executive' }] },
    });
    expect(response.statusCode).toBe(409);
  });

  it("ends a disabled account's sessions at once", async () => {
    const user = await t.createStaff({ roles: [{ role: 'executive' }] });
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin.cookie }, payload: { status: 'disabled' } });
    expect(disable.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
    expect((await signInRaw(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('shows an administrator a citizen account without her name, her record or her ID, in the list and alone (issue 15 §4)', async () => {
    const officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    const body = personBody();
    const registered = await t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: officer.cookie }, payload: body });
    expect(registered.statusCode, registered.body).toBe(201);
    const username = `citizen${registered.json().id}`;
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/people/${registered.json().id}/citizen-account`,
      headers: { cookie: officer.cookie },
      payload: { username },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: `/api/users?q=${username}`, headers: { cookie: admin.cookie } });
    expect(list.statusCode, list.body).toBe(200);
    const seen = (list.json().items as { id: string; username: string; displayName: string; personId: number | null }[]).find((u) => u.username === username)!;
    expect(seen).toMatchObject({ displayName: 'บัญชีประชาชน (citizen account)', personId: null });
    const one = await t.app.inject({ method: 'GET', url: `/api/users/${seen.id}`, headers: { cookie: admin.cookie } });
    expect(one.statusCode, one.body).toBe(200);
    for (const answer of [list.body, one.body]) {
      expect(answer).not.toContain(body.firstNameTh);
      expect(answer).not.toContain(body.lastNameTh);
      expect(answer).not.toContain(body.docNumber);
    }
  });
});
