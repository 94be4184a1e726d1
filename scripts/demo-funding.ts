/**
 * Funding's part of the demo: the 5,000,000-baht revolving fund of seed 004 (50,000–300,000 baht
 * a group, interest-free, up to 24 months, applications by 31 March) lending in Khon Kaen, with
 * applications at every step of the four eyes (submitted, recommended, verified, returned,
 * rejected, approved awaiting disbursement) and loans current, late, repaid and written off; the
 * single mother `demo.citizen` leads the group whose loan is current, so she sees her schedule on
 * her phone. Two smaller funds lend in Phuket and Chiang Mai. The maker, checker and approver are
 * the demo accounts of Khon Kaen's employment office (demo-accounts.ts); the other provinces'
 * are those people with a grant of that province's office. Dates in the past are real business
 * dates (tranches and payments), so the late loan is late by the calendar. Running it again adds
 * nothing: it stops when the fund exists.
 */
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import type { Role } from '../src/server/platform/auth/actor';
import type { ActorContext } from '../src/server/platform/context';
import { bangkokDate } from '../src/shared/fiscal-year';
import { satangToBaht } from '../src/shared/money';

const KK_FUND = 'OTOG-FUND-KK';
const plan = (item: string, baht: number, salesBaht: number) => ({
  costs: [{ item, amountSatang: baht * 100 }],
  expectedMonthlySalesSatang: salesBaht * 100,
  repaymentSource: 'ยอดขายสินค้าของกลุ่มรายเดือน',
});

export async function fillFunding(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const { funding, registry } = services;
  console.log('Funding:');
  if (await db.selectFrom('fund').select('id').where('code', '=', KK_FUND).executeTakeFirst()) {
    console.log(`  ${KK_FUND} exists already`);
    return;
  }
  const userId = async (username: string) => (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  /** The demo person `username` acting with a grant of `role` in the office of `province`. */
  const as = async (username: string, role: Role, province: string): Promise<ActorContext> => {
    const actor = (await services.identity.loadActor(await userId(username)))!;
    return {
      actor: { ...actor, mustChangePassword: false, grants: [{ role, unitCode: `DOE-PEO-${province}`, provinceCodes: [province] }] },
      requestId: 'demo',
    };
  };
  const today = bangkokDate(new Date());
  const daysAgo = (n: number) => bangkokDate(new Date(Date.now() - n * 86_400_000));
  // Seed 004: applications close on 31 March; the next one to come.
  const year = Number(today.slice(0, 4));
  const deadline = today <= `${year}-03-31` ? `${year}-03-31` : `${year + 1}-03-31`;

  async function fundFor(province: string, code: string, nameTh: string, nameEn: string, capitalBaht: number) {
    const approver = await as('demo.fund.approver', 'fund_approver', province);
    return funding.createFund(approver, {
      code,
      nameTh,
      nameEn,
      ownerUnitCode: `DOE-PEO-${province}`,
      provinceCodes: [province],
      capitalSatang: capitalBaht * 100,
      rules: {
        minAmountSatang: 5_000_000,
        maxAmountSatang: 30_000_000,
        minTermMonths: 1,
        maxTermMonths: 24,
        rateBp: 0,
        feeSatang: 0,
        graceMonths: 0,
        dueDay: 5,
        remainderRule: 'last',
        eligibleGroupTypes: [],
        requiredCurriculumCode: null,
        requiredTrainedMembers: 0,
        requiredProgrammeCode: null,
        requiredStageCode: null,
        opensOn: null,
        deadline,
        oneOpenLoan: true,
      },
    });
  }

  /** A new group of the province with a leader, a committee member and a member from its registered people. */
  const used = new Set<number>();
  async function groupOf(province: string, name: string, subdistrictCode: string, leaderId?: number) {
    const people = await db
      .selectFrom('person')
      .select('id')
      .where('province_code', '=', province)
      .where('status', '=', 'active')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    const free = people.map((p) => p.id).filter((id) => !used.has(id));
    const [leader, committee, member] = [leaderId ?? free.shift(), free.shift(), free.shift()];
    if (leader === undefined || committee === undefined) return null;
    for (const id of [leader, committee, member]) if (id !== undefined) used.add(id);
    const officer = await as('demo.fund.maker', 'fund_maker', province);
    const members = [
      { personId: leader, role: 'leader', joinedOn: '2024-01-15' },
      { personId: committee, role: 'committee', joinedOn: '2024-01-15' },
      ...(member !== undefined ? [{ personId: member, role: 'member', joinedOn: '2024-02-01' }] : []),
    ];
    const ctx = { ...officer, actor: { ...officer.actor, grants: [{ role: 'officer' as const, unitCode: `DOE-PEO-${province}`, provinceCodes: [province] }] } };
    const g = await registry.createGroup(ctx, { name, type: 'independent-occupation', occupation: 'other', subdistrictCode, members });
    return { id: g.id, committee, leader };
  }

  const steps = ['submitted', 'recommended', 'verified', 'returned', 'rejected', 'approved', 'current', 'late', 'repaid', 'written-off'] as const;
  type Step = (typeof steps)[number];
  async function walk(fundId: number, province: string, group: { id: number; committee: number; leader: number }, step: Step, amountBaht: number) {
    const maker = await as('demo.fund.maker', 'fund_maker', province);
    const checker = await as('demo.fund.checker', 'fund_checker', province);
    const approver = await as('demo.fund.approver', 'fund_approver', province);
    const a = await funding.apply(maker, fundId, {
      groupId: group.id,
      amountSatang: amountBaht * 100,
      termMonths: step === 'repaid' ? 6 : 24,
      purpose: 'ซื้อวัตถุดิบและอุปกรณ์การผลิตเพื่อขยายกำลังการผลิต',
      businessPlan: plan('วัตถุดิบและอุปกรณ์', amountBaht, Math.round(amountBaht / 6)),
      // The mother co-signs her group's current loan: her erasure request is held while it is owed (demo-selfservice.ts).
      cosignerPersonIds: step === 'current' ? [group.committee, group.leader] : [group.committee],
      documents: [{ name: 'สำเนาหนังสือรับรองกลุ่ม', reference: `DOC-${group.id}` }],
    });
    if (step === 'submitted') return;
    await funding.recommend(maker, a.id, { note: 'แผนธุรกิจครบถ้วน เสนอพิจารณา' });
    if (step === 'recommended') return;
    if (step === 'returned') return void (await funding.returnForCorrection(checker, a.id, { reason: 'ขอใบเสนอราคาอุปกรณ์เพิ่มเติม' }));
    await funding.verify(checker, a.id, { note: 'ตรวจเอกสารและสมาชิกกลุ่มแล้ว' });
    if (step === 'verified') return;
    const minutesRef = 'รายงานการประชุมคณะกรรมการกองทุน ครั้งที่ 3/2569';
    if (step === 'rejected') return void (await funding.decide(approver, a.id, { decision: 'reject', minutesRef, note: 'ตลาดยังไม่ชัดเจน' }));
    const approved = await funding.decide(approver, a.id, { decision: 'approve', minutesRef, note: null });
    if (step === 'approved') return;
    const loanId = approved.loanId!;
    const disbursedOn = step === 'late' ? daysAgo(125) : step === 'current' ? daysAgo(70) : daysAgo(200);
    await funding.disburse(maker, loanId, {
      amountSatang: amountBaht * 100,
      paidOn: disbursedOn,
      reference: `TRF-DEMO-${loanId}`,
      bankName: 'ธนาคารออมสิน',
      accountNumber: `02010${String(loanId).padStart(5, '0')}`,
      promptPayId: null,
    });
    const loan = await funding.getLoan(maker, loanId);
    if (step === 'current') {
      // Every instalment due so far, paid on its day.
      for (const i of loan.schedule.filter((x) => x.dueOn <= today))
        await funding.repay(maker, loanId, { amountSatang: i.principalSatang, paidOn: i.dueOn, reference: `RCPT-${loanId}-${i.number}` });
    } else if (step === 'repaid') {
      await funding.repay(maker, loanId, { amountSatang: loan.owedSatang, paidOn: daysAgo(10), reference: `RCPT-${loanId}-ALL` });
    } else if (step === 'written-off') {
      const d = await funding.requestDecision(maker, loanId, { kind: 'write-off', reason: 'กลุ่มยุติกิจการหลังน้ำท่วม ติดตามแล้วไม่สามารถชำระได้' });
      await funding.decideOnLoan(approver, d.id, { decision: 'approve', minutesRef: 'รายงานการประชุมคณะกรรมการกองทุน ครั้งที่ 4/2569' });
    }
  }

  const kk = await fundFor('40', KK_FUND, 'กองทุนหมุนเวียนกลุ่มอาชีพอิสระ หนึ่งตำบลหนึ่งกลุ่ม (ขอนแก่น)', 'One Tambon One Group revolving fund (Khon Kaen)', 5_000_000);
  const mother = await db.selectFrom('app_user').select('person_id').where('username', '=', 'demo.citizen').executeTakeFirst();
  const names: Record<Step, string> = {
    submitted: 'กลุ่มทอเสื่อกกบ้านโนนสะอาด',
    recommended: 'กลุ่มแปรรูปปลาร้าบ้านดอนหัน',
    verified: 'กลุ่มเลี้ยงจิ้งหรีดบ้านหนองโข่ง',
    returned: 'กลุ่มตัดเย็บเสื้อผ้าบ้านศิลา',
    rejected: 'กลุ่มผลิตน้ำดื่มบ้านเมืองเก่า',
    approved: 'กลุ่มทำขนมไทยบ้านพระลับ',
    current: 'กลุ่มแม่บ้านขายของออนไลน์บ้านในเมือง',
    late: 'กลุ่มจักสานไม้ไผ่บ้านบึงเนียม',
    repaid: 'กลุ่มเพาะเห็ดบ้านโคกสี',
    'written-off': 'กลุ่มทำปุ๋ยอินทรีย์บ้านแดงใหญ่',
  };
  const amounts: Record<Step, number> = {
    submitted: 80_000,
    recommended: 120_000,
    verified: 200_000,
    returned: 100_000,
    rejected: 300_000,
    approved: 150_000,
    current: 150_000,
    late: 90_000,
    repaid: 60_000,
    'written-off': 50_000,
  };
  // The mother leads the group whose loan is current, and is in no other of these groups.
  if (mother?.person_id) used.add(mother.person_id);
  const subdistricts = ['400101', '400102', '400103', '400104', '400105', '400106'];
  let made = 0;
  for (const [k, step] of steps.entries()) {
    const group = await groupOf('40', names[step], subdistricts[k % subdistricts.length]!, step === 'current' ? (mother?.person_id ?? undefined) : undefined);
    if (!group) continue;
    await walk(kk.id, '40', group, step, amounts[step]);
    made++;
  }
  const position = (await funding.getFund(await as('demo.fund.approver', 'fund_approver', '40'), kk.id)).position;
  console.log(
    `  ${KK_FUND}: ${made} groups at every step (submitted, recommended, verified, returned, rejected, approved, current, late, repaid, written off); ` +
      `available ${satangToBaht(position.available)} baht, repaid ${satangToBaht(position.repaid)} baht${mother?.person_id ? '; demo.citizen leads the current loan' : ''}`,
  );
  for (const [province, code, th, en, capital, sub] of [
    ['83', 'REVOLVING-FUND-PKT', 'กองทุนหมุนเวียนกลุ่มอาชีพ ภูเก็ต', 'Phuket occupation group revolving fund', 1_000_000, '830101'],
    ['50', 'REVOLVING-FUND-CMI', 'กองทุนหมุนเวียนกลุ่มอาชีพ เชียงใหม่', 'Chiang Mai occupation group revolving fund', 2_000_000, '500101'],
  ] as const) {
    const fund = await fundFor(province, code, th, en, capital);
    const group = await groupOf(province, `กลุ่มอาชีพสาธิต ${th.split(' ').pop()}`, sub);
    if (group) await walk(fund.id, province, group, 'current', 100_000);
    console.log(`  ${code}: ${group ? 'one loan current' : 'no registered people to form a group'}`);
  }
}
