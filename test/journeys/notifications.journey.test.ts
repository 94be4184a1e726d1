import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { startLineStandIn, startSmtpStandIn } from '../helpers/notify-standins';
import { personBody } from '../helpers/people';
import { sessionBody } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, expectTextFits, fitsWidth, launchChromium, signInAt, WEB_ROOT } from './browser';

const LINE_ID = `U${'a1'.repeat(16)}`;

describe('browser: a citizen’s notifications on a 360 px phone, and the offices’ outbox', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let officer: StaffAccount;
  let line: Awaited<ReturnType<typeof startLineStandIn>>;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;

  beforeAll(async () => {
    ensureWebBuilt();
    [line, smtp] = await Promise.all([startLineStandIn(), startSmtpStandIn()]);
    const base = await createTestApp(JOURNEY_ENGINE);
    const notify = { ...base.config.notify, lineAccessToken: line.token, lineApiUrl: line.url, smtpUrl: smtp.url };
    await base.dispose();
    t = await createTestApp(JOURNEY_ENGINE, { notify }, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
    await Promise.all([line?.close(), smtp?.close()]);
  });

  const call = async (cookie: string, method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const r = await t.app.inject({ method, url, payload: payload as never, headers: { cookie } });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.body ? r.json() : null;
  };

  it('she chooses LINE and e-mail, applies for a course, and reads the result in Thai; the office sees it sent', async () => {
    const person = await call(officer.cookie, 'POST', '/api/people', personBody());
    const username = `citizen${person.id}`;
    const account = await call(officer.cookie, 'POST', `/api/people/${person.id}/citizen-account`, { username });
    const first = await t.signIn(username, account.oneTimePassword);
    await call(first, 'POST', '/api/auth/password', { currentPassword: account.oneTimePassword, newPassword: 'a long new password 2569' });

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signInAt(page, baseUrl, username, 'a long new password 2569');
    await page.goto(`${baseUrl}/my/notifications`);
    await page.getByRole('heading', { level: 1, name: 'การแจ้งเตือน' }).waitFor();
    await page.getByText('ยังไม่มีข้อความ').waitFor();
    await page.getByRole('checkbox', { name: 'LINE' }).check();
    await page.getByRole('checkbox', { name: 'อีเมล' }).check();
    await page.getByLabel('LINE user id').fill(LINE_ID);
    await page.getByRole('textbox', { name: 'อีเมล' }).fill('somying@example.test');
    await page.getByRole('checkbox', { name: 'ตำแหน่งงานที่ตรงกับคุณ' }).uncheck();
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await expectAccessible(page, '/my/notifications (Thai at 360 px)');
    expect(await fitsWidth(page)).toBe(true);

    // She applies (the course pages have their own journey); the result comes by LINE, e-mail and in-app.
    const session = await call(officer.cookie, 'POST', '/api/training/sessions', sessionBody());
    await call(officer.cookie, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    const cookie = await t.signIn(username, 'a long new password 2569');
    await call(cookie, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    await t.services.jobs.drain();
    expect(line.pushes.filter((p) => p.to === LINE_ID).map((p) => p.text)).toEqual([expect.stringContaining(session.code)]);
    expect(smtp.mails.filter((m) => m.to.includes('somying@example.test'))).toHaveLength(1);

    await page.reload();
    await page.getByText(`ได้รับที่นั่งอบรม`).first().waitFor();
    await expectAccessible(page, '/my/notifications with a message (Thai at 360 px)');
    await expectTextFits(page, '/my/notifications (Thai at 360 px)');
    await page.getByRole('button', { name: 'อ่านแล้ว' }).click();
    await page.getByText('ยังไม่อ่าน 0 ข้อความ').waitFor();
    await context.close();

    // The office's outbox, in English on a desktop.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await desk.addInitScript(() => localStorage.setItem('archeep.language', 'en'));
    const [name, value] = officer.cookie.split('=') as [string, string];
    await desk.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    const office = await desk.newPage();
    await office.goto(`${baseUrl}/notifications/outbox`);
    await office.getByRole('heading', { level: 1, name: 'Outgoing notifications' }).waitFor();
    await expect.poll(() => office.getByText('Sent', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(office, '/notifications/outbox (English at 1280 px)');
    await desk.close();
  });
});
