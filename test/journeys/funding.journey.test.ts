import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { refreshArrears } from '../../src/server/modules/funding/funding.repository';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBaht } from '../../src/shared/money';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { fundBody } from '../helpers/funding';
import { buildPeople } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, signInAt, WEB_ROOT } from './browser';

const KK = 'DOE-PEO-40';
const plan = { costs: [{ item: 'เครื่องทอผ้า', amountSatang: 10_000_000 }], expectedMonthlySalesSatang: 2_000_000, repaymentSource: 'ยอดขายผ้าทอ' };

/**
 * The funding acceptance journey (issue 18): a Khon Kaen group leader applies on her phone for
 * 150,000 baht over 24 months before the deadline; the maker recommends, and being also a
 * checker is refused at the second step; the checker verifies; the approver approves with the
 * minutes; the maker disburses and the schedule shows 24 instalments summing to 150,000.00; a
 * bank statement imports with its one bad row reported; a loan 35 days late (its first due date
 * moved back in the database, as a factory) is in PAR30 and the collection queue; the dashboard
 * shows the money returned and lendable again; the leader sees her next due date on her phone.
 * The fund, the groups and the late loan are made through the API.
 */
describe('browser journey: a group’s loan from application to repayment', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let maker: StaffAccount, checker: StaffAccount, approver: StaffAccount, officer: StaffAccount, leader: StaffAccount;
  let phone: Page, desk: Page;
  let fundId: number;
  let applicationId: number;
  let loanId: number;
  let lateLoanId: number;
  let serial = 810_000 + Math.floor(Math.random() * 1000) * 10;
  const call = async (who: StaffAccount, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const group = async (name: string) => {
    const people = await buildPeople(t.database.db, 3, { firstSerial: serial });
    serial += 3;
    const g = await call(officer, 'POST', '/api/groups', {
      name,
      type: 'independent-occupation',
      occupation: 'textiles',
      subdistrictCode: '400101',
      members: [
        { personId: people[0]!.id, role: 'leader', joinedOn: '2024-01-01' },
        { personId: people[1]!.id, role: 'committee', joinedOn: '2024-01-01' },
        { personId: people[2]!.id, role: 'member', joinedOn: '2024-01-01' },
      ],
    });
    return { id: g.id as number, leader: people[0]!.id, committee: people[1]!.id };
  };
  const as = async (page: Page, who: StaffAccount) => {
    await page.context().clearCookies();
    await signInAt(page, baseUrl, who.username, who.password);
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    [maker, checker, approver, officer, leader] = await Promise.all([
      // The maker also holds the checker's role, and is refused as the checker of his own recommendation.
      t.createStaff({
        roles: [
          { role: 'fund_maker', unitCode: KK },
          { role: 'fund_checker', unitCode: KK },
        ],
        username: 'kk.fund.maker',
      }),
      t.createStaff({ roles: [{ role: 'fund_checker', unitCode: KK }], username: 'kk.fund.checker' }),
      t.createStaff({ roles: [{ role: 'fund_approver', unitCode: KK }], username: 'kk.fund.approver' }),
      t.createStaff({ roles: [{ role: 'officer', unitCode: KK }] }),
      t.createStaff({ roles: [{ role: 'citizen', unitCode: null }], username: 'kk.group.leader' }),
    ]);
    fundId = (await call(approver, 'POST', '/api/funding/funds', fundBody())).id;
    const weavers = await group('กลุ่มทอผ้าไหมบ้านหนองแวง');
    await sql`update app_user set person_id = ${weavers.leader} where id = ${leader.id}`.execute(t.database.db);
    t.services.actors.clear();

    // Another group's loan, disbursed, whose first instalment fell due 35 days ago.
    const late = await group('กลุ่มจักสานบ้านโนนสว่าง');
    const a = await call(officer, 'POST', `/api/funding/funds/${fundId}/applications`, {
      groupId: late.id,
      amountSatang: 6_000_000,
      termMonths: 12,
      purpose: 'ซื้อวัตถุดิบไม้ไผ่',
      businessPlan: plan,
      cosignerPersonIds: [late.committee],
    });
    await call(maker, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'ครบถ้วน' });
    await call(checker, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจแล้ว' });
    lateLoanId = (await call(approver, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'ประชุมครั้งที่ 1/2569' })).loanId;
    await call(maker, 'POST', `/api/funding/loans/${lateLoanId}/disbursements`, {
      amountSatang: 6_000_000,
      paidOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()),
      reference: 'TRF-LATE-1',
      bankName: 'ธนาคารออมสิน',
      accountNumber: '0201234567',
      promptPayId: null,
    });
    await sql`update loan_instalment set due_on = (now() at time zone 'Asia/Bangkok')::date - 35 where loan_id = ${lateLoanId} and number = 1`.execute(
      t.database.db,
    );
    // The schedule was moved behind the service's back: its loan's arrears columns follow, as every
    // schedule write through the service keeps them.
    await refreshArrears(t.database.db, { loanId: lateLoanId });

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
    desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' })).newPage();
    await signInAt(phone, baseUrl, leader.username, leader.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('the leader applies on her phone for 150,000 baht over 24 months, the rules shown with their reasons', async () => {
    const page = phone;
    await page.goto(`${baseUrl}/my/loans`);
    await page.getByText('กลุ่มของคุณยังไม่มีเงินกู้').waitFor();
    await expectAccessible(page, 'my loans (none yet)');
    await page.getByRole('link', { name: 'กองทุนหมุนเวียนกลุ่มอาชีพ ขอนแก่น' }).click();
    await page.getByLabel(/^วงเงินที่ขอกู้/).fill('150,000');
    await page.getByLabel(/^ระยะเวลาผ่อนชำระ/).fill('24');
    await page.getByLabel(/^วัตถุประสงค์การกู้/).fill('ซื้อกี่ทอผ้าและเส้นไหม');
    await page.getByLabel(/^รายการค่าใช้จ่ายที่ 1/).fill('กี่ทอผ้า 3 หลัง');
    await page.getByLabel(/^จำนวนเงินรายการที่ 1/).fill('150000');
    await page.getByLabel(/^ยอดขายที่คาดต่อเดือน/).fill('25,000');
    await page.getByLabel(/^แหล่งเงินที่ใช้ชำระคืน/).fill('ยอดขายผ้าไหมรายเดือน');
    await page.getByRole('checkbox', { name: /กรรมการ/ }).check();
    await page.getByRole('button', { name: 'ตรวจสอบคุณสมบัติ' }).click();
    await page.getByText('ผ่านเกณฑ์ทุกข้อ ยื่นคำขอได้').waitFor();
    expect(await page.getByTestId('eligibility').getByText('✗').count()).toBe(0);
    await expectAccessible(page, 'application form');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'ยื่นคำขอกู้' }).click();
    await page.waitForURL(/\/funding\/applications\/\d+$/);
    applicationId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('ยื่นแล้ว รอผู้จัดทำ');
    await expectAccessible(page, 'application (leader)');
  });

  it('the maker recommends and is refused as its checker; the checker verifies; the approver approves with the minutes', async () => {
    const page = desk;
    await as(page, maker);
    await page.goto(`${baseUrl}/funding/applications/${applicationId}`);
    await page.getByLabel('บันทึกความเห็น').fill('แผนธุรกิจครบ เสนออนุมัติ');
    await page.getByRole('button', { name: 'เสนอความเห็น (ผู้จัดทำ)' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('เสนอแล้ว รอผู้ตรวจสอบ');
    await page.getByLabel('บันทึกความเห็น').fill('ตรวจเอง');
    await page.getByRole('button', { name: 'รับรองการตรวจสอบ (ผู้ตรวจสอบ)' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('application-status').textContent()).toBe('เสนอแล้ว รอผู้ตรวจสอบ');
    await expectAccessible(page, 'application refused to the same person');

    await as(page, checker);
    await page.goto(`${baseUrl}/funding/applications/${applicationId}`);
    await page.getByLabel('บันทึกความเห็น').fill('ตรวจเอกสารครบ');
    await page.getByRole('button', { name: 'รับรองการตรวจสอบ (ผู้ตรวจสอบ)' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('ตรวจสอบแล้ว รอคณะกรรมการ');

    await as(page, approver);
    await page.goto(`${baseUrl}/funding/applications/${applicationId}`);
    await page.getByLabel(/^เลขที่รายงานการประชุม/).fill('ประชุมครั้งที่ 2/2569');
    await page.getByRole('button', { name: 'บันทึกมติ' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('อนุมัติ');
    // Each step with its person: four steps, three different people after the leader.
    for (const step of ['submit', 'recommend', 'verify', 'approve']) await page.getByTestId(`step-${step}`).waitFor();
    expect(await page.getByTestId('step-approve').textContent()).toContain('ประชุมครั้งที่ 2/2569');
    await expectAccessible(page, 'application approved');
  });

  it('the maker disburses and the schedule shows 24 instalments summing to 150,000.00', async () => {
    const page = desk;
    await as(page, maker);
    await page.goto(`${baseUrl}/funding/applications/${applicationId}`);
    await page.getByRole('link', { name: 'ดูสัญญาเงินกู้' }).click();
    await page.waitForURL(/\/funding\/loans\/\d+$/);
    loanId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByLabel(/^ธนาคาร/).fill('ธนาคารออมสิน');
    await page.getByLabel(/^เลขที่บัญชี/).fill('0209876543');
    await page.getByLabel(/^เลขที่อ้างอิง/).fill('TRF-2569-0001');
    await expectAccessible(page, 'loan before disbursement');
    await page.getByRole('button', { name: 'บันทึกการเบิกจ่าย' }).click();
    await expect.poll(() => page.getByTestId('instalment').count()).toBe(24);
    expect(await page.getByTestId('schedule-total').textContent()).toBe(formatBaht(15_000_000));
    expect(formatBaht(15_000_000)).toContain('150,000.00');
    await expectAccessible(page, 'loan with its schedule');
  });

  it('a bank statement imports, its one bad row reported by line and column', async () => {
    const page = desk;
    await page.goto(`${baseUrl}/funding/funds/${fundId}/import`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
    const csv = `เลขที่สัญญา,วันที่ชำระ,จำนวนเงิน,เลขอ้างอิง\n${loanId},${today},"6,250.00",BANK-0001\n999999,${today},"6,250.00",BANK-0002\n`;
    await page.locator('input[type="file"]').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'ตรวจไฟล์ (ยังไม่บันทึก)' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('ถูกต้อง 1 แถว มีปัญหา 1 แถว');
    await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('นำเข้าแล้ว 1 จาก 2 แถว');
    const errors = page.getByTestId('import-errors');
    expect(await errors.getByRole('row').count()).toBe(2); // the header and line 3
    expect(await errors.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'statement import');
  });

  it('the loan 35 days late is in PAR30 and the collection queue; the dashboard shows the money returned and lendable again', async () => {
    const page = desk;
    await page.goto(`${baseUrl}/funding/collections`);
    const row = page.getByTestId(`collection-${lateLoanId}`);
    await row.waitFor();
    expect(await row.getByRole('cell', { name: '35', exact: true }).count()).toBe(1);
    expect(await page.getByTestId(`collection-${loanId}`).count()).toBe(0);
    await expectAccessible(page, 'collection queue');

    await page.goto(`${baseUrl}/funding/funds/${fundId}`);
    // Capital 5,000,000 − 60,000 and 150,000 lent + 6,250 repaid: the repayment is lendable again.
    await expect.poll(() => page.getByTestId('fund-repaid').textContent()).toBe(formatBaht(625_000));
    expect(await page.getByTestId('fund-available').textContent()).toBe(formatBaht(500_000_000 - 6_000_000 - 15_000_000 + 625_000));
    expect(await page.getByTestId('fund-outstanding').textContent()).toBe(formatBaht(6_000_000 + 15_000_000 - 625_000));
    // PAR30: the late loan's whole principal outstanding, over all outstanding.
    expect(await page.getByTestId('fund-par30').textContent()).toContain(formatBaht(6_000_000));
    // Who repays better: the loans' groups side by side by the Social Commerce course (figures: test/api/funding.test.ts).
    await expect.poll(() => page.locator('[data-testid^="segment-"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'fund dashboard');
  });

  it('the leader sees her schedule and next due date on her phone', async () => {
    const page = phone;
    await page.goto(`${baseUrl}/my/loans`);
    const card = page.getByTestId(`loan-card-${loanId}`);
    await card.waitFor();
    expect(await page.getByTestId('instalment').count()).toBe(24);
    expect(await card.textContent()).toMatch(/ครบกำหนดงวดถัดไป\d+ \S+ 25\d\d/);
    await expectAccessible(page, 'my loans');
    expect(await fitsWidth(page)).toBe(true);
  });
});
