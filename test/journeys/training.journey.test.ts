import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { personBody } from '../helpers/people';
import { ensureWebBuilt, expectAccessible, expectTextFits, fitsWidth, launchChromium, WEB_ROOT, signInAt } from './browser';
import { isoToThai } from '../../src/web/features/registry/fields';
import { bangkokDate, fiscalYearOf } from '../../src/shared/fiscal-year';

/**
 * The training acceptance journey: a Khon Kaen officer opens a Social Commerce For Business
 * session; a registered single mother applies from her own account on her phone; the officer
 * checks attendance on both days; she completes; her certificate PDF opens and the page its QR
 * code leads to says valid; revoking it makes the page say revoked.
 */
describe('browser journey: from a session to a verified certificate', () => {
  let t: TestApp;
  let browser: Browser;
  let officerPage: Page;
  let herContext: BrowserContext;
  let herPage: Page;
  let baseUrl: string;
  let officer: StaffAccount;
  let personId: number;
  let sessionId: number;
  let username: string;
  let oneTimePassword: string;
  let verifyUrl: string;
  const today = bangkokDate(new Date());
  const tomorrow = bangkokDate(new Date(Date.now() + 86_400_000));

  const signIn = (page: Page, user: string, password: string) => signInAt(page, baseUrl, user, password);
  const choose = async (page: Page, label: RegExp, option: string | RegExp) => {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).first().click();
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }], username: 'kk.training' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie: officer.cookie },
      payload: personBody({ title: 'miss', firstNameTh: 'มะลิวัลย์', lastNameTh: 'บุญประเสริฐ', targetGroups: ['single-parent'] }),
    });
    expect(registered.statusCode, registered.body).toBe(201);
    personId = registered.json().id;
    browser = await launchChromium();
    // The officer takes attendance on a phone too.
    officerPage = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'th-TH' })).newPage();
    herContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' });
    herPage = await herContext.newPage();
    await signIn(officerPage, officer.username, officer.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('the officer opens a Social Commerce For Business session in Khon Kaen and her citizen account', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/training/sessions/new`);
    await page.getByRole('heading', { level: 1, name: 'เปิดรุ่นการอบรมใหม่' }).waitFor();
    await choose(page, /^หลักสูตร/, /^Social Commerce For Business/);
    await choose(page, /^จังหวัด/, 'ขอนแก่น');
    await choose(page, /^อำเภอ/, 'เมืองขอนแก่น');
    await choose(page, /^ตำบล/, 'ในเมือง');
    await page.getByLabel(/^สถานที่อบรม/).fill('ห้องประชุมศาลากลางจังหวัดขอนแก่น');
    await page.getByLabel(/^วันแรกของการอบรม/).fill(isoToThai(today));
    await page.getByLabel(/^วันปิดรับสมัคร/).fill(isoToThai(today));
    await page.getByLabel(/^จำนวนวัน/).fill('2');
    await expectAccessible(page, 'session form');
    await page.getByRole('button', { name: 'บันทึกรุ่นการอบรม' }).click();
    await page.waitForURL(/\/training\/sessions\/\d+$/);
    sessionId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('button', { name: 'เปิดรับสมัคร' }).click();
    await expect.poll(() => page.getByTestId('session-status').textContent()).toBe('เปิดรับสมัคร');
    await expectAccessible(page, 'session page');

    await page.goto(`${baseUrl}/registry/people/${personId}`);
    username = `mali${personId}`;
    await page.getByLabel(/^ชื่อผู้ใช้/).fill(username);
    await page.getByRole('button', { name: 'เปิดบัญชีผู้ใช้' }).click();
    oneTimePassword = (await page.getByTestId('one-time-password').textContent())!.trim();
    expect(oneTimePassword.length).toBeGreaterThan(8);
  });

  it('she applies from her own account on her phone', async () => {
    const page = herPage;
    await signIn(page, username, oneTimePassword);
    await page.getByLabel(/^รหัสผ่านปัจจุบัน/).fill(oneTimePassword);
    await page.getByLabel(/^รหัสผ่านใหม่/).fill('มะลิ ชอบขายของออนไลน์ 2569');
    await page.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill('มะลิ ชอบขายของออนไลน์ 2569');
    await page.getByRole('button', { name: 'บันทึกรหัสผ่าน' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/change-password'));
    await page.goto(`${baseUrl}/my/courses`);
    await page
      .getByRole('link', { name: /Social Commerce For Business|รายละเอียด/ })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/my/courses/sessions/${sessionId}$`));
    await expectAccessible(page, 'session for a citizen');
    await page.getByRole('button', { name: 'สมัคร' }).click();
    await page.getByText('ได้ที่นั่ง').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.goto(`${baseUrl}/my/courses`);
    await page.getByText('ได้ที่นั่ง').first().waitFor();
    await expectAccessible(page, 'my courses');
  });

  it('the officer checks attendance on both days, closes the session, and she completes', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/training/sessions/${sessionId}`);
    await page.getByRole('button', { name: 'เริ่มอบรม' }).click();
    await expect.poll(() => page.getByTestId('session-status').textContent()).toBe('กำลังอบรม');
    const attendDay = async () => {
      await page.goto(`${baseUrl}/training/sessions/${sessionId}`);
      await page.getByRole('tab', { name: 'การเข้าอบรม' }).click();
      await page.getByRole('checkbox', { name: /มะลิวัลย์ บุญประเสริฐ/ }).check();
      await page.getByRole('button', { name: 'บันทึกการเข้าอบรม' }).click();
      await page.getByText('บันทึกแล้ว').waitFor();
    };
    await attendDay();
    await page.getByRole('img', { name: /QR code สำหรับเช็กอิน/ }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'attendance sheet');
    // A day passes: the session's calendar moves back by one day, so tomorrow's session day is today.
    await t.database.db.transaction().execute(async (trx) => {
      await sql`update training_session set starts_on = starts_on - 1, ends_on = ends_on - 1, applications_close_on = applications_close_on - 1 where id = ${sessionId}`.execute(
        trx,
      );
      await sql`update session_day set day = day - 1 where session_id = ${sessionId}`.execute(trx);
      await sql`update attendance set day = day - 1 where enrolment_id in (select id from enrolment where session_id = ${sessionId})`.execute(trx);
    });
    expect(tomorrow > today).toBe(true);
    await attendDay();
    await page.getByRole('tab', { name: 'รายชื่อ' }).click();
    await page.getByRole('cell', { name: '12', exact: true }).waitFor();
    await page.getByRole('button', { name: 'ปิดรุ่นและประเมินผล' }).click();
    await expect.poll(() => page.getByTestId('session-status').textContent()).toBe('จบแล้ว');
    await page.getByRole('tab', { name: 'รายชื่อ' }).click();
    await page.getByText('ผ่านการอบรม').first().waitFor();
    await page.getByRole('button', { name: 'ออกเกียรติบัตร' }).click();
    await page.getByRole('link', { name: /เปิด PDF/ }).waitFor();
  });

  it('her certificate PDF opens and the page its QR code leads to says valid', async () => {
    const page = herPage;
    await page.goto(`${baseUrl}/my/certificates`);
    const pdfLink = page.getByRole('link', { name: /PDF/ }).first();
    await pdfLink.waitFor();
    await expectAccessible(page, 'my certificates');
    const href = await pdfLink.getAttribute('href');
    const pdf = await herContext.request.get(`${baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The QR code and the link beneath it carry the same address: the PDF's link annotation.
    const uri = /\/URI \(([^)]+)\)/.exec(bytes.toString('latin1'))?.[1];
    expect(uri).toMatch(/\/verify\/[0-9A-Z-]{24}$/);
    verifyUrl = new URL(new URL(uri!).pathname, baseUrl).toString();
    const visitor = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
    await visitor.goto(verifyUrl);
    await expect.poll(() => visitor.getByTestId('verification-status').textContent()).toContain('ใช้ได้');
    expect(await visitor.getByText('บุญประเสริฐ').count()).toBe(0);
    await expectAccessible(visitor, 'public verification');
    await visitor.close();
  });

  it('revoking it makes the page say revoked', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/training/sessions/${sessionId}`);
    await page.getByRole('button', { name: /^เพิกถอน/ }).click();
    await page.getByLabel(/^เหตุผลในการเพิกถอน/).fill('ออกให้ผิดรุ่น');
    await page.getByRole('button', { name: 'ยืนยัน' }).click();
    await page
      .getByText(/ถูกเพิกถอน/)
      .first()
      .waitFor();
    const visitor = await (await browser.newContext({ locale: 'th-TH' })).newPage();
    await visitor.goto(verifyUrl);
    await expect.poll(() => visitor.getByTestId('verification-status').textContent()).toContain('ถูกเพิกถอน');
    await visitor.close();
  });

  it('draws the planning chart on a phone with no label over another or cut off', async () => {
    const year = fiscalYearOf(new Date());
    const csv = ['จังหวัด,หมวดหลักสูตร,อาชีพ,ปีงบประมาณ,จำนวนคนที่ต้องการ', `40,crafts,ช่างทอผ้า,${year},12500`, `40,crafts,ช่างจักสาน,${year},3400`].join('\n');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/training/labour-demand?fileName=demand.csv',
      payload: csv,
      headers: { cookie: officer.cookie, 'content-type': 'text/csv' },
    });
    expect(uploaded.statusCode, uploaded.body).toBeLessThan(300);
    const page = officerPage;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}/training/planning`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('figure svg text').first().waitFor();
    await expectTextFits(page, 'the planning page at 360 px');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('shows the training pages in English on a wide screen, accessibly', async () => {
    const page = officerPage;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => localStorage.setItem('archeep.language', 'en'));
    const titles: Record<string, string> = {
      '/training': 'Training',
      '/training/curricula': 'Training curricula',
      '/training/planning': 'Training planning against labour demand',
      [`/training/sessions/${sessionId}`]: 'Social Commerce For Business',
    };
    for (const [path, title] of Object.entries(titles)) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(page, `${path} in English`);
    }
    await page.evaluate(() => localStorage.setItem('archeep.language', 'th'));
  });
});
