import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { startLineStandIn, startSmtpStandIn } from '../helpers/notify-standins';
import { startStandins, type Standins } from '../helpers/oidc';
import { personBody } from '../helpers/people';
import { sessionBody } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, WEB_ROOT } from './browser';

/** A free loopback port: the stand-ins must know the app's redirect URLs before the app listens. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** มาลี ใจงาม's LINE user id at the LINE stand-in (scripts/thaid-standin.ts). */
const MALEE_LINE = `U${'b2'.repeat(16)}`;
const MALEE_MAIL = 'malee@example.test';

/**
 * Issue 21's acceptance, one citizen on a 360 px phone in Thai, every stand-in a real server on
 * loopback: she signs in with the ThaiD stand-in (a real OpenID provider), registers herself,
 * links LINE Login (the LINE OpenID stand-in), adds her e-mail, applies for a course, and the
 * result reaches the LINE Messaging stand-in and the SMTP stand-in; later she downloads her data
 * (JSON and PDF), withdraws her consent to share with Lazada and asks for a correction, which an
 * officer of her province finds in his queue. A second citizen, registered by an officer, signs in
 * with ThaiD and is linked to his record, no second person made.
 */
describe('browser journey: a citizen on her own (ThaiD, self-registration, LINE and e-mail, her data)', () => {
  let t: TestApp;
  let standins: Standins;
  let line: Awaited<ReturnType<typeof startLineStandIn>>;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  let browser: Browser;
  let baseUrl: string;
  let officer: StaffAccount;
  let session: { id: number; code: string };

  beforeAll(async () => {
    ensureWebBuilt();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    [standins, line, smtp] = await Promise.all([startStandins(baseUrl), startLineStandIn(), startSmtpStandIn()]);
    const notify = { ...loadConfig({ LOG_LEVEL: 'silent' }).notify, lineAccessToken: line.token, lineApiUrl: line.url, smtpUrl: smtp.url };
    t = await createTestApp(JOURNEY_ENGINE, { ...standins.config, notify, publicUrl: baseUrl }, { webRoot: WEB_ROOT });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    const call = async (url: string, payload: unknown) => {
      const r = await t.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: officer.cookie } });
      expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
      return r.json();
    };
    await call(
      '/api/people',
      personBody({ docNumber: '1400100000015', title: 'mr', firstNameTh: 'ประสิทธิ์', lastNameTh: 'มั่นคงดี', sex: 'male', targetGroups: [] }),
    );
    session = await call('/api/training/sessions', sessionBody());
    await call(`/api/training/sessions/${session.id}/status`, { status: 'open' });
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
    await Promise.all([standins?.close(), line?.close(), smtp?.close()]);
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH', acceptDownloads: true })).newPage();
  /** axe without serious violations, and no sideways scrolling at 360 px. */
  const checkPage = async (page: Page, where: string) => {
    await expectAccessible(page, `${where} (Thai at 360 px)`);
    expect(await fitsWidth(page), `${where} needs no sideways scrolling at 360 px`).toBe(true);
  };
  const throughThaid = async (page: Page, name: string) => {
    await page.goto(`${baseUrl}/sign-in`);
    const button = page.getByRole('link', { name: 'เข้าสู่ระบบด้วย ThaiD / Sign in with ThaiD' });
    await button.waitFor();
    await checkPage(page, 'sign-in with the ThaiD button');
    await button.click();
    // The stand-in's own page: pick the demo citizen.
    await page.getByRole('button', { name: new RegExp(name) }).click();
  };

  it('she signs in with ThaiD, registers, links LINE, applies; the result comes by LINE and e-mail; she takes her data, withdraws Lazada, asks a correction; the officer’s queue shows it', async () => {
    const page = await phone();
    await throughThaid(page, 'มาลี ใจงาม');

    // Self-registration: the ID and name fixed from ThaiD.
    await page.waitForURL(`${baseUrl}/register-self`);
    await page.getByRole('heading', { level: 1, name: 'ลงทะเบียนด้วยตนเอง' }).waitFor();
    const id = page.getByLabel(/^เลขประจำตัวประชาชน/);
    await expect.poll(() => id.inputValue()).toBe('1100700123455');
    expect(await id.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel(/^ชื่อ \(ไทย\)/).inputValue()).toBe('มาลี');
    expect(await page.getByLabel(/^นามสกุล \(ไทย\)/).inputValue()).toBe('ใจงาม');
    await checkPage(page, 'self-registration');
    const choose = async (label: RegExp, option: string) => {
      await page.getByRole('textbox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose(/^คำนำหน้า/, 'นางสาว');
    await choose(/^เพศ/, 'หญิง');
    await choose(/^จังหวัด/, 'ขอนแก่น');
    await choose(/^อำเภอ/, 'เมืองขอนแก่น');
    await choose(/^ตำบล/, 'ในเมือง');
    await page.getByRole('textbox', { name: /^บ้านเลขที่/ }).fill('12/3');
    // Mantine's MultiSelect: its wrapper takes the click meant for the input.
    await page.getByRole('textbox', { name: /^กลุ่มเป้าหมาย/ }).click({ force: true });
    await page.getByRole('option', { name: 'พ่อหรือแม่เลี้ยงเดี่ยว' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'ส่งต่อให้ Lazada เพื่อเปิดร้านค้าออนไลน์' }).check();
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    const person = await t.database.db
      .selectFrom('person')
      .select(['doc_number', 'first_name_th', 'source'])
      .where('id', '=', me.personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ doc_number: '1100700123455', first_name_th: 'มาลี', source: 'self' });
    await checkPage(page, 'her home after registering');

    // LINE Login, linked after ThaiD: LINE messages go to that LINE account.
    await page.goto(`${baseUrl}/account`);
    await page.getByRole('link', { name: 'เชื่อมบัญชี LINE' }).click();
    await page.getByRole('button', { name: /มาลี/ }).click();
    await page.waitForURL(`${baseUrl}/account?linked=line`);
    await page.getByText('เชื่อมบัญชี LINE กับบัญชีของคุณแล้ว').first().waitFor();
    await checkPage(page, '/account, LINE linked');

    // Her channels: LINE is chosen by the link; she adds e-mail.
    await page.goto(`${baseUrl}/my/notifications`);
    await page.getByRole('heading', { level: 1, name: 'การแจ้งเตือน' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'LINE' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'อีเมล' }).check();
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(MALEE_MAIL);
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await checkPage(page, '/my/notifications');

    // She applies; the seat rule decides at once, and the result goes out by LINE and e-mail.
    await page.goto(`${baseUrl}/my/courses/sessions/${session.id}`);
    await page.getByRole('button', { name: 'สมัคร' }).click();
    await page.getByText('ได้ที่นั่ง').first().waitFor();
    await checkPage(page, 'the session after applying');
    await t.services.jobs.drain();
    expect(line.pushes.filter((p) => p.to === MALEE_LINE).map((p) => p.text)).toEqual([expect.stringContaining(`รุ่น ${session.code}`)]);
    const mails = smtp.mails.filter((m) => m.to.includes(MALEE_MAIL));
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^ได้รับที่นั่งอบรม /)]);
    expect(mails[0]!.text).toContain(session.code);

    // Later: her data, as JSON and as a PDF.
    await page.goto(`${baseUrl}/my/data`);
    await page.getByRole('heading', { level: 1, name: 'ข้อมูลของฉัน' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'ความยินยอม' }).waitFor();
    await checkPage(page, '/my/data');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ดาวน์โหลด JSON' }).click()]);
    const exported = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(exported.personId).toBe(me.personId);
    expect(JSON.stringify(exported.registry)).toContain('มาลี');
    expect(JSON.stringify(exported.training)).toContain(session.code);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ดาวน์โหลด PDF' }).click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

    // She withdraws the consent to share with Lazada she gave when registering.
    const lazada = page.locator('section[aria-labelledby="consents"]').getByText('ส่งต่อข้อมูลให้ Lazada');
    await expect.poll(() => lazada.textContent()).toContain('ให้ความยินยอมแล้ว');
    await page.getByRole('button', { name: 'ถอนความยินยอม: ส่งต่อข้อมูลให้ Lazada' }).click();
    await page.getByRole('button', { name: 'ให้ความยินยอม: ส่งต่อข้อมูลให้ Lazada' }).waitFor();
    await expect.poll(() => lazada.textContent()).toContain('ยังไม่ได้ให้ / ถอนแล้ว');
    expect(await t.services.registry.hasConsent(me.personId, 'share-lazada')).toBe(false);

    // A correction of her house number.
    await page.getByRole('textbox', { name: 'ข้อมูลที่ต้องการแก้' }).click();
    await page.getByRole('option', { name: 'บ้านเลขที่' }).click();
    await page.getByText('ค่าปัจจุบัน: 12/3').waitFor();
    await page.getByRole('textbox', { name: 'ค่าที่ถูกต้อง' }).fill('12/7');
    await page.getByRole('textbox', { name: 'เหตุผล' }).first().fill('บ้านเลขที่ในทะเบียนบ้านคือ 12/7');
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await page.getByText(/^ส่งคำขอแล้ว เจ้าหน้าที่จะตอบภายใน/).waitFor();
    await page.locator('section[aria-labelledby="requests"]').getByText('แก้ไขข้อมูล · บ้านเลขที่').waitFor();
    await checkPage(page, '/my/data with a consent withdrawn and a request');
    await page.context().close();

    // The officer of Khon Kaen, on a phone too: her correction in his queue.
    const office = await phone();
    const [name, value] = officer.cookie.split('=') as [string, string];
    await office.context().addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    await office.goto(`${baseUrl}/selfservice/requests`);
    await office.getByRole('heading', { level: 1, name: 'คำขอตาม PDPA' }).waitFor();
    await office.getByRole('article').filter({ hasText: 'บ้านเลขที่: 12/3 → 12/7' }).waitFor();
    await checkPage(office, '/selfservice/requests');
    await office.context().close();
  });

  it('a citizen already registered signs in with ThaiD and is linked to his record, no duplicate', async () => {
    const page = await phone();
    await throughThaid(page, 'ประสิทธิ์ มั่นคงดี');
    await page.waitForURL(`${baseUrl}/`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    const records = await t.database.db.selectFrom('person').select('id').where('doc_number', '=', '1400100000015').execute();
    expect(records).toEqual([{ id: me.personId }]);
    await page.context().close();
  });
});
