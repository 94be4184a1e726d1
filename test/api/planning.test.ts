import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/server/platform/files/xlsx';
import type { SessionStatus, EnrolmentStatus } from '../../src/server/db/schema';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { personBody, toCsv, windows874 } from '../helpers/people';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';
const HEADER_TH = ['จังหวัด', 'หมวดหลักสูตร', 'อาชีพ', 'ปีงบประมาณ', 'จำนวนคนที่ต้องการ'];
const HEADER_EN = ['Province', 'Category', 'Occupation', 'Fiscal year', 'People needed'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface PlanRow {
  provinceCode: string;
  category: string;
  demand: number;
  plannedSeats: number;
  enrolled: number;
  completed: number;
  gap: number;
  shortfall: number;
}

// Each test works in its own fiscal year, so none depends on another's figures or their order.
describe.each(ENGINES)('demand-led training planning on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuketOfficer: StaffAccount;
  let executive: StaffAccount;
  let citizen: StaffAccount;
  const people: number[] = [];

  const upload = (who: StaffAccount, body: Buffer | string, options: { fileName?: string; type?: string; fiscalYear?: number } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/training/labour-demand?fileName=${encodeURIComponent(options.fileName ?? 'demand.csv')}${options.fiscalYear ? `&fiscalYear=${options.fiscalYear}` : ''}`,
      payload: body,
      headers: { cookie: who.cookie, 'content-type': options.type ?? 'text/csv' },
    });
  const plan = async (who: StaffAccount, query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/training/planning?${query}`, headers: { cookie: who.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      fiscalYear: number;
      fiscalYears: number[];
      canImport: boolean;
      rows: PlanRow[];
      provinces: Omit<PlanRow, 'category'>[];
      totals: Omit<PlanRow, 'provinceCode' | 'category'>;
    };
  };
  const demandRows = () => t.database.db.selectFrom('labour_demand').selectAll().execute();
  const importAudits = () => t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'labour_demand.import').orderBy('id').execute();

  // ---------------------------------------------------------------- factories
  const curriculum = async (category: string) => {
    const code = `T-${randomBytes(4).toString('hex').toUpperCase()}`;
    await t.database.db
      .insertInto('curriculum')
      .values({
        code,
        name_th: `หลักสูตร ${code}`,
        name_en: `Course ${code}`,
        provider_agency_code: 'DSD',
        category,
        mode: 'on-site',
        total_minutes: 1800,
        topics: '[]',
      })
      .execute();
    return code;
  };
  const session = async (input: { curriculum: string; province: '40' | '83'; startsOn: string; capacity: number; status?: SessionStatus }) => {
    const row = await t.database.db
      .insertInto('training_session')
      .values({
        code: `S-${randomBytes(5).toString('hex')}`,
        curriculum_code: input.curriculum,
        unit_code: input.province === '40' ? KK_OFFICE : PHUKET_OFFICE,
        province_code: input.province,
        subdistrict_code: input.province === '40' ? '400101' : '830101',
        starts_on: input.startsOn,
        ends_on: input.startsOn,
        applications_close_on: input.startsOn,
        capacity_min: 1,
        capacity_max: input.capacity,
        status: input.status ?? 'planned',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const enrol = (sessionId: number, statuses: EnrolmentStatus[]) =>
    t.database.db
      .insertInto('enrolment')
      .values(statuses.map((status, i) => ({ session_id: sessionId, person_id: people[i]!, status, source: 'officer' as const, outcome_reasons: null })))
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    citizen = await t.createStaff({ roles: [{ role: 'citizen' }] });
    for (let i = 0; i < 6; i++) {
      const created = await t.app.inject({ method: 'POST', url: '/api/people', payload: personBody(), headers: { cookie: officer.cookie } });
      expect(created.statusCode, created.body).toBe(201);
      people.push(created.json().id);
    }
  });
  afterAll(() => t?.dispose());

  it('imports a Windows-874 file from Thai Excel and sets demand beside planned seats, enrolments and completions', async () => {
    const caregiver = await curriculum('caregiver');
    const digital = await curriculum('digital-ecommerce');
    // FY 2570 runs 1 Oct 2026 – 30 Sep 2027.
    const counted = await session({ curriculum: caregiver, province: '40', startsOn: '2026-10-05', capacity: 100, status: 'open' });
    await session({ curriculum: caregiver, province: '40', startsOn: '2027-09-30', capacity: 200 });
    await session({ curriculum: caregiver, province: '40', startsOn: '2026-11-01', capacity: 500, status: 'cancelled' });
    await session({ curriculum: caregiver, province: '40', startsOn: '2026-09-30', capacity: 400 }); // FY 2569
    await session({ curriculum: caregiver, province: '40', startsOn: '2027-10-01', capacity: 700 }); // FY 2571
    await session({ curriculum: digital, province: '40', startsOn: '2027-01-10', capacity: 80 });
    await enrol(counted, ['completed', 'completed', 'not-completed', 'enrolled', 'withdrawn', 'waitlisted']);

    const file = windows874(
      toCsv([
        HEADER_TH,
        ['ขอนแก่น', 'ผู้ดูแลเด็ก ผู้สูงอายุ และคนพิการ', 'ผู้ดูแลผู้สูงอายุ', '2570', '1,200'],
        ['40', 'caregiver', 'ผู้ช่วยดูแลเด็กเล็ก', '๒๕๗๐', '300'],
        ['จังหวัดขอนแก่น', 'Digital and e-commerce', 'ผู้ค้าออนไลน์', '2570', '50'],
        ['Khon Kaen', 'Hospitality', 'พนักงานโรงแรม', '2569', '80'],
      ]),
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const audits = (await importAudits()).length;

    const response = await upload(officer, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      format: 'csv',
      encoding: 'windows-874',
      rows: 4,
      imported: 4,
      inserted: 4,
      updated: 0,
      errorCount: 0,
      errors: [],
      fiscalYears: [2569, 2570],
      provinceCodes: ['40'],
    });
    const stored = (await demandRows()).find((r) => r.occupation === 'ผู้ดูแลผู้สูงอายุ');
    expect(stored).toMatchObject({
      province_code: '40',
      category: 'caregiver',
      fiscal_year: 2570,
      people_needed: 1200,
      source: 'demand.csv',
      imported_by: officer.id,
    });

    const view = await plan(officer, 'fiscalYear=2570');
    expect(view.fiscalYears).toEqual(expect.arrayContaining([2571, 2570, 2569]));
    const row = (category: string) => view.rows.find((r) => r.provinceCode === '40' && r.category === category);
    // Cancelled sessions and sessions of other years are left out; 2026-10-05 counts in FY 2570.
    expect(row('caregiver')).toMatchObject({
      provinceNameEn: 'Khon Kaen',
      categoryNameTh: 'ผู้ดูแลเด็ก ผู้สูงอายุ และคนพิการ',
      demand: 1500,
      plannedSeats: 300,
      enrolled: 4,
      completed: 2,
      gap: 1200,
      shortfall: 1200,
    });
    expect(row('digital-ecommerce')).toMatchObject({ demand: 50, plannedSeats: 80, gap: -30, shortfall: 0 });
    expect(row('hospitality')).toBeUndefined();
    // A surplus of digital seats does not fill the caregiver gap on the map.
    expect(view.provinces.find((p) => p.provinceCode === '40')).toMatchObject({ demand: 1550, plannedSeats: 380, gap: 1170, shortfall: 1200 });
    expect(view.rows[0]).toMatchObject({ category: 'caregiver' });

    const before = await plan(officer, 'fiscalYear=2569');
    expect(before.rows.find((r) => r.provinceCode === '40' && r.category === 'caregiver')).toMatchObject({ demand: 0, plannedSeats: 400 });
    expect(before.rows.find((r) => r.category === 'hospitality')).toMatchObject({ demand: 80, plannedSeats: 0, shortfall: 80 });

    const narrowed = await plan(officer, 'fiscalYear=2570&category=digital-ecommerce&province=40');
    expect(narrowed.rows.map((r) => r.category)).toEqual(['digital-ecommerce']);
    expect(narrowed.totals).toMatchObject({ demand: 50, plannedSeats: 80, shortfall: 0 });

    const events = await importAudits();
    expect(events).toHaveLength(audits + 1);
    expect(events.at(-1)).toMatchObject({ actor_user_id: officer.id, entity_type: 'labour_demand', province_code: '40' });
    expect(events.at(-1)!.after).toMatchObject({ fileName: 'demand.csv', rows: 4, inserted: 4, updated: 0, fiscalYears: [2569, 2570] });
  });

  it('replaces the figures of the same key on re-import, one audit event per import', async () => {
    const audits = (await importAudits()).length;
    const first = await upload(officer, '\uFEFF' + toCsv([HEADER_TH, ['40', 'crafts', 'ช่างทอผ้า', '2574', '100'], ['40', 'crafts', 'ช่างจักสาน', '2574', '20']]));
    expect(first.json()).toMatchObject({ encoding: 'utf-8-bom', imported: 2, inserted: 2, updated: 0 });
    const again = await upload(officer, toCsv([HEADER_TH, ['40', 'หัตถกรรมและสิ่งประดิษฐ์', 'ช่างทอผ้า', '2574', '250']]), { fileName: 'revised.csv' });
    expect(again.json()).toMatchObject({ encoding: 'utf-8', imported: 1, inserted: 0, updated: 1 });

    const weaving = (await demandRows()).filter((r) => r.occupation === 'ช่างทอผ้า' && r.fiscal_year === 2574);
    expect(weaving).toHaveLength(1);
    expect(weaving[0]).toMatchObject({ people_needed: 250, source: 'revised.csv' });
    expect((await plan(officer, 'fiscalYear=2574')).rows).toEqual([
      expect.objectContaining({ provinceCode: '40', category: 'crafts', demand: 270, plannedSeats: 0, gap: 270, shortfall: 270 }),
    ]);

    const events = await importAudits();
    expect(events).toHaveLength(audits + 2);
    expect(events.at(-1)!.after).toMatchObject({ fileName: 'revised.csv', rows: 1, inserted: 0, updated: 1 });
  });

  it('imports an Excel workbook with English headers, and takes the year from the request when the file has none', async () => {
    const audits = (await importAudits()).length;
    const workbook = await writeXlsx([
      {
        name: 'demand',
        header: HEADER_EN,
        rows: [
          ['40', 'Food processing', 'Baker', '2572', '40'],
          ['Khon Kaen', 'food-processing', 'Noodle maker', '2572', '1,025'],
        ],
      },
    ]);
    const response = await upload(officer, workbook, { fileName: 'demand.xlsx', type: XLSX });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ format: 'xlsx', encoding: null, imported: 2, inserted: 2 });
    expect((await plan(officer, 'fiscalYear=2572')).rows).toEqual([expect.objectContaining({ category: 'food-processing', demand: 1065 })]);

    const noYear = await upload(
      officer,
      toCsv([
        ['province', 'category', 'occupation', 'people_needed'],
        ['40', 'beauty-spa', 'Masseur', '12'],
      ]),
      { fiscalYear: 2572 },
    );
    expect(noYear.json()).toMatchObject({ imported: 1, fiscalYears: [2572] });
    expect(await importAudits()).toHaveLength(audits + 2);
  });

  it('refuses a file with bad rows whole: every error names its line and column, and nothing is written', async () => {
    const before = await demandRows();
    const audits = (await importAudits()).length;
    const response = await upload(
      officer,
      toCsv([
        HEADER_EN,
        ['ไม่มีจังหวัดนี้', 'caregiver', 'ผู้ดูแล', '2575', '10'],
        ['40', 'นักบินอวกาศ', 'นักบิน', '2575', '10'],
        ['40', 'caregiver', 'ผู้ดูแล', '2026', '10'],
        ['40', 'caregiver', 'ผู้ดูแลเด็ก', '2575', '-5'],
        ['ภูเก็ต', 'hospitality', 'พนักงานต้อนรับ', '2575', '10'],
        ['40', 'caregiver', 'ผู้ดูแลคนพิการ', '2575', '10'],
        ['40', 'caregiver', 'ผู้ดูแลคนพิการ', '2575', '12'],
        ['40', 'caregiver', '', '2575', 'สิบ'],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ rows: 8, imported: 0, inserted: 0, updated: 0, errorCount: 8 });
    expect(result.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [2, 'province', 'unknown-province'],
      [3, 'category', 'unknown-category'],
      [4, 'fiscal_year', 'christian-era-year'],
      [5, 'people_needed', 'negative-number'],
      [6, 'province', 'out-of-scope'],
      [8, 'occupation', 'duplicate-in-file'],
      [9, 'occupation', 'missing-value'],
      [9, 'people_needed', 'not-a-number'],
    ]);
    const [unknown, , year, , outside, duplicate] = result.errors;
    expect(unknown).toMatchObject({ value: 'ไม่มีจังหวัดนี้' });
    expect(unknown.messageTh).toContain('จังหวัด');
    expect(year.messageEn).toContain('2569');
    expect(year.messageTh).toContain('2569');
    expect(outside.messageEn).toMatch(/Phuket \(83\) is outside your area \(Khon Kaen\)/);
    expect(outside.messageTh).toContain('ภูเก็ต');
    expect(outside.messageTh).toContain('นอกพื้นที่');
    expect(duplicate.messageEn).toContain('Line 7');

    expect(await demandRows()).toEqual(before);
    expect(await importAudits()).toHaveLength(audits);
    expect((await plan(officer, 'fiscalYear=2575')).rows).toEqual([]);
  });

  it('refuses an empty, unreadable or headerless file with a message naming the problem', async () => {
    const before = (await demandRows()).length;
    const cases: [Buffer | string, string, string?][] = [
      ['', 'empty-file'],
      [Buffer.from('PK\u0003\u0004garbage'), 'bad-xlsx', XLSX],
      [Buffer.from([0x00, 0x01, 0x02, 0x00]), 'not-text'],
      [toCsv([HEADER_TH]), 'no-rows'],
      [
        toCsv([
          ['จังหวัด', 'หมวดหลักสูตร', 'อาชีพ', 'ปีงบประมาณ'],
          ['40', 'caregiver', 'ผู้ดูแล', '2575'],
        ]),
        'missing-column',
      ],
    ];
    for (const [body, code, type] of cases) {
      const response = await upload(officer, body, { type });
      expect(response.statusCode, code).toBe(400);
      const problem = response.json();
      expect(problem.errors[0].code, code).toBe(code);
      expect(problem.detailTh, code).toBeTruthy();
    }
    const missing = (
      await upload(
        officer,
        toCsv([
          ['Province', 'Category', 'Occupation', 'Fiscal year'],
          ['40', 'caregiver', 'x', '2575'],
        ]),
      )
    ).json();
    expect(missing.detail).toContain('People needed');
    expect(missing.detailTh).toContain('จำนวนคนที่ต้องการ');
    expect((await demandRows()).length).toBe(before);

    const tooBig = await upload(officer, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toContain('5,242,880');
  });

  it('keeps each officer to their provinces; an executive sees the whole country', async () => {
    const hospitality = await curriculum('hospitality');
    await session({ curriculum: hospitality, province: '83', startsOn: '2030-06-01', capacity: 60 }); // FY 2573
    expect((await upload(officer, toCsv([HEADER_EN, ['40', 'hospitality', 'Cook', '2573', '30']]))).json()).toMatchObject({ imported: 1 });
    expect((await upload(phuketOfficer, toCsv([HEADER_EN, ['Phuket', 'hospitality', 'Cook', '2573', '90']]))).json()).toMatchObject({ imported: 1 });

    const phuket = await plan(phuketOfficer, 'fiscalYear=2573');
    expect(phuket.rows).toEqual([expect.objectContaining({ provinceCode: '83', demand: 90, plannedSeats: 60, shortfall: 30 })]);
    expect(phuket.provinces.map((p) => p.provinceCode)).toEqual(['83']);
    expect(phuket.fiscalYears).not.toContain(2570);
    expect(phuket.canImport).toBe(true);

    const country = await plan(executive, 'fiscalYear=2573');
    expect(country.rows.map((r) => r.provinceCode).sort()).toEqual(['40', '83']);
    expect(country.provinces.map((p) => p.provinceCode)).toEqual(['83', '40']);
    expect(country.canImport).toBe(false);

    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/api/training/planning?fiscalYear=2573&province=40',
      headers: { cookie: phuketOfficer.cookie },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().detail).toContain('Khon Kaen');

    const executiveImport = await upload(executive, toCsv([HEADER_EN, ['40', 'hospitality', 'Cook', '2573', '1']]));
    expect(executiveImport.statusCode).toBe(403);
  });

  it('refuses citizens and anonymous callers', async () => {
    const citizenPlan = await t.app.inject({ method: 'GET', url: '/api/training/planning', headers: { cookie: citizen.cookie } });
    expect(citizenPlan.statusCode).toBe(403);
    expect(citizenPlan.json().detailTh).toBeTruthy();
    expect((await upload(citizen, toCsv([HEADER_EN, ['40', 'caregiver', 'x', '2575', '1']]))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/training/planning' })).statusCode).toBe(401);
  });

  it('defaults to the current fiscal year, or the latest with data', async () => {
    const view = await plan(executive, '');
    expect(view.fiscalYears[0]).toBeGreaterThanOrEqual(2574);
    expect(view.fiscalYears.includes(view.fiscalYear) || view.fiscalYears.length === 0).toBe(true);
  });

  it('gives a CSV template in Thai or English whose rows read back', async () => {
    const th = await t.app.inject({ method: 'GET', url: '/api/training/labour-demand/template?language=th', headers: { cookie: officer.cookie } });
    expect(th.statusCode).toBe(200);
    expect(th.headers['content-type']).toContain('text/csv');
    expect(th.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = th.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('จังหวัด');
    const en = await t.app.inject({ method: 'GET', url: '/api/training/labour-demand/template?language=en', headers: { cookie: officer.cookie } });
    expect(en.body).toContain('People needed');

    // The examples are Khon Kaen rows: a Phuket officer's upload reads every cell and refuses only the area.
    const result = (await upload(phuketOfficer, th.rawPayload)).json();
    expect(result).toMatchObject({ rows: 2, imported: 0 });
    expect(result.errors.map((e: { code: string }) => e.code)).toEqual(['out-of-scope', 'out-of-scope']);
  });
});
