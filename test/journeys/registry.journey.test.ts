import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { badChecksum, nationalId, peopleCsvRow, toCsv, windows874 } from '../helpers/people';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, WEB_ROOT } from './browser';

/**
 * The registry acceptance journey, on a phone: a Khon Kaen officer registers a woman (a mistyped
 * national ID is refused at the field), finds her again by typing part of her Thai name, creates
 * an occupation group with her as leader, and sees both on their pages and timelines.
 */
describe('browser journey: an officer registers a person and her group', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let officer: StaffAccount;
  const id = nationalId(Math.floor(Math.random() * 1e9), 3);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }], username: 'kk.registry' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' });
    page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel(/^ชื่อผู้ใช้/).fill(officer.username);
    await page.getByLabel(/^รหัสผ่าน/).fill(officer.password);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    // The sign-in page has a heading too: wait until it has been left.
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  const choose = async (label: RegExp, option: string) => {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('registers a person, refusing a wrong checksum at the field', async () => {
    await page.goto(`${baseUrl}/registry/people/new`);
    await page.getByRole('heading', { level: 1, name: 'ลงทะเบียนบุคคล' }).waitFor();
    await expectAccessible(page, 'register a person');
    // An empty form: each field says what it expects, a banner names them, the first takes the focus.
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.getByText(/^กรุณาแก้ไข \d+ ช่องที่มีข้อความสีแดง: เลขประจำตัวประชาชน, คำนำหน้า, ชื่อ \(ไทย\)/).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.getByLabel(/^เลขประจำตัวประชาชน/).evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByText('กรุณากรอกชื่อ (ไทย)').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('กรุณากรอกวันเกิดเป็น วว/ดด/ปปปป พ.ศ. เช่น 05/03/2528').isVisible()).toBe(true);
    await page.getByLabel(/^ชื่อ \(ไทย\)/).fill('<script>alert("x")</script>');
    await expect.poll(() => page.getByText(/ชื่อ \(ไทย\)ต้องเป็นตัวอักษรไทย/).isVisible()).toBe(true);
    await expectAccessible(page, 'register a person, with what to fix');
    const idField = page.getByLabel(/^เลขประจำตัวประชาชน/);
    await idField.fill(badChecksum(id));
    await idField.blur();
    await expect.poll(() => page.getByText('เลขหลักสุดท้ายไม่ถูกต้อง').isVisible()).toBe(true);
    await idField.fill(id);
    await choose(/^คำนำหน้า/, 'นางสาว');
    await page.getByLabel(/^ชื่อ \(ไทย\)/).fill('กาญจนาภรณ์');
    await page.getByLabel(/^นามสกุล \(ไทย\)/).fill('ศรีวิชัยรัตน์');
    await choose(/^เพศ/, 'หญิง');
    await page.getByLabel(/^วันเกิด/).fill('05/03/2528');
    await page.getByLabel(/^บ้านเลขที่/).fill('99/1');
    await choose(/^จังหวัด/, 'ขอนแก่น');
    await choose(/^อำเภอ/, 'เมืองขอนแก่น');
    await choose(/^ตำบล/, 'ในเมือง');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL(/\/registry\/people\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /กาญจนาภรณ์ ศรีวิชัยรัตน์/ }).waitFor();
    expect(await page.getByText(id).count()).toBe(0);
    await expectAccessible(page, 'person page');
  });

  it('finds her again by typing part of her Thai name', async () => {
    await page.goto(`${baseUrl}/registry`);
    await page.getByLabel(/^ค้นหาบุคคล/).fill('ศรีวิชัย');
    const link = page.getByRole('link', { name: /กาญจนาภรณ์ ศรีวิชัยรัตน์/ });
    await link.waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'people search');
  });

  it('creates a group with her as leader; both pages and timelines show it', async () => {
    await page.goto(`${baseUrl}/registry/groups/new`);
    await page.getByRole('heading', { level: 1, name: 'ลงทะเบียนกลุ่มอาชีพ' }).waitFor();
    await page.getByLabel(/^ชื่อกลุ่ม/).fill('กลุ่มผ้าไหมมัดหมี่บ้านกาญจนา');
    await choose(/^ประเภทกลุ่ม/, 'กลุ่มอาชีพสตรี');
    await choose(/^ประเภทอาชีพ/, 'ผ้าและเครื่องแต่งกาย');
    await page.getByLabel(/^วันที่ก่อตั้ง/).fill('01/06/2565');
    await choose(/^จังหวัด/, 'ขอนแก่น');
    await choose(/^อำเภอ/, 'เมืองขอนแก่น');
    await choose(/^ตำบล/, 'ในเมือง');
    await page.getByRole('textbox', { name: /^ประธาน/ }).fill('กาญจนา');
    await page.getByRole('option', { name: /กาญจนาภรณ์ ศรีวิชัยรัตน์/ }).click();
    await expectAccessible(page, 'register a group');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL(/\/registry\/groups\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'กลุ่มผ้าไหมมัดหมี่บ้านกาญจนา' }).waitFor();
    await page.getByRole('link', { name: /กาญจนาภรณ์ ศรีวิชัยรัตน์/ }).waitFor();
    await expect.poll(() => page.getByText(/เข้าร่วมกลุ่ม กลุ่มผ้าไหมมัดหมี่บ้านกาญจนา/).count()).toBeGreaterThan(0);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'group page');

    await page.getByRole('link', { name: /กาญจนาภรณ์ ศรีวิชัยรัตน์/ }).click();
    await page.getByRole('heading', { level: 1, name: /กาญจนาภรณ์/ }).waitFor();
    await page.getByRole('link', { name: 'กลุ่มผ้าไหมมัดหมี่บ้านกาญจนา' }).waitFor();
    await expect.poll(() => page.getByText('เข้าร่วมกลุ่ม กลุ่มผ้าไหมมัดหมี่บ้านกาญจนา ในฐานะประธานกลุ่ม').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/ลงทะเบียนโดย/).isVisible()).toBe(true);
  });

  it('imports an office’s Windows-874 file: maps one unknown value, checks, imports, and sees the counts and the reasons', async () => {
    // The office's own header words and everyday labels; one label the reference data does not know.
    const header = ['ลำดับที่', 'เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'สกุล', 'เพศ', 'วันเกิด', 'หมู่', 'รหัส ตำบล', 'กลุ่มเป้าหมาย'];
    const row = (n: number, title: string, sex: string, group: string) => {
      const r = peopleCsvRow(n);
      return [String(n % 100), r[0]!, title, r[2]!, r[3]!, sex, r[5]!, '4', '400101', group];
    };
    const rows = [row(900_001, 'น.ส.', 'ญ', 'สตรี'), row(900_002, 'นาง', 'หญิง', 'แม่เลี้ยงเดี่ยว'), row(900_003, 'นาย', 'ช', 'ชาวนา')];
    rows[1]![1] = badChecksum(rows[1]![1]!);
    const file = windows874(toCsv([header, ...rows]));
    await page.goto(`${baseUrl}/registry/imports`);
    await page.getByRole('heading', { level: 1, name: 'นำเข้าข้อมูลจากไฟล์' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'ผู้สมัคร อ.เมือง.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'อัปโหลดและอ่านไฟล์' }).click();
    await page.getByText('Windows-874 (ภาษาไทย, Excel)', { exact: false }).waitFor();
    await page.getByRole('list', { name: 'ขั้นตอนการนำเข้า' }).waitFor();

    // The value-mapping step lists the one value nothing matched, with its count.
    await page.getByRole('heading', { name: 'จับคู่ค่าที่ระบบไม่รู้จัก' }).waitFor();
    await page.getByText('ชาวนา', { exact: true }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'import: value mapping');
    await choose(/^จับคู่ค่า: ชาวนา/, 'แรงงานนอกระบบและแรงงานอิสระ');
    await page.getByRole('button', { name: 'บันทึกการจับคู่ค่า' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'บันทึกการจับคู่ค่า' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'ตรวจทุกแถว (ยังไม่บันทึก)' }).click();
    await page.getByRole('heading', { name: 'ผลการตรวจ' }).waitFor();
    await page.getByText(/ตรวจแล้ว นำเข้าได้ 2 จาก 3 แถว/).waitFor();
    await page.getByRole('cell', { name: /เลขหลักสุดท้ายไม่ถูกต้อง/ }).waitFor();
    await page.getByRole('button', { name: 'นำเข้าข้อมูล' }).click();

    // The banner matches the counts: two of three imported, never a plain "imported".
    await page.getByText(/นำเข้าได้ 2 จาก 3 แถว ไม่ผ่าน 1 แถว/).waitFor();
    expect(await page.locator('[data-count="inserted"]').textContent()).toBe('2');
    expect(await page.locator('[data-count="rejected"]').textContent()).toBe('1');
    await page.getByRole('heading', { name: 'สรุปตามสาเหตุ' }).waitFor();
    await page.getByRole('cell', { name: /เลขประจำตัวประชาชนไม่ถูกต้อง/ }).waitFor();
    await expect.poll(() => page.getByRole('progressbar').count()).toBeGreaterThan(0);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'import completed');

    const farmer = await t.database.db.selectFrom('person').select('target_groups').where('doc_number', '=', rows[2]![1]!).executeTakeFirstOrThrow();
    expect(farmer.target_groups).toEqual(['informal-worker']);
  });

  it('shows the import, duplicates and groups pages in English on a wide screen, accessibly', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => localStorage.setItem('archeep.language', 'en'));
    const titles: Record<string, string> = {
      '/registry': 'People',
      '/registry/groups': 'Occupation groups',
      '/registry/imports': 'Import from a file',
      '/registry/duplicates': 'Review duplicates',
    };
    for (const [path, title] of Object.entries(titles)) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(page, `${path} in English`);
    }
    await page.evaluate(() => localStorage.setItem('archeep.language', 'th'));
  });
});
