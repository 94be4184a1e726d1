/**
 * The marketplace's part of the demo (issue 19): the four prototype groups of seed 004 (from
 * demo-enterprise.ts) and Khon Kaen's basket weavers list their products with photos (drawn for
 * the demo, `demo-assets/marketplace/`, made by `demo-assets/make-marketplace-photos.ts`); one
 * listing waits for an officer and one was returned with reasons. The groups' channel accounts
 * stand at every step of the onboarding path, three groups consent to share with Lazada, whose
 * advisor is `demo.lazada`, and three groups have six months of sales that rise. Past steps are
 * dated in the past (the consents' dates written after they are given). Running it again adds
 * nothing: it stops when the catalogue has listings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import type { ActorContext } from '../src/server/platform/context';
import { bangkokDate } from '../src/shared/fiscal-year';

const PHOTOS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-assets', 'marketplace');
type Channel = 'lazada' | 'shopee' | 'facebook' | 'line' | 'tiktok' | 'onde';

/** Each group (by its name in demo-enterprise.ts), its products to list, and where its shops stand. */
const GROUPS = [
  {
    group: 'กลุ่มดอกไม้จันทน์และพวงหรีดย่านซื่อ',
    province: '15',
    listings: [
      {
        product: 'พวงหรีดดอกไม้จันทน์',
        titleEn: 'Sandalwood-flower wreath',
        photo: 'wreath',
        description: 'พวงหรีดดอกไม้จันทน์ประดิษฐ์จากไม้โสน งานมือของกลุ่มแม่บ้านย่านซื่อ จังหวัดอ่างทอง สั่งทำได้ตามขนาด',
      },
      {
        product: 'ดอกไม้จันทน์ชุดพรีเมียม',
        new: { category: 'crafts', price: 45_000 },
        titleEn: 'Premium sandalwood flowers',
        photo: 'sandalwood-flowers',
        description: 'ดอกไม้จันทน์ชุด 100 ดอก บรรจุกล่องพร้อมใช้ในงานพระราชทานเพลิงศพ',
      },
    ],
    // Active on Lazada (six months of sales); a Facebook shop opened.
    channels: [
      { channel: 'lazada', steps: [200, 190, 180, 175, 170], url: 'https://www.lazada.co.th/shop/yansue-wreath' },
      { channel: 'facebook', steps: [40, 35, 30], url: 'https://www.facebook.com/yansuewreath' },
    ],
    sales: { channel: 'lazada', orders: 8, revenueBaht: 9_000 },
  },
  {
    group: 'กลุ่มเกษตรแปรรูปข้าวมาลี',
    province: '93',
    listings: [
      {
        product: 'ข้าวมาลีแปรรูปบรรจุถุง',
        titleEn: 'Mali rice, packed',
        photo: 'mali-rice',
        marks: ['tcps'],
        description: 'ข้าวหอมมะลิจากนาในพัทลุง สีใหม่ บรรจุถุงสุญญากาศ 1 กิโลกรัม ได้มาตรฐานผลิตภัณฑ์ชุมชน',
      },
      // Waits for the officer.
      {
        product: 'ข้าวกล้องมาลีงอก',
        new: { category: 'food', price: 12_000 },
        titleEn: 'Germinated brown Mali rice',
        photo: 'brown-rice',
        description: 'ข้าวกล้องงอกจากข้าวมาลี หุงง่าย นุ่ม หอม',
        waits: true,
      },
    ],
    // Lazada: its first product live; LINE MyShop active.
    channels: [
      { channel: 'lazada', steps: [60, 50, 40, 30], url: 'https://www.lazada.co.th/shop/mali-rice-phatthalung' },
      { channel: 'line', steps: [190, 185, 180, 178, 175], url: 'https://shop.line.me/@malirice' },
    ],
    sales: { channel: 'line', orders: 20, revenueBaht: 4_000 },
  },
  {
    group: 'กลุ่มนวดสปาสมุนไพร',
    province: '48',
    listings: [
      {
        product: 'ลูกประคบสมุนไพร',
        titleEn: 'Herbal compress ball',
        photo: 'herbal-compress',
        description: 'ลูกประคบสมุนไพรสด ไพล ขมิ้น ตะไคร้ ห่อผ้าฝ้าย ใช้นึ่งประคบคลายกล้ามเนื้อ',
      },
      // Returned: it claims to cure.
      {
        product: 'ยาหม่องสมุนไพร',
        new: { category: 'herbal', price: 5_000 },
        titleEn: 'Herbal balm',
        photo: 'herbal-balm',
        description: 'ยาหม่องสมุนไพรรักษาโรคปวดข้อให้หายขาด',
        returned: true,
      },
    ],
    // Consented to Lazada only; Village e-Commerce documents ready.
    channels: [
      { channel: 'lazada', steps: [10] },
      { channel: 'onde', steps: [20, 12] },
    ],
  },
  {
    group: 'กลุ่มหมูแดดเดียววิสาหกิจชุมชนเกาะตาล',
    province: '62',
    listings: [
      {
        product: 'หมูแดดเดียว',
        titleEn: 'Sun-dried pork',
        photo: 'sun-dried-pork',
        description: 'หมูแดดเดียวสูตรเกาะตาล หมักเครื่องเทศ ตากแดดหนึ่งวัน บรรจุถุงสุญญากาศ 500 กรัม',
      },
      {
        product: 'แหนมหมูเกาะตาล',
        new: { category: 'food', price: 6_000 },
        titleEn: 'Fermented pork',
        photo: 'fermented-pork',
        description: 'แหนมหมูห่อใบตอง เปรี้ยวกำลังดี ไม่ใส่สีและดินประสิว',
      },
    ],
    // TikTok Shop opened; Shopee with a first sale five months ago and none since (not active).
    channels: [
      { channel: 'tiktok', steps: [25, 20, 15], url: 'https://www.tiktok.com/@kotanpork' },
      { channel: 'shopee', steps: [170, 165, 160, 158, 150], url: 'https://shopee.co.th/kotanpork' },
    ],
  },
  {
    group: 'กลุ่มจักสานบ้านโคกสี',
    province: '40',
    listings: [
      {
        product: 'ผลิตภัณฑ์ของกลุ่มจักสานบ้านโคกสี',
        titleTh: 'ตะกร้าจักสานไม้ไผ่บ้านโคกสี',
        titleEn: 'Bamboo basket, Khok Si',
        photo: 'basket',
        marks: ['otop'],
        description: 'ตะกร้าไม้ไผ่สานมือ ทนทาน ใช้ใส่ของหรือเป็นของฝาก สินค้า OTOP 3 ดาว',
      },
    ],
    // Active on Facebook (six months of sales).
    channels: [{ channel: 'facebook', steps: [210, 200, 190, 185, 180], url: 'https://www.facebook.com/khoksibasket' }],
    sales: { channel: 'facebook', orders: 12, revenueBaht: 6_000 },
  },
] as const satisfies readonly {
  group: string;
  province: string;
  listings: readonly {
    product: string;
    new?: { category: string; price: number };
    titleTh?: string;
    titleEn: string;
    photo: string;
    description: string;
    marks?: readonly string[];
    waits?: boolean;
    returned?: boolean;
  }[];
  channels: readonly { channel: Channel; steps: readonly number[]; url?: string }[];
  sales?: { channel: Channel; orders: number; revenueBaht: number };
}[];

export async function fillMarketplace(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const { marketplace, enterprise, registry } = services;
  console.log('Marketplace:');
  if (await db.selectFrom('listing').select('id').executeTakeFirst()) {
    console.log('  the catalogue has listings already');
    return;
  }
  const admin = await db.selectFrom('role_assignment').select('user_id').where('role', '=', 'system_admin').executeTakeFirstOrThrow();
  const base = (await services.identity.loadActor(admin.user_id))!;
  const adminCtx: ActorContext = { actor: { ...base, mustChangePassword: false }, requestId: 'demo' };
  const officerOf = (province: string): ActorContext => ({
    actor: { ...base, mustChangePassword: false, grants: [{ role: 'officer', unitCode: `DSD-PSDO-${province}`, provinceCodes: [province] }] },
    requestId: 'demo',
  });
  const daysAgo = (n: number) => bangkokDate(new Date(Date.now() - n * 86_400_000));
  const today = bangkokDate(new Date());
  const lazada = await db.selectFrom('app_user').select('id').where('username', '=', 'demo.lazada').executeTakeFirstOrThrow();
  await marketplace.setAdvisor(adminCtx, lazada.id, 'lazada');

  const counts = { approved: 0, waiting: 0, returned: 0 };
  for (const g of GROUPS) {
    const ctx = officerOf(g.province);
    const group = await db.selectFrom('occupation_group').select('id').where('name', '=', g.group).executeTakeFirst();
    if (!group) throw new Error(`The enterprise demo's group ${g.group} is missing`);
    const products = await enterprise.productsOfGroup(group.id);
    for (const l of g.listings) {
      const extra = 'new' in l ? l.new : undefined;
      const product =
        products.find((p) => p.name === l.product) ??
        (extra ? await enterprise.createProduct(ctx, group.id, { name: l.product, category: extra.category, unitPriceSatang: extra.price }) : undefined);
      if (!product) throw new Error(`The enterprise demo's product ${l.product} is missing`);
      const listing = await marketplace.propose(ctx, {
        productId: product.id,
        titleTh: 'titleTh' in l ? l.titleTh : l.product,
        titleEn: l.titleEn,
        descriptionTh: l.description,
        requiredMarks: 'marks' in l ? [...l.marks] : [],
        stock: 50,
        packageWeightGrams: 800,
        packageCm: [30, 20, 10],
        contactPhone: '0812345678',
      });
      await marketplace.addPhoto(ctx, listing.id, readFileSync(path.join(PHOTOS, `${l.photo}.jpg`)));
      if ('waits' in l) counts.waiting++;
      else if ('returned' in l) {
        await marketplace.decide(ctx, listing.id, {
          decision: 'return',
          reasons: [{ code: 'claims', note: 'อ้างสรรพคุณรักษาโรค ต้องแก้ข้อความหรือแนบทะเบียน อย.' }],
        });
        counts.returned++;
      } else {
        await marketplace.decide(ctx, listing.id, { decision: 'approve' });
        counts.approved++;
      }
    }

    // Channels: the group's consent to each partner, backdated to its first step, then the steps.
    const members = (await registry.currentMembers({ groupIds: [group.id] })).get(group.id) ?? [];
    for (const c of g.channels) {
      await marketplace.giveConsent(ctx, group.id, { channel: c.channel, givenByPersonId: members[0] ?? null, evidence: 'แบบยินยอมลงนามโดยประธานกลุ่ม (สาธิต)' });
      await sql`update channel_consent set given_at = ${daysAgo(c.steps[0]!) + 'T09:00:00+07:00'} where group_id = ${group.id} and channel = ${c.channel} and withdrawn_at is null`.execute(
        db,
      );
      const [, documents, opened, live, sale] = c.steps.map((d) => daysAgo(d));
      if (documents)
        await marketplace.setAccount(ctx, group.id, c.channel, {
          documentsReadyOn: documents,
          shopOpenedOn: opened ?? null,
          shopUrl: opened && 'url' in c ? c.url : null,
          firstProductLiveOn: live ?? null,
          firstSaleOn: sale ?? null,
          advisorUserId: c.channel === 'lazada' ? lazada.id : null,
        });
    }
    // Shopee's one sale, five months ago: a first sale, not active.
    const shopee = g.channels.find((c) => c.channel === 'shopee');
    if (shopee) await marketplace.recordSales(ctx, group.id, 'shopee', daysAgo(shopee.steps[4]!).slice(0, 7), { orders: 1, revenueSatang: 12_000, returns: 0 });
    // Six months before this one, rising by about a fifth a month.
    if ('sales' in g) {
      const s = g.sales;
      const month = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
      for (let k = 6; k >= 1; k--) {
        const m = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - k, 15)).toISOString().slice(0, 7);
        const grow = 1 + (6 - k) * 0.2;
        await marketplace.recordSales(ctx, group.id, s.channel, m, {
          orders: Math.round(s.orders * grow),
          revenueSatang: Math.round(s.revenueBaht * grow) * 100,
          returns: k === 3 ? 1 : 0,
        });
      }
    }
    const channels = (await marketplace.groupChannels(ctx, group.id)).channels as { channel: Channel; current: string }[];
    const steps = channels.map((c) => `${c.channel} ${c.current}`).join(', ');
    console.log(`  ${g.group}: ${g.listings.length} listing${g.listings.length === 1 ? '' : 's'}; ${steps}${'sales' in g ? '; six months of sales' : ''}`);
  }
  const partner = await marketplace.partnerGroups({
    actor: { ...(await services.identity.loadActor(lazada.id))!, mustChangePassword: false },
    requestId: 'demo',
  });
  console.log(
    `  catalogue: ${counts.approved} approved, ${counts.waiting} waiting for an officer, ${counts.returned} returned; demo.lazada advises ${partner.groups.length} groups for Lazada`,
  );
}
