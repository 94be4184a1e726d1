import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/platform/context';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, WEB_ROOT } from './browser';

/**
 * The first journey of a new installation, on a phone-sized screen: the printed administrator
 * signs in, replaces the one-time password, creates a Khon Kaen officer and signs out; the officer
 * signs in and sees Khon Kaen only. axe-core checks every page on the way. Run on each engine, so
 * the acceptance "the same works on PostgreSQL" is checked in the browser too.
 */
describe.each(ENGINES)('browser journey on %s: first administrator creates a Khon Kaen officer', (engine) => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let adminPassword: string;
  let officerPassword: string;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(engine, {}, { webRoot: WEB_ROOT });
    adminPassword = (await t.services.identity.ensureFirstAdministrator(systemContext()))!.oneTimePassword;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  const signIn = async (username: string, password: string) => {
    await page.getByLabel(/^ชื่อผู้ใช้/).fill(username);
    await page.getByLabel(/^รหัสผ่าน/).fill(password);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  };
  const changePassword = async (current: string, next: string) => {
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel(/^รหัสผ่านปัจจุบัน/).fill(current);
    await page.getByLabel(/^รหัสผ่านใหม่/).fill(next);
    await page.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill(next);
    await page.getByRole('button', { name: 'บันทึกรหัสผ่าน' }).click();
  };
  const signOut = async (displayName: string) => {
    await page.getByRole('button', { name: new RegExp(displayName) }).click();
    await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL(/\/sign-in/);
  };

  it('shows the Thai sign-in page first', async () => {
    await page.goto(baseUrl);
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => page.getByRole('button', { name: 'เข้าสู่ระบบ' }).isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'sign-in');
  });

  it('refuses a wrong password with a Thai message', async () => {
    await signIn('admin', 'not-the-password');
    await expect.poll(() => page.getByText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง').isVisible()).toBe(true);
  });

  it('makes the administrator replace the one-time password', async () => {
    await signIn('admin', adminPassword);
    await page.waitForURL(/\/change-password/);
    await expectAccessible(page, 'change-password');
    await changePassword(adminPassword, 'river lantern 2569');
    await page.waitForURL((url) => !url.pathname.startsWith('/change-password'));
    await expectAccessible(page, 'home');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('lets the administrator create a Khon Kaen officer', async () => {
    await page.goto(`${baseUrl}/users`);
    await page.getByRole('button', { name: 'สร้างผู้ใช้' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^ชื่อผู้ใช้/).fill('kk.officer');
    await form.getByLabel(/^ชื่อที่แสดง/).fill('สมหญิง ขอนแก่น');
    await form
      .getByLabel(/^บทบาท/)
      .first()
      .click();
    await page
      .getByRole('option', { name: /เจ้าหน้าที่/ })
      .first()
      .click();
    const unit = form.getByLabel(/^หน่วยงาน/).first();
    await unit.click();
    await unit.fill('จัดหางานจังหวัดขอนแก่น');
    await page
      .getByRole('option', { name: /จัดหางานจังหวัดขอนแก่น/ })
      .first()
      .click();
    await expectAccessible(page, 'create-user form');
    await form.getByRole('button', { name: 'สร้าง', exact: true }).click();
    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    officerPassword = (await shown.textContent())!.trim();
    expect(officerPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    await expectAccessible(page, 'user created');
    await page.keyboard.press('Escape');
    await signOut('ผู้ดูแลระบบ');
  });

  it('shows the officer only Khon Kaen where scope applies', async () => {
    await signIn('kk.officer', officerPassword);
    await page.waitForURL(/\/change-password/);
    await changePassword(officerPassword, 'golden mango field 2569');
    await page.waitForURL((url) => !url.pathname.startsWith('/change-password'));
    // Home states the officer's area: Khon Kaen and nothing else.
    await expect.poll(() => page.getByTestId('my-area').textContent()).toBe('ขอนแก่น');
    await page.goto(`${baseUrl}/org`);
    await expect.poll(() => page.getByText('สำนักงานจัดหางานจังหวัดขอนแก่น').first().isVisible()).toBe(true);
    expect(await page.getByText('สำนักงานจัดหางานจังหวัดภูเก็ต').count()).toBe(0);
    await expectAccessible(page, 'units (officer)');
    expect(await fitsWidth(page)).toBe(true);
    await page.goto(`${baseUrl}/areas`);
    await expectAccessible(page, 'areas');
    await signOut('สมหญิง ขอนแก่น');
  });
});
