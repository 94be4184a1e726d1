/**
 * Employment's part of the demo: employers in Khon Kaen and Bangkok who registered themselves and
 * were verified by their province's employment office; vacancies (one needing the TPQI e-commerce
 * qualification that the single mother `demo.citizen` holds after demo-competency.ts), home-based
 * work orders for a women's weaving group; job seekers, a guidance note, referrals made with
 * consent, placements some months ago with follow-ups (one recorded with the income change, others
 * overdue), and the mother referred to the home-based weaving order, waiting for the employer's
 * answer; the e-commerce job's page ranks whoever holds TPQI-ECW first.
 * Employer accounts: demo.kk.employer, demo.kk.weaving, demo.bkk.employer (password below).
 * Running it again adds nothing: it stops when an employer exists.
 */
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import type { Actor } from '../src/server/platform/auth/actor';
import { systemContext } from '../src/server/platform/context';
import { bangkokDate } from '../src/shared/fiscal-year';

export const DEMO_EMPLOYER_PASSWORD = 'นายจ้างสาธิต ขอนแก่น 2569';

/** A valid juristic-person number from a serial (mod-11 check digit). */
function taxId(serial: number) {
  const first12 = `0${String(serial).padStart(11, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return first12 + String((11 - (sum % 11)) % 10);
}
const day = (offset: number) => bangkokDate(new Date(Date.now() + offset * 86_400_000));

export async function fillEmployment(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const { employment } = services;
  console.log('Employment:');
  if (await db.selectFrom('employer').select('id').limit(1).executeTakeFirst()) {
    console.log('  employers exist already');
    return;
  }
  const actorOf = async (username: string): Promise<Actor> => {
    const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return { ...(await services.identity.loadActor(user.id))!, mustChangePassword: false };
  };
  const ctxOf = async (username: string) => ({ actor: await actorOf(username), requestId: 'demo' });
  const kk = await ctxOf('demo.kk.officer');
  const bkk = await ctxOf('demo.bkk.officer');

  const employers = [
    {
      serial: 40_100_001,
      username: 'demo.kk.employer',
      nameTh: 'บริษัท ขอนแก่นช้อปออนไลน์ จำกัด',
      nameEn: 'Khon Kaen Shop Online Co., Ltd.',
      tsicCode: '47911',
      size: 'small' as const,
      subdistrictCode: '400101',
      home: null,
      officer: kk,
    },
    {
      serial: 40_100_002,
      username: 'demo.kk.weaving',
      nameTh: 'ห้างหุ้นส่วนจำกัด ผ้าไหมมัดหมี่ชนบท',
      nameEn: 'Chonnabot Mudmee Silk Ltd. Part.',
      tsicCode: '13121',
      size: 'micro' as const,
      subdistrictCode: '400101',
      home: 'HW-40-2568-0012',
      officer: kk,
    },
    {
      serial: 10_100_003,
      username: 'demo.bkk.employer',
      nameTh: 'บริษัท กรุงเทพแคร์ จำกัด',
      nameEn: 'Bangkok Care Co., Ltd.',
      tsicCode: '88101',
      size: 'medium' as const,
      subdistrictCode: '100101',
      home: null,
      officer: bkk,
    },
  ];
  const ids: Record<string, number> = {};
  for (const e of employers) {
    const created = await employment.applyAsEmployer(systemContext('demo'), {
      taxId: taxId(e.serial),
      nameTh: e.nameTh,
      nameEn: e.nameEn,
      tsicCode: e.tsicCode,
      size: e.size,
      subdistrictCode: e.subdistrictCode,
      contactName: 'ฝ่ายบุคคล',
      contactPhone: '0431234567',
      homeWorkRegistrationNo: e.home,
      username: e.username,
      password: DEMO_EMPLOYER_PASSWORD,
    });
    await employment.verifyEmployer(e.officer, created.id, { decision: 'verified' });
    ids[e.username] = created.id;
    console.log(`  ${e.username.padEnd(20)} ${DEMO_EMPLOYER_PASSWORD}   ${e.nameTh} (verified)`);
  }
  const as = async (username: string) => ctxOf(username);
  const base = { remote: false, publish: true, opensOn: day(-150), closesOn: day(60) };
  const ecommerce = await employment.createVacancy(await as('demo.kk.employer'), {
    ...base,
    kind: 'employment',
    occupationCode: '5244',
    titleTh: 'ผู้ช่วยขายของออนไลน์',
    titleEn: 'Online sales assistant',
    description: 'ดูแลร้านค้าออนไลน์ ถ่ายภาพสินค้า ตอบแชตลูกค้า',
    requiredStandardCode: 'TPQI-ECW',
    subdistrictCode: '400101',
    wageSatang: 1_200_000,
    wageUnit: 'month',
    openings: 2,
  });
  const packing = await employment.createVacancy(await as('demo.kk.employer'), {
    ...base,
    kind: 'employment',
    occupationCode: '9321',
    titleTh: 'พนักงานแพ็กสินค้า',
    titleEn: 'Packing staff',
    subdistrictCode: '400101',
    wageSatang: 35_000,
    wageUnit: 'day',
    openings: 5,
  });
  const weaving = await employment.createVacancy(await as('demo.kk.weaving'), {
    ...base,
    kind: 'home-based',
    occupationCode: '7318',
    titleTh: 'ทอผ้าไหมมัดหมี่ (รับงานไปทำที่บ้าน)',
    titleEn: 'Mudmee silk weaving (home-based)',
    description: 'ผู้จ้างจัดหาเส้นไหมและสีย้อม ส่งมอบผืนผ้าทุกสิ้นเดือน',
    subdistrictCode: '400101',
    wageSatang: 45_000,
    wageUnit: 'piece',
    openings: 10,
    quantity: 200,
    materialsSupplied: true,
    deliveryOn: day(45),
  });
  await employment.createVacancy(await as('demo.bkk.employer'), {
    ...base,
    kind: 'employment',
    occupationCode: '5322',
    titleTh: 'ผู้ดูแลผู้สูงอายุ',
    titleEn: 'Caregiver for older persons',
    subdistrictCode: '100101',
    wageSatang: 1_500_000,
    wageUnit: 'month',
    openings: 8,
  });
  await employment.createVacancy(await as('demo.bkk.employer'), {
    ...base,
    kind: 'employment',
    occupationCode: '4222',
    titleTh: 'พนักงานบริการลูกค้าทางโทรศัพท์',
    titleEn: 'Call-centre agent',
    remote: true,
    subdistrictCode: null,
    wageSatang: 1_300_000,
    wageUnit: 'month',
    openings: 3,
  });

  // Job seekers of Khon Kaen: the mother first, then neighbours.
  const mother = await db.selectFrom('app_user').select('person_id').where('username', '=', 'demo.citizen').executeTakeFirst();
  const others = await db.selectFrom('person').select('id').where('province_code', '=', '40').where('status', '=', 'active').orderBy('id').limit(12).execute();
  const seekers = [...new Set([Number(mother?.person_id ?? 0), ...others.map((o) => Number(o.id))].filter(Boolean))];
  for (const id of seekers)
    await employment.saveSeeker(kk, id, { desiredOccupations: ['5244', '7318'], travelKm: 20, availability: 'any', acceptsHomeBased: true });
  const [motherId, ...rest] = seekers;
  if (motherId) {
    await employment.addGuidance(kk, motherId, {
      note: 'เลี้ยงลูกคนเดียว ต้องการงานที่ทำที่บ้านได้ สนใจสอบคุณวุฒิอีคอมเมิร์ซ',
      plan: [
        { step: 'รับงานทอผ้าไปทำที่บ้าน', dueOn: day(7) },
        { step: 'สมัครประเมินคุณวุฒิ TPQI-ECW', dueOn: day(30) },
      ],
      nextOn: day(14),
      sensitive: false,
    });
    // Home-based weaving suits a single mother; the e-commerce job's page ranks whoever holds TPQI-ECW first.
    await employment.refer(kk, {
      vacancyId: weaving.id,
      personId: motherId,
      sharedFields: ['name', 'phone', 'qualifications', 'courses'],
      consentEvidence: 'แบบยินยอมเปิดเผยข้อมูลแก่นายจ้าง ลงนาม ณ สำนักงานจัดหางาน',
    });
  }
  // Placed months ago: the packing job (follow-ups overdue) and weaving orders for the women's group (one followed up).
  const placed: number[] = [];
  for (const [i, id] of rest.slice(0, 6).entries()) {
    const vacancy = i < 2 ? packing : weaving;
    const referral = await employment.refer(kk, {
      vacancyId: vacancy.id,
      personId: id,
      sharedFields: ['name', 'phone', 'age'],
      consentEvidence: 'ยินยอมด้วยวาจา บันทึกเสียงไว้',
    });
    const employerCtx = await as(i < 2 ? 'demo.kk.employer' : 'demo.kk.weaving');
    const hired = await employment.answer(employerCtx, referral.id, { status: 'hired', startedOn: day(-120 + i * 5) });
    if (hired.placementId) placed.push(hired.placementId);
  }
  const firstFollowUp = placed[0]
    ? await db.selectFrom('follow_up').select('id').where('placement_id', '=', placed[0]).where('months', '=', 3).executeTakeFirst()
    : undefined;
  if (firstFollowUp) await employment.recordFollowUp(kk, firstFollowUp.id, { stillWorking: true, incomeSatang: 1_050_000, note: 'ทำงานต่อเนื่อง ได้ค่าล่วงเวลา' });
  console.log(
    `  5 vacancies (one home-based order), ${seekers.length} job seekers, ${placed.length} placed (follow-ups overdue), the mother referred to ${weaving.code}; ${ecommerce.code} needs TPQI-ECW`,
  );
}
