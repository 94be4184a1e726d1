import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { JOURNEY_ENGINE } from '../helpers/database';
import { employerBody, vacancyBody } from '../helpers/employment';
import { pdfTitle } from '../helpers/pdf';
import { personBody } from '../helpers/people';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, signInAt, WEB_ROOT } from './browser';

/**
 * The monitoring acceptance journey (issue 20), as far as it is built: an executive on her phone
 * opens the overview for FY 2569, sees placements against the 15,000 target with its map, drills
 * into Khon Kaen and down to the placements behind the number (masked); the open-data page serves
 * the CSV without signing in. Two placements started in FY 2569 are made through the API. She also
 * makes the monthly report for June 2569 and downloads it as XLSX and PDF, and opens data quality.
 */
describe('browser journey: an executive reads placements against the target and drills to the records', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let executive: StaffAccount;
  let phone: Page;
  const call = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    executive = await t.createStaff({ roles: [{ role: 'executive' }], username: 'dsd.executive' });
    const employmentOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    const body = employerBody(740_001);
    const applied = await t.app.inject({ method: 'POST', url: '/api/employment/employers/apply', payload: body });
    expect(applied.statusCode, applied.body).toBe(201);
    await call(employmentOfficer, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' });
    const employer = { cookie: await t.signIn(body.username, body.password) };
    const vacancy = await call(employer, 'POST', '/api/employment/vacancies', vacancyBody({ requiredStandardCode: null, openings: 5 }));
    for (const startedOn of ['2026-03-02', '2026-06-15']) {
      const seeker = (await call(employmentOfficer, 'POST', '/api/people', personBody())).id;
      await call(employmentOfficer, 'PUT', `/api/people/${seeker}/job-seeker`, { desiredOccupations: ['5244'] });
      const referral = await call(employmentOfficer, 'POST', '/api/employment/referrals', {
        vacancyId: vacancy.id,
        personId: seeker,
        sharedFields: ['name'],
        consentEvidence: 'แบบยินยอมลงนาม',
      });
      await call(employer, 'POST', `/api/employment/referrals/${referral.id}/answer`, { status: 'hired', startedOn });
    }

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
    await signInAt(phone, baseUrl, executive.username, executive.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('opens FY 2569: placements against 15,000 with the map, drills into Khon Kaen and to the placements behind the number', async () => {
    const page = phone;
    await page.goto(`${baseUrl}/monitoring?fy=2569`);
    const card = page.getByTestId('indicator-employment.placed');
    await card.getByTestId('actual').waitFor();
    await expect.poll(() => card.getByTestId('actual').innerText()).toMatch(/^2\s/);
    expect(await card.innerText()).toContain('15,000');
    await page.getByRole('img', { name: /จังหวัด/ }).first().waitFor();
    // The indicator by region and by target group, under the map.
    await page.getByTestId('breakdown-regions').waitFor();
    await page.getByTestId('breakdown-groups').waitFor();
    await expectAccessible(page, 'monitoring overview FY 2569');
    expect(await fitsWidth(page)).toBe(true);

    // Khon Kaen, from the table beside the map, then the placements behind its number.
    await page.getByRole('link', { name: 'ขอนแก่น' }).click();
    await page.waitForURL(/province=40/);
    // Khon Kaen's districts, whose placements sum to the province's.
    await page.getByTestId('breakdown-districts').getByRole('row').nth(1).waitFor();
    const records = page.getByTestId('monitoring-records');
    await records.getByRole('row').nth(2).waitFor();
    expect(await records.getByRole('row').count()).toBe(3);
    expect(await records.innerText()).toContain('•••');
    await expectAccessible(page, 'monitoring drill-down to Khon Kaen placements');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('makes the monthly report for June 2569 and downloads it as XLSX (a SUM total) and PDF (the Thai title); opens data quality', async () => {
    const page = phone;
    await page.goto(`${baseUrl}/monitoring/reports`);
    await page.getByTestId('report-start').waitFor();
    await page.getByRole('textbox', { name: /^ปีงบประมาณ/ }).click();
    await page.getByRole('option', { name: 'ปีงบประมาณ 2569', exact: true }).click();
    await page.getByRole('textbox', { name: /^เดือน/ }).click();
    await page.getByRole('option', { name: 'มิถุนายน 2569', exact: true }).click();
    await page.getByTestId('report-start').click();
    const xlsxLink = page.getByTestId('report-xlsx').first();
    await xlsxLink.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('report-list').innerText()).toContain('รายงานประจำเดือนมิถุนายน 2569');
    await expectAccessible(page, 'monitoring reports');
    expect(await fitsWidth(page)).toBe(true);

    const xlsx = await page.request.get(`${baseUrl}${await xlsxLink.getAttribute('href')}`);
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as never);
    let total: { formula: string; result: number } | undefined;
    workbook.getWorksheet('สรุปตัวชี้วัด')!.eachRow((row) => {
      if (row.getCell(1).value === 'employment.placed') total = row.getCell(4 + 9).value as never; // October to June: nine months
    });
    expect(total).toEqual({ formula: expect.stringMatching(/^SUM\(D\d+:L\d+\)$/), result: 2 });
    const pdf = await page.request.get(`${baseUrl}${await page.getByTestId('report-pdf').first().getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(bytes)).toBe('รายงานผลการดำเนินงานประจำเดือนมิถุนายน 2569');

    await page.goto(`${baseUrl}/monitoring/data-quality`);
    await page.getByTestId('data-quality').waitFor();
    expect(await page.getByTestId('data-quality').innerText()).toContain('ขอนแก่น');
    await expectAccessible(page, 'monitoring data quality');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('serves the open data as CSV from the open-data page, without signing in', async () => {
    const page = phone;
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/open-data`);
    await page.getByTestId('open-data-catalogue').waitFor();
    await expectAccessible(page, 'open data page');
    expect(await fitsWidth(page)).toBe(true);
    const href = await page.getByTestId('open-data-csv').getAttribute('href');
    const csv = await page.request.get(`${baseUrl}${href!.replace(/fiscalYear=\d+/, 'fiscalYear=2569')}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('employment.placed');
    expect(text.split('\r\n').find((l) => l.includes('employment.placed') && l.includes(',*,'))).toContain(',15000');
  });
});
