import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import type { Role } from '../../src/server/platform/auth/actor';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type TestApp } from '../helpers/app';
import { personBody } from '../helpers/people';
import { ensureWebBuilt, launchChromium, WEB_ROOT } from './browser';

/**
 * Issue 14 §3: the navigation and the home page are built from the policies the API enforces.
 * For every demo role (the demo's accounts, the first administrator and the citizen) this opens
 * every navigation entry and every link of the home page, as a person would (clicking, on a
 * desktop where the menu is open), and fails on any API answer of 403.
 */
describe('browser: every navigation entry of every demo role answers without 403', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const accounts: { name: string; cookie: string }[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    const roleSets: { name: string; roles: { role: Role; unitCode: string | null }[] }[] = [
      { name: 'first administrator', roles: [{ role: 'system_admin', unitCode: null }] },
      ...DEMO_ACCOUNTS.map((a) => ({ name: a.username, roles: a.roles })),
    ];
    for (const set of roleSets) accounts.push({ name: set.name, cookie: (await t.createStaff({ roles: set.roles })).cookie });
    // The citizen: a registered woman with her own account, opened by a Khon Kaen officer.
    const officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    const registered = await t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: officer.cookie }, payload: personBody() });
    expect(registered.statusCode, registered.body).toBe(201);
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/people/${registered.json().id}/citizen-account`,
      headers: { cookie: officer.cookie },
      payload: { username: 'demo.citizen' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const first = await t.signIn('demo.citizen', opened.json().oneTimePassword);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: opened.json().oneTimePassword, newPassword: 'a long new password 2569' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    accounts.push({ name: 'demo.citizen', cookie: await t.signIn('demo.citizen', 'a long new password 2569') });

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  /** Opens every entry for one account; answers what it visited and each 403 with where it came from. */
  async function visitAll(cookie: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    await context.addInitScript(() => localStorage.setItem('archeep.language', 'th'));
    const page = await context.newPage();
    const refused: string[] = [];
    // The API calls in flight: a page is done when none has been for a moment (quicker than
    // waiting for the whole network to be idle for 500 ms, thirteen roles times a dozen pages).
    let inFlight = 0;
    const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
    page.on('request', (request) => void (isApi(request.url()) && inFlight++));
    page.on('requestfinished', (request) => void (isApi(request.url()) && inFlight--));
    page.on('requestfailed', (request) => void (isApi(request.url()) && inFlight--));
    page.on('response', (response) => {
      if (response.status() === 403 && isApi(response.url())) refused.push(`${new URL(page.url()).pathname} → ${response.url()}`);
    });
    const settled = async () => {
      for (let quiet = 0; quiet < 2;) {
        await page.waitForTimeout(60);
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
    };
    try {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const menu = page.getByRole('navigation', { name: 'เมนู' });
      const hrefsOf = (within: ReturnType<typeof page.locator>) =>
        within.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      const navigation = await hrefsOf(menu);
      const home = await hrefsOf(page.locator('main'));
      const visited: string[] = [];
      for (const href of [...new Set([...navigation, ...home])].filter((h) => !h.startsWith('/api/'))) {
        if (navigation.includes(href)) await menu.locator(`a[href="${href}"]`).click();
        else await page.goto(`${baseUrl}${href}`);
        await page.waitForURL((url) => url.pathname === href);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await settled();
        visited.push(href);
      }
      return { navigation, home, visited, refused };
    } finally {
      await context.close();
    }
  }

  const seen = new Map<string, Awaited<ReturnType<typeof visitAll>>>();
  const ROLE_NAMES = ['first administrator', ...DEMO_ACCOUNTS.map((a) => a.username), 'demo.citizen'];

  // One test per role: each says whose entry was refused, and stays short.
  // The menu and home page are built from the capabilities alone (src/web/navigation.ts): roles
  // whose capabilities are the same see the same entries, which are opened once, by the first.
  const byCapabilities = new Map<string, Awaited<ReturnType<typeof visitAll>>>();
  it.each(ROLE_NAMES)('%s: opens each entry and meets no refusal', async (who) => {
    const cookie = accounts.find((a) => a.name === who)!.cookie;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const key = JSON.stringify([...(me.json() as { capabilities: string[] }).capabilities].sort());
    const result = byCapabilities.get(key) ?? (await visitAll(cookie));
    byCapabilities.set(key, result);
    seen.set(who, result);
    expect(result.refused).toEqual([]);
    // The check saw the menu and opened its entries (not an empty page).
    expect(result.visited.length).toBeGreaterThanOrEqual(3);
    expect(result.visited).toEqual(expect.arrayContaining(result.navigation));
  });

  it('leaves out what a role may not use: People and Groups for administrators and assessors, units for the citizen', () => {
    expect(seen.get('first administrator')!.navigation).not.toContain('/registry');
    expect(seen.get('demo.tpqi.assessor')!.navigation).not.toContain('/registry');
    expect(seen.get('demo.kk.officer')!.navigation).toContain('/registry');
    const citizen = seen.get('demo.citizen')!;
    expect(citizen.home).toEqual(expect.arrayContaining(['/my/courses', '/my/certificates']));
    expect([...citizen.home, ...citizen.navigation]).not.toContain('/org');
  });

  it('shows a citizen no area and no programme targets, and headquarters "ทั่วประเทศ"', async () => {
    const open = async (name: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const [cookie, value] = accounts.find((a) => a.name === name)!.cookie.split('=') as [string, string];
      await context.addCookies([{ name: cookie, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
      await context.addInitScript(() => localStorage.setItem('archeep.language', 'th'));
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      return { page, context };
    };
    const citizen = await open('demo.citizen');
    expect(await citizen.page.getByTestId('my-area').count()).toBe(0);
    expect(await citizen.page.getByText('เป้าหมายของแผนงาน').count()).toBe(0);
    await citizen.context.close();

    const hq = await open('demo.dwf.hq');
    await expect.poll(() => hq.page.getByTestId('my-area').textContent()).toBe('ทั่วประเทศ');
    await hq.context.close();
  });
});
