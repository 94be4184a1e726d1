/**
 * Enterprise's part of the demo: One Tambon One Group with the four prototype groups seed 004
 * names (funeral flowers and wreaths of Yan Sue, Ang Thong; processed Mali rice, Phatthalung;
 * herbal massage spa, Nakhon Phanom; sun-dried pork of the Ko Tan community enterprise, Kamphaeng
 * Phet) and Khon Kaen groups at other stages, so the late list for 31 March 2568 has groups on it;
 * products with valid, expiring and expired certificates; visits with open obstacles.
 * The provincial offices act with their own officer grants (the demo builds the actors); the
 * selection is headquarters'. Running it again adds nothing: it stops when OTOG has participants.
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import type { ActorContext } from '../src/server/platform/context';
import { bangkokDate } from '../src/shared/fiscal-year';

const PROTOTYPES = [
  {
    name: 'กลุ่มดอกไม้จันทน์และพวงหรีดย่านซื่อ',
    subdistrict: '150114',
    province: '15',
    occupation: 'handicrafts',
    type: 'women-occupation',
    stage: 'selling-online',
    product: 'พวงหรีดดอกไม้จันทน์',
    category: 'crafts',
    price: 150000,
  },
  {
    name: 'กลุ่มเกษตรแปรรูปข้าวมาลี',
    subdistrict: '930101',
    province: '93',
    occupation: 'food-processing',
    type: 'community-enterprise',
    stage: 'standard-certified',
    product: 'ข้าวมาลีแปรรูปบรรจุถุง',
    category: 'food',
    price: 8500,
  },
  {
    name: 'กลุ่มนวดสปาสมุนไพร',
    subdistrict: '480101',
    province: '48',
    occupation: 'herbal-beauty',
    type: 'women-occupation',
    stage: 'trained',
    product: 'ลูกประคบสมุนไพร',
    category: 'herbal',
    price: 6000,
  },
  {
    name: 'กลุ่มหมูแดดเดียววิสาหกิจชุมชนเกาะตาล',
    subdistrict: '620413',
    province: '62',
    occupation: 'food-processing',
    type: 'community-enterprise',
    stage: 'product-developed',
    product: 'หมูแดดเดียว',
    category: 'food',
    price: 12000,
  },
] as const;
const KHON_KAEN = [
  { name: 'กลุ่มทอผ้าไหมบ้านสำราญ', subdistrict: '400102', stage: 'nominated' },
  { name: 'กลุ่มจักสานบ้านโคกสี', subdistrict: '400103', stage: 'selected' },
] as const;

export async function fillEnterprise(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const { enterprise, registry } = services;
  const admin = await db.selectFrom('role_assignment').select('user_id').where('role', '=', 'system_admin').executeTakeFirstOrThrow();
  const base = (await services.identity.loadActor(admin.user_id))!;
  const officerOf = (unitCode: string, province: string): ActorContext => ({
    actor: { ...base, mustChangePassword: false, grants: [{ role: 'officer', unitCode, provinceCodes: [province] }] },
    requestId: 'demo',
  });
  const hq: ActorContext = {
    actor: { ...base, mustChangePassword: false, grants: [{ role: 'officer', unitCode: 'DSD-HQ', provinceCodes: null }] },
    requestId: 'demo',
  };
  console.log('Enterprise:');
  if ((await enterprise.listParticipants(hq, 'OTOG', { limit: 1, offset: 0 })).total > 0) {
    console.log('  One Tambon One Group has participants already');
    return;
  }
  const programme = await enterprise.getProgramme(hq, 'OTOG');
  const order = programme.stages.map((s) => s.code);
  const today = bangkokDate(new Date());
  const daysFromToday = (n: number) => bangkokDate(new Date(Date.now() + n * 86_400_000));

  /** Takes a participation up to `stage`, each step with its evidence (the course stage by evidence recorded by the officer's document here). */
  async function walk(ctx: ActorContext, participationId: number, stage: string) {
    for (const code of order.slice(1, order.indexOf(stage) + 1)) {
      if (code === 'selected') await enterprise.select(hq, participationId, { reason: 'กลุ่มมีผลิตภัณฑ์โดดเด่นและสมาชิกเข้มแข็ง (สาธิต)' });
      else if (code === 'trained') await markTrained(participationId);
      else await enterprise.advance(ctx, participationId, { stageCode: code, documentRef: `หลักฐานขั้น ${code} (สาธิต)` });
    }
  }
  // The demo's prototypes were trained before the system existed: their step is written as an
  // officer's record with the evidence of the 77 groups trained in 2567 (seed 004).
  async function markTrained(participationId: number) {
    await db.transaction().execute(async (trx) => {
      const p = await trx.selectFrom('participation').selectAll().where('id', '=', participationId).executeTakeFirstOrThrow();
      await trx.updateTable('participation').set({ stage_code: 'trained', stage_position: 3 }).where('id', '=', participationId).execute();
      await trx
        .insertInto('participation_step')
        .values({
          participation_id: p.id,
          stage_code: 'trained',
          stage_position: 3,
          kind: 'advance',
          reached_on: '2024-09-15',
          evidence: JSON.stringify({ note: 'อบรมครบวงจรในปี 2567 (หนึ่งใน 77 กลุ่มตามข่าวกระทรวงแรงงาน)' }),
        })
        .execute();
    });
  }

  /** The registry's demo may have registered the group already (the four prototypes are in seed 004): it is taken as it is. */
  async function groupOf(ctx: ActorContext, input: { name: string; type: string; occupation: string; subdistrictCode: string }) {
    const existing = await db
      .selectFrom('occupation_group')
      .select('id')
      .where('name', '=', input.name)
      .where('subdistrict_code', '=', input.subdistrictCode)
      .executeTakeFirst();
    return existing ?? (await registry.createGroup(ctx, input));
  }

  for (const g of PROTOTYPES) {
    const unit = `DSD-PSDO-${g.province}`;
    const ctx = officerOf(unit, g.province);
    const group = await groupOf(ctx, { name: g.name, type: g.type, occupation: g.occupation, subdistrictCode: g.subdistrict });
    const p = await enterprise.nominate(ctx, 'OTOG', { groupId: group.id, unitCode: unit, note: 'กลุ่มต้นแบบตามข่าวกระทรวงแรงงาน มี.ค. 2568' });
    const product = await enterprise.createProduct(ctx, group.id, { name: g.product, category: g.category, unitPriceSatang: g.price, capacityPerMonth: 500 });
    if (order.indexOf(g.stage) >= order.indexOf('standard-certified'))
      await enterprise.addCertification(ctx, product.id, {
        kind: 'tcps',
        status: 'certified',
        standardNo: 'มผช. 107/2546',
        number: `มผช.${group.id}/2567`,
        issuer: `สำนักงานอุตสาหกรรมจังหวัด`,
        issuedOn: '2024-06-01',
      });
    await walk(ctx, p.id, g.stage);
    console.log(`  ${g.name}: ${g.stage}`);
  }

  // Khon Kaen: one nominated, one selected (both on the late list for 31 March 2568), products with an expiring and an expired certificate, a visit with open obstacles.
  const kk = officerOf('DSD-PSDO-40', '40');
  for (const g of KHON_KAEN) {
    const group = await groupOf(kk, { name: g.name, type: 'women-occupation', occupation: 'textiles', subdistrictCode: g.subdistrict });
    const p = await enterprise.nominate(kk, 'OTOG', { groupId: group.id, unitCode: 'DSD-PSDO-40' });
    await walk(kk, p.id, g.stage);
    const product = await enterprise.createProduct(kk, group.id, { name: `ผลิตภัณฑ์ของ${g.name}`, category: 'cloth', unitPriceSatang: 45000 });
    await enterprise.addCertification(kk, product.id, {
      kind: 'fda',
      status: 'certified',
      number: '40-1-12345-2-0001',
      issuedOn: '2022-01-10',
      expiresOn: daysFromToday(g.stage === 'selected' ? 25 : -10),
    });
    await enterprise.addCertification(kk, product.id, { kind: 'otop', status: 'certified', stars: 3, issuedOn: '2024-01-10', expiresOn: daysFromToday(80) });
    await enterprise.sync(kk, [
      {
        id: randomUUID(),
        groupId: group.id,
        programmeCode: 'OTOG',
        visitedOn: today,
        officers: ['วิชัย ศรีสุข'],
        progress: [],
        obstacles: [
          { id: randomUUID(), category: 'funding', text: 'ขาดเงินทุนหมุนเวียนซื้อวัตถุดิบ', open: true },
          { id: randomUUID(), category: 'market', text: 'ยังไม่มีช่องทางขายออนไลน์', open: true },
        ],
        actions: [{ id: randomUUID(), text: 'แนะนำยื่นกู้กองทุน 5 ล้านบาทก่อน 31 มี.ค.', owner: 'สำนักงานจัดหางานจังหวัดขอนแก่น', dueOn: null }],
        notes: [{ id: randomUUID(), author: 'วิชัย ศรีสุข', text: 'สมาชิก 12 คน ผลิตได้เดือนละ 40 ผืน', at: new Date().toISOString() }],
        latitude: 16.43,
        longitude: 102.84,
        photos: [],
        editedAt: new Date().toISOString(),
      },
    ]);
    if (g.stage === 'selected') await enterprise.setDevelopment(kk, group.id, { ceRegistrationNo: '4-40-01-03/1-0007', ceRegisteredOn: today });
    console.log(`  ${g.name}: ${g.stage}`);
  }
}
