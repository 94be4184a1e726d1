import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CONTRACTS } from '../../src/server/modules/contracts';
import type { LinkDeclaration } from '../../src/server/platform/contract';
import { createPersonLinks } from '../../src/server/modules/registry/links/person-links';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { employerBody, vacancyBody } from '../helpers/employment';
import { fundBody } from '../helpers/funding';
import { personBody } from '../helpers/people';
import { dayFromToday, sessionBody } from '../helpers/training';
import * as selfservice from '../../src/server/modules/selfservice/selfservice.repository';

const PERSON_LINKS = ALL_CONTRACTS.flatMap((c) => c.links).filter((l) => l.refersTo === 'person');
const STANDARD = 'TPQI-ECW';
const loanApplication = (groupId: number, cosigner: number) => ({
  groupId,
  amountSatang: 5_000_000,
  termMonths: 12,
  purpose: 'ซื้อวัตถุดิบ',
  businessPlan: { costs: [{ item: 'วัตถุดิบ', amountSatang: 5_000_000 }], expectedMonthlySalesSatang: 1_000_000, repaymentSource: 'ยอดขาย' },
  cosignerPersonIds: [cosigner],
});

/**
 * A person with records in every module is merged into another, and the survivor is then erased:
 * each module's rows must do what its contract declares (`<module>.contract.ts`).
 */
describe.each(ENGINES)('merge and erasure follow every module’s declared links on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let assessor: StaffAccount;
  let approver: StaffAccount, maker: StaffAccount, checker: StaffAccount;
  let serialEmployer = 300_000 + Math.floor(Math.random() * 100_000);
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  /** Rows of a declared link pointing at a person. */
  const rowsOf = async (link: LinkDeclaration, personId: number) =>
    (await sql<Record<string, unknown>>`select * from ${sql.table(link.table)} where ${sql.ref(link.column)} = ${personId}`.execute(t.database.db)).rows;
  const register = async (consents: string[]) =>
    (await ok(officer, 'POST', '/api/people', personBody({ consents: consents.map((purpose) => ({ purpose })) }))).id as number;

  /** A session two days ago that the people attended and completed. */
  const completedSession = async (personIds: number[]) => {
    const day = dayFromToday(-2);
    const session = await ok(officer, 'POST', '/api/training/sessions', sessionBody({ applicationsCloseOn: day, capacityMin: 1, days: [{ day, hours: 6 }] }));
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    for (const personId of personIds) await ok(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'running' });
    const roster = (await ok(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).items as { id: number; personId: number }[];
    await ok(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${day}`, { entries: roster.map((r) => ({ enrolmentId: r.id, present: true })) });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'completed' });
    return { id: session.id as number, roster };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }] });
    approver = await t.createStaff({ roles: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }] });
    maker = await t.createStaff({ roles: [{ role: 'fund_maker', unitCode: 'DOE-PEO-40' }] });
    checker = await t.createStaff({ roles: [{ role: 'fund_checker', unitCode: 'DOE-PEO-40' }] });
  });
  afterAll(() => t?.dispose());

  it('moves every link of the duplicate to the survivor (resolving unique keys as declared), then erases the survivor as declared', async () => {
    const survivor = await register(['contact']);
    const duplicate = await register(['contact', 'share-gsb']);
    const older = await register([]);
    // An earlier merge: `older` points at the duplicate, and must come to point at the survivor.
    await ok(officer, 'POST', `/api/people/${duplicate}/merge`, { duplicateId: older });

    // registry: a group both belong to (one current membership each), and one only the duplicate's.
    const shared = await ok(officer, 'POST', '/api/groups', {
      name: 'กลุ่มทอผ้าบ้านโนนทัน',
      type: 'women-occupation',
      occupation: 'textiles',
      subdistrictCode: '400101',
      members: [
        { personId: survivor, role: 'member', joinedOn: '2021-01-01' },
        { personId: duplicate, role: 'leader', joinedOn: dayFromToday(0) },
      ],
    });
    const own = await ok(officer, 'POST', '/api/groups', {
      name: 'กลุ่มจักสานบ้านโนนทัน',
      type: 'other',
      occupation: 'handicrafts',
      subdistrictCode: '400101',
      members: [{ personId: duplicate, role: 'member', joinedOn: '2022-05-01' }],
    });
    // identity: the duplicate's citizen account.
    await ok(officer, 'POST', `/api/people/${duplicate}/citizen-account`, { username: `citizen${duplicate}` });
    // training and credentials: a session only the duplicate attended (with a certificate), and one both attended.
    const alone = await completedSession([duplicate]);
    const both = await completedSession([survivor, duplicate]);
    const certificate = (await ok(officer, 'POST', `/api/training/enrolments/${alone.roster[0]!.id}/certificate`)).code as string;
    // competency: experience for the standard (both), and the duplicate referred to an assessment.
    for (const personId of [survivor, duplicate])
      await ok(officer, 'POST', '/api/competency/experience', {
        personId,
        standardCode: STANDARD,
        summary: 'ขายผ้าทอผ่าน Shopee มาสามปี',
        evidence: 'ดูหน้าร้านและยอดขายย้อนหลัง',
      });
    const event = await ok(officer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: 'TPQI-AC-NE',
      provinceCode: '40',
      assessedOn: dayFromToday(1),
      online: true,
      capacity: 5,
      assessorUserIds: [assessor.id],
    });
    await ok(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [duplicate] });
    await t.database.db.updateTable('assessment_candidate').set({ basis_note: 'เล่าว่าเคยขายที่ตลาดนัดบ้านนางสมศรี' }).where('person_id', '=', duplicate).execute();

    // employment: both look for work; the duplicate has guidance, a referral with consent and a placement.
    serialEmployer++;
    const applied = await t.app.inject({ method: 'POST', url: '/api/employment/employers/apply', payload: employerBody(serialEmployer) });
    expect(applied.statusCode, applied.body).toBe(201);
    await ok(officer, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' });
    const vacancy = await ok(officer, 'POST', '/api/employment/vacancies', vacancyBody({ employerId: applied.json().id, requiredStandardCode: null }));
    for (const personId of [survivor, duplicate]) await ok(officer, 'PUT', `/api/people/${personId}/job-seeker`, { desiredOccupations: ['5244'] });
    await ok(officer, 'POST', `/api/people/${duplicate}/guidance`, { note: 'ต้องการงานใกล้บ้าน ลูกยังเล็ก', plan: [{ step: 'สมัครงานแพ็กสินค้า' }] });
    const referral = await ok(officer, 'POST', '/api/employment/referrals', {
      vacancyId: vacancy.id,
      personId: duplicate,
      sharedFields: ['name'],
      consentEvidence: 'แบบยินยอมลงนาม',
    });
    await ok(officer, 'POST', `/api/employment/referrals/${referral.id}/answer`, { status: 'hired', startedOn: dayFromToday(0) });

    // marketplace: the duplicate, leader of the shared group, gave its consent to share with Lazada.
    await ok(officer, 'POST', `/api/marketplace/groups/${shared.id}/consents`, {
      channel: 'lazada',
      givenByPersonId: duplicate,
      evidence: 'แบบยินยอมลงนามโดยประธานกลุ่ม',
    });
    // funding: an application of the shared group, which the duplicate (its leader) made and co-signs.
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const application = await ok(officer, 'POST', `/api/funding/funds/${fund.id}/applications`, loanApplication(shared.id, duplicate));
    await t.database.db.updateTable('loan_application').set({ applicant_person_id: duplicate }).where('id', '=', application.id).execute();

    // self-service: a correction request and a grievance of hers (issue 21).
    await selfservice.insertRequest(t.database.db, {
      person_id: duplicate,
      kind: 'correction',
      province_code: '40',
      field: 'phone',
      current_value: '0812345678',
      requested_value: '0898765432',
      reason: 'เบอร์โทรศัพท์เปลี่ยน',
      due_on: dayFromToday(30),
    });
    await selfservice.insertGrievance(t.database.db, {
      person_id: duplicate,
      group_id: shared.id,
      kind: 'complaint',
      about: 'service',
      subject: 'รอคำตอบนาน',
      body: 'ยื่นคำขอกู้แล้วยังไม่ได้รับคำตอบ',
      province_code: '40',
      due_on: dayFromToday(21),
    });

    // Every declared link to a person has rows of the duplicate (person.merged_into: of `older`), so each declaration is exercised.
    for (const link of PERSON_LINKS.filter((l) => l.merge.kind === 'move')) {
      const held = await rowsOf(link, duplicate);
      expect(held.length, `${link.table}.${link.column} has no rows for the duplicate: extend this test with the module's records`).toBeGreaterThan(0);
    }

    await ok(officer, 'POST', `/api/people/${survivor}/merge`, { duplicateId: duplicate });

    // What stays with the merged record: only the rows a unique key keeps there (declared `keep`).
    const left: Record<string, number> = {};
    for (const link of PERSON_LINKS) {
      if (link.merge.kind === 'keep') continue; // declared to stay with the retired record
      const rows = await rowsOf(link, duplicate);
      if (rows.length) left[`${link.table}.${link.column}`] = rows.length;
      if (link.merge.onConflict?.kind !== 'keep') expect(rows, `${link.table}.${link.column} after the merge`).toEqual([]);
    }
    // The session both completed keeps the duplicate's enrolment, and so its follow-ups after that course.
    expect(left).toEqual({ 'enrolment.person_id': 1, 'follow_up.person_id': 3 });
    const kept = (
      await rowsOf(
        PERSON_LINKS.find((l) => l.table === 'enrolment')!,
        duplicate,
      )
    )[0]!;
    expect(Number(kept.session_id)).toBe(both.id);

    const db = t.database.db;
    expect((await db.selectFrom('person').select('merged_into').where('id', '=', older).executeTakeFirstOrThrow()).merged_into).toBe(survivor);
    // consent: one standing per purpose; the duplicate's 'contact' is withdrawn as superseded and kept as history.
    const consents = await db.selectFrom('consent').selectAll().where('person_id', '=', survivor).orderBy('id').execute();
    expect(
      consents
        .filter((c) => c.withdrawn_at === null)
        .map((c) => c.purpose)
        .sort(),
    ).toEqual(['contact', 'share-gsb']);
    expect(consents.find((c) => c.withdrawn_at !== null)).toMatchObject({ purpose: 'contact', evidence: `superseded by merge into person ${survivor}` });
    // membership: the duplicate's current one in the shared group ends (not before it began) and moves as history.
    const memberships = await db.selectFrom('group_membership').selectAll().where('person_id', '=', survivor).orderBy('id').execute();
    expect(memberships.filter((m) => m.group_id === shared.id)).toEqual([
      expect.objectContaining({ left_on: null, role: 'member' }),
      expect.objectContaining({ left_on: dayFromToday(0), role: 'leader', left_reason: `merged into person ${survivor}` }),
    ]);
    expect(memberships.filter((m) => m.group_id === own.id && m.left_on === null)).toHaveLength(1);
    // prior experience: one current per standard, the duplicate's withdrawn as superseded.
    const experience = await db.selectFrom('prior_experience').selectAll().where('person_id', '=', survivor).execute();
    expect(experience.map((x) => x.withdrawn_reason).sort()).toEqual([null, `superseded by merge into person ${survivor}`]);
    // identity, credentials, competency, training: moved.
    expect((await db.selectFrom('app_user').select('username').where('person_id', '=', survivor).executeTakeFirstOrThrow()).username).toBe(
      `citizen${duplicate}`,
    );
    expect((await ok(officer, 'GET', `/api/people/${survivor}/credentials`)).map((c: { code: string }) => c.code)).toEqual([certificate]);
    expect((await ok(officer, 'GET', `/api/assessments/${event.id}`)).candidates.map((c: { personId: number }) => c.personId)).toEqual([survivor]);
    // employment: the survivor's profile stands, the duplicate's is history; the placement and its follow-ups are the survivor's.
    const seekers = await db.selectFrom('job_seeker').select(['withdrawn_at']).where('person_id', '=', survivor).execute();
    expect(seekers.filter((s) => s.withdrawn_at === null)).toHaveLength(1);
    expect(seekers).toHaveLength(2);
    // The matching read model was rebuilt in the merge's transaction: the survivor's row only.
    expect(await db.selectFrom('seeker_match').select('person_id').where('person_id', 'in', [survivor, duplicate]).execute()).toEqual([
      { person_id: survivor },
    ]);
    // The placement's follow-ups and both courses' (the survivor's own and the one moved), which the placement closed.
    const followUps = (await ok(officer, 'GET', `/api/people/${survivor}/employment`)).followUps as {
      kind: string;
      sessionId: number | null;
      closedReason: string | null;
    }[];
    expect(followUps.filter((f) => f.kind === 'placement')).toHaveLength(3);
    expect(followUps.filter((f) => f.kind === 'course').map((f) => [f.sessionId, f.closedReason])).toEqual(
      [alone.id, alone.id, alone.id, both.id, both.id, both.id].sort((a, b) => a - b).map((id) => [id, 'placed']),
    );
    const roster = (await ok(officer, 'GET', `/api/training/sessions/${alone.id}/roster`)).items as { personId: number }[];
    expect(roster.map((r) => r.personId)).toEqual([survivor]);
    // The timeline moved too, and says so.
    expect((await ok(officer, 'GET', `/api/people/${survivor}/timeline`)).map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['merged', 'joined-group', 'certificate-issued', 'experience-recorded']),
    );

    // ------------------------------------------------------------ erasure of the survivor
    await ok(officer, 'POST', `/api/people/${survivor}/erase`, { reason: 'คำขอลบข้อมูลเลขที่ 7/2569' });
    for (const link of PERSON_LINKS) {
      const rows = await rowsOf(link, survivor);
      const { erase } = link;
      if (erase.kind === 'anonymise') {
        expect(rows.length, `${link.table}.${link.column}`).toBeGreaterThan(0);
        for (const row of rows)
          for (const [column, value] of Object.entries(erase.set)) {
            if (value !== null && typeof value === 'object') expect(row[column], `${link.table}.${column}`).not.toBeNull();
            else expect(row[column], `${link.table}.${column}`).toEqual(value);
          }
      } else if (erase.kind === 'delete') {
        // Only the erasure's own timeline event remains outside the rows kept under the declared duty.
        const unkept = rows.filter((r) => !erase.keepWhereSet || r[erase.keepWhereSet.column] === null);
        expect(
          unkept.filter((r) => !(link.table === 'registry_event' && r.kind === 'erased')),
          `${link.table}.${link.column}`,
        ).toEqual([]);
        if (link.table === 'registry_event') expect(unkept.map((r) => r.kind)).toEqual(['erased']);
      }
    }
    // The group's consent to Lazada stands after its signer is erased, without the evidence note.
    expect(await db.selectFrom('channel_consent').select(['withdrawn_at', 'evidence']).where('given_by_person_id', '=', survivor).execute()).toEqual([
      { withdrawn_at: null, evidence: null },
    ]);
    // What the declarations keep stays: memberships (group history), enrolments, placements.
    expect(await db.selectFrom('placement').select('id').where('person_id', '=', survivor).execute()).toHaveLength(1);
    expect(await db.selectFrom('group_membership').select('id').where('person_id', '=', survivor).execute()).toHaveLength(memberships.length);
    expect(await db.selectFrom('enrolment').select('id').where('person_id', '=', survivor).execute()).toHaveLength(2);
    // The follow-up of credentials' declaration: the status list says revoked, so the holder's copy does too.
    expect((await t.app.inject({ method: 'GET', url: `/api/verify/${certificate}` })).json()).toMatchObject({
      status: 'revoked',
      holderNameMasked: 'ลบข้อมูลแล้ว',
    });
    const account = await db.selectFrom('app_user').select(['status', 'display_name']).where('person_id', '=', survivor).executeTakeFirstOrThrow();
    expect(account).toEqual({ status: 'disabled', display_name: 'ลบข้อมูลแล้ว' });
    // funding: the application and the co-signature stay (the fund's accounts), naming no one.
    expect(await db.selectFrom('loan_cosigner').select('application_id').where('person_id', '=', survivor).execute()).toEqual([
      { application_id: application.id },
    ]);
  });

  it('refuses to erase a loan’s applicant or co-signer while the loan is owed, and erases once it is repaid', async () => {
    const leader = await register([]);
    const group = await ok(officer, 'POST', '/api/groups', {
      name: 'กลุ่มเลี้ยงไก่บ้านโนนทัน',
      type: 'independent-occupation',
      occupation: 'agriculture',
      subdistrictCode: '400101',
      members: [{ personId: leader, role: 'leader', joinedOn: '2022-01-01' }],
    });
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const a = await ok(officer, 'POST', `/api/funding/funds/${fund.id}/applications`, loanApplication(group.id, leader));
    await ok(maker, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'เสนอ' });
    await ok(checker, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจแล้ว' });
    const approved = await ok(approver, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'M-9/2569' });
    const refused = await call(officer, 'POST', `/api/people/${leader}/erase`, { reason: 'คำขอลบข้อมูล' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/repaid or written off/);
    const loanBody = {
      amountSatang: 5_000_000,
      paidOn: dayFromToday(-1),
      reference: 'TRF-1',
      bankName: 'ธนาคารออมสิน',
      accountNumber: '0201234567',
      promptPayId: null,
    };
    await ok(maker, 'POST', `/api/funding/loans/${approved.loanId}/disbursements`, loanBody);
    await ok(maker, 'POST', `/api/funding/loans/${approved.loanId}/payments`, { amountSatang: 5_000_000, paidOn: dayFromToday(0), reference: 'CASH-ALL' });
    await ok(officer, 'POST', `/api/people/${leader}/erase`, { reason: 'คำขอลบข้อมูล' });
  });

  it('refuses an erasure while a row kept under a declared duty matches, naming the duty (a loan still owed)', async () => {
    const person = await register([]);
    const other = await register([]);
    const day = dayFromToday(3);
    const session = await ok(officer, 'POST', '/api/training/sessions', sessionBody({ capacityMin: 1, applicationsCloseOn: day, days: [{ day, hours: 6 }] }));
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: person });
    const duty = { en: 'A seat is held in a session that has not run.', th: 'ยังมีที่นั่งในรุ่นที่ยังไม่ได้อบรม' };
    const links = createPersonLinks([
      {
        table: 'enrolment',
        column: 'person_id',
        refersTo: 'person',
        merge: { kind: 'move' },
        erase: { kind: 'keep', duty, refusesWhile: { column: 'status', in: ['enrolled', 'waitlisted'] } },
      },
    ]);
    expect(await links.erasureRefusal(t.database.db, person)).toEqual(duty);
    expect(await links.erasureRefusal(t.database.db, other)).toBeNull();
  });
});
