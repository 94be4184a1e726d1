import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { buildPeople, dayFromToday, sessionBody } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, WEB_ROOT, signInAt } from './browser';

// A 1×1 PNG, the photo the officer takes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * The enterprise acceptance journey: a Khon Kaen office nominates a group; headquarters selects it;
 * its members complete Social Commerce For Business and the stage advances by itself; an officer
 * records a visit on a 360 px phone with the network off, reconnects, and the visit and its photo
 * are on the group page; a มผช. certificate gives the product its mark; the dashboard counts the
 * group and the late list shrinks.
 */
describe('browser journey: a group through One Tambon One Group', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let officer: StaffAccount;
  let hq: StaffAccount;
  let groupId: number;
  let people: { id: number }[];
  let page: Page;
  let hqPage: Page;
  let phone: BrowserContext;
  let phonePage: Page;
  let lateBefore: string;
  const call = (who: StaffAccount, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } }).then((r) => {
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
      return r.json();
    });

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }], username: 'kk.enterprise' });
    hq = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-HQ' }], username: 'hq.enterprise' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    people = await buildPeople(t.database.db, 3, { firstSerial: 910_000, subdistrictCode: '400101' });
    const group = await call(officer, 'POST', '/api/groups', {
      name: 'กลุ่มแปรรูปปลาร้าบ้านในเมือง',
      type: 'women-occupation',
      occupation: 'food-processing',
      subdistrictCode: '400101',
      members: people.map((p) => ({ personId: p.id, role: 'member', joinedOn: '2024-01-01' })),
    });
    groupId = group.id;
    await call(officer, 'POST', `/api/enterprise/groups/${groupId}/products`, { name: 'ปลาร้าบอง', category: 'food', unitPriceSatang: 6500 });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' })).newPage();
    await signInAt(page, baseUrl, officer.username, officer.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  const lateCount = async (page: Page) => {
    await page.goto(`${baseUrl}/enterprise/programmes/OTOG`);
    return (await page.getByTestId('late-trained').textContent()) ?? '';
  };

  it('a Khon Kaen office nominates the group from its page', async () => {
    await page.goto(`${baseUrl}/enterprise/groups/${groupId}`);
    await page.getByRole('textbox', { name: 'โครงการ' }).click();
    await page.getByRole('option', { name: 'หนึ่งตำบล หนึ่งกลุ่มอาชีพอิสระ' }).click();
    await page.getByRole('button', { name: 'เสนอชื่อเข้าโครงการ' }).click();
    await expect.poll(() => page.getByTestId('path-OTOG').textContent()).toContain('ได้รับการเสนอชื่อ');
    await expectAccessible(page, 'group enterprise page');
    lateBefore = await lateCount(page);
    expect(lateBefore).toContain('1');
  });

  it('headquarters selects it as a prototype with a reason', async () => {
    hqPage = await (await browser.newContext({ locale: 'th-TH' })).newPage();
    await signInAt(hqPage, baseUrl, hq.username, hq.password);
    await hqPage.goto(`${baseUrl}/enterprise/groups/${groupId}`);
    await hqPage.getByRole('textbox', { name: 'เหตุผล' }).fill('ผลิตภัณฑ์มีศักยภาพ');
    await hqPage.getByRole('button', { name: 'คัดเลือกเป็นกลุ่มต้นแบบ (ส่วนกลาง)' }).click();
    await expect.poll(() => hqPage.getByTestId('path-OTOG').textContent()).toContain('ได้รับคัดเลือกเป็นกลุ่มต้นแบบ');
  });

  it('its members complete Social Commerce For Business and the stage advances by itself', async () => {
    const session = await call(
      officer,
      'POST',
      '/api/training/sessions',
      sessionBody({ applicationsCloseOn: dayFromToday(-1), days: [{ day: dayFromToday(-1), hours: 6 }] }),
    );
    await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    for (const p of people) await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id });
    await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'running' });
    const roster = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).items as { id: number }[];
    await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-1)}`, {
      entries: roster.map((r) => ({ enrolmentId: r.id, present: true })),
    });
    await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'completed' });
    await page.goto(`${baseUrl}/enterprise/groups/${groupId}`);
    await expect.poll(() => page.getByTestId('path-OTOG').textContent()).toContain('อัตโนมัติ');
  });

  it('an officer records a visit on a 360 px phone with the network off', async () => {
    phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' });
    phonePage = await phone.newPage();
    await signInAt(phonePage, baseUrl, officer.username, officer.password);
    await phonePage.goto(`${baseUrl}/enterprise/groups/${groupId}/visit`);
    await phonePage.getByRole('textbox', { name: 'ปัญหาอุปสรรค', exact: true }).waitFor();
    await phone.setOffline(true);
    await expect.poll(() => phonePage.getByTestId('network').textContent()).toContain('ออฟไลน์');
    await phonePage.getByRole('textbox', { name: 'ปัญหาอุปสรรค', exact: true }).fill('ขาดเงินทุนซื้อปลา');
    await phonePage.getByRole('textbox', { name: 'บันทึกความก้าวหน้า' }).fill('สมาชิกผลิตได้เดือนละ 200 กระปุก');
    await phonePage.locator('input[type="file"]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await phonePage.waitForTimeout(300);
    await phonePage.getByRole('button', { name: 'บันทึกการลงพื้นที่' }).click();
    await expect.poll(() => phonePage.getByTestId('pending').textContent()).toContain('1');
    expect(await fitsWidth(phonePage)).toBe(true);
  });

  it('reconnected, the phone sends the visit and it shows with its photo on the group page', async () => {
    await phone.setOffline(false);
    await expect.poll(() => phonePage.getByTestId('pending').textContent(), { timeout: 15_000 }).toContain('0');
    await page.goto(`${baseUrl}/enterprise/groups/${groupId}`);
    await expect.poll(() => page.getByTestId('visit').first().textContent()).toContain('สมาชิกผลิตได้เดือนละ 200 กระปุก');
    expect(await page.getByRole('img', { name: 'ภาพจากการลงพื้นที่ 1' }).count()).toBe(1);
  });

  it('a มผช. certificate gives the product its mark', async () => {
    await page.getByRole('textbox', { name: 'เลขมาตรฐาน (เช่น มผช. 107/2546)' }).fill('มผช. 107/2546');
    await page.getByRole('textbox', { name: 'วันที่ออก (ค.ศ. ปปปป-ดด-วว)' }).fill(dayFromToday(0));
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect.poll(() => page.getByTestId('mark').first().textContent()).toContain('มผช.');
  });

  it('the dashboard counts the group and the late list has shrunk', async () => {
    const lateAfter = await lateCount(page);
    expect(lateAfter).not.toEqual(lateBefore);
    expect(lateAfter).toContain('ทุกกลุ่มถึงขั้นนี้แล้ว');
    // The map shades Khon Kaen, where the group is, and a tap on it narrows the dashboard to it.
    const map = page.getByRole('img', { name: /แผนที่จำนวนกลุ่มในโครงการ/ });
    await map.locator('path').first().waitFor();
    const khonKaen = map.locator('path', { has: page.locator('title', { hasText: /^ขอนแก่น: / }) });
    expect(await khonKaen.getAttribute('fill')).not.toBe('#f1f3f5');
    await khonKaen.click();
    await page.waitForURL(/province=40/);
    await expectAccessible(page, 'programme dashboard');
  });
});
