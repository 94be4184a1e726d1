import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import '../../src/server/db/schema.notifications';
import '../../src/server/db/schema.monitoring-reports';
import type { Role } from '../../src/server/platform/auth/actor';
import type { StaffAccount, TestApp } from '../helpers/app';
import { employerBody, vacancyBody } from '../helpers/employment';
import { buildPeople, completeCourse, dayFromToday, sessionBody } from '../helpers/training';

/**
 * The identities every operation is called as: anonymous, then one account per demo role. The
 * officer and the staff in provinces serve Khon Kaen (40); "other-area" records are in Phuket (83).
 */
export const IDENTITIES = [
  'anonymous',
  'admin',
  'executive',
  'officer',
  'hqOfficer',
  'provider',
  'assessor',
  'fundMaker',
  'fundChecker',
  'fundApprover',
  'employer',
  'partner',
  'citizen',
] as const;
export type Identity = (typeof IDENTITIES)[number];

const ROLES_OF: Record<Exclude<Identity, 'anonymous'>, { role: Role; unitCode: string | null }[]> = {
  admin: [{ role: 'system_admin', unitCode: null }],
  executive: [{ role: 'executive', unitCode: null }],
  officer: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }],
  hqOfficer: [{ role: 'officer', unitCode: 'DWF-HQ' }],
  provider: [{ role: 'course_provider', unitCode: 'ETDA-HQ' }],
  assessor: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }],
  fundMaker: [{ role: 'fund_maker', unitCode: 'DOE-PEO-40' }],
  fundChecker: [{ role: 'fund_checker', unitCode: 'DOE-PEO-40' }],
  fundApprover: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }],
  employer: [{ role: 'employer', unitCode: null }],
  partner: [{ role: 'marketplace_partner', unitCode: null }],
  citizen: [{ role: 'citizen', unitCode: null }],
};

/**
 * Which record a cell is about: `own` is in the Khon Kaen officer's area and is the citizen's own
 * record; `same` is another record in Khon Kaen (another person, for the citizen); `other` is in
 * Phuket (another area for every provincial role, another person for the citizen).
 */
export const VARIANTS = ['own', 'same', 'other'] as const;
export type Variant = (typeof VARIANTS)[number];
export type ByVariant<T> = Record<Variant, T>;

/** An id no record has: routes answer it as they answer a missing record. */
export const MISSING = 987_654;

export interface World {
  today: string;
  /** A week from today. */
  later: string;
  /** The document numbers of `people`. */
  docNumbers: ByVariant<string>;
  cookies: Record<Identity, string | null>;
  accounts: Record<Exclude<Identity, 'anonymous'>, StaffAccount>;
  /** Registered people: `own` is the citizen's. */
  people: ByVariant<number>;
  /** People kept for operations that end a record (erase, merge): nothing else reads them. */
  victims: ByVariant<number>;
  /** Duplicates to merge into the victims. */
  duplicates: ByVariant<number>;
  groups: ByVariant<number>;
  memberships: ByVariant<number>;
  sessions: ByVariant<number>;
  enrolments: ByVariant<number>;
  /** Staff accounts that operations on users act on (never one of the identities). */
  users: ByVariant<string>;
  units: ByVariant<string>;
  assessments: ByVariant<number>;
  candidates: ByVariant<number>;
  assessorId: string;
  // employment: `own` is the employer account's own employer (Khon Kaen), `same` another Khon Kaen
  // employer, `other` a Phuket employer; each with a published vacancy of 5 openings.
  employers: ByVariant<number>;
  vacancies: ByVariant<number>;
  /** Pending referrals of the victims to `vacancies` (answered in the matrix). */
  referrals: ByVariant<number>;
  /** The 3-month follow-ups of `people` hired into `vacancies` (the citizen's is `own`). */
  followUps: ByVariant<number>;
  // enterprise (one group per sub-district in One Tambon One Group): `enterpriseGroups` take part,
  // `nominees` are groups not yet nominated.
  enterpriseGroups: ByVariant<number>;
  nominees: ByVariant<number>;
  participations: ByVariant<number>;
  products: ByVariant<number>;
  certifications: ByVariant<number>;
  visits: ByVariant<string>;
  photos: ByVariant<string>;
  // marketplace: each enterprise group lists a second product, approved with a photo; the citizen
  // leads the `own` group, which consents to share with Lazada, whose advisor is `partner`.
  listings: ByVariant<number>;
  listingPhotos: ByVariant<string>;
  // funding: `own` and `same` are in the Khon Kaen fund, `other` in Phuket's. `fundingGroups`
  // are led by their `own` person (the citizen leads hers); `applications` are submitted,
  // `loans` approved and partly disbursed, `paidLoans` disbursed with a repayment (`payments`)
  // and a write-off waiting for the committee (`loanDecisions`).
  funds: ByVariant<number>;
  fundingGroups: ByVariant<number>;
  applications: ByVariant<number>;
  loans: ByVariant<number>;
  paidLoans: ByVariant<number>;
  payments: ByVariant<number>;
  loanDecisions: ByVariant<number>;
  // notifications: each person's in-app message of their application result (the citizen's is
  // `own`), and a failed LINE message to each (Khon Kaen's `own`, `same`; Phuket's `other`).
  notifications: ByVariant<number>;
  outbox: ByVariant<number>;
  // monitoring: a kept monthly report of Khon Kaen (`own`, `same`) and of Phuket (`other`).
  reports: ByVariant<number>;
}

/** A 1×1 PNG, as a phone sends a resized photo. */
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * Builds the world on a test app: accounts straight in the database (the factory), records
 * through the API as the officers of each province would, so every row is as the app makes it.
 */
export async function buildWorld(t: TestApp, serial: number): Promise<World> {
  const db = t.database.db;
  const accounts = {} as World['accounts'];
  for (const [identity, roles] of Object.entries(ROLES_OF)) accounts[identity as keyof typeof ROLES_OF] = await t.createStaff({ roles });
  const kk = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
  const phuket = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-83' }] });
  const kkUser = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
  const phuketUser = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-83' }] });

  const call = async (who: StaffAccount | null, method: 'POST' | 'PUT', url: string, payload: unknown, status = 201) => {
    const response = await t.app.inject({ method, url, payload: payload as never, headers: who ? { cookie: who.cookie } : {} });
    if (response.statusCode !== status) throw new Error(`world: ${method} ${url} answered ${response.statusCode} ${response.body}`);
    return response.json();
  };

  const kkPeople = await buildPeople(db, 6, { firstSerial: serial });
  const phuketPeople = await buildPeople(db, 3, { firstSerial: serial + 10, subdistrictCode: '830101' });
  const people = { own: kkPeople[0]!.id, same: kkPeople[1]!.id, other: phuketPeople[0]!.id };
  const victims = { own: kkPeople[2]!.id, same: kkPeople[3]!.id, other: phuketPeople[1]!.id };
  const duplicates = { own: kkPeople[4]!.id, same: kkPeople[5]!.id, other: phuketPeople[2]!.id };
  await sql`update app_user set person_id = ${people.own} where id = ${accounts.citizen.id}`.execute(db);
  t.services.actors.clear();

  const group = (who: StaffAccount, subdistrictCode: string, personId: number, name: string) =>
    call(who, 'POST', '/api/groups', {
      name,
      type: 'community-enterprise',
      occupation: 'handicrafts',
      subdistrictCode,
      members: [{ personId, role: 'member', joinedOn: '2024-01-01' }],
    });
  const gOwn = await group(kk, '400101', people.own, 'กลุ่มทอผ้าบ้านโนน');
  const gSame = await group(kk, '400101', people.same, 'กลุ่มจักสานบ้านค้อ');
  const gOther = await group(phuket, '830101', people.other, 'กลุ่มผ้าบาติกภูเก็ต');

  const sOwn = await call(kk, 'POST', '/api/training/sessions', sessionBody({ capacityMin: 1 }));
  const sSame = await call(kk, 'POST', '/api/training/sessions', sessionBody({ capacityMin: 1 }));
  const sOther = await call(
    phuket,
    'POST',
    '/api/training/sessions',
    sessionBody({ capacityMin: 1, unitCode: 'DSD-PSDO-83', provinceCode: '83', subdistrictCode: '830101', venue: 'ศูนย์ฝึกภูเก็ต' }),
  );
  for (const s of [sOwn, sSame]) await call(kk, 'POST', `/api/training/sessions/${s.id}/status`, { status: 'open' }, 200);
  await call(phuket, 'POST', `/api/training/sessions/${sOther.id}/status`, { status: 'open' }, 200);
  const eOwn = await call(kk, 'POST', `/api/training/sessions/${sOwn.id}/applications`, { personId: people.own });
  const eSame = await call(kk, 'POST', `/api/training/sessions/${sSame.id}/applications`, { personId: people.same });
  const eOther = await call(phuket, 'POST', `/api/training/sessions/${sOther.id}/applications`, { personId: people.other });

  const assessment = await call(kk, 'POST', '/api/assessments', {
    standardCode: 'TPQI-ECW',
    centreUnitCode: 'TPQI-AC-NE',
    provinceCode: '40',
    assessedOn: dayFromToday(0),
    online: false,
    venue: 'ศูนย์ประเมินขอนแก่น',
    capacity: 5,
    assessorUserIds: [accounts.assessor.id],
  });
  // A candidate: a person who completed the course (the factory), referred by the officer.
  await completeCourse(db, sOwn.id, [people.same]);
  const referred = await call(kk, 'POST', `/api/assessments/${assessment.id}/candidates`, { personIds: [people.same] }, 200);
  const candidate = Number(referred.candidates.find((c: { personId: number }) => c.personId === people.same)?.id ?? MISSING);
  const enrolmentId = (e: { enrolmentId?: number; id?: number }) => Number(e.enrolmentId ?? e.id);

  // ---- employment: three employers, verified by the office of their province; the employer
  // account acts for the Khon Kaen one (`own`).
  const officerOf = (v: Variant) => (v === 'other' ? phuket : kk);
  const areaOf = (v: Variant) => (v === 'other' ? '830101' : '400101');
  const byVariant = async <T>(make: (v: Variant) => Promise<T>): Promise<ByVariant<T>> => ({
    own: await make('own'),
    same: await make('same'),
    other: await make('other'),
  });
  const employers = await byVariant(async (v) => {
    const e = await call(
      null,
      'POST',
      '/api/employment/employers/apply',
      employerBody(serial + VARIANTS.indexOf(v), { subdistrictCode: areaOf(v), username: `mx${serial + VARIANTS.indexOf(v)}` }),
    );
    await call(officerOf(v), 'POST', `/api/employment/employers/${e.id}/verify`, { decision: 'verified' }, 200);
    return Number(e.id);
  });
  await sql`insert into employer_account (user_id, employer_id) values (${accounts.employer.id}, ${employers.own})`.execute(db);
  const vacancies = await byVariant(async (v) =>
    Number(
      (
        await call(
          officerOf(v),
          'POST',
          '/api/employment/vacancies',
          vacancyBody({ employerId: employers[v], subdistrictCode: areaOf(v), openings: 5, requiredStandardCode: null }),
        )
      ).id,
    ),
  );
  const seeker = (v: Variant, personId: number) => call(officerOf(v), 'PUT', `/api/people/${personId}/job-seeker`, { desiredOccupations: ['5244'] }, 200);
  const refer = (v: Variant, personId: number) =>
    call(officerOf(v), 'POST', '/api/employment/referrals', {
      vacancyId: vacancies[v],
      personId,
      sharedFields: ['name', 'phone'],
      consentEvidence: 'ลงนามในแบบยินยอม',
    });
  const followUps = await byVariant(async (v) => {
    await seeker(v, people[v]);
    const r = await refer(v, people[v]);
    await call(officerOf(v), 'POST', `/api/employment/referrals/${r.id}/answer`, { status: 'hired', startedOn: dayFromToday(-100) }, 200);
    const card = (await t.app.inject({ method: 'GET', url: `/api/people/${people[v]}/employment`, headers: { cookie: officerOf(v).cookie } })).json();
    return Number(card.followUps.find((f: { months: number }) => f.months === 3)?.id ?? MISSING);
  });
  const referrals = await byVariant(async (v) => {
    await seeker(v, victims[v]);
    await seeker(v, duplicates[v]);
    return Number((await refer(v, victims[v])).id);
  });

  // ---- enterprise: `groups` nominated to One Tambon One Group by their province's office, each
  // with a product, a certification in preparation and a visit with a photo.
  const newGroup = async (v: Variant, subdistricts: ByVariant<string>, name: string) =>
    Number(
      (
        await call(officerOf(v), 'POST', '/api/groups', {
          name: `${name} ${serial} ${v}`,
          type: 'community-enterprise',
          occupation: 'handicrafts',
          subdistrictCode: subdistricts[v],
        })
      ).id,
    );
  const groups = await byVariant((v) => newGroup(v, { own: '400102', same: '400103', other: '830102' }, 'กลุ่มต้นแบบ'));
  const nominees = await byVariant((v) => newGroup(v, { own: '400104', same: '400105', other: '830103' }, 'กลุ่มเสนอชื่อ'));
  const unitOf = (v: Variant) => (v === 'other' ? 'DSD-PSDO-83' : 'DSD-PSDO-40');
  const participations = await byVariant(async (v) =>
    Number((await call(officerOf(v), 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: groups[v], unitCode: unitOf(v) })).id),
  );
  const products = await byVariant(async (v) =>
    Number(
      (await call(officerOf(v), 'POST', `/api/enterprise/groups/${groups[v]}/products`, { name: 'ผ้าทอมือ', category: 'cloth', unitPriceSatang: 45_000 })).id,
    ),
  );
  const certifications = await byVariant(async (v) =>
    Number((await call(officerOf(v), 'POST', `/api/enterprise/products/${products[v]}/certifications`, { kind: 'otop', status: 'preparing' })).id),
  );
  const visitIds = { own: randomUUID(), same: randomUUID(), other: randomUUID() };
  const photoIds = { own: randomUUID(), same: randomUUID(), other: randomUUID() };
  for (const v of VARIANTS)
    await call(officerOf(v), 'POST', '/api/enterprise/visits/sync', { visits: [visitBody(visitIds[v], groups[v], [{ id: photoIds[v], dataUrl: PNG }])] }, 200);

  // ---- marketplace
  await call(kk, 'POST', `/api/groups/${groups.own}/members`, { personId: people.own, role: 'leader', joinedOn: '2024-01-01' }, 200);
  const listings = await byVariant(async (v) => {
    const product = await call(officerOf(v), 'POST', `/api/enterprise/groups/${groups[v]}/products`, {
      name: 'ข้าวฮางงอก',
      category: 'food',
      unitPriceSatang: 12_000,
    });
    const listing = await call(officerOf(v), 'POST', '/api/marketplace/listings', {
      productId: product.id,
      titleTh: 'ข้าวฮางงอก',
      descriptionTh: 'ข้าวกล้องงอกจากนา',
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/marketplace/listings/${listing.id}/photos`,
      payload: Buffer.from(PNG.split(',')[1]!, 'base64'),
      headers: { cookie: officerOf(v).cookie, 'content-type': 'image/png' },
    });
    if (response.statusCode !== 201) throw new Error(`world: listing photo answered ${response.statusCode} ${response.body}`);
    await call(officerOf(v), 'POST', `/api/marketplace/listings/${listing.id}/decision`, { decision: 'approve' }, 200);
    return Number(listing.id);
  });
  const listingPhotos = await byVariant(async (v) =>
    String((await db.selectFrom('listing_photo').select('id').where('listing_id', '=', listings[v]).executeTakeFirstOrThrow()).id),
  );
  await sql`insert into partner_advisor (user_id, channel) values (${accounts.partner.id}, 'lazada')`.execute(db);
  await call(kk, 'POST', `/api/marketplace/groups/${groups.own}/consents`, { channel: 'lazada', givenByPersonId: people.own, evidence: 'แบบยินยอม' });
  t.services.actors.clear();
  const funding = await buildFunding(t, call, {
    serial,
    ownLeader: people.own,
    kk,
    phuket,
    // Khon Kaen's fund office is the identities' own (their four eyes never meet the matrix's:
    // the applications the matrix moves are only submitted here).
    kkStaff: { maker: accounts.fundMaker, checker: accounts.fundChecker, approver: accounts.fundApprover },
  });

  const notifications = {} as ByVariant<number>;
  const outbox = {} as ByVariant<number>;
  for (const v of ['own', 'same', 'other'] as const) {
    const inApp = await db
      .selectFrom('notification')
      .select('id')
      .where('person_id', '=', people[v])
      .where('channel', '=', 'in-app')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    notifications[v] = inApp.id;
    // A factory: the test app has no channel configured, so this failed LINE message is written straight in.
    outbox[v] = (
      await db
        .insertInto('notification')
        .values({
          person_id: people[v],
          province_code: v === 'other' ? '83' : '40',
          kind: 'application-result',
          event_key: `world:${serial}:${v}`,
          channel: 'line',
          address: `U${String(serial).padStart(32, '0')}`,
          params: '{}',
          idempotency_key: randomUUID(),
          status: 'failed',
          attempts: 6,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  // A factory: kept reports written straight in, files and all (the job that makes them is tested in test/api/monitoring-reports.test.ts).
  const reports = {} as ByVariant<number>;
  for (const v of ['own', 'same', 'other'] as const) {
    reports[v] = (
      await db
        .insertInto('monitoring_report')
        .values({
          period: 'month',
          fiscal_year: 2569,
          month: 3,
          area_code: v === 'other' ? '83' : '40',
          requested_by: accounts.executive.id,
          xlsx: Buffer.from('PK'),
          pdf: Buffer.from('%PDF-1.3'),
          finished_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  return {
    ...funding,
    notifications,
    outbox,
    reports,
    today: dayFromToday(0),
    later: dayFromToday(7),
    docNumbers: { own: kkPeople[0]!.docNumber, same: kkPeople[1]!.docNumber, other: phuketPeople[0]!.docNumber },
    cookies: { anonymous: null, ...Object.fromEntries(Object.entries(accounts).map(([k, a]) => [k, a.cookie])) } as World['cookies'],
    accounts,
    people,
    victims,
    duplicates,
    groups: { own: gOwn.id, same: gSame.id, other: gOther.id },
    enterpriseGroups: groups,
    memberships: { own: gOwn.members[0].id, same: gSame.members[0].id, other: gOther.members[0].id },
    sessions: { own: sOwn.id, same: sSame.id, other: sOther.id },
    enrolments: { own: enrolmentId(eOwn), same: enrolmentId(eSame), other: enrolmentId(eOther) },
    users: { own: kkUser.id, same: kkUser.id, other: phuketUser.id },
    units: { own: 'DSD-PSDO-40', same: 'DOE-PEO-40', other: 'DSD-PSDO-83' },
    assessments: { own: assessment.id, same: assessment.id, other: MISSING },
    candidates: { own: candidate, same: candidate, other: MISSING },
    assessorId: accounts.assessor.id,
    employers,
    vacancies,
    referrals,
    followUps,
    nominees,
    participations,
    products,
    certifications,
    visits: visitIds,
    photos: photoIds,
    listings,
    listingPhotos,
  };
}

/** A field visit as a phone sends it. */
export const visitBody = (id: string, groupId: number, photos: { id: string; dataUrl: string }[] = []) => ({
  id,
  groupId,
  programmeCode: 'OTOG',
  visitedOn: dayFromToday(0),
  officers: ['นางสาวสมใจ ลงพื้นที่'],
  obstacles: [{ id: randomUUID(), category: 'market', text: 'ยังไม่มีช่องทางขายออนไลน์' }],
  photos,
  editedAt: new Date().toISOString(),
});

/** The funding part of the world: two funds, groups with leaders and committees, applications, loans, a payment, a decision. */
async function buildFunding(
  t: TestApp,
  call: (who: StaffAccount | null, method: 'POST' | 'PUT', url: string, payload: unknown, status?: number) => Promise<{ id: number; loanId: number }>,
  o: {
    serial: number;
    ownLeader: number;
    kk: StaffAccount;
    phuket: StaffAccount;
    kkStaff: { maker: StaffAccount; checker: StaffAccount; approver: StaffAccount };
  },
) {
  const staff = async (unitCode: string) => ({
    maker: await t.createStaff({ roles: [{ role: 'fund_maker', unitCode }] }),
    checker: await t.createStaff({ roles: [{ role: 'fund_checker', unitCode }] }),
    approver: await t.createStaff({ roles: [{ role: 'fund_approver', unitCode }] }),
  });
  const kkStaff = o.kkStaff;
  const pkStaff = await staff('DOE-PEO-83');
  const staffOf = (v: Variant) => (v === 'other' ? pkStaff : kkStaff);
  const fund = (who: StaffAccount, code: string, province: string) =>
    call(who, 'POST', '/api/funding/funds', {
      code,
      nameTh: `กองทุนหมุนเวียน ${code}`,
      nameEn: `Revolving fund ${code}`,
      ownerUnitCode: province === '83' ? 'DOE-PEO-83' : 'DOE-PEO-40',
      provinceCodes: [province],
      capitalSatang: 500_000_000,
      rules: {
        minAmountSatang: 5_000_000,
        maxAmountSatang: 30_000_000,
        minTermMonths: 1,
        maxTermMonths: 24,
        rateBp: 0,
        dueDay: 5,
        deadline: dayFromToday(60),
        oneOpenLoan: false,
      },
    });
  const kkFund = (await fund(kkStaff.approver, `KK-${o.serial}`, '40')).id;
  const pkFund = (await fund(pkStaff.approver, `PK-${o.serial}`, '83')).id;
  const funds = { own: kkFund, same: kkFund, other: pkFund };
  const kkPeople = await buildPeople(t.database.db, 3, { firstSerial: o.serial + 20 });
  const pkPeople = await buildPeople(t.database.db, 2, { firstSerial: o.serial + 30, subdistrictCode: '830101' });
  const members = { own: [o.ownLeader, kkPeople[0]!.id], same: [kkPeople[1]!.id, kkPeople[2]!.id], other: [pkPeople[0]!.id, pkPeople[1]!.id] };
  const groupOf = async (v: Variant) =>
    Number(
      (
        await call(v === 'other' ? o.phuket : o.kk, 'POST', '/api/groups', {
          name: `กลุ่มกู้ยืม ${o.serial} ${v}`,
          type: 'independent-occupation',
          occupation: 'textiles',
          subdistrictCode: v === 'other' ? '830104' : '400106',
          members: [
            { personId: members[v][0], role: 'leader', joinedOn: '2024-01-01' },
            { personId: members[v][1], role: 'committee', joinedOn: '2024-01-01' },
          ],
        })
      ).id,
    );
  const fundingGroups = { own: await groupOf('own'), same: await groupOf('same'), other: await groupOf('other') };
  const apply = async (v: Variant) =>
    (
      await call(staffOf(v).maker, 'POST', `/api/funding/funds/${funds[v]}/applications`, {
        groupId: fundingGroups[v],
        amountSatang: 15_000_000,
        termMonths: 24,
        purpose: 'ซื้อวัตถุดิบ',
        businessPlan: { costs: [{ item: 'วัตถุดิบ', amountSatang: 15_000_000 }], expectedMonthlySalesSatang: 3_000_000, repaymentSource: 'ยอดขาย' },
        cosignerPersonIds: [members[v][1]],
      })
    ).id;
  const approve = async (v: Variant) => {
    const id = await apply(v);
    const s = staffOf(v);
    await call(s.maker, 'POST', `/api/funding/applications/${id}/recommend`, { note: 'เสนอ' }, 200);
    await call(s.checker, 'POST', `/api/funding/applications/${id}/verify`, { note: 'ตรวจแล้ว' }, 200);
    return (await call(s.approver, 'POST', `/api/funding/applications/${id}/decide`, { decision: 'approve', minutesRef: 'M-1/2569' }, 200)).loanId;
  };
  const disburse = (v: Variant, loanId: number, amountSatang: number) =>
    call(
      staffOf(v).maker,
      'POST',
      `/api/funding/loans/${loanId}/disbursements`,
      { amountSatang, paidOn: dayFromToday(-10), reference: `T-${loanId}`, bankName: 'ธนาคารออมสิน', accountNumber: '0201234567', promptPayId: null },
      200,
    );
  const applications = { own: await apply('own'), same: await apply('same'), other: await apply('other') };
  const loans = { own: await approve('own'), same: await approve('same'), other: await approve('other') };
  for (const v of VARIANTS) await disburse(v, loans[v], 10_000_000);
  const paidLoans = { own: await approve('own'), same: await approve('same'), other: await approve('other') };
  const payments = {} as ByVariant<number>;
  const loanDecisions = {} as ByVariant<number>;
  for (const v of VARIANTS) {
    await disburse(v, paidLoans[v], 15_000_000);
    payments[v] = (
      await call(staffOf(v).maker, 'POST', `/api/funding/loans/${paidLoans[v]}/payments`, {
        amountSatang: 500_000,
        paidOn: dayFromToday(0),
        reference: 'CASH-1',
      })
    ).id;
    loanDecisions[v] = (await call(staffOf(v).maker, 'POST', `/api/funding/loans/${paidLoans[v]}/decisions`, { kind: 'write-off', reason: 'กลุ่มยุบ' })).id;
  }
  return { funds, fundingGroups, applications, loans, paidLoans, payments, loanDecisions };
}
