import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { employerBody } from '../helpers/employment';
import { personBody } from '../helpers/people';
import { completeCourse, dayFromToday, sessionBody } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, signInAt, WEB_ROOT } from './browser';

const STANDARD = 'TPQI-ECW';

/**
 * The employment acceptance journey: a Khon Kaen employer registers and is verified; posts a
 * vacancy needing the e-commerce qualification; the officer sees the woman who holds it ranked
 * first with “holds TPQI-ECW” as a reason and refers her with her consent; the employer hires her;
 * the placement is on her timeline and in the count; her 3-month follow-up records her income and
 * the summary shows the change. Her qualification and opt-in come by API: competency and the
 * registry have their own journeys.
 */
describe('browser journey: from a qualification to a job and a higher income', () => {
  let t: TestApp;
  let browser: Browser;
  let officerPage: Page;
  let employerPage: Page;
  let baseUrl: string;
  let officer: StaffAccount;
  let personId: number;
  let vacancyId: number;
  const serial = 700_000 + Math.floor(Math.random() * 100_000);
  const employer = employerBody(serial, { nameTh: 'บริษัท ขอนแก่นช้อปออนไลน์ จำกัด' });
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who: StaffAccount = officer) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const choose = async (page: Page, label: RegExp, option: string | RegExp) => {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).first().click();
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }], username: 'kk.employment' });
    const assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }] });
    const session = await call('POST', '/api/training/sessions', sessionBody({ capacityMin: 1 }));
    const registered = await call(
      'POST',
      '/api/people',
      personBody({ title: 'miss', firstNameTh: 'มะลิวัลย์', lastNameTh: 'บุญประเสริฐ', monthlyIncomeSatang: 450_000 }),
    );
    personId = registered.json().id;
    // A neighbour in the same district without the qualification, ranked below her.
    const other = (await call('POST', '/api/people', personBody({ firstNameTh: 'บัวขาว' }))).json().id;
    await completeCourse(t.database.db, session.json().id, [personId]);
    const units = ((await call('GET', `/api/competency/standards/${STANDARD}`)).json().units as { code: string }[]).map((u) => u.code);
    const event = await call('POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: 'TPQI-AC-NE',
      provinceCode: '40',
      assessedOn: dayFromToday(0),
      online: true,
      capacity: 5,
      assessorUserIds: [assessor.id],
    });
    const candidate = (await call('POST', `/api/assessments/${event.json().id}/candidates`, { personIds: [personId] })).json().candidates[0];
    await call(
      'PUT',
      `/api/assessments/candidates/${candidate.id}/results`,
      { results: units.map((unitCode) => ({ unitCode, result: 'competent', evidenceNote: 'ตั้งร้านค้าได้ครบถ้วน' })) },
      assessor,
    );
    expect((await call('POST', `/api/assessments/candidates/${candidate.id}/decide`, {}, assessor)).statusCode).toBe(200);
    for (const id of [personId, other]) expect((await call('PUT', `/api/people/${id}/job-seeker`, { desiredOccupations: ['5244'] })).statusCode).toBe(200);

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    officerPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' })).newPage();
    // The employer works from a phone.
    employerPage = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
    await signInAt(officerPage, baseUrl, officer.username, officer.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('an employer in Khon Kaen registers on its phone', async () => {
    const page = employerPage;
    await page.goto(`${baseUrl}/jobs`);
    await page.getByTestId('placement-indicator').waitFor();
    await expectAccessible(page, 'vacancy board');
    await page.getByRole('link', { name: /นายจ้าง: ลงทะเบียน/ }).click();
    await page.getByLabel(/^เลขทะเบียนนิติบุคคล/).fill(employer.taxId);
    await page.getByLabel(/^ชื่อสถานประกอบการ/).fill(employer.nameTh);
    await page.getByLabel(/^รหัสประเภทธุรกิจ/).fill(employer.tsicCode);
    await page.getByLabel(/^รหัสตำบลที่ตั้ง/).fill(employer.subdistrictCode);
    await page.getByLabel(/^ผู้ติดต่อ/).fill(employer.contactName);
    await page.getByLabel(/^โทรศัพท์/).fill(employer.contactPhone);
    await page.getByLabel(/^ชื่อผู้ใช้สำหรับเข้าระบบ/).fill(employer.username);
    await page.getByLabel(/^รหัสผ่าน/).fill(employer.password);
    await expectAccessible(page, 'employer registration');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'ลงทะเบียน' }).click();
    await page.getByText(/ลงทะเบียนแล้ว/).waitFor();
  });

  it('the employment office of Khon Kaen verifies it', async () => {
    await officerPage.goto(`${baseUrl}/employment`);
    await officerPage.getByRole('button', { name: `รับรอง ${employer.nameTh}`, exact: true }).click();
    await officerPage.getByText('ไม่มีนายจ้างที่รอตรวจสอบ').waitFor();
    await expectAccessible(officerPage, 'employment home');
  });

  it('the employer posts a vacancy needing the e-commerce qualification', async () => {
    const page = employerPage;
    await signInAt(page, baseUrl, employer.username, employer.password);
    await page.goto(`${baseUrl}/employment`);
    await expect.poll(() => page.getByTestId('employer-status').textContent()).toBe('ตรวจสอบแล้ว');
    await page.getByRole('link', { name: 'ประกาศตำแหน่งงานใหม่' }).click();
    await page.getByLabel(/^รหัสอาชีพ/).fill('5244');
    await page.getByLabel(/^ชื่อตำแหน่ง \(ภาษาไทย\)/).fill('ผู้ช่วยขายของออนไลน์');
    await choose(page, /^คุณวุฒิวิชาชีพที่ต้องการ/, STANDARD);
    await page.getByLabel(/^รหัสตำบลที่ทำงาน/).fill('400101');
    await page.getByLabel(/^ค่าจ้าง \(บาท\)/).fill('12000');
    await expectAccessible(page, 'vacancy form');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL(/\/employment\/vacancies\/\d+$/);
    vacancyId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('vacancy-status').textContent()).toBe('เผยแพร่');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('the officer sees her ranked first because she holds TPQI-ECW, and refers her with her consent', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/employment/vacancies/${vacancyId}`);
    const first = page.getByTestId('candidate-1');
    await first.getByText('มะลิวัลย์', { exact: false }).waitFor();
    await first.getByText(`มีคุณวุฒิ ${STANDARD}`).waitFor();
    await expectAccessible(page, 'matching');
    await first.getByRole('button', { name: 'ส่งตัว' }).click();
    await page.getByLabel(/^หลักฐานความยินยอม/).fill('แบบยินยอมเปิดเผยข้อมูลแก่นายจ้าง ลงนามแล้ว');
    await page.getByRole('button', { name: 'บันทึกความยินยอมและส่งตัว' }).click();
    await first.getByText('ส่งตัวแล้ว').waitFor();
  });

  it('the employer sees only what she agreed to share and hires her', async () => {
    const page = employerPage;
    await page.goto(`${baseUrl}/employment/vacancies/${vacancyId}`);
    await page.getByText('มะลิวัลย์', { exact: false }).first().waitFor();
    // Age and district were not consented to; no identity number is on the page.
    expect(await page.getByText('ไม่ได้รับความยินยอมให้เปิดเผย').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toMatch(/\d-\d{4}-\d{5}-\d{2}-\d|\b\d{13}\b/);
    await expectAccessible(page, 'referrals for the employer');
    await page.getByRole('button', { name: 'รับเข้าทำงาน' }).click();
    await expect.poll(() => page.getByTestId('placed-of-openings').textContent()).toContain('บรรจุแล้ว 1');
  });

  it('the placement is on her timeline and counted; her 3-month follow-up records her income and the summary shows the change', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/registry/people/${personId}`);
    await page
      .getByText(/ได้งาน ผู้ช่วยขายของออนไลน์/)
      .first()
      .waitFor();
    await page.goto(`${baseUrl}/employment/follow-ups`);
    const row = page.locator('[data-testid^="follow-up-"]', { hasText: '3 เดือน' }).filter({ hasText: 'ผู้ช่วยขายของออนไลน์' }).first();
    await row.getByLabel(/^รายได้ต่อเดือน/).fill('12500');
    await expectAccessible(page, 'follow-ups');
    await row.getByRole('button', { name: 'บันทึกผล' }).click();
    // Recorded, it leaves the queue; her employment card shows it with the change.
    await expect.poll(() => row.count()).toBe(0);
    await page.goto(`${baseUrl}/employment/people/${personId}`);
    await page
      .getByText(/รายได้เปลี่ยนแปลง 8,000/)
      .first()
      .waitFor();
    await page.goto(`${baseUrl}/employment/summary`);
    await expect.poll(() => page.getByTestId('placed-count').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('income-change').textContent()).toContain('+8,000');
    // The map shades Khon Kaen, where she was placed; a tap tells its count and offers its list.
    const map = page.getByRole('img', { name: /แผนที่การบรรจุงานรายจังหวัด/ });
    const khonKaen = map.locator('path', { has: page.locator('title', { hasText: /^ขอนแก่น: 1$/ }) });
    await khonKaen.waitFor();
    expect(await khonKaen.getAttribute('fill')).not.toBe('#f1f3f5');
    await khonKaen.click();
    await expect.poll(() => page.getByTestId('province-placed').textContent()).toContain('บรรจุงานในปีงบประมาณนี้ 1 คน');
    await expectAccessible(page, 'placement summary');
  });
});
