import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';

const KHON_KAEN = '40';
const PHUKET = '83';
const KK_EMPLOYMENT_OFFICE = `DOE-PEO-${KHON_KAEN}`;
const PHUKET_EMPLOYMENT_OFFICE = `DOE-PEO-${PHUKET}`;

describe.each(ENGINES)('scope by role and area on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let executive: StaffAccount;
  let admin: StaffAccount;
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_EMPLOYMENT_OFFICE }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('gives a Khon Kaen officer Khon Kaen as their area', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: officer.cookie } })).json();
    expect(me.scopeProvinceCodes).toEqual([KHON_KAEN]);
  });

  it('lists only units serving Khon Kaen to the Khon Kaen officer', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/api/units?limit=200', headers: { cookie: officer.cookie } })).json();
    expect(page.total).toBeGreaterThan(0);
    for (const unit of page.items) expect(unit.areaProvinceCodes).toContain(KHON_KAEN);
    const codes = page.items.map((u: { code: string }) => u.code);
    expect(codes).toContain(KK_EMPLOYMENT_OFFICE);
    expect(codes).not.toContain(PHUKET_EMPLOYMENT_OFFICE);
    // Filtering for Phuket does not widen the scope.
    const phuket = (await t.app.inject({ method: 'GET', url: `/api/units?province=${PHUKET}`, headers: { cookie: officer.cookie } })).json();
    expect(phuket.items.every((u: { areaProvinceCodes: string[] }) => u.areaProvinceCodes.includes(KHON_KAEN))).toBe(true);
    expect(phuket.items.map((u: { code: string }) => u.code)).not.toContain(PHUKET_EMPLOYMENT_OFFICE);
  });

  it('lets executives read every unit', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/api/units?limit=1', headers: { cookie: executive.cookie } })).json();
    const officerPage = (await t.app.inject({ method: 'GET', url: '/api/units?limit=1', headers: { cookie: officer.cookie } })).json();
    expect(page.total).toBeGreaterThan(officerPage.total);
    const phuket = await t.app.inject({ method: 'GET', url: `/api/units/${PHUKET_EMPLOYMENT_OFFICE}`, headers: { cookie: executive.cookie } });
    expect(phuket.statusCode).toBe(200);
  });

  it('refuses the officer a Phuket unit, naming both areas', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/units/${PHUKET_EMPLOYMENT_OFFICE}`, headers: { cookie: officer.cookie } });
    expect(response.statusCode).toBe(403);
    const body = response.json();
    expect(body.type).toContain('out-of-scope');
    expect(body.detail).toContain('Phuket');
    expect(body.detail).toContain('Khon Kaen');
    expect(body.detailTh).toContain('ภูเก็ต');
  });

  it('refuses the officer a change to a Phuket unit and changes nothing', async () => {
    const before = await t.database.db.selectFrom('unit').selectAll().where('code', '=', PHUKET_EMPLOYMENT_OFFICE).executeTakeFirstOrThrow();
    const audits = await auditCount();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${PHUKET_EMPLOYMENT_OFFICE}`,
      headers: { cookie: officer.cookie },
      payload: { phone: '076-000-000' },
    });
    expect(response.statusCode).toBe(403);
    const after = await t.database.db.selectFrom('unit').selectAll().where('code', '=', PHUKET_EMPLOYMENT_OFFICE).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('lets the officer update a Khon Kaen unit, audited with before and after', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${KK_EMPLOYMENT_OFFICE}`,
      headers: { cookie: officer.cookie },
      payload: { phone: '043-000-111' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().phone).toBe('043-000-111');
    const event = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'unit.update')
      .where('entity_id', '=', KK_EMPLOYMENT_OFFICE)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor_username).toBe(officer.username);
    expect(event.before).toMatchObject({ phone: null });
    expect(event.after).toMatchObject({ phone: '043-000-111' });
    expect(event.request_id).toBe(response.headers['x-request-id']);
  });

  it('names a many-province area briefly when refusing', async () => {
    const phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_EMPLOYMENT_OFFICE }] });
    // The north-eastern learning centre serves a dozen provinces, Phuket none of them.
    const response = await t.app.inject({ method: 'GET', url: '/api/units/DWF-LC-NE', headers: { cookie: phuketOfficer.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/it serves Nakhon Ratchasima, [^:]+ and \d+ more provinces, outside your area \(Phuket\)/);
  });

  it('keeps nationwide units read-only for the officer', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/units/DSD-HQ', headers: { cookie: officer.cookie }, payload: { phone: '02-000-0000' } });
    expect(response.statusCode).toBe(403);
  });

  it('keeps executives from changing units and officers from accounts', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${KK_EMPLOYMENT_OFFICE}`,
      headers: { cookie: executive.cookie },
      payload: { phone: '043-000-222' },
    });
    expect(patch.statusCode).toBe(403);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: officer.cookie } });
    expect(users.statusCode).toBe(403);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: officer.cookie },
      payload: { username: 'sneaky', displayName: 'x', roles: [{ role: 'system_admin' }] },
    });
    expect(create.statusCode).toBe(403);
    expect(await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'sneaky').executeTakeFirst()).toBeUndefined();
  });

  it('lets the administrator change any unit', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${PHUKET_EMPLOYMENT_OFFICE}`,
      headers: { cookie: admin.cookie },
      payload: { email: 'phuket@example.go.th' },
    });
    expect(response.statusCode).toBe(200);
  });
});
