/**
 * Competency's part of the demo, in Khon Kaen: the people who finished Social Commerce For
 * Business (demo-training.ts) are eligible for the e-commerce standard; one more person is made
 * eligible by recorded experience; an assessment today at the North-eastern centre with the demo
 * assessor, where the single mother (`demo.citizen`) is found competent and receives a signed
 * qualification, another is not yet competent in one unit (ready for re-assessment), and a third
 * is still waiting for results.
 * Running it again adds nothing: it stops when an assessment of the standard exists.
 */
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import type { Actor } from '../src/server/platform/auth/actor';
import { bangkokDate } from '../src/shared/fiscal-year';

const STANDARD = 'TPQI-ECW';

export async function fillCompetency(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const actorOf = async (username: string): Promise<Actor> => {
    const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return { ...(await services.identity.loadActor(user.id))!, mustChangePassword: false };
  };
  const kk = { actor: await actorOf('demo.kk.skills'), requestId: 'demo' };
  const assessor = { actor: await actorOf('demo.tpqi.assessor'), requestId: 'demo' };
  const { competency } = services;
  console.log('Competency:');
  if ((await competency.listEvents(kk, { standard: STANDARD, limit: 1, offset: 0 })).length > 0) {
    console.log('  assessments exist already');
    return;
  }
  const eligible = (await competency.eligible(kk, STANDARD, { province: '40', limit: 200, offset: 0 })).items;
  const mother = await db.selectFrom('app_user').select('person_id').where('username', '=', 'demo.citizen').executeTakeFirst();
  const first = eligible.find((e) => e.personId === Number(mother?.person_id)) ?? eligible[0];
  if (!first) {
    console.log('  nobody has finished a linked course yet: nothing to assess');
    return;
  }
  const others = eligible.filter((e) => e.personId !== first.personId).slice(0, 2);

  // Someone who already sells online, made eligible by what an officer saw.
  const seller = await db
    .selectFrom('person')
    .select('id')
    .where('province_code', '=', '40')
    .where('status', '=', 'active')
    .where('id', 'not in', eligible.map((e) => e.personId).concat(0))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (seller) {
    await competency.recordExperience(kk, {
      personId: Number(seller.id),
      standardCode: STANDARD,
      summary: 'ขายผ้าไหมมัดหมี่ทาง Facebook และ Shopee มา 4 ปี',
      evidence: 'หน้าร้าน Shopee คะแนน 4.8 และรายการขาย 12 เดือนล่าสุด',
    });
  }

  const event = await competency.createEvent(kk, {
    standardCode: STANDARD,
    centreUnitCode: 'TPQI-AC-NE',
    provinceCode: '40',
    assessedOn: bangkokDate(new Date()),
    online: false,
    venue: 'ห้องปฏิบัติการคอมพิวเตอร์ สำนักงานพัฒนาฝีมือแรงงานขอนแก่น',
    capacity: 30,
    assessorUserIds: [assessor.actor.userId],
  });
  const referred = await competency.refer(kk, event.id, [first.personId, ...others.map((o) => o.personId)]);
  const units = referred.units.map((u) => u.code);
  const note = 'สาธิตการตั้งร้านค้าออนไลน์ ถ่ายภาพสินค้า และตอบคำถามครบถ้วน';
  const [passing, failing] = referred.candidates
    .filter((c) => c.personId === first.personId)
    .concat(referred.candidates.filter((c) => c.personId !== first.personId));
  await competency.recordResults(
    assessor,
    passing!.id,
    units.map((unitCode) => ({ unitCode, result: 'competent' as const, evidenceNote: note })),
  );
  const awarded = await competency.decide(assessor, passing!.id, {});
  console.log(`  ${event.code}: ${referred.candidates.length} referred; ${passing!.nameTh} competent, qualification ${awarded.credentialCode}`);
  if (failing) {
    await competency.recordResults(
      assessor,
      failing.id,
      units.map((unitCode, i) => ({
        unitCode,
        result: i === 3 ? ('not-yet-competent' as const) : ('competent' as const),
        evidenceNote: i === 3 ? 'ยังวิเคราะห์คู่แข่งและตั้งราคาไม่ได้' : note,
      })),
    );
    await competency.decide(assessor, failing.id, {});
    console.log(`  ${failing.nameTh}: not yet competent in ${units[3]}, ready for re-assessment`);
  }
}
