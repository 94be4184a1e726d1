import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { startStandins, type Standins } from '../helpers/oidc';
import { personBody } from '../helpers/people';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, WEB_ROOT } from './browser';

/** A free loopback port: the stand-in must know the app's redirect URL before the app listens. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * Issue 21 §1–2 on a 360 px phone: a citizen signs in with the local ThaiD stand-in (a real
 * OpenID provider), registers herself on the registry's form with her ID and name fixed from
 * ThaiD, and lands on her home page; a second citizen, registered by an officer, signs in with
 * ThaiD and is linked to his record, no second person made.
 */
describe('browser journey: citizens sign in with ThaiD', () => {
  let t: TestApp;
  let standins: Standins;
  let browser: Browser;
  let baseUrl: string;
  let officer: StaffAccount;

  beforeAll(async () => {
    ensureWebBuilt();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    standins = await startStandins(baseUrl);
    t = await createTestApp(JOURNEY_ENGINE, { ...standins.config, publicUrl: baseUrl }, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie: officer.cookie },
      payload: personBody({ docNumber: '1400100000015', title: 'mr', firstNameTh: 'ประสิทธิ์', lastNameTh: 'มั่นคงดี', sex: 'male', targetGroups: [] }),
    });
    expect(registered.statusCode, registered.body).toBe(201);
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
    await standins?.close();
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
  const throughThaid = async (page: Page, name: string) => {
    await page.goto(`${baseUrl}/sign-in`);
    const button = page.getByRole('link', { name: 'เข้าสู่ระบบด้วย ThaiD / Sign in with ThaiD' });
    await button.waitFor();
    await expectAccessible(page, 'sign-in with the ThaiD button');
    expect(await fitsWidth(page)).toBe(true);
    await button.click();
    // The stand-in's own page: pick the demo citizen.
    await page.getByRole('button', { name: new RegExp(name) }).click();
  };

  it('a citizen new to the registry signs in, registers herself with ID and name from ThaiD, and lands on her home', async () => {
    const page = await phone();
    await throughThaid(page, 'มาลี ใจงาม');
    await page.waitForURL(`${baseUrl}/register-self`);
    await page.getByRole('heading', { level: 1, name: 'ลงทะเบียนด้วยตนเอง' }).waitFor();
    const id = page.getByLabel(/^เลขประจำตัวประชาชน/);
    await expect.poll(() => id.inputValue()).toBe('1100700123455');
    expect(await id.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel(/^ชื่อ \(ไทย\)/).inputValue()).toBe('มาลี');
    expect(await page.getByLabel(/^นามสกุล \(ไทย\)/).inputValue()).toBe('ใจงาม');
    await expectAccessible(page, 'self-registration');
    const choose = async (label: RegExp, option: string) => {
      await page.getByRole('textbox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose(/^คำนำหน้า/, 'นางสาว');
    await choose(/^เพศ/, 'หญิง');
    await choose(/^จังหวัด/, 'ขอนแก่น');
    await choose(/^อำเภอ/, 'เมืองขอนแก่น');
    await choose(/^ตำบล/, 'ในเมือง');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.personId).toEqual(expect.any(Number));
    const person = await t.database.db
      .selectFrom('person')
      .select(['doc_number', 'first_name_th', 'source'])
      .where('id', '=', me.personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ doc_number: '1100700123455', first_name_th: 'มาลี', source: 'self' });
    await expectAccessible(page, 'her home after registering');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('a citizen already registered signs in with ThaiD and is linked to his record, no duplicate', async () => {
    const page = await phone();
    await throughThaid(page, 'ประสิทธิ์ มั่นคงดี');
    await page.waitForURL(`${baseUrl}/`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    const records = await t.database.db.selectFrom('person').select('id').where('doc_number', '=', '1400100000015').execute();
    expect(records).toEqual([{ id: me.personId }]);
    await page.goto(`${baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'บัญชีของฉัน' }).waitFor();
    await page.getByRole('link', { name: 'เชื่อมบัญชี LINE' }).waitFor();
    await expectAccessible(page, 'account page');
    expect(await fitsWidth(page)).toBe(true);
  });
});
