import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { buildPeople, dayFromToday } from '../helpers/training';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';
const TITLE = 'ผ้าไหมมัดหมี่ลายนาคา';
const GROUP_NAME = 'กลุ่มทอผ้าไหมบ้านนาคา';

type Who = { cookie: string } | null;

describe.each(ENGINES)('marketplace on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuket: StaffAccount;
  let executive: StaffAccount;
  let admin: StaffAccount;
  let partner: StaffAccount;
  let leader: StaffAccount;
  let member: StaffAccount;
  let groupId: number;
  let productId: number;
  let certificationId: number;
  let listingId: number;
  let leaderDoc: string;
  let leaderPersonId: number, memberPersonId: number;
  const serial = 900_000 + Math.floor(Math.random() * 1000) * 50;

  const call = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload: payload as never, headers: { ...(who ? { cookie: who.cookie } : {}), ...headers } });
  const ok = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, headers?: Record<string, string>) => {
    const r = await call(who, method, url, payload, headers);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const timelineKinds = async () => (await ok(officer, 'GET', `/api/groups/${groupId}/timeline`)).map((e: { kind: string }) => e.kind) as string[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuket = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
    partner = await t.createStaff({ roles: [{ role: 'marketplace_partner' }] });
    const people = await buildPeople(t.database.db, 3, { firstSerial: serial });
    leaderDoc = people[0]!.docNumber;
    [leaderPersonId, memberPersonId] = [people[0]!.id, people[1]!.id];
    await sql`update person set monthly_income_satang = ${300_000} where id in (${people[0]!.id}, ${people[1]!.id})`.execute(t.database.db);
    const group = await ok(officer, 'POST', '/api/groups', {
      name: GROUP_NAME,
      type: 'community-enterprise',
      occupation: 'handicrafts',
      subdistrictCode: '400101',
      members: [
        { personId: people[0]!.id, role: 'leader', joinedOn: '2024-01-01' },
        { personId: people[1]!.id, role: 'member', joinedOn: '2024-01-01' },
      ],
    });
    groupId = group.id;
    leader = await t.createStaff({ roles: [{ role: 'citizen' }] });
    member = await t.createStaff({ roles: [{ role: 'citizen' }] });
    await sql`update app_user set person_id = ${people[0]!.id} where id = ${leader.id}`.execute(t.database.db);
    await sql`update app_user set person_id = ${people[1]!.id} where id = ${member.id}`.execute(t.database.db);
    t.services.actors.clear();
    productId = (await ok(officer, 'POST', `/api/enterprise/groups/${groupId}/products`, { name: 'ผ้าไหมมัดหมี่', category: 'cloth', unitPriceSatang: 45_000 })).id;
    const product = await ok(officer, 'POST', `/api/enterprise/products/${productId}/certifications`, {
      kind: 'otop',
      status: 'certified',
      issuedOn: dayFromToday(-30),
      expiresOn: dayFromToday(300),
      stars: 4,
    });
    certificationId = product.certifications[0].id;
  });
  afterAll(() => t?.dispose());

  it('lets the group’s leader propose a product, claiming only marks that stand, once', async () => {
    const body = {
      productId,
      titleTh: TITLE,
      titleEn: 'Mudmee silk, Naga pattern',
      descriptionTh: 'ผ้าไหมทอมือ ย้อมสีธรรมชาติ',
      requiredMarks: ['otop'],
      lineId: '@nakasilk',
      contactPhone: '0812345678',
    };
    const fda = await call(leader, 'POST', '/api/marketplace/listings', { ...body, requiredMarks: ['fda'] });
    expect(fda.statusCode).toBe(422);
    expect(fda.json().errors[0]).toMatchObject({ field: 'body.requiredMarks', code: 'mark-not-valid' });
    expect(fda.json().errors[0].messageTh).toContain('อย.');
    expect((await call(member, 'POST', '/api/marketplace/listings', body)).statusCode).toBe(403);
    expect((await call(phuket, 'POST', '/api/marketplace/listings', body)).statusCode).toBe(403);
    const listing = await ok(leader, 'POST', '/api/marketplace/listings', body);
    expect(listing).toMatchObject({ status: 'proposed', priceSatang: 45_000, category: 'cloth', groupId });
    listingId = listing.id;
    expect((await call(officer, 'POST', '/api/marketplace/listings', body)).statusCode).toBe(409);
    expect(await timelineKinds()).toContain('listing-proposed');
  });

  it('keeps photos checked by their bytes and resized to several widths, private until approved', async () => {
    const fake = await call(leader, 'POST', `/api/marketplace/listings/${listingId}/photos`, Buffer.from('<svg onload=alert(1)>'), {
      'content-type': 'image/jpeg',
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0].code).toBe('not-an-image');
    const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#b03a2e' } })
      .jpeg()
      .toBuffer();
    const withPhoto = await ok(leader, 'POST', `/api/marketplace/listings/${listingId}/photos`, jpeg, { 'content-type': 'image/jpeg' });
    expect(withPhoto.photos[0].sizes.map((s: { width: number; height: number }) => [s.width, s.height])).toEqual([
      [320, 200],
      [640, 400],
      [1200, 750],
    ]);
    const url = withPhoto.photos[0].sizes[0].url;
    expect((await call(null, 'GET', url)).statusCode).toBe(404);
    const seen = await call(officer, 'GET', url.replace(/\/320$/, '/500'));
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(seen.rawPayload).metadata()).width).toBe(640);
  });

  it('lets an officer of the area return a listing with reasons and approve it after a change', async () => {
    expect((await call(phuket, 'POST', `/api/marketplace/listings/${listingId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await call(officer, 'POST', `/api/marketplace/listings/${listingId}/decision`, { decision: 'return' })).statusCode).toBe(400);
    const queue = await ok(officer, 'GET', '/api/marketplace/listings');
    expect(queue.map((l: { id: number }) => l.id)).toContain(listingId);
    expect(await ok(phuket, 'GET', '/api/marketplace/listings')).toEqual([]);
    const returned = await ok(officer, 'POST', `/api/marketplace/listings/${listingId}/decision`, {
      decision: 'return',
      reasons: [{ code: 'price', note: 'ราคาต่ำกว่าต้นทุน' }],
    });
    expect(returned).toMatchObject({ status: 'returned', returnReasons: [{ code: 'price', note: 'ราคาต่ำกว่าต้นทุน' }] });
    expect(await timelineKinds()).toContain('listing-returned');
    expect((await ok(leader, 'PATCH', `/api/marketplace/listings/${listingId}`, { priceSatang: 59_000 })).status).toBe('proposed');
    const approved = await ok(officer, 'POST', `/api/marketplace/listings/${listingId}/decision`, { decision: 'approve' });
    expect(approved.status).toBe('approved');
    expect((await call(officer, 'POST', `/api/marketplace/listings/${listingId}/decision`, { decision: 'approve' })).statusCode).toBe(409);
    expect(await timelineKinds()).toContain('listing-approved');
    // The group's leader is told of the approval, once (issue 21 §5); the returning told nobody, nor is the member told.
    const told = await ok(leader, 'GET', '/api/me/notifications');
    expect(told.items.map((m: { kind: string; text: string }) => [m.kind, m.text])).toEqual([
      ['listing-approved', `สินค้า ${TITLE} ของกลุ่ม ${GROUP_NAME} ได้รับอนุมัติขึ้นร้านแล้ว`],
    ]);
    expect(await t.database.db.selectFrom('notification').select('id').where('person_id', '=', memberPersonId).execute()).toEqual([]);
  });

  it('shows approved products publicly, found by any part of a Thai word, with no personal data', async () => {
    for (const q of ['มัดหมี่', 'หมี่ลาย', 'นาคา', 'SILK']) {
      const page = await ok(null, 'GET', `/api/marketplace/catalogue?q=${encodeURIComponent(q)}`);
      expect(
        page.items.map((i: { id: number }) => i.id),
        q,
      ).toContain(listingId);
    }
    expect((await ok(null, 'GET', `/api/marketplace/catalogue?q=${encodeURIComponent('ไหมพรม')}`)).items).toEqual([]);
    expect((await ok(null, 'GET', '/api/marketplace/catalogue?province=83')).items).toEqual([]);
    expect((await ok(null, 'GET', '/api/marketplace/catalogue?province=40&category=cloth&mark=otop')).items).toHaveLength(1);
    expect((await ok(null, 'GET', '/api/marketplace/catalogue?mark=fda')).items).toEqual([]);
    const item = await ok(null, 'GET', `/api/marketplace/catalogue/${listingId}`);
    expect(item).toMatchObject({
      priceSatang: 59_000,
      group: { name: GROUP_NAME },
      province: { code: '40', nameTh: 'ขอนแก่น' },
      marks: [{ kind: 'otop' }],
      howToBuy: { lineId: '@nakasilk', phone: '0812345678' },
    });
    expect(item.openGraph['og:image']).toMatch(/\/1200$/);
    expect(item.jsonLd).toMatchObject({ '@type': 'Product', offers: { '@type': 'Offer', price: '590.00', priceCurrency: 'THB' } });
    const text = JSON.stringify(item);
    expect(text).not.toContain(leaderDoc);
    expect(text).not.toContain('ทดสอบ');
    expect((await call(null, 'GET', item.photos[0].sizes[0].url)).headers['cache-control']).toContain('public');
  });

  it('serves the product page as HTML with Open Graph and schema.org, and lists it in the sitemap', async () => {
    const page = await call(null, 'GET', `/shop/products/${listingId}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain(`<meta property="og:title" content="${TITLE}">`);
    expect(page.body).toContain('"@type":"Product"');
    expect(page.body).toContain('srcset=');
    expect(page.body).not.toContain('<script>');
    const sitemap = await call(null, 'GET', '/sitemap.xml');
    expect(sitemap.body).toContain(`/shop/products/${listingId}</loc>`);
    expect((await call(null, 'GET', `/shop/products/${listingId + 1000}`)).statusCode).toBe(404);
  });

  it('serves the catalogue page as HTML: a GET form whose empty choices mean any, cards by part of a Thai word, Thai or English', async () => {
    const page = await call(null, 'GET', `/shop?q=${encodeURIComponent('หมี่ลาย')}&province=&category=&mark=`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.body).toContain(`<a href="/shop/products/${listingId}">${TITLE}</a>`);
    expect(page.body).toContain('loading="lazy"');
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain(leaderDoc);
    const none = await call(null, 'GET', `/shop?q=${encodeURIComponent('ไม่มีสินค้านี้')}&province=83`);
    expect(none.body).toContain('ไม่พบสินค้าที่ตรงกับการค้นหา');
    const english = await call(null, 'GET', '/shop?lang=en&mark=otop');
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Mudmee silk, Naga pattern');
    expect((await call(null, 'GET', '/shop?province=Khon')).statusCode).toBe(400);
  });

  it('gives the leader her groups and their products with the marks standing, to propose from', async () => {
    expect(await ok(leader, 'GET', '/api/marketplace/my')).toEqual({ groups: [{ groupId, groupName: GROUP_NAME, provinceCode: '40' }] });
    expect(await ok(officer, 'GET', '/api/marketplace/my')).toEqual({ groups: [] });
    expect(await ok(leader, 'GET', `/api/marketplace/groups/${groupId}/products`)).toEqual([
      { id: productId, name: 'ผ้าไหมมัดหมี่', category: 'cloth', unitPriceSatang: 45_000, marks: ['otop'] },
    ]);
    expect((await call(member, 'GET', `/api/marketplace/groups/${groupId}/products`)).statusCode).toBe(403);
    expect((await call(phuket, 'GET', `/api/marketplace/groups/${groupId}/products`)).statusCode).toBe(403);
  });

  it('lets a partner’s advisor see and move a group only while the group consents to share with its partner', async () => {
    expect((await ok(partner, 'GET', '/api/marketplace/partner/groups')).channel).toBeNull();
    expect((await call(officer, 'PUT', `/api/marketplace/partner-advisors/${partner.id}`, { channel: 'lazada' })).statusCode).toBe(403);
    expect((await call(admin, 'PUT', `/api/marketplace/partner-advisors/${officer.id}`, { channel: 'lazada' })).statusCode).toBe(422);
    await ok(admin, 'PUT', `/api/marketplace/partner-advisors/${partner.id}`, { channel: 'lazada' });
    t.services.actors.clear();
    expect((await call(partner, 'GET', `/api/marketplace/groups/${groupId}/channels`)).statusCode).toBe(403);
    const consented = await ok(leader, 'POST', `/api/marketplace/groups/${groupId}/consents`, { channel: 'lazada', evidence: 'แบบยินยอมลงนาม' });
    expect(consented.channels[0]).toMatchObject({ channel: 'lazada', current: 'consented' });
    expect((await call(leader, 'POST', `/api/marketplace/groups/${groupId}/consents`, { channel: 'lazada' })).statusCode).toBe(409);
    expect(await timelineKinds()).toContain('consent-given');
    expect((await ok(partner, 'GET', '/api/marketplace/partner/groups')).groups.map((g: { groupId: number }) => g.groupId)).toEqual([groupId]);
    const skipped = await call(partner, 'PUT', `/api/marketplace/groups/${groupId}/channels/lazada`, {
      shopOpenedOn: dayFromToday(-5),
      shopUrl: 'https://www.lazada.co.th/shop/naka',
    });
    expect(skipped.statusCode).toBe(422);
    expect(skipped.json().errors[0].code).toBe('step-skipped');
    const moved = await ok(partner, 'PUT', `/api/marketplace/groups/${groupId}/channels/lazada`, {
      documentsReadyOn: dayFromToday(0),
      shopOpenedOn: dayFromToday(0),
      shopUrl: 'https://www.lazada.co.th/shop/naka',
      firstProductLiveOn: dayFromToday(0),
    });
    expect(moved.channels.map((c: { channel: string }) => c.channel)).toEqual(['lazada']);
    expect(moved.channels[0].current).toBe('first-product-live');
    expect((await call(partner, 'PUT', `/api/marketplace/groups/${groupId}/channels/shopee`, { documentsReadyOn: dayFromToday(0) })).statusCode).toBe(403);
    const shops = (await ok(null, 'GET', `/api/marketplace/catalogue/${listingId}`)).howToBuy.shops;
    expect(shops).toEqual([{ channel: 'lazada', nameTh: 'ลาซาด้า', nameEn: 'Lazada', url: 'https://www.lazada.co.th/shop/naka' }]);
    // The members' income at registration reaches Lazada's advisor only from a member whose own
    // consent to share with Lazada stands (the registry's `share-lazada`), and not after she withdraws it.
    const baseline = async (who: Who) => (await ok(who, 'GET', `/api/marketplace/groups/${groupId}/sales`)).incomeAtRegistrationPerMemberSatang;
    expect(await baseline(partner)).toBeNull();
    expect(await baseline(officer)).toBe(300_000);
    expect((await ok(partner, 'GET', `/api/marketplace/groups/${groupId}/channels`)).channels[0].consent.givenByPersonId).toBeNull();
    await ok(officer, 'POST', `/api/people/${leaderPersonId}/consents`, { purpose: 'share-lazada', evidence: 'แบบยินยอมลงนาม' });
    expect(await baseline(partner)).toBe(300_000);
    expect((await call(officer, 'DELETE', `/api/people/${leaderPersonId}/consents/share-lazada`)).statusCode).toBeLessThan(300);
    expect(await baseline(partner)).toBeNull();
    await ok(leader, 'POST', `/api/marketplace/groups/${groupId}/consents/lazada/withdraw`);
    expect((await ok(partner, 'GET', '/api/marketplace/partner/groups')).groups).toEqual([]);
    expect((await call(partner, 'GET', `/api/marketplace/groups/${groupId}/channels`)).statusCode).toBe(403);
  });

  it('builds the channels’ feeds, leaving out products with errors and naming them', async () => {
    const lazada = await ok(officer, 'GET', `/api/marketplace/groups/${groupId}/feeds/lazada`);
    expect(lazada).toMatchObject({ total: 1, valid: 0 });
    expect(lazada.products[0].errors.map((e: { code: string }) => e.code).sort()).toEqual(['no-dimensions', 'no-stock', 'no-weight']);
    await ok(leader, 'PATCH', `/api/marketplace/listings/${listingId}`, { stock: 12, packageWeightGrams: 350, packageCm: [30, 20, 5] });
    await ok(officer, 'POST', `/api/marketplace/listings/${listingId}/decision`, { decision: 'approve' });
    const fixed = await ok(officer, 'GET', `/api/marketplace/groups/${groupId}/feeds/lazada`);
    expect(fixed.valid).toBe(1);
    const sku = fixed.products[0].payload.Request.Product.Skus.Sku[0];
    expect(sku).toMatchObject({ SellerSku: `ARCHEEP-${listingId}`, price: '590.00', quantity: '12', package_weight: '0.350', package_length: '30' });
    const meta = await ok(officer, 'GET', `/api/marketplace/groups/${groupId}/feeds/meta`);
    expect(meta.document.text).toMatch(/^\uFEFFid,title,description,availability,condition,price,link,image_link,brand\r\n/);
    expect(meta.document.text).toContain('590.00 THB');
    const google = await ok(officer, 'GET', `/api/marketplace/groups/${groupId}/feeds/google`);
    expect(google.document.text).toContain('<g:price>590.00 THB</g:price>');
    expect(google.document.text).toContain(`<g:title>${TITLE}</g:title>`);
  });

  it('records monthly sales in satang by hand and from an order export, once per order, as income per member', async () => {
    const month = dayFromToday(-40).slice(0, 7);
    expect(
      (await call(leader, 'PUT', `/api/marketplace/groups/${groupId}/sales/lazada/${month}`, { orders: 3, revenueSatang: 12.5, returns: 0 })).statusCode,
    ).toBe(400);
    const future = await call(leader, 'PUT', `/api/marketplace/groups/${groupId}/sales/lazada/2199-01`, { orders: 3, revenueSatang: 1000, returns: 0 });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('params.month');
    expect(
      (await call(phuket, 'PUT', `/api/marketplace/groups/${groupId}/sales/lazada/${month}`, { orders: 3, revenueSatang: 1000, returns: 0 })).statusCode,
    ).toBe(403);
    await ok(leader, 'PUT', `/api/marketplace/groups/${groupId}/sales/facebook/${month}`, { orders: 4, revenueSatang: 240_000, returns: 1 });

    const day = dayFromToday(-2);
    const bad = `Order Number,Created at,Paid Price,Status\r\nL1,${day},450.00,delivered\r\nL2,${day},abc,delivered\r\n`;
    const refused = await ok(officer, 'POST', `/api/marketplace/groups/${groupId}/sales/import?channel=lazada&fileName=orders.csv&dryRun=false`, bad, {
      'content-type': 'text/csv',
    });
    expect(refused).toMatchObject({ imported: 0, errors: [{ line: 3, column: 'amount', code: 'number' }] });
    const file = `Order Number,Created at,Paid Price,Status\r\nL1,${day},450.00,delivered\r\nL2,${day},"1,200.50",returned\r\nL3,${day},99,cancelled\r\n`;
    const url = `/api/marketplace/groups/${groupId}/sales/import?channel=lazada&fileName=orders.csv`;
    const dry = await ok(officer, 'POST', url, file, { 'content-type': 'text/csv' });
    expect(dry).toMatchObject({ dryRun: true, imported: 0, cancelled: 1, errors: [] });
    expect((await ok(officer, 'POST', `${url}&dryRun=false`, file, { 'content-type': 'text/csv' })).imported).toBe(2);
    expect(await ok(officer, 'POST', `${url}&dryRun=false`, file, { 'content-type': 'text/csv' })).toMatchObject({ imported: 0, alreadyImported: 2 });

    const sales = await ok(leader, 'GET', `/api/marketplace/groups/${groupId}/sales`);
    const importedMonth = day.slice(0, 7);
    expect(sales.reports.find((r: { channel: string }) => r.channel === 'lazada')).toMatchObject({
      month: importedMonth,
      orders: 2,
      revenueSatang: 45_000,
      returns: 1,
      source: 'import',
    });
    expect(sales.members).toBe(2);
    expect(sales.incomeAtRegistrationPerMemberSatang).toBe(300_000);
    expect(sales.income.find((m: { month: string }) => m.month === month)).toMatchObject({ revenueSatang: 240_000, perMemberSatang: 120_000 });
    const channels = await ok(officer, 'GET', `/api/marketplace/groups/${groupId}/channels`);
    expect(channels.channels.find((c: { channel: string }) => c.channel === 'lazada').steps.find((s: { step: string }) => s.step === 'active').reached).toBe(
      true,
    );

    const summary = await ok(executive, 'GET', '/api/marketplace/sales/summary');
    expect(summary.revenueSatang).toBeGreaterThanOrEqual(45_000);
    expect((await ok(phuket, 'GET', '/api/marketplace/sales/summary')).rows).toEqual([]);
    expect((await call(member, 'GET', '/api/marketplace/sales/summary')).statusCode).toBe(403);
  });

  it('hides a product whose claimed mark lapsed at once, and the daily sweep unlists it and tells the group', async () => {
    await sql`update certification set issued_on = ${dayFromToday(-400)}, expires_on = ${dayFromToday(-1)} where id = ${certificationId}`.execute(
      t.database.db,
    );
    expect((await ok(null, 'GET', '/api/marketplace/catalogue')).items.map((i: { id: number }) => i.id)).not.toContain(listingId);
    expect((await call(null, 'GET', `/shop/products/${listingId}`)).statusCode).toBe(404);
    // Start-up already ran today's sweep: a second one the same day does nothing.
    expect(await t.services.marketplace.dailySweep()).toBeNull();
    expect(await t.services.marketplace.unlistLapsed()).toBe(1);
    const listing = await ok(leader, 'GET', `/api/marketplace/listings/${listingId}`);
    expect(listing).toMatchObject({ status: 'unlisted', unlistedReason: 'mark-lapsed:otop' });
    const events = await ok(officer, 'GET', `/api/groups/${groupId}/timeline`);
    expect(events.find((e: { kind: string }) => e.kind === 'listing-unlisted').summaryTh).toContain('หมดอายุ');
    expect((await call(officer, 'POST', `/api/marketplace/listings/${listingId}/decision`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('counts a search up to 1,000, pages the newest first however old the matches, and finds one or two letters at a title’s start', async () => {
    // 1,005 batik listings approved 2,000+ minutes ago, then 1,100 newer loincloths: a search for
    // batik has more matches than the count goes to, none of them among the newest 1,000 listings.
    const db = t.database.db;
    const write = async (title: string, english: string, count: number, minutesAgo: number) => {
      const products = await sql<{ id: number }>`insert into product (group_id, province_code, name, category, unit_price_satang)
        select ${groupId}, '83', ${title} || i, 'cloth', 35000 from generate_series(0, ${count - 1}) i returning id`.execute(db);
      await sql`insert into listing (product_id, group_id, province_code, status, title_th, title_en, description_th, price_satang, category, search_text, approved_at, updated_at)
        select p.id, ${groupId}, '83', 'approved', ${title} || ' ลาย' || i, ${english} || ' ' || i, 'ผ้าพิมพ์มือ', 35000, 'cloth',
               lower(${title} || ' ลาย' || i || ' ' || ${english} || ' ' || i || ' ผ้าพิมพ์มือ'), now() - ((${minutesAgo} + i) || ' minutes')::interval, now()
        from unnest(${products.rows.map((r) => r.id)}::int8[]) with ordinality as p(id, n) cross join lateral (select (p.n - 1)::int as i) x`.execute(db);
      return (await sql<{ id: number }>`select id from listing where title_th like ${title + ' %'} order by approved_at desc, id desc`.execute(db)).rows.map(
        (r) => Number(r.id),
      );
    };
    const batik = await write('ผ้าบาติก', 'Batik', 1_005, 2_000);
    const loincloth = await write('ผ้าขาวม้า', 'Loincloth', 1_100, 0);
    const search = async (query: string) =>
      (await ok(null, 'GET', `/api/marketplace/catalogue?${query}`)) as { total: number; totalIsCapped: boolean; items: { id: number }[] };
    const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);

    const common = await search(`q=${encodeURIComponent('บาติก')}&limit=5`);
    expect(common).toMatchObject({ total: 1_000, totalIsCapped: true });
    expect(ids(common)).toEqual(batik.slice(0, 5));
    expect(ids(await search(`q=${encodeURIComponent('บาติก')}&province=83&limit=5&offset=1000`))).toEqual(batik.slice(1_000, 1_005));
    const selective = await search(`q=${encodeURIComponent('บาติก ลาย1003')}`);
    expect(selective).toMatchObject({ total: 1, totalIsCapped: false });
    expect(ids(selective)).toEqual([batik[1_003]]);
    // Part of a word from three letters on; one or two letters only where a title begins.
    expect((await search(`q=${encodeURIComponent('าติ')}&limit=1`)).totalIsCapped).toBe(true);
    const twoLetters = await search(`q=${encodeURIComponent('ผ้')}&limit=3`);
    expect(twoLetters).toMatchObject({ total: 1_000, totalIsCapped: true });
    expect(ids(twoLetters)).toEqual(loincloth.slice(0, 3));
    expect(ids(await search('q=LO&limit=2'))).toEqual(loincloth.slice(0, 2));
    expect(await search(`q=${encodeURIComponent('บา')}`)).toMatchObject({ total: 0, totalIsCapped: false, items: [] });
    expect(ids(await search('q=ba&limit=2'))).toEqual(batik.slice(0, 2));
    expect(await search('q=ti')).toMatchObject({ total: 0, items: [] });

    // The product page is made once and served again until the listing changes through the service.
    const newest = loincloth[0]!;
    expect((await call(null, 'GET', `/shop/products/${newest}`)).body).toContain('ผ้าขาวม้า ลาย0');
    await sql`update listing set title_th = 'เปลี่ยนนอกระบบ' where id = ${newest}`.execute(db);
    expect((await call(null, 'GET', `/shop/products/${newest}`)).body).toContain('ผ้าขาวม้า ลาย0');
    await ok(officer, 'POST', `/api/marketplace/listings/${newest}/unlist`, { reason: 'ทดสอบ' });
    expect((await call(null, 'GET', `/shop/products/${newest}`)).statusCode).toBe(404);

    await sql`delete from listing where province_code = '83' and group_id = ${groupId}`.execute(db);
    await sql`delete from product where province_code = '83' and group_id = ${groupId}`.execute(db);
  });

  it('keeps monitoring’s groups selling online and sales in the writes’ transactions: the rebuild agrees', async () => {
    // People built by this file's factories are written behind the registry's back: only this module's indicators are compared.
    const verdict = await t.services.monitoring.rebuild();
    expect(verdict.differences.filter((d) => ['marketplace.'].some((m) => d.key.startsWith(m)))).toEqual([]);
    const kept = new Set((await t.database.db.selectFrom('monitoring_rollup').select('indicator').where('value', '<>', 0).execute()).map((r) => r.indicator));
    for (const code of ['marketplace.selling-online', 'marketplace.sales-satang']) expect(kept, code).toContain(code);
  });
});
