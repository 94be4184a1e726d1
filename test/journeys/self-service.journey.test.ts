import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { personBody } from '../helpers/people';
import { ensureWebBuilt, expectAccessible, expectTextFits, expectThaiOnly, fitsWidth, launchChromium, signInAt, WEB_ROOT } from './browser';

/**
 * Issue 21 §3, §4, §6 in a browser: a citizen on a 360 px phone, in Thai, reads My Archeep and My
 * data, asks for a correction and files a complaint (her downloads and a consent withdrawn are in
 * citizen-own.journey.test.ts); an officer of her province (Khon Kaen) answers both from the queues, also at 360 px.
 */
describe('browser: self-service (My Archeep, My data, requests and grievances) on a 360 px phone in Thai', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let officer: StaffAccount;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  const call = async (cookie: string, method: 'POST', url: string, payload: unknown) => {
    const r = await t.app.inject({ method, url, payload: payload as never, headers: { cookie } });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.body ? r.json() : null;
  };

  /** A phone in Thai. */
  const phone = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(() => localStorage.setItem('archeep.language', 'th'));
    return { context, page: await context.newPage() };
  };

  /** The checks every page gets: axe, no sideways scrolling, whole words, Thai only. */
  const checkPage = async (page: Page, where: string) => {
    await expectAccessible(page, `${where} (Thai at 360 px)`);
    expect(await fitsWidth(page), `${where} needs no sideways scrolling at 360 px`).toBe(true);
    await expectTextFits(page, `${where} (Thai at 360 px)`);
    await expectThaiOnly(page, where, ['Test']); // the test accounts' display names
  };

  it('she reads her data, asks for a correction and complains; the officer answers', async () => {
    const person = await call(officer.cookie, 'POST', '/api/people', personBody({ houseNo: '12/3' }));
    const username = `citizen${person.id}`;
    const account = await call(officer.cookie, 'POST', `/api/people/${person.id}/citizen-account`, { username });
    const first = await t.signIn(username, account.oneTimePassword);
    await call(first, 'POST', '/api/auth/password', { currentPassword: account.oneTimePassword, newPassword: 'a long new password 2569' });

    const citizen = await phone();
    const page = citizen.page;
    await signInAt(page, baseUrl, username, 'a long new password 2569');

    // My Archeep.
    await page.goto(`${baseUrl}/my/archeep`);
    await page.getByRole('heading', { level: 1, name: 'อาชีพของฉัน' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'เส้นเวลา' }).waitFor();
    await checkPage(page, '/my/archeep');

    // My data, from My Archeep's link.
    await page.getByRole('link', { name: 'ข้อมูลของฉันและสิทธิตาม PDPA' }).click();
    await page.getByRole('heading', { level: 1, name: 'ข้อมูลของฉัน' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'ความยินยอม' }).waitFor();
    await checkPage(page, '/my/data');

    // The downloads and the Lazada consent are walked in citizen-own.journey.test.ts.

    // A correction of her house number.
    await page.getByRole('textbox', { name: 'ข้อมูลที่ต้องการแก้' }).click();
    await page.getByRole('option', { name: 'บ้านเลขที่' }).click();
    await page.getByText('ค่าปัจจุบัน: 12/3').waitFor();
    await page.getByRole('textbox', { name: 'ค่าที่ถูกต้อง' }).fill('12/7');
    await page.getByRole('textbox', { name: 'เหตุผล' }).first().fill('บ้านเลขที่ในทะเบียนบ้านคือ 12/7');
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await page.getByText(/^ส่งคำขอแล้ว เจ้าหน้าที่จะตอบภายใน/).waitFor();
    const requests = page.locator('section[aria-labelledby="requests"]');
    await requests.getByText('แก้ไขข้อมูล · บ้านเลขที่').waitFor();
    await requests.getByText('รอดำเนินการ').waitFor();
    await checkPage(page, '/my/data with a request');

    // A complaint.
    await page.goto(`${baseUrl}/my/grievances`);
    await page.getByRole('heading', { level: 1, name: 'เรื่องร้องเรียนและอุทธรณ์' }).waitFor();
    await page.getByText('ยังไม่มีเรื่อง').waitFor();
    await checkPage(page, '/my/grievances');
    await page.getByRole('textbox', { name: 'เรื่อง', exact: true }).fill('รอเกียรติบัตรนานเกินไป');
    await page.getByRole('textbox', { name: 'รายละเอียด' }).fill('อบรมจบแล้วสองเดือน ยังไม่ได้รับเกียรติบัตร');
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await page.getByText('ส่งเรื่องแล้ว').waitFor();
    const mine = page.locator('section[aria-labelledby="list"]');
    await mine.getByText('ร้องเรียน: รอเกียรติบัตรนานเกินไป').waitFor();
    await mine.getByText('รอคำตอบ').waitFor();
    await checkPage(page, '/my/grievances with a complaint');

    // The officer of Khon Kaen, on a phone too: the correction in the queue, applied.
    const desk = await phone();
    const [name, value] = officer.cookie.split('=') as [string, string];
    await desk.context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    const office = desk.page;
    await office.goto(`${baseUrl}/selfservice/requests`);
    await office.getByRole('heading', { level: 1, name: 'คำขอตาม PDPA' }).waitFor();
    const card = office.getByRole('article').filter({ hasText: 'บ้านเลขที่: 12/3 → 12/7' });
    await card.waitFor();
    await checkPage(office, '/selfservice/requests');
    await card.getByRole('textbox', { name: 'ผลที่แจ้งเจ้าของข้อมูล' }).fill('แก้บ้านเลขที่ตามทะเบียนบ้านแล้ว');
    await card.getByRole('button', { name: 'ดำเนินการ' }).click();
    // Answered, it leaves the open requests and is among those carried out.
    await expect.poll(() => card.count()).toBe(0);
    await office.getByRole('radiogroup', { name: 'สถานะ' }).getByText('ดำเนินการแล้ว', { exact: true }).click();
    const applied = office.getByRole('article').filter({ hasText: 'บ้านเลขที่: 12/3 → 12/7' });
    await applied.getByText('ผล: แก้บ้านเลขที่ตามทะเบียนบ้านแล้ว').waitFor();
    await applied.getByText('ดำเนินการแล้ว').waitFor();
    await checkPage(office, '/selfservice/requests, carried out');

    // The complaint in the grievance queue.
    await office.goto(`${baseUrl}/selfservice/grievances`);
    await office.getByRole('heading', { level: 1, name: 'เรื่องร้องเรียน' }).waitFor();
    const complaint = office.getByRole('article').filter({ hasText: 'ร้องเรียน: รอเกียรติบัตรนานเกินไป' });
    await complaint.waitFor();
    await complaint.getByText('อบรมจบแล้วสองเดือน ยังไม่ได้รับเกียรติบัตร').waitFor();
    await checkPage(office, '/selfservice/grievances');
    await desk.context.close();

    // She sees the outcome, and her record holds the corrected house number.
    await page.goto(`${baseUrl}/my/data`);
    await requests.getByText('ดำเนินการแล้ว').waitFor();
    await requests.getByText('ผล: แก้บ้านเลขที่ตามทะเบียนบ้านแล้ว').waitFor();
    await page.getByRole('textbox', { name: 'ข้อมูลที่ต้องการแก้' }).click();
    await page.getByRole('option', { name: 'บ้านเลขที่' }).click();
    await page.getByText('ค่าปัจจุบัน: 12/7').waitFor();
    await checkPage(page, '/my/data with the outcome');
    await citizen.context.close();
  });
});
