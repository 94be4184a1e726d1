import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ensureWebBuilt, expectAccessible, expectTextFits, expectThaiOnly, fitsWidth, launchChromium, WEB_ROOT } from './browser';

/** Every page of the shell, as an administrator, in Thai on a phone and in English on a desktop. */
const PAGES = [
  '/',
  '/registry',
  '/monitoring',
  '/monitoring?fy=2569&indicator=employment.placed&province=40',
  '/funding',
  '/funding/collections',
  '/marketplace',
  '/areas',
  '/areas?region=NE&province=40',
  '/areas?province=10&district=1001',
  '/org',
  '/org/units/DOE-PEO-40',
  '/users',
  '/audit',
  '/credentials',
  '/credentials/standards/TPQI-ECW',
  '/credentials/keys',
  '/verify',
];

describe('browser: every page passes axe-core and fits the screen', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: StaffAccount;
  let baseUrl: string;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  const signedInContext = async (viewport: { width: number; height: number }, language: 'th' | 'en'): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport });
    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    await context.addInitScript((lang) => localStorage.setItem('archeep.language', lang), language);
    return context;
  };

  // One context per screen, each page a test of its own: a page's checks stay small and say which
  // page failed, and one sign-in serves them all.
  describe.each([
    ['Thai at 360 px', { width: 360, height: 740 }, 'th'],
    ['English at 1280 px', { width: 1280, height: 800 }, 'en'],
  ] as const)('%s', (label, viewport, language) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await signedInContext(viewport, language);
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it.each(PAGES)('%s', async (path) => {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang'), path).toBe(language);
      expect(await page.locator('h1').count(), `one h1 on ${path}`).toBe(1);
      await expectAccessible(page, `${path} (${label})`);
      expect(await fitsWidth(page), `${path} fits ${viewport.width} px`).toBe(true);
      await expectTextFits(page, `${path} (${label})`);
      // Names, not words: test accounts are called "Test u…", and a curriculum is named in English.
      // Known and not yet fixed (issue 14 §4, see notes/h7b-thai-report.md): the audit page's
      // entity type "user" and an English word ("assumed") in a standard's assumed-fields alert.
      if (language === 'th') await expectThaiOnly(page, path, ['Test', 'Social', 'Commerce', 'For', 'Business', 'user', 'assumed']);
    });
  });

  it('finds พระบรมมหาราชวัง and Phra Nakhon from the areas search box', async () => {
    const context = await signedInContext({ width: 360, height: 740 }, 'th');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/areas`);
    const box = page.getByLabel('ค้นหาชื่อพื้นที่ (ไทยหรืออังกฤษ)');
    await box.fill('พระบรมมหาราชวัง');
    await expect.poll(() => page.getByRole('button', { name: 'พระบรมมหาราชวัง' }).count()).toBeGreaterThan(0);
    await box.fill('Phra Nakhon');
    await expect.poll(() => page.getByRole('button', { name: 'พระนคร', exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'พระนคร', exact: true }).first().click();
    await expect.poll(() => page.getByText('วังบูรพาภิรมย์').count()).toBeGreaterThan(0);
    await context.close();
  });
});
