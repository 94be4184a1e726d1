/**
 * Training's part of the demo, in Khon Kaen unless said otherwise:
 * - Social Commerce For Business, open for applications, with a citizen account for a single
 *   mother who has applied (she signs in as `demo.citizen`);
 * - an earlier round of the same course, finished: attendance taken, completion evaluated,
 *   certificates issued as a job (hers among them), one revoked;
 * - the 18-hour DSD + ETDA digital course for informal workers, open in Khon Kaen;
 * - ETDA's self-paced course, running, with its online results imported;
 * - a caregiver course whose applications closed below the minimum (flagged);
 * - a hospitality course planned in Phuket;
 * - DSD labour-demand figures for this fiscal year and the next, for the planning view.
 * Running it again adds nothing: it stops when its first session exists.
 */
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import type { Actor } from '../src/server/platform/auth/actor';
import { bangkokDate, fiscalYearOf } from '../src/shared/fiscal-year';

const day = (offset: number) => bangkokDate(new Date(Date.now() + offset * 86_400_000));
const KHON_KAEN = '40';

export async function fillTraining(services: Services, database: Database): Promise<void> {
  const db = database.db;
  const actorOf = async (username: string): Promise<Actor> => {
    const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return { ...(await services.identity.loadActor(user.id))!, mustChangePassword: false };
  };
  const kk = { actor: await actorOf('demo.kk.skills'), requestId: 'demo' };
  const hq = { actor: await actorOf('demo.dwf.hq'), requestId: 'demo' };
  const { training, planning, registry } = services;
  services.jobs.start();
  console.log('Training:');
  if ((await training.listSessions(kk, { province: KHON_KAEN, curriculum: 'SOCIAL-COMMERCE', limit: 1, offset: 0 })).total > 0) {
    console.log('  sessions exist already');
    return;
  }
  // Khon Kaen people of the registry part, in a stable order.
  const people = (
    await db
      .selectFrom('person')
      .select(['id', 'target_groups', 'doc_number', 'sex'])
      .where('province_code', '=', KHON_KAEN)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute()
  ).map((p) => ({ ...p, id: Number(p.id) }));
  const session = (
    input: Partial<Parameters<typeof training.createSession>[1]> & { curriculumCode: string; days: { day: string; hours: number }[] },
    ctx = kk,
  ) =>
    training.createSession(ctx, {
      unitCode: 'DSD-PSDO-40',
      provinceCode: KHON_KAEN,
      online: false,
      subdistrictCode: '400101',
      venue: 'ห้องประชุมสำนักงานพัฒนาฝีมือแรงงานขอนแก่น',
      applicationsCloseOn: input.days[0]!.day,
      capacityMin: 100,
      capacityMax: 500,
      trainers: ['วิทยากรจาก ETDA'],
      budgetSource: 'งบประมาณกรมพัฒนาฝีมือแรงงาน (สาธิต)',
      ...input,
    });
  /** Applies each person; the ineligible are skipped, as an officer would be told. */
  const enrol = async (sessionId: number, ids: number[]) => {
    let seated = 0;
    for (const personId of ids) {
      try {
        await training.apply(kk, sessionId, { personId });
        seated++;
      } catch {
        // not eligible (target group, age): left out
      }
    }
    return seated;
  };

  // 1. Open for applications, with a citizen who applied herself.
  const open = await session({ curriculumCode: 'SOCIAL-COMMERCE', applicationsCloseOn: day(10), days: [day(14), day(15)].map((d) => ({ day: d, hours: 6 })) });
  await training.changeStatus(kk, open.id, { status: 'open' });
  // A woman raising her children alone (the README's story): the registry's sex and target group say so.
  const mother = people.find((p) => p.sex === 'female' && p.target_groups.includes('single-parent'))!;
  const account = await registry.createCitizenAccount(kk, mother.id, { username: 'demo.citizen' }).catch(() => null);
  if (account) console.log(`  demo.citizen           ${account.oneTimePassword}   a single mother of Khon Kaen (citizen account)`);
  await training.apply({ actor: { ...(await actorOf('demo.citizen')), personId: mother.id }, requestId: 'demo' }, open.id, {});
  console.log(
    `  ${open.code}: open, ${
      1 +
      (await enrol(
        open.id,
        people.slice(1, 60).map((p) => p.id),
      ))
    } applied`,
  );

  // 2. Finished: three days of attendance, completion evaluated, certificates issued, one revoked.
  const done = await session({
    curriculumCode: 'SOCIAL-COMMERCE',
    capacityMin: 20,
    capacityMax: 40,
    days: [day(-12), day(-11), day(-10)].map((d) => ({ day: d, hours: 4 })),
  });
  await training.changeStatus(kk, done.id, { status: 'open' });
  await enrol(done.id, [mother.id, ...people.slice(60, 140).map((p) => p.id)]);
  await training.changeStatus(kk, done.id, { status: 'running' });
  const roster = (await training.roster(kk, done.id, { status: 'enrolled', limit: 1000, offset: 0 })).items;
  for (const [k, d] of [day(-12), day(-11), day(-10)].entries()) {
    // Most came every day; every seventh person missed the last two days.
    await training.recordAttendance(
      kk,
      done.id,
      d,
      roster.map((r, i) => ({ enrolmentId: r.id, present: k === 0 || i % 7 !== 3 })),
    );
  }
  await training.changeStatus(kk, done.id, { status: 'completed' });
  const job = await training.issueCertificates(kk, done.id);
  await services.jobs.drain();
  const issued = await training.certificateJob(kk, done.id, job.id);
  const wrong = (await training.roster(kk, done.id, { status: 'completed', limit: 1000, offset: 0 })).items.find(
    (r) => r.personId !== mother.id && r.credentialCode,
  );
  if (wrong?.credentialCode) await services.credentials.revoke(kk, wrong.credentialCode, 'ออกซ้ำกับรุ่นอื่น (สาธิตการเพิกถอน)');
  console.log(`  ${done.code}: completed, ${issued.done} certificates issued, one revoked`);

  const digital = await session({
    curriculumCode: 'DSD-ETDA-DIGI18',
    applicationsCloseOn: day(20),
    days: [day(25), day(26), day(27)].map((d) => ({ day: d, hours: 6 })),
  });
  await training.changeStatus(kk, digital.id, { status: 'open' });
  console.log(
    `  ${digital.code}: open, ${await enrol(
      digital.id,
      people.slice(165, 260).map((p) => p.id),
    )} applied`,
  );

  // 3. ETDA's self-paced course, online, with results imported from the platform's file.
  const online = await session({
    curriculumCode: 'ETDA-EASY-ECOM',
    online: true,
    subdistrictCode: null,
    venue: null,
    capacityMin: 10,
    days: [{ day: day(-20), hours: 12 }],
  });
  await training.changeStatus(kk, online.id, { status: 'open' });
  const learners = people.slice(140, 170);
  await enrol(
    online.id,
    learners.map((p) => p.id),
  );
  await training.changeStatus(kk, online.id, { status: 'running' });
  const csv = ['เลขประจำตัวประชาชน/เลขเอกสาร,วันที่เรียนจบ,คะแนน', ...learners.slice(0, 20).map((p, i) => `${p.doc_number},${day(-3)},${55 + i * 2}`)].join('\r\n');
  const results = await training.importResults(kk, online.id, { fileName: 'etda-easy-ecommerce-results.csv', bytes: Buffer.from(csv) });
  await training.evaluate(kk, online.id);
  console.log(`  ${online.code}: running online, ${results.applied} results imported`);

  // 4. Applications closed below the minimum: flagged on the list.
  const thin = await session({
    curriculumCode: 'CAREGIVER-ELDERLY',
    applicationsCloseOn: day(-1),
    days: [day(3), day(4), day(5)].map((d) => ({ day: d, hours: 7 })),
  });
  await training.changeStatus(kk, thin.id, { status: 'open' });
  await enrol(
    thin.id,
    people.slice(170, 185).map((p) => p.id),
  );
  console.log(`  ${thin.code}: below its minimum of 100`);

  // 5. Planned elsewhere, by headquarters.
  const phuket = await session(
    {
      curriculumCode: 'HOSPITALITY-NEW',
      unitCode: 'DWF-HQ',
      provinceCode: '83',
      subdistrictCode: '830101',
      venue: 'โรงแรมสาธิต ภูเก็ต',
      days: [day(40), day(41), day(42), day(43)].map((d) => ({ day: d, hours: 6 })),
    },
    hq,
  );
  console.log(`  ${phuket.code}: planned in Phuket`);

  // 6. DSD labour demand, this fiscal year and next.
  const year = fiscalYearOf(new Date());
  const demand = [
    ['40', 'digital-ecommerce', 'ผู้ประกอบการค้าออนไลน์', 900],
    ['40', 'caregiver', 'ผู้ดูแลผู้สูงอายุ', 650],
    ['40', 'hospitality', 'พนักงานบริการโรงแรม', 200],
    ['83', 'hospitality', 'พนักงานบริการโรงแรม', 1200],
    ['83', 'digital-ecommerce', 'ผู้ประกอบการค้าออนไลน์', 150],
    ['10', 'caregiver', 'ผู้ดูแลผู้สูงอายุ', 2400],
    ['10', 'digital-ecommerce', 'นักสร้างเนื้อหาออนไลน์', 1800],
    ['50', 'crafts', 'ช่างหัตถกรรม', 300],
    ['90', 'food-processing', 'พนักงานแปรรูปอาหาร', 500],
    ['30', 'agriculture', 'เกษตรกรสมัยใหม่', 700],
  ] as const;
  const file = [
    'จังหวัด,หมวดหลักสูตร,อาชีพ,ปีงบประมาณ,จำนวนคนที่ต้องการ',
    ...[year, year + 1].flatMap((fy, k) => demand.map(([p, c, o, n]) => `${p},${c},${o},${fy},${Math.round(n * (1 + k * 0.15))}`)),
  ].join('\r\n');
  const imported = await planning.importDemand(hq, { fileName: 'dsd-labour-demand-demo.csv', bytes: Buffer.from(file) });
  console.log(`  labour demand: ${imported.imported} figures for FY ${year} and ${year + 1}`);
}
