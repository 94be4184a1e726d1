import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bangkokDate } from '../../src/shared/fiscal-year';
import { cellOf, monthsElapsed, suppress } from '../../src/server/modules/monitoring/monitoring.rules';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { employerBody, vacancyBody } from '../helpers/employment';
import { personBody } from '../helpers/people';
import { buildPeople, dayFromToday, sessionBody } from '../helpers/training';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';

describe('periods in Bangkok time', () => {
  it('puts 30 Sep 23:59 in one fiscal year and 1 Oct 00:00 in the next', () => {
    const last = bangkokDate(new Date('2025-09-30T16:59:59Z')); // 23:59:59 on 30 Sep in Bangkok
    const first = bangkokDate(new Date('2025-09-30T17:00:00Z')); // 00:00 on 1 Oct in Bangkok
    expect(cellOf('x', last, '40')).toEqual({ indicator: 'x', fiscalYear: 2568, month: 9, provinceCode: '40', districtCode: '*', targetGroup: '*' });
    expect(cellOf('x', first, '40')).toEqual({ indicator: 'x', fiscalYear: 2569, month: 10, provinceCode: '40', districtCode: '*', targetGroup: '*' });
  });
  it('counts the months of a fiscal year begun by a day', () => {
    expect(monthsElapsed(2569, '2025-10-01')).toBe(1);
    expect(monthsElapsed(2569, '2026-09-30')).toBe(12);
    expect(monthsElapsed(2568, '2026-01-15')).toBe(12);
    expect(monthsElapsed(2570, '2026-01-15')).toBe(0);
  });
  it('shows 1 to 4 as "<5"', () => {
    expect([0, 1, 4, 5, 120].map(suppress)).toEqual([0, '<5', '<5', 5, 120]);
  });
});

describe.each(ENGINES)('monitoring on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount, phuketOfficer: StaffAccount, executive: StaffAccount, admin: StaffAccount, kkExecutive: StaffAccount;
  const call = (who: { cookie: string } | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: who ? { cookie: who.cookie } : {} });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const fy = () => Number(cellOf('x', bangkokDate(new Date()), '40').fiscalYear);
  const indicator = (overview: { indicators: { code: string }[] }, code: string) =>
    overview.indicators.find((i) => i.code === code) as never as {
      actual: number | '<5';
      target: number | null;
      percent: number | null;
      byProvince: { provinceCode: string; actual: number | '<5' }[];
    };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    kkExecutive = await t.createStaff({ roles: [{ role: 'executive', unitCode: KK_OFFICE }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('keeps the rollups as people register, move, merge and are erased, and as they complete courses; the rebuild agrees', async () => {
    const ids: number[] = [];
    const bodies = Array.from({ length: 6 }, () => personBody());
    for (const body of bodies) ids.push((await ok(officer, 'POST', '/api/people', body)).id);
    const phuket = (await ok(phuketOfficer, 'POST', '/api/people', personBody({ subdistrictCode: '830101' }))).id;
    // A corrected address moves a person to Phuket; a merge takes a duplicate away; an erasure keeps the area.
    const moved = await ok(officer, 'GET', `/api/people/${ids[0]}`);
    const headquarters = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-HQ' }] });
    await ok(headquarters, 'PUT', `/api/people/${ids[0]}`, { ...bodies[0], subdistrictCode: '830101', version: moved.version });
    await ok(officer, 'POST', `/api/people/${ids[1]}/merge`, { duplicateId: ids[2] });
    await ok(officer, 'POST', `/api/people/${ids[3]}/erase`, { reason: 'request by the person, form 12' });

    // Completions: two of three seated people complete a Khon Kaen session.
    const session = await ok(officer, 'POST', '/api/training/sessions', sessionBody({ days: [{ day: dayFromToday(0), hours: 6, topicTh: 'วางแผนธุรกิจ' }] }));
    for (const [i, personId] of [ids[4], ids[5], ids[1]].entries())
      await sql`insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, post_test_score)
                values (${session.id}, ${personId}, 'enrolled', 'officer', now(), ${i < 2 ? 360 : 0}, 90)`.execute(t.database.db);
    await sql`update training_session set status = 'running' where id = ${session.id}`.execute(t.database.db);
    expect(await ok(officer, 'POST', `/api/training/sessions/${session.id}/evaluate`)).toEqual({ completed: 2, notCompleted: 1 });

    const verdict = await t.services.monitoring.rebuild();
    expect(verdict.differences).toEqual([]);
    expect(verdict.agrees).toBe(true);

    const overview = await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}`);
    expect(indicator(overview, 'registry.registered').actual).toBe(6); // 7 registered, 1 merged away
    expect(indicator(overview, 'training.completed').actual).toBe(2);
    expect(phuket).toBeGreaterThan(0);
  });

  it('counts a placement made through the API on its start date and province; the rebuild agrees', async () => {
    const year = fy();
    const placedOf = async () => {
      const overview = await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${year}`);
      const placed = indicator(overview, 'employment.placed');
      return { actual: placed.actual as number, kk: (placed.byProvince.find((p) => p.provinceCode === '40')?.actual ?? 0) as number };
    };
    const cellOfToday = cellOf('employment.placed', bangkokDate(new Date()), '40');
    const rollup = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('monitoring_rollup')
            .select('value')
            .where('indicator', '=', 'employment.placed')
            .where('fiscal_year', '=', cellOfToday.fiscalYear)
            .where('month', '=', cellOfToday.month)
            .where('province_code', '=', '40')
            .executeTakeFirst()
        )?.value ?? 0,
      );
    const before = { overview: await placedOf(), cell: await rollup() };

    // An employment office registers the employer and refers a job seeker; the employer hires her today.
    const employmentOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    const body = employerBody(720_001);
    const applied = await call(null, 'POST', '/api/employment/employers/apply', body);
    expect(applied.statusCode, applied.body).toBe(201);
    await ok(employmentOfficer, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' });
    const employer = { cookie: await t.signIn(body.username, body.password) };
    const vacancy = await ok(employer, 'POST', '/api/employment/vacancies', vacancyBody({ requiredStandardCode: null }));
    const seeker = (await ok(employmentOfficer, 'POST', '/api/people', personBody())).id;
    await ok(employmentOfficer, 'PUT', `/api/people/${seeker}/job-seeker`, { desiredOccupations: ['5244'] });
    const referral = await ok(employmentOfficer, 'POST', '/api/employment/referrals', {
      vacancyId: vacancy.id,
      personId: seeker,
      sharedFields: ['name'],
      consentEvidence: 'แบบยินยอมลงนาม',
    });
    await ok(employer, 'POST', `/api/employment/referrals/${referral.id}/answer`, { status: 'hired', startedOn: dayFromToday(0) });

    expect(await rollup()).toBe(before.cell + 1);
    expect(await placedOf()).toEqual({ actual: before.overview.actual + 1, kk: before.overview.kk + 1 });
    const verdict = await t.services.monitoring.rebuild();
    expect(verdict.differences).toEqual([]);
  });

  it('agrees with the rebuild across the fiscal year boundary in Bangkok time', async () => {
    const [late, early] = await buildPeople(t.database.db, 2, { firstSerial: 910_000 });
    await sql`update person set created_at = '2025-09-30T16:59:59Z' where id = ${late!.id}`.execute(t.database.db);
    await sql`update person set created_at = '2025-09-30T17:00:00Z' where id = ${early!.id}`.execute(t.database.db);
    // Written behind the registry's back: the rebuild sees them, the rollup does not, until applied.
    const before = await t.services.monitoring.rebuild();
    expect(before.agrees).toBe(false);
    // Each in its province's total, its district's cell and its target group's.
    expect(before.differences).toEqual([
      { key: 'registry.registered|2568|9|40|*|*', maintained: 0, rebuilt: 1 },
      { key: 'registry.registered|2568|9|40|*|single-parent', maintained: 0, rebuilt: 1 },
      { key: 'registry.registered|2568|9|40|4001|*', maintained: 0, rebuilt: 1 },
      { key: 'registry.registered|2569|10|40|*|*', maintained: 0, rebuilt: 1 },
      { key: 'registry.registered|2569|10|40|*|single-parent', maintained: 0, rebuilt: 1 },
      { key: 'registry.registered|2569|10|40|4001|*', maintained: 0, rebuilt: 1 },
    ]);
    expect((await t.services.monitoring.rebuild({ apply: true })).applied).toBe(true);
    expect((await t.services.monitoring.rebuild()).agrees).toBe(true);
  });

  it('sets targets at headquarters only, and shows actual against target', async () => {
    const year = fy();
    expect((await call(officer, 'PUT', `/api/monitoring/targets/registry.registered/${year}/40`, { value: 10 })).statusCode).toBe(403);
    const saved = await ok(admin, 'PUT', `/api/monitoring/targets/registry.registered/${year}/40`, { value: 10, note: 'ทดสอบ' });
    expect(saved).toMatchObject({ indicator: 'registry.registered', fiscalYear: year, areaCode: '40', value: 10 });
    await ok(admin, 'PUT', `/api/monitoring/targets/registry.registered/${year}/*`, { value: 100 });
    const kk = indicator(await ok(kkExecutive, 'GET', `/api/monitoring/overview?fiscalYear=${year}`), 'registry.registered');
    expect(kk.target).toBe(10);
    expect(kk.percent).toBe(((kk.actual as number) / 10) * 100);
    expect(indicator(await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${year}`), 'registry.registered').target).toBe(100);
    expect((await call(admin, 'PUT', `/api/monitoring/targets/registry.registered/${year}/99`, { value: 1 })).statusCode).toBe(404);
  });

  it('refuses provinces’ targets that would sum above the national one, either way round', async () => {
    const url = (area: string) => `/api/monitoring/targets/training.completed/2575/${area}`;
    await ok(admin, 'PUT', url('*'), { value: 100 });
    await ok(admin, 'PUT', url('40'), { value: 60 });
    const over = await call(admin, 'PUT', url('83'), { value: 41 });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain('101');
    expect((await call(admin, 'PUT', url('*'), { value: 59 })).statusCode).toBe(422);
    await ok(admin, 'PUT', url('83'), { value: 40 });
  });

  it('ships the 15,000 placements target for FY 2569 as data', async () => {
    const placed = indicator(await ok(executive, 'GET', '/api/monitoring/overview?fiscalYear=2569'), 'employment.placed');
    expect(placed.target).toBe(15_000);
  });

  it('ships the 401, 324 and 140 targets as data, and reads PAR30 as of today for the current year only', async () => {
    const target = async (year: number, code: string) => indicator(await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${year}`), code).target;
    expect(await target(2567, 'enterprise.otog.selected')).toBe(401);
    expect(await target(2568, 'enterprise.otog.trained')).toBe(324);
    expect(await target(2569, 'enterprise.ce-registered')).toBe(140);
    const par = (o: { indicators: { code: string; maintained?: boolean }[] }) => o.indicators.find((i) => i.code === 'funding.par30')!.maintained;
    expect(par(await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}`))).toBe(true);
    expect(par(await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${fy() - 1}`))).toBe(false);
  });

  it('shows a scoped reader only their provinces, and refuses another', async () => {
    const kk = await ok(kkExecutive, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}`);
    expect(kk.area).toBe('provinces');
    expect(indicator(kk, 'registry.registered').byProvince.map((p) => p.provinceCode)).toEqual(['40']);
    expect((await call(kkExecutive, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}&province=83`)).statusCode).toBe(403);
    const national = await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}`);
    expect(indicator(national, 'registry.registered').byProvince.map((p) => p.provinceCode)).toEqual(['40', '83']);
  });

  it('breaks an indicator down by district within a province and by target group, within the reader’s area', async () => {
    const total = async (code: string) => Number(indicator(await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}&province=40`), code).actual);
    const sum = (rows: { actual: number }[]) => rows.reduce((a, r) => a + r.actual, 0);
    for (const code of ['registry.registered', 'training.completed', 'employment.placed']) {
      const kk = await ok(kkExecutive, 'GET', `/api/monitoring/breakdown?indicator=${code}&fiscalYear=${fy()}&province=40`);
      expect(kk.kept).toBe(true);
      // Every fact is in one district of the province ('-' for none), and under at least one target group.
      expect(sum(kk.byDistrict), code).toBe(await total(code));
      expect(kk.byDistrict.every((d: { code: string }) => d.code === '-' || d.code.startsWith('40'))).toBe(true);
      expect(sum(kk.byTargetGroup)).toBeGreaterThanOrEqual(await total(code));
    }
    const area = await ok(kkExecutive, 'GET', `/api/monitoring/breakdown?indicator=registry.registered&fiscalYear=${fy()}`);
    expect(area.byDistrict).toEqual([]);
    const national = await ok(executive, 'GET', `/api/monitoring/breakdown?indicator=registry.registered&fiscalYear=${fy()}`);
    expect(sum(national.byTargetGroup)).toBeGreaterThan(sum(area.byTargetGroup)); // Phuket's people too
    expect((await call(kkExecutive, 'GET', `/api/monitoring/breakdown?indicator=registry.registered&fiscalYear=${fy()}&province=83`)).statusCode).toBe(403);
    expect((await ok(executive, 'GET', `/api/monitoring/breakdown?indicator=enterprise.ce-registered&fiscalYear=${fy()}`)).kept).toBe(false);
  });

  it('lists the placements behind a province’s number for an allowed reader, masked, and refuses another province or role', async () => {
    const year = fy();
    const employmentOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    const list = await ok(executive, 'GET', `/api/monitoring/records?indicator=employment.placed&fiscalYear=${year}&province=40`);
    const placed = indicator(await ok(executive, 'GET', `/api/monitoring/overview?fiscalYear=${year}&province=40`), 'employment.placed');
    expect(list.items).toHaveLength(placed.actual as number);
    expect(list.items[0].personNameMasked).toMatch(/•••$/);
    expect(list.items[0].docNumberMasked).not.toMatch(/^\d{13}$/);
    expect((await ok(employmentOfficer, 'GET', `/api/monitoring/records?indicator=employment.placed&fiscalYear=${year}&province=40`)).items).toHaveLength(
      list.items.length,
    );
    expect((await call(kkExecutive, 'GET', `/api/monitoring/records?indicator=employment.placed&fiscalYear=${year}&province=83`)).statusCode).toBe(403);
    expect((await call(null, 'GET', `/api/monitoring/records?indicator=employment.placed&fiscalYear=${year}&province=40`)).statusCode).toBe(401);
  });

  it('publishes the open data as CSV and JSON with its catalogue entry and dictionary, small numbers suppressed, without sign-in', async () => {
    const year = fy();
    const entry = await call(null, 'GET', '/api/open-data/monitoring');
    expect(entry.statusCode).toBe(200);
    expect(entry.json().catalogue).toMatchObject({ licenseId: expect.any(String), updateFrequency: expect.any(Object), ownerOrg: expect.any(String) });
    expect(entry.json().dictionary.map((d: { column: string }) => d.column)).toContain('value');
    const json = await call(null, 'GET', `/api/open-data/monitoring/indicators.json?fiscalYear=${year}`);
    expect(json.statusCode).toBe(200);
    const rows = json.json() as { indicator: string; province_code: string; value: number | '<5' }[];
    expect(rows.find((r) => r.indicator === 'registry.registered' && r.province_code === '83')?.value).toBe('<5');
    expect(rows.every((r) => r.value === '<5' || typeof r.value !== 'number' || r.value === 0 || r.value >= 5 || !r.indicator.startsWith('registry'))).toBe(
      true,
    );
    const csv = await call(null, 'GET', `/api/open-data/monitoring/indicators.csv?fiscalYear=${year}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('fiscal_year,indicator,indicator_name_th,indicator_name_en,province_code,province_name_th,value,unit,target');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.some((l) => l.includes('registry.registered') && l.includes(',83,') && l.includes(',<5,'))).toBe(true);
  });

  it('suppresses small numbers in the public view', async () => {
    const open = await call(null, 'GET', `/api/public/monitoring/overview?fiscalYear=${fy()}`);
    expect(open.statusCode).toBe(200);
    const registered = indicator(open.json(), 'registry.registered');
    expect(registered.byProvince.find((p) => p.provinceCode === '83')?.actual).toBe('<5');
    expect(indicator(open.json(), 'training.completed').actual).toBe('<5');
    expect((await call(null, 'GET', `/api/monitoring/overview?fiscalYear=${fy()}`)).statusCode).toBe(401);
  });
});
