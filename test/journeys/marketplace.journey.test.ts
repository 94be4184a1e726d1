import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_ENGINE } from '../helpers/database';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { buildPeople, dayFromToday } from '../helpers/training';
import { ensureWebBuilt, expectAccessible, fitsWidth, launchChromium, signInAt, WEB_ROOT } from './browser';

const KK = 'DSD-PSDO-40';
const TITLE = 'ผ้าไหมมัดหมี่ลายนาคาราช';
const GROUP = 'กลุ่มทอผ้าไหมบ้านหนองบัวดี';

/** The three months before this one (Bangkok), oldest first, as YYYY-MM. */
function lastThreeMonths(): string[] {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()).split('-').map(Number) as [number, number];
  return [3, 2, 1].map((back) => {
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * The marketplace acceptance journey (issue 19): a group leader proposes a product with a photo
 * on her phone; an officer approves it; it appears in the public catalogue, found by typing part
 * of its Thai name, and its page's Open Graph card is right; the group consents to Lazada, the
 * Lazada advisor sees it, moves the shop to "first product live" and exports a valid product
 * payload; three months of sales are entered and the group's income chart rises. The group, its
 * product and certificate, the advisor's partner and the shop's earlier steps are made through
 * the API.
 */
describe('browser journey: a community product from proposal to the catalogue, a Lazada shop and income', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let officer: StaffAccount, leader: StaffAccount, advisor: StaffAccount, admin: StaffAccount;
  let phone: Page, desk: Page, buyer: Page;
  let groupId: number;
  let listingId: number;
  const call = async (who: StaffAccount, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const as = async (page: Page, who: StaffAccount) => {
    await page.context().clearCookies();
    await signInAt(page, baseUrl, who.username, who.password);
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp(JOURNEY_ENGINE, {}, { webRoot: WEB_ROOT });
    [officer, leader, advisor, admin] = await Promise.all([
      t.createStaff({ roles: [{ role: 'officer', unitCode: KK }] }),
      t.createStaff({ roles: [{ role: 'citizen', unitCode: null }], username: 'kk.weaver.leader' }),
      t.createStaff({ roles: [{ role: 'marketplace_partner', unitCode: null }], username: 'lazada.advisor' }),
      t.createStaff({ roles: [{ role: 'system_admin' }] }),
    ]);
    const people = await buildPeople(t.database.db, 2, { firstSerial: 830_000 + Math.floor(Math.random() * 1000) * 10 });
    // The members earned 3,000 baht a month each when they registered.
    await sql`update person set monthly_income_satang = ${300_000} where id in (${people[0]!.id}, ${people[1]!.id})`.execute(t.database.db);
    const group = await call(officer, 'POST', '/api/groups', {
      name: GROUP,
      type: 'community-enterprise',
      occupation: 'handicrafts',
      subdistrictCode: '400101',
      members: [
        { personId: people[0]!.id, role: 'leader', joinedOn: '2024-01-01' },
        { personId: people[1]!.id, role: 'member', joinedOn: '2024-01-01' },
      ],
    });
    groupId = group.id;
    await sql`update app_user set person_id = ${people[0]!.id} where id = ${leader.id}`.execute(t.database.db);
    t.services.actors.clear();
    const product = await call(officer, 'POST', `/api/enterprise/groups/${groupId}/products`, {
      name: 'ผ้าไหมมัดหมี่',
      category: 'cloth',
      unitPriceSatang: 120_000,
    });
    await call(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, {
      kind: 'otop',
      status: 'certified',
      issuedOn: dayFromToday(-30),
      expiresOn: dayFromToday(300),
      stars: 4,
    });
    await call(admin, 'PUT', `/api/marketplace/partner-advisors/${advisor.id}`, { channel: 'lazada' });

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
    desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' })).newPage();
    buyer = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' })).newPage();
    await signInAt(phone, baseUrl, leader.username, leader.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('the leader proposes the product with a photo on her phone', async () => {
    const page = phone;
    await page.goto(`${baseUrl}/my/shop`);
    await page.getByRole('link', { name: GROUP }).waitFor();
    await expectAccessible(page, 'my group’s shop');
    await page.getByRole('link', { name: 'เสนอสินค้า', exact: true }).click();
    await page.getByRole('textbox', { name: /^ผลิตภัณฑ์ของกลุ่ม/ }).click();
    await page.getByRole('option', { name: 'ผ้าไหมมัดหมี่' }).click();
    await page.getByLabel(/^ชื่อสินค้า \(ภาษาไทย\)/).fill(TITLE);
    await page.getByLabel(/^ชื่อสินค้า \(ภาษาอังกฤษ\)/).fill('Mudmee silk, Naga pattern');
    await page.getByLabel(/^รายละเอียดสินค้า \(ภาษาไทย\)/).fill('ผ้าไหมทอมือ ย้อมสีธรรมชาติ กว้าง 1 เมตร ยาว 2 เมตร');
    await page.getByLabel(/^ราคา \(บาท\)/).fill('1,250');
    await page.getByRole('checkbox', { name: 'โอทอป' }).check();
    await page.getByLabel(/^จำนวนในสต็อก/).fill('12');
    await page.getByLabel(/^น้ำหนักพัสดุ/).fill('400');
    await page.getByLabel(/^ยาว/).fill('30');
    await page.getByLabel(/^กว้าง/).fill('20');
    await page.getByLabel(/^สูง/).fill('5');
    await page.getByLabel(/^ไลน์ไอดีของกลุ่ม/).fill('@nongbuadee');
    await expectAccessible(page, 'listing form');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'เสนอสินค้า' }).click();
    await page.waitForURL(/\/marketplace\/listings\/\d+$/);
    listingId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('listing-status').textContent()).toBe('รอตรวจ');

    const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#7b2d26' } })
      .jpeg()
      .toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: 'silk.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'อัปโหลดรูป' }).click();
    await expect.poll(() => page.getByTestId('listing-photo').count()).toBe(1);
    await expectAccessible(page, 'listing with its photo (leader)');
    expect(await fitsWidth(page)).toBe(true);
  });

  it('an officer approves it from the queue', async () => {
    const page = desk;
    await as(page, officer);
    await page.goto(`${baseUrl}/marketplace`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/marketplace/listings/${listingId}$`));
    await page.getByTestId('listing-photo').waitFor();
    await expectAccessible(page, 'listing check (officer)');
    await page.getByRole('button', { name: 'อนุมัติขึ้นแคตตาล็อก' }).click();
    await expect.poll(() => page.getByTestId('listing-status').textContent()).toBe('อนุมัติแล้ว ขึ้นแคตตาล็อก');
  });

  it('a buyer finds it in the public catalogue by part of its Thai name; its page has the right card and fits 360 px', async () => {
    const page = buyer;
    await page.goto(`${baseUrl}/shop`);
    await expectAccessible(page, 'public catalogue');
    await page.getByLabel('ค้นหาสินค้า (พิมพ์ส่วนหนึ่งของชื่อก็ได้)').fill('หมี่ลายนา');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/\/shop\?q=/);
    await page.getByText('พบ 1 รายการ').waitFor();
    const card = page.getByRole('link', { name: TITLE });
    expect(await page.locator('.card img').getAttribute('srcset')).toMatch(/320w, .*640w, .*1200w/);
    expect(await page.locator('.card img').getAttribute('loading')).toBe('lazy');
    await expectAccessible(page, 'public catalogue, a search');
    expect(await fitsWidth(page)).toBe(true);
    await card.click();
    await page.waitForURL(new RegExp(`/shop/products/${listingId}$`));
    const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
    expect(await meta('og:title')).toBe(TITLE);
    expect(await meta('og:image')).toMatch(/\/api\/marketplace\/photos\/[0-9a-f-]+\/1200$/);
    expect(await meta('product:price:amount')).toBe('1250.00');
    expect(await meta('product:price:currency')).toBe('THB');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.offers).toMatchObject({ price: '1250.00', priceCurrency: 'THB' });
    await page.getByText('1,250 บาท').waitFor();
    await expectAccessible(page, 'public product page');
    expect(await fitsWidth(page)).toBe(true);

    await page.goto(`${baseUrl}/shop?lang=en&q=${encodeURIComponent('มัดหมี่')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByText('1 product found').waitFor();
    await page.getByRole('link', { name: 'Mudmee silk, Naga pattern' }).waitFor();
    await expectAccessible(page, 'public catalogue in English');
  });

  it('the group consents to Lazada; the advisor sees it, moves the shop to “first product live” and exports a valid payload', async () => {
    await phone.goto(`${baseUrl}/marketplace/groups/${groupId}`);
    await phone.getByRole('button', { name: 'ยินยอมเปิดเผยข้อมูลแก่ลาซาด้า' }).click();
    await phone.getByText(/^กลุ่มให้ความยินยอมแล้วเมื่อ/).waitFor();
    await expectAccessible(phone, 'group shop after consent');
    // The documents and the shop itself came before, recorded by the officer.
    await call(officer, 'PUT', `/api/marketplace/groups/${groupId}/channels/lazada`, {
      documentsReadyOn: dayFromToday(0),
      shopOpenedOn: dayFromToday(0),
      shopUrl: 'https://www.lazada.co.th/shop/nongbuadee-silk',
    });

    const page = desk;
    await as(page, advisor);
    await page.goto(`${baseUrl}/marketplace/partner`);
    const group = page.getByTestId(`partner-group-${groupId}`);
    await group.getByRole('heading', { name: GROUP }).waitFor();
    await expectAccessible(page, 'partner advisor’s groups');
    await group.getByRole('button', { name: 'บันทึกขั้น: สินค้าชิ้นแรกขึ้นขาย' }).click();
    await expect.poll(() => group.locator('li[data-step="first-product-live"]').getAttribute('data-reached')).toBe('yes');
    expect(await group.locator('li[aria-current="step"]').getAttribute('data-step')).toBe('first-product-live');

    await group.getByRole('button', { name: 'สร้างข้อมูลสินค้าสำหรับลาซาด้า' }).click();
    await expect.poll(() => group.getByTestId('feed-result').textContent()).toBe('สินค้าพร้อมส่งออก 1 จาก 1 รายการ');
    const payloads = JSON.parse((await group.getByTestId('feed-payload').textContent())!);
    expect(payloads).toHaveLength(1);
    const product = payloads[0].Request.Product;
    expect(product.Attributes.name).toBe(TITLE);
    expect(product.PrimaryCategory).not.toBe('');
    expect(product.Skus.Sku[0]).toMatchObject({ price: '1250.00', quantity: '12', package_weight: '0.400', package_length: '30' });
    expect(product.Images.Image[0]).toMatch(/\/api\/marketplace\/photos\/.+\/1200$/);
    await expectAccessible(page, 'partner advisor with the Lazada feed');
  });

  it('three months of sales entered on the phone make the income chart rise above the income at registration', async () => {
    const page = phone;
    await page.goto(`${baseUrl}/marketplace/groups/${groupId}`);
    const months = lastThreeMonths();
    const revenues = ['4,000', '7,000', '12,000'];
    for (const [i, month] of months.entries()) {
      await page.getByLabel(/^เดือน/).fill(month);
      await page.getByLabel(/^จำนวนคำสั่งซื้อ/).fill(String(5 * (i + 1)));
      await page.getByLabel(/^ยอดขาย \(บาท\)/).fill(revenues[i]!);
      await page.getByRole('button', { name: 'บันทึกยอดขาย' }).click();
      await expect.poll(() => page.getByTestId('income-chart').locator('tbody tr').count()).toBe(i + 1);
    }
    const chart = page.getByTestId('income-chart');
    await chart.getByText('ตารางข้อมูล').or(chart.locator('summary')).first().click();
    const rows = await chart.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // Per member (two members): 2,000 → 3,500 → 6,000 baht, beside 3,000 at registration.
    const perMember = rows.map((r) => Number(r[0]!.replace(/,/g, '')));
    expect(perMember).toEqual([2000, 3500, 6000]);
    expect(rows.map((r) => r[1])).toEqual(['3,000', '3,000', '3,000']);
    await expectAccessible(page, 'group shop with three months of sales');
    expect(await fitsWidth(page)).toBe(true);
  });
});
