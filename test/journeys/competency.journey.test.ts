import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { personBody } from '../helpers/people';
import { completeCourse, sessionBody } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, expectTextFits, fitsWidth, launchChromium, WEB_ROOT, signInAt } from './browser';

const STANDARD = 'TPQI-ECW';
const UNIT_COUNT = 5;

/**
 * The competency acceptance journey: a woman who completed Social Commerce For Business appears as
 * eligible for the e-commerce standard; the Khon Kaen officer organises an assessment and refers
 * her; the assessor records results on a tablet and decides; she is competent, and her signed
 * qualification verifies on the public page, and as a file; after revocation it shows revoked.
 */
describe('browser journey: from a completed course to a verified qualification', () => {
  let t: TestApp;
  let browser: Browser;
  let officerContext: BrowserContext;
  let officerPage: Page;
  let assessorPage: Page;
  let baseUrl: string;
  let officer: StaffAccount;
  let assessor: StaffAccount;
  let admin: StaffAccount;
  let personId: number;
  let eventId: number;
  let code: string;

  const signIn = (page: Page, user: string, password: string) => signInAt(page, baseUrl, user, password);
  const visitor = async (viewport = { width: 360, height: 740 }, locale = 'th-TH') => (await browser.newContext({ viewport, locale })).newPage();

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }], username: 'kk.competency' });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }], username: 'ne.assessor' });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
    // Her course completion comes by factory: training has its own journey.
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/training/sessions',
      headers: { cookie: officer.cookie },
      payload: sessionBody({ capacityMin: 1 }),
    });
    expect(session.statusCode, session.body).toBe(201);
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie: officer.cookie },
      payload: personBody({ title: 'miss', firstNameTh: 'มะลิวัลย์', lastNameTh: 'บุญประเสริฐ', firstNameEn: 'Maliwan', lastNameEn: 'Boonprasert' }),
    });
    expect(registered.statusCode, registered.body).toBe(201);
    personId = registered.json().id;
    await completeCourse(t.database.db, session.json().id, [personId]);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    officerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' });
    officerPage = await officerContext.newPage();
    // The assessor works on a tablet at the assessment centre.
    assessorPage = await (await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'th-TH', hasTouch: true })).newPage();
    await signIn(officerPage, officer.username, officer.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('the officer finds her on the eligible list, organises an assessment and refers her', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/credentials`);
    await page.getByRole('heading', { level: 1, name: 'สมรรถนะและคุณวุฒิ' }).waitFor();
    await page.getByText('ยังไม่มีการประเมินตามเงื่อนไขนี้').waitFor();
    await expectAccessible(page, 'competency page');
    await page.getByRole('link', { name: 'มาตรฐานสมรรถนะด้านการใช้อีคอมเมิร์ซ' }).click();
    await page.waitForURL(new RegExp(`/credentials/standards/${STANDARD}$`));
    const row = page.getByRole('row', { name: /มะลิวัลย์ บุญประเสริฐ/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('ยังไม่เคยประเมิน');
    expect(await row.textContent()).toContain('Social Commerce For Business');
    // The chart of where the eligible stand, with its figures in a table beneath for screen readers.
    await page.getByRole('heading', { name: 'ผู้มีสิทธิ์เข้ารับการประเมินตามจังหวัดและสถานะ' }).waitFor();
    await page.locator('svg').filter({ hasText: 'ขอนแก่น' }).first().waitFor();
    // The units expand to their elements and performance criteria; assumed details say so.
    await page.getByRole('button', { name: /ICT-ECW-3-901ZA/ }).click();
    await page.getByText('19011.01').waitFor();
    expect(await page.getByText('ข้อมูลสมมติ (assumed)').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'standard page with the eligible list');

    await page.getByRole('link', { name: 'จัดการประเมินใหม่' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'จัดการประเมินสมรรถนะใหม่' }).waitFor();
    // The standard, her province and its centre (TPQI-AC-NE) come chosen; the day is today.
    await expect.poll(() => page.getByRole('textbox', { name: /^ศูนย์ประเมิน/ }).inputValue()).toContain('ภาคตะวันออกเฉียงเหนือ');
    await page.getByLabel(/^สถานที่ประเมิน/).fill('ศูนย์ประเมินขอนแก่น ห้อง 2');
    await page.getByRole('textbox', { name: /^ผู้ประเมิน/ }).click();
    await page.getByRole('option', { name: /Test ne\.assessor/ }).click();
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'assessment form');
    await page.getByRole('button', { name: 'บันทึกการประเมิน' }).click();
    await page.waitForURL(/\/credentials\/assessments\/\d+$/);
    eventId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('event-status').textContent()).toContain('เปิดอยู่');

    await page.getByRole('link', { name: 'ดูมาตรฐานและผู้มีสิทธิ์' }).click();
    await page.getByRole('checkbox', { name: /มะลิวัลย์/ }).check();
    await page.getByRole('button', { name: 'ส่งเข้ารับการประเมิน (1 คน)' }).click();
    await page.getByText(/ส่ง 1 คนเข้ารับการประเมิน AS-/).waitFor();
    await expect.poll(() => row.textContent()).toContain('ส่งเข้ารับการประเมินแล้ว');
  });

  it('the assessor records every unit competent with evidence on a tablet, and decides', async () => {
    const page = assessorPage;
    await signIn(page, assessor.username, assessor.password);
    await page.goto(`${baseUrl}/credentials`);
    await page.getByRole('link', { name: 'อาชีพผู้ค้าออนไลน์ ระดับ 3' }).click();
    await page.waitForURL(new RegExp(`/credentials/assessments/${eventId}$`));
    const sheet = page.getByRole('region', { name: /มะลิวัลย์/ });
    await sheet.waitFor();
    await sheet
      .getByRole('button', { name: /ดูเกณฑ์การปฏิบัติงาน/ })
      .first()
      .click();
    await sheet.getByText('19011.02').waitFor();
    const competent = sheet.getByRole('radio', { name: /^มีสมรรถนะ/ });
    const evidence = sheet.getByLabel(/^หลักฐาน/);
    expect(await competent.count()).toBe(UNIT_COUNT);
    for (let i = 0; i < UNIT_COUNT; i++) {
      await competent.nth(i).click();
      await evidence.nth(i).fill(`หน่วยที่ ${i + 1}: สาธิตบนร้าน Shopee จริง ตอบคำถามได้ครบ`);
    }
    expect(await fitsWidth(page), 'the sheet fits a tablet').toBe(true);
    await expectAccessible(page, 'assessment sheet on a tablet');
    await sheet.getByRole('button', { name: 'บันทึกผล' }).click();
    await sheet.getByText('บันทึกผลแล้ว').waitFor();
    await sheet.getByRole('button', { name: 'สรุปผล' }).click();
    await page
      .getByRole('dialog')
      .getByText(/มีสมรรถนะครบทุกหน่วย/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'ยืนยัน' }).click();
    await sheet.getByText(/ผ่านการประเมิน ออกคุณวุฒิแล้ว/).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    code = (await sheet.getByTestId('credential-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'decided sheet');
  });

  it('the public page says valid, with the signature checked, and a downloaded file verifies', async () => {
    const page = await visitor();
    await page.goto(`${baseUrl}/verify/${code}`);
    await expect.poll(() => page.getByTestId('verification-status').textContent()).toBe('ใช้ได้');
    expect(await page.getByText('คุณวุฒิวิชาชีพ').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('check-signature').textContent()).toMatch(/ผ่าน: ลายมือชื่ออิเล็กทรอนิกส์ถูกต้อง ตรวจด้วยกุญแจ key-\S+ ของสถาบันคุณวุฒิวิชาชีพ/);
    expect(await page.getByTestId('check-status').textContent()).toContain('ยังไม่ถูกเพิกถอน');
    expect(await page.getByText('บุญประเสริฐ').count()).toBe(0);
    expect(await fitsWidth(page), 'the public page fits a phone').toBe(true);
    await expectAccessible(page, 'public verification of a qualification');

    // The holder's signed file, checked by pasting it; the same file altered fails, by upload.
    const file = await officerContext.request.get(`${baseUrl}/api/credentials/${code}/credential.json`);
    expect(file.status()).toBe(200);
    const document = await file.json();
    await page.getByLabel('หรือวางเนื้อหาไฟล์ที่นี่').fill(JSON.stringify(document));
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await expect.poll(() => page.getByTestId('document-verification-status').textContent()).toBe('ตรวจสอบผ่าน');
    const altered = JSON.stringify({
      ...document,
      credentialSubject: { ...document.credentialSubject, achievement: { ...document.credentialSubject.achievement, name: 'อาชีพผู้ค้าออนไลน์ ระดับ 8' } },
    });
    await page.locator('input[type=file]').setInputFiles({ name: 'credential.json', mimeType: 'application/json', buffer: Buffer.from(altered) });
    await expect.poll(() => page.getByTestId('document-verification-status').textContent()).toBe('ตรวจสอบไม่ผ่าน');
    expect(await page.getByTestId('document-problems').textContent()).toContain('ลายมือชื่อไม่ตรงกับเนื้อหา');
    await expectAccessible(page, 'a credential file checked');
    await page.context().close();
  });

  it('she sees the qualification, its PDF and signed file, on her phone; her record shows her experience card', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/registry/people/${personId}`);
    await page.getByText('ประสบการณ์เพื่อขอรับการประเมินสมรรถนะ').waitFor();
    await expectAccessible(page, 'person page with the experience card');
    await page.getByLabel(/^ชื่อผู้ใช้/).fill(`mali${personId}`);
    await page.getByRole('button', { name: 'เปิดบัญชีผู้ใช้' }).click();
    const oneTimePassword = (await page.getByTestId('one-time-password').textContent())!.trim();

    const her = await visitor();
    await signIn(her, `mali${personId}`, oneTimePassword);
    await her.getByLabel(/^รหัสผ่านปัจจุบัน/).fill(oneTimePassword);
    await her.getByLabel(/^รหัสผ่านใหม่/).fill('มะลิ ผู้ค้าออนไลน์ ระดับสาม');
    await her.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill('มะลิ ผู้ค้าออนไลน์ ระดับสาม');
    await her.getByRole('button', { name: 'บันทึกรหัสผ่าน' }).click();
    await her.waitForURL((url) => !url.pathname.startsWith('/change-password'));
    await her.goto(`${baseUrl}/my/qualifications`);
    await her.getByRole('heading', { level: 3, name: 'อาชีพผู้ค้าออนไลน์ ระดับ 3' }).first().waitFor();
    const json = her.getByRole('link', { name: /ดาวน์โหลดไฟล์ลงลายมือชื่อ \(JSON\)/ });
    const downloaded = await her.context().request.get(`${baseUrl}${await json.getAttribute('href')}`);
    expect((await downloaded.json()).type).toEqual(expect.arrayContaining(['OpenBadgeCredential']));
    const pdf = await her.context().request.get(`${baseUrl}${await her.getByRole('link', { name: /ดาวน์โหลด PDF/ }).getAttribute('href')}`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await fitsWidth(her)).toBe(true);
    await expectTextFits(her, 'my qualifications at 360 px');
    await expectAccessible(her, 'my qualifications');
    await her.context().close();
  });

  it('an administrator rotates the issuer’s key and the qualification still verifies', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH' });
    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/credentials/keys`);
    await page.getByRole('cell', { name: 'ใช้งานอยู่' }).waitFor();
    await expectAccessible(page, 'issuer keys');
    await page.getByRole('button', { name: 'เปลี่ยนกุญแจลงนาม' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'ยืนยันการเปลี่ยนกุญแจ' }).click();
    await page.getByText(/เปลี่ยนกุญแจแล้ว/).waitFor();
    expect(await page.getByRole('cell', { name: 'เลิกใช้แล้ว' }).count()).toBe(1);
    await context.close();
    const check = await t.app.inject({ method: 'GET', url: `/api/verify/${code}` });
    expect(check.json()).toMatchObject({ status: 'valid', checks: { signature: 'valid' } });
  });

  it('after the officer revokes it, the public page says revoked', async () => {
    const page = officerPage;
    await page.goto(`${baseUrl}/credentials/assessments/${eventId}`);
    await page.getByRole('button', { name: `เพิกถอนคุณวุฒิ ${code}` }).click();
    await page.getByLabel(/^เหตุผลในการเพิกถอน/).fill('ตรวจพบว่าส่งหลักฐานไม่ถูกต้อง');
    await page.getByRole('button', { name: 'ยืนยันการเพิกถอน' }).click();
    await page.getByText('✕ ถูกเพิกถอน').waitFor();
    // Everyone has a decision, so the officer closes the assessment.
    await page.getByRole('button', { name: 'ปิดการประเมิน' }).click();
    await expect.poll(() => page.getByTestId('event-status').textContent()).toContain('ปิดแล้ว');
    const visit = await visitor();
    await visit.goto(`${baseUrl}/verify/${code}`);
    await expect.poll(() => visit.getByTestId('verification-status').textContent()).toBe('ถูกเพิกถอน');
    expect(await visit.getByTestId('check-status').textContent()).toContain('ถูกเพิกถอนแล้ว');
    await visit.context().close();
  });

  it('a stored credential altered behind the system’s back shows as invalid, in red, with a warning', async () => {
    await sql`update credential set document = jsonb_set(document, '{credentialSubject,achievement,name}', '"อาชีพผู้ค้าออนไลน์ ระดับ 8"') where code = ${code}`.execute(
      t.database.db,
    );
    const page = await visitor();
    await page.goto(`${baseUrl}/verify/${code}`);
    await expect.poll(() => page.getByTestId('verification-status').textContent()).toBe('ไม่ถูกต้อง');
    expect(await page.getByRole('alert').filter({ hasText: 'อย่าเชื่อถือเอกสารนี้' }).count()).toBe(1);
    expect(await page.getByTestId('check-signature').textContent()).toContain('ไม่ผ่าน');
    await expectAccessible(page, 'an invalid credential');
    await page.context().close();
  });

  it('shows the competency pages in English, accessibly', async () => {
    const page = officerPage;
    await page.evaluate(() => localStorage.setItem('archeep.language', 'en'));
    const titles: Record<string, string> = {
      '/credentials': 'Competency and credentials',
      [`/credentials/standards/${STANDARD}`]: 'E-commerce competency standard',
      [`/credentials/assessments/${eventId}`]: 'Online Trader, Level 3',
      '/credentials/assessments/new': 'Organise a competency assessment',
      '/verify': 'Check a certificate or qualification',
    };
    for (const [path, title] of Object.entries(titles)) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `${path} in English`);
    }
    await page.evaluate(() => localStorage.setItem('archeep.language', 'th'));
  });
});
