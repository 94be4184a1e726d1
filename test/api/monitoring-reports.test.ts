import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { employerBody, vacancyBody } from '../helpers/employment';
import { personBody } from '../helpers/people';
import { pdfTitle } from '../helpers/pdf';
import { dayFromToday } from '../helpers/training';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';

/** A workbook read back with its formulas and their cached results. */
async function workbookOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

describe.each(ENGINES)('monitoring reports and data quality on %s', (engine) => {
  let t: TestApp;
  let executive: StaffAccount, kkExecutive: StaffAccount, phuketOfficer: StaffAccount, assessor: StaffAccount;
  const call = (who: { cookie: string } | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: who ? { cookie: who.cookie } : {} });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  /** Starts a report, lets the job runner make it, and answers with it. */
  const made = async (who: StaffAccount, body: Record<string, unknown>) => {
    const started = await call(who, 'POST', '/api/monitoring/reports', body);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ total: 3, xlsxUrl: null });
    await t.services.jobs.drain();
    return ok(who, 'GET', `/api/monitoring/reports/${started.json().id}`);
  };
  const cell = (indicator: string, month: number, province: string, value: number, fiscalYear = 2569) =>
    t.database.db.insertInto('monitoring_rollup').values({ indicator, fiscal_year: fiscalYear, month, province_code: province, value }).execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    kkExecutive = await t.createStaff({ roles: [{ role: 'executive', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-HQ' }] });
    // Placements in FY 2569: Nov and Mar in Khon Kaen, Mar in Phuket, and Apr (after a March report's end).
    await cell('employment.placed', 11, '40', 1);
    await cell('employment.placed', 3, '40', 2);
    await cell('employment.placed', 3, '83', 4);
    await cell('employment.placed', 4, '40', 8);
    await cell('funding.disbursed-satang', 12, '40', 1_234_567);
    await cell('employment.placed', 3, '40', 50, 2568); // another fiscal year: in no 2569 report
  });
  afterAll(() => t?.dispose());

  it('makes the national monthly report as a job: XLSX totals are SUM formulas whose cached values are the rollups, and a Thai PDF', async () => {
    const report = await made(executive, { period: 'month', fiscalYear: 2569, month: 3, area: '*' });
    expect(report).toMatchObject({ status: 'succeeded', done: 3, total: 3, areaCode: '*', titleTh: 'รายงานผลการดำเนินงานประจำเดือนมีนาคม 2569' });
    const xlsx = await call(executive, 'GET', report.xlsxUrl);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = await workbookOf(xlsx.rawPayload);
    const summary = workbook.getWorksheet('สรุปตัวชี้วัด')!;
    expect(String(summary.getCell('A1').value)).toContain('มีนาคม 2569');
    const header = summary.getRow(5).values as unknown[];
    expect(header.slice(4, 10)).toEqual(['ต.ค. 2568', 'พ.ย. 2568', 'ธ.ค. 2568', 'ม.ค. 2569', 'ก.พ. 2569', 'มี.ค. 2569']);
    let placed: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'employment.placed') placed = row;
    });
    expect(placed, 'the placements row').toBeDefined();
    const total = placed!.getCell(10).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(D${placed!.number}:I${placed!.number})`);
    // The rollups of Oct–Mar, read back from the table: 1 + 2 + 4 (April's 8 and FY 2568's 50 are outside).
    const rollup = await t.database.db
      .selectFrom('monitoring_rollup')
      .select((eb) => eb.fn.sum<number>('value').as('sum'))
      .where('indicator', '=', 'employment.placed')
      .where('fiscal_year', '=', 2569)
      .where('month', 'in', [10, 11, 12, 1, 2, 3])
      .executeTakeFirstOrThrow();
    expect(total.result).toBe(Number(rollup.sum));
    expect(total.result).toBe(7);
    expect(placed!.getCell(5).value).toBe(1); // November
    expect(placed!.getCell(9).value).toBe(6); // March, both provinces
    expect(placed!.getCell(11).value).toBe(15_000); // the target shipped as data
    expect((placed!.getCell(12).value as { formula: string; result: number }).formula).toBe(
      `IF(K${placed!.number}>0,J${placed!.number}/K${placed!.number},"")`,
    );
    expect(placed!.getCell(12).numFmt).toBe('0.0%');
    // Money in baht with two decimals.
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'funding.disbursed-satang') {
        expect(row.getCell(6).value).toBe(12_345.67);
        expect(row.getCell(6).numFmt).toBe('#,##0.00');
      }
    });
    // Per province, with a SUM row under each indicator.
    const provinces = workbook.getWorksheet('รายจังหวัด')!;
    expect([provinces.getCell('A6').value, provinces.getCell('A7').value]).toEqual(['40', '83']);
    const sumRow = provinces.getRow(8);
    expect(sumRow.getCell(2).value).toBe('รวม');
    const column = (provinces.getRow(5).values as string[]).findIndex((v) => typeof v === 'string' && v.startsWith('ผู้ได้งานทำ'));
    expect(column, 'the placements column').toBeGreaterThan(2);
    expect((sumRow.getCell(column).value as { formula: string; result: number }).result).toBe(7);
    expect((sumRow.getCell(column).value as { formula: string }).formula).toMatch(/^SUM\([A-Z]+6:[A-Z]+7\)$/);

    const pdf = await call(executive, 'GET', report.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(pdf.rawPayload)).toBe('รายงานผลการดำเนินงานประจำเดือนมีนาคม 2569');
    expect(pdf.headers['content-disposition']).toContain('archeep-report-2569-03-TH.pdf');
  });

  it("gives a province's executive her province's report only, and refuses another province's and the country's", async () => {
    const refused = await call(kkExecutive, 'POST', '/api/monitoring/reports', { period: 'fiscal-year', fiscalYear: 2569, area: '83' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toContain('out-of-scope');
    expect((await call(kkExecutive, 'POST', '/api/monitoring/reports', { period: 'fiscal-year', fiscalYear: 2569, area: '*' })).statusCode).toBe(403);
    expect((await call(assessor, 'POST', '/api/monitoring/reports', { period: 'fiscal-year', fiscalYear: 2569, area: '40' })).statusCode).toBe(403);

    const mine = await made(kkExecutive, { period: 'fiscal-year', fiscalYear: 2569, area: '40' });
    expect(mine).toMatchObject({ status: 'succeeded', areaNameTh: 'ขอนแก่น', titleTh: 'รายงานผลการดำเนินงานประจำปีงบประมาณ 2569' });
    const summary = (await workbookOf((await call(kkExecutive, 'GET', mine.xlsxUrl)).rawPayload)).getWorksheet('สรุปตัวชี้วัด')!;
    let total: { formula: string; result: number } | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'employment.placed') total = row.getCell(4 + 12).value as never;
    });
    expect(total).toEqual({ formula: expect.stringMatching(/^SUM\(D\d+:O\d+\)$/), result: 11 }); // 1 + 2 + 8, Khon Kaen only

    // The national report (made above) is not hers; her list holds hers only; Phuket's officer sees neither.
    const list = await ok(kkExecutive, 'GET', '/api/monitoring/reports');
    expect(list.map((r: { areaCode: string }) => r.areaCode)).toEqual(['40']);
    const national = (await ok(executive, 'GET', '/api/monitoring/reports')).find((r: { areaCode: string }) => r.areaCode === '*');
    expect((await call(kkExecutive, 'GET', `/api/monitoring/reports/${national.id}`)).statusCode).toBe(403);
    expect((await call(kkExecutive, 'GET', `/api/monitoring/reports/${national.id}/report.xlsx`)).statusCode).toBe(403);
    expect((await call(phuketOfficer, 'GET', `/api/monitoring/reports/${mine.id}/report.pdf`)).statusCode).toBe(403);
    expect(await ok(phuketOfficer, 'GET', '/api/monitoring/reports')).toEqual([]);
    expect((await call(null, 'GET', '/api/monitoring/reports')).statusCode).toBe(401);
  });

  it('asks a monthly report for its month, and says so in Thai and English', async () => {
    const r = await call(executive, 'POST', '/api/monitoring/reports', { period: 'month', fiscalYear: 2569, area: '*' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ field: 'month', messageTh: expect.stringContaining('เดือน') });
    expect((await call(executive, 'POST', '/api/monitoring/reports', { period: 'month', fiscalYear: 2569, month: 13, area: '*' })).statusCode).toBe(400);
    expect((await call(executive, 'POST', '/api/monitoring/reports', { period: 'month', fiscalYear: 2569, month: 3, area: '99' })).statusCode).toBe(404);
  });

  it('counts missing fields per province through the owning modules, within the reader’s area', async () => {
    const officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    const before = await ok(kkExecutive, 'GET', '/api/monitoring/data-quality');
    const kkBefore = before.provinces.find((p: { provinceCode: string }) => p.provinceCode === '40') ?? {
      people: 0,
      withoutSubdistrict: 0,
      withoutTargetGroup: 0,
      overdueFollowUps: 0,
      placementsWithoutWage: 0,
    };
    const fine = (await ok(officer, 'POST', '/api/people', personBody())).id;
    await ok(officer, 'POST', '/api/people', personBody({ targetGroups: [] }));
    const stale = (await ok(officer, 'POST', '/api/people', personBody())).id;
    // A sub-district code that left the reference set (the column has no foreign key).
    await sql`update person set subdistrict_code = '409999' where id = ${stale}`.execute(t.database.db);
    expect(fine).toBeGreaterThan(0);

    // A placement started 200 days ago: its 3- and 6-month follow-ups are past due; its wage recorded as 0.
    const employmentOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    const body = employerBody(760_001);
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
    await ok(employer, 'POST', `/api/employment/referrals/${referral.id}/answer`, { status: 'hired', startedOn: dayFromToday(-200) });
    await sql`update placement set wage_satang = 0 where person_id = ${seeker}`.execute(t.database.db);
    const overdueInQueue = (await ok(employmentOfficer, 'GET', '/api/employment/follow-ups?overdue=true&limit=200')).length;

    const after = await ok(kkExecutive, 'GET', '/api/monitoring/data-quality');
    expect(after.area).toBe('provinces');
    expect(after.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['40']);
    const kk = after.provinces[0];
    expect(kk).toMatchObject({
      provinceNameTh: 'ขอนแก่น',
      people: kkBefore.people + 4,
      withoutSubdistrict: kkBefore.withoutSubdistrict + 1,
      withoutTargetGroup: kkBefore.withoutTargetGroup + 1,
      placementsWithoutWage: kkBefore.placementsWithoutWage + 1,
      overdueFollowUps: overdueInQueue,
    });
    expect(kk.overdueFollowUps).toBeGreaterThanOrEqual(kkBefore.overdueFollowUps + 1);
    expect(after.total.people).toBe(kk.people);

    // Another province is refused; the country reads every province; no indicator reader, no counts.
    expect((await call(kkExecutive, 'GET', '/api/monitoring/data-quality?province=83')).statusCode).toBe(403);
    const national = await ok(executive, 'GET', '/api/monitoring/data-quality');
    expect(national.area).toBe('country');
    expect(national.provinces.find((p: { provinceCode: string }) => p.provinceCode === '40')).toEqual(kk);
    expect((await call(assessor, 'GET', '/api/monitoring/data-quality')).statusCode).toBe(403);
  });
});
