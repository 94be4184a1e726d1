import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { buildPeople, completeCourse, dayFromToday, sessionBody } from '../helpers/training';
import { verifyIndependently } from '../../src/server/modules/credentials/vc/independent-verifier';
import { buildApp } from '../../src/server/app';
import { openSecret } from '../../src/server/modules/credentials/vc';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openBadgeSchemaProblems } from '../helpers/open-badges-schema';
import { readMigrations } from '../../src/server/db/migrator';

const STANDARD = 'TPQI-ECW';
const KK_OFFICE = 'DSD-PSDO-40';
const CENTRE = 'TPQI-AC-NE';

describe.each(ENGINES)('competency assessment and signed credentials on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuketOfficer: StaffAccount;
  let assessor: StaffAccount;
  let otherAssessor: StaffAccount;
  let admin: StaffAccount;
  let sessionId: number;
  let units: string[];
  let serial = 810_000 + Math.floor(Math.random() * 1000) * 100;
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, payload: payload as never });

  /** People who completed Social Commerce For Business in Khon Kaen (a factory: training is tested elsewhere). */
  const graduates = async (count: number) => {
    const ids = (await buildPeople(t.database.db, count, { firstSerial: (serial += count) - count })).map((p) => p.id);
    await completeCourse(t.database.db, sessionId, ids);
    return ids;
  };
  const newEvent = async (overrides: Record<string, unknown> = {}) => {
    const created = await call(officer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: CENTRE,
      provinceCode: '40',
      assessedOn: dayFromToday(0),
      online: false,
      venue: 'ศูนย์ประเมินขอนแก่น ห้อง 2',
      capacity: 5,
      assessorUserIds: [assessor.id],
      ...overrides,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: number; code: string; candidates: { id: number; personId: number; units: string[] }[] };
  };
  const allCompetent = (unitCodes: string[]) => ({
    results: unitCodes.map((unitCode) => ({ unitCode, result: 'competent', evidenceNote: 'สาธิตการตั้งร้านและตอบคำถามได้ครบ' })),
  });
  const eligibleOf = async (personId: number) => {
    const list = await call(officer, 'GET', `/api/competency/standards/${STANDARD}/eligible?province=40&limit=200`);
    expect(list.statusCode, list.body).toBe(200);
    return (list.json().items as { personId: number; standing: string; training: unknown; experience: unknown }[]).find((x) => x.personId === personId);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-83' }] });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: CENTRE }] });
    otherAssessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: CENTRE }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
    const session = await call(officer, 'POST', '/api/training/sessions', sessionBody({ capacityMin: 1 }));
    expect(session.statusCode, session.body).toBe(201);
    sessionId = session.json().id;
    units = ((await call(officer, 'GET', `/api/competency/standards/${STANDARD}`)).json().units as { code: string }[]).map((u) => u.code);
  });
  afterAll(() => t?.dispose());

  it('ships the e-commerce standard with units, elements and criteria, the curricula that prepare for it, and what is assumed', async () => {
    const standard = (await call(officer, 'GET', `/api/competency/standards/${STANDARD}`)).json();
    expect(standard.units).toHaveLength(5);
    for (const u of standard.units) {
      expect(u.code).toMatch(/^ICT-ECW-\d-\d{3}ZA$/);
      expect(u.elements.length).toBeGreaterThanOrEqual(2);
      for (const e of u.elements) expect(e.criteria.length).toBeGreaterThanOrEqual(2);
    }
    expect(standard.curricula.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['ETDA-EASY-ECOM', 'SOCIAL-COMMERCE']));
    expect(standard.assumedFields).toContain('units.elements');
    expect(standard.ownerAgencyCode).toBe('TPQI');
  });

  it('lists as eligible who completed a linked course or has recorded experience, and no one else, within the reader’s area', async () => {
    const [graduate] = await graduates(1);
    const [experienced, nobody] = await buildPeople(t.database.db, 2, { firstSerial: (serial += 2) - 2 });
    expect(await eligibleOf(graduate!)).toMatchObject({ standing: 'not-assessed', training: { courseCode: 'SOCIAL-COMMERCE' }, experience: null });
    expect(await eligibleOf(experienced!.id)).toBeUndefined();

    const recorded = await call(officer, 'POST', '/api/competency/experience', {
      personId: experienced!.id,
      standardCode: STANDARD,
      summary: 'ขายปลาร้าบน Facebook และ Shopee ตั้งแต่ปี 2562',
      evidence: 'หน้าร้าน Shopee และยอดขาย 12 เดือน',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(await eligibleOf(experienced!.id)).toMatchObject({ training: null, experience: { summary: expect.stringContaining('Shopee') } });
    expect(await eligibleOf(nobody!.id)).toBeUndefined();
    const twice = await call(officer, 'POST', '/api/competency/experience', {
      personId: experienced!.id,
      standardCode: STANDARD,
      summary: 'again',
      evidence: 'again',
    });
    expect(twice.statusCode).toBe(409);

    const outside = await call(phuketOfficer, 'GET', `/api/competency/standards/${STANDARD}/eligible?province=40`);
    expect(outside.statusCode).toBe(403);
    const phuketList = (await call(phuketOfficer, 'GET', `/api/competency/standards/${STANDARD}/eligible`)).json();
    expect(phuketList.items.some((x: { provinceCode: string }) => x.provinceCode === '40')).toBe(false);
    const foreignExperience = await call(phuketOfficer, 'POST', '/api/competency/experience', {
      personId: nobody!.id,
      standardCode: STANDARD,
      summary: 'ขายของออนไลน์',
      evidence: 'หน้าร้าน',
    });
    expect(foreignExperience.statusCode).toBe(403);
    const timeline = await call(officer, 'GET', `/api/people/${experienced!.id}/timeline`);
    expect(timeline.body).toContain('experience-recorded');
  });

  it('counts the eligible by province and standing, the same people the list shows, within the reader’s area', async () => {
    const list = (await call(officer, 'GET', `/api/competency/standards/${STANDARD}/eligible?province=40&limit=200`)).json();
    const summary = await call(officer, 'GET', `/api/competency/standards/${STANDARD}/eligible/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    const kk = summary.json().find((p: { provinceCode: string }) => p.provinceCode === '40');
    const byStanding = (s: string) => list.items.filter((x: { standing: string }) => x.standing === s).length;
    expect(kk).toMatchObject({
      provinceNameEn: 'Khon Kaen',
      notAssessed: byStanding('not-assessed'),
      referred: byStanding('referred'),
      notYetCompetent: byStanding('not-yet-competent'),
      qualified: byStanding('qualified'),
    });
    expect(kk.notAssessed + kk.referred + kk.notYetCompetent + kk.qualified).toBe(list.total);
    const phuket = (await call(phuketOfficer, 'GET', `/api/competency/standards/${STANDARD}/eligible/summary`)).json();
    expect(phuket.some((p: { provinceCode: string }) => p.provinceCode === '40')).toBe(false);
    expect((await call(assessor, 'GET', `/api/competency/standards/${STANDARD}/eligible/summary`)).statusCode).toBe(403);
  });

  it('refuses an event at a unit that is no centre, on a past day, or with someone who is no assessor, saying which field', async () => {
    const bad = await call(officer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: KK_OFFICE,
      provinceCode: '40',
      assessedOn: dayFromToday(-2),
      online: false,
      venue: null,
      assessorUserIds: [officer.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual(['body.assessedOn:in-the-past', 'body.assessorUserIds[0]:not-an-assessor', 'body.centreUnitCode:not-a-centre', 'body.venue:required'].sort());
    const elsewhere = await call(phuketOfficer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: CENTRE,
      provinceCode: '40',
      assessedOn: dayFromToday(1),
      online: true,
      assessorUserIds: [assessor.id],
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('refers eligible people all or nothing, within capacity, and never twice', async () => {
    const event = await newEvent({ capacity: 2 });
    // Numbered with the B.E. year a Thai reader expects (AS-2569-00001), never the C.E. one.
    expect(event.code).toMatch(new RegExp(`^AS-${Number(dayFromToday(0).slice(0, 4)) + 543}-\\d{5}$`));
    const [a, b, c] = await graduates(3);
    const [stranger] = await buildPeople(t.database.db, 1, { firstSerial: (serial += 1) - 1 });
    const refused = await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [a, stranger!.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'body.personIds[1]', code: 'not-eligible' })]);
    expect((await call(officer, 'GET', `/api/assessments/${event.id}`)).json().candidates).toHaveLength(0);

    const referred = await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [a, b] });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json().candidates).toHaveLength(2);
    expect(referred.json().candidates[0].units).toEqual(units);
    expect(referred.json().candidates[0].docNumberMasked).toMatch(/x|X|\*/);
    const full = await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [c] });
    expect(full.statusCode).toBe(409);
    const again = await call(officer, 'POST', `/api/assessments/${(await newEvent()).id}/candidates`, { personIds: [a] });
    expect(again.json().errors[0]).toMatchObject({ code: 'already-referred' });
    expect(await eligibleOf(a!)).toMatchObject({ standing: 'referred' });
  });

  it('keeps capacity and issues one qualification when officers and assessors press twice at once', async () => {
    const event = await newEvent({ capacity: 3 });
    const people = await graduates(6);
    const referrals = await Promise.all(people.map((p) => call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [p] })));
    expect(referrals.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(referrals.filter((r) => r.statusCode === 409)).toHaveLength(3);
    const sheet = (await call(officer, 'GET', `/api/assessments/${event.id}`)).json();
    expect(sheet.candidates).toHaveLength(3);

    // One person, two events, two officers at once: referred once.
    const [other1, other2] = [await newEvent(), await newEvent()];
    const [both] = await graduates(1);
    const twice = await Promise.all([other1, other2].map((e) => call(officer, 'POST', `/api/assessments/${e.id}/candidates`, { personIds: [both] })));
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, twice.some((r) => r.statusCode === 400) ? 400 : 409]);
    const seats = await t.database.db.selectFrom('assessment_candidate').select('id').where('person_id', '=', both!).execute();
    expect(seats).toHaveLength(1);

    const candidate = sheet.candidates[0];
    await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, allCompetent(units));
    const decisions = await Promise.all([1, 2].map(() => call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {})));
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 409]);
    const issued = await t.database.db
      .selectFrom('credential')
      .select('code')
      .where('source_type', '=', 'assessment_candidate')
      .where('source_id', '=', String(candidate.id))
      .execute();
    expect(issued).toHaveLength(1);
  });

  it('takes results only from the event’s own assessors, for the candidate’s units, and decides only when every unit has one', async () => {
    const event = await newEvent();
    const [p] = await graduates(1);
    const candidate = (await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [p] })).json().candidates[0];
    expect((await call(otherAssessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, allCompetent(units))).statusCode).toBe(403);
    expect((await call(officer, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, allCompetent(units))).statusCode).toBe(403);
    const wrongUnit = await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, {
      results: [{ unitCode: 'ICT-XXX-1-001ZA', result: 'competent', evidenceNote: 'ดูหน้าร้าน' }],
    });
    expect(wrongUnit.json().errors[0]).toMatchObject({ field: 'body.results[0].unitCode', code: 'not-assessed-here' });
    await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, {
      results: [{ unitCode: units[0], result: 'competent', evidenceNote: 'ดูหน้าร้าน' }],
    });
    const early = await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain(units[1]);

    const later = await newEvent({ assessedOn: dayFromToday(3) });
    const [q] = await graduates(1);
    const future = (await call(officer, 'POST', `/api/assessments/${later.id}/candidates`, { personIds: [q] })).json().candidates[0];
    expect((await call(assessor, 'PUT', `/api/assessments/candidates/${future.id}/results`, allCompetent(units))).statusCode).toBe(422);
  });

  it('re-assesses only the units not yet competent, then awards a signed qualification that verifies, independently too', async () => {
    const first = await newEvent();
    const [p] = await graduates(1);
    const candidate = (await call(officer, 'POST', `/api/assessments/${first.id}/candidates`, { personIds: [p] })).json().candidates[0];
    const mixed = allCompetent(units);
    mixed.results[2]!.result = 'not-yet-competent';
    expect((await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, mixed)).statusCode).toBe(200);
    const failed = await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {});
    expect(failed.json()).toMatchObject({ overall: 'not-yet-competent', credentialCode: null });
    expect((await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {})).statusCode).toBe(409);
    expect(await eligibleOf(p!)).toMatchObject({ standing: 'not-yet-competent' });

    const second = await newEvent();
    const retry = (await call(officer, 'POST', `/api/assessments/${second.id}/candidates`, { personIds: [p] })).json().candidates[0];
    expect(retry).toMatchObject({ basis: 'reassessment', units: [units[2]] });
    await call(assessor, 'PUT', `/api/assessments/candidates/${retry.id}/results`, allCompetent([units[2]!]));
    const passed = await call(assessor, 'POST', `/api/assessments/candidates/${retry.id}/decide`, {});
    expect(passed.statusCode, passed.body).toBe(200);
    const code = passed.json().credentialCode as string;
    expect(passed.json().event.candidates.find((x: { id: number }) => x.id === retry.id).credentialCode).toBe(code);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await eligibleOf(p!)).toMatchObject({ standing: 'qualified' });

    const pdf = await call(officer, 'GET', `/api/credentials/${code}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const page = await anonymous('GET', `/api/verify/${code}`);
    expect(page.json()).toMatchObject({
      kind: 'qualification',
      status: 'valid',
      level: expect.any(Number),
      checks: { signature: 'valid', status: 'active', validity: 'current', issuerName: expect.stringContaining('สถาบันคุณวุฒิวิชาชีพ') },
    });
    const held = await call(officer, 'GET', `/api/credentials/${code}/credential.json`);
    expect(held.statusCode).toBe(200);
    const vc = held.json();
    expect(vc.type).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(JSON.stringify(vc)).not.toMatch(/\d{13}/); // no national ID in what the holder shows around
    // What Open Badges validators load: 1EdTech's JSON Schema (test/fixtures/open-badges), proof an array.
    expect(openBadgeSchemaProblems(vc)).toEqual([]);
    expect(vc.proof).toHaveLength(1);

    // An independent verifier (its own canonicalisation and Ed25519) reads the same signature.
    const resolve = async (url: string) => (await anonymous('GET', new URL(url).pathname)).json();
    expect((await verifyIndependently(vc, resolve)).signature).toBe('valid');
    const tampered = JSON.parse(JSON.stringify(vc).replace(vc.credentialSubject.achievement.name, `${vc.credentialSubject.achievement.name}X`));
    expect((await verifyIndependently(tampered, resolve)).signature).toBe('invalid');
    const checked = await anonymous('POST', '/api/verify', vc);
    expect(checked.json()).toMatchObject({ verified: true, signature: 'valid', status: 'active', code });
    const checkedTampered = await anonymous('POST', '/api/verify', tampered);
    expect(checkedTampered.json()).toMatchObject({ verified: false, signature: 'invalid', code: null, holderNameMasked: null, achievementName: null });

    // Revoked: the page, the holder's own copy and the independent status read all say so.
    const revoked = await call(officer, 'POST', `/api/credentials/${code}/revoke`, { reason: 'ออกผิดคน' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await anonymous('GET', `/api/verify/${code}`)).json()).toMatchObject({ status: 'revoked', checks: { signature: 'valid', status: 'revoked' } });
    expect((await anonymous('POST', '/api/verify', vc)).json()).toMatchObject({ verified: false, signature: 'valid', status: 'revoked' });
    expect((await verifyIndependently(vc, resolve)).status).toBe('revoked');
    // The eligible list and its chart say "revoked", not "not assessed".
    expect(await eligibleOf(p!)).toMatchObject({ standing: 'revoked', qualificationCode: null });
    const summary = (await call(officer, 'GET', `/api/competency/standards/${STANDARD}/eligible/summary`)).json() as {
      provinceCode: string;
      revoked: number;
    }[];
    expect(summary.find((r) => r.provinceCode === '40')?.revoked).toBeGreaterThanOrEqual(1);

    // A revoked qualification is never re-issued on old results: referred again, every unit is assessed.
    const third = await newEvent();
    const again = (await call(officer, 'POST', `/api/assessments/${third.id}/candidates`, { personIds: [p] })).json().candidates[0];
    expect(again.units).toEqual(units);
    expect(await eligibleOf(p!)).toMatchObject({ standing: 'referred' });
    expect((await call(assessor, 'POST', `/api/assessments/candidates/${again.id}/decide`, {})).statusCode).toBe(422);
  });

  it('migration 0009 writes stored proofs as arrays without signing again, and both forms keep verifying', async () => {
    const [p] = await graduates(1);
    const event = await newEvent();
    const candidate = (await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [p] })).json().candidates[0];
    await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, allCompetent(candidate.units));
    const code = (await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {})).json().credentialCode as string;
    const issued = (await call(officer, 'GET', `/api/credentials/${code}/credential.json`)).json();

    // As stored before 0009: the proof one object, in the credential and in its status list.
    const db = t.database.db;
    await sql`update credential set document = jsonb_set(document, '{proof}', document->'proof'->0) where code = ${code}`.execute(db);
    await sql`update status_list set document = jsonb_set(document, '{proof}', document->'proof'->0) where url = ${issued.credentialStatus.statusListCredential}`.execute(
      db,
    );
    const before = (await call(officer, 'GET', `/api/credentials/${code}/credential.json`)).json();
    expect(Array.isArray(before.proof)).toBe(false);
    expect(openBadgeSchemaProblems(before)).toContain('/proof: must be array');
    expect((await anonymous('POST', '/api/verify', before)).json()).toMatchObject({ verified: true, signature: 'valid', status: 'active' });

    const migration = readMigrations().find((m) => m.version === 9)!;
    await t.database.inScriptTransaction((session) => session.exec(migration.sql));
    const after = (await call(officer, 'GET', `/api/credentials/${code}/credential.json`)).json();
    expect(after).toEqual(issued);
    expect(openBadgeSchemaProblems(after)).toEqual([]);
    expect((await anonymous('GET', `/api/verify/${code}`)).json()).toMatchObject({ status: 'valid', checks: { signature: 'valid', status: 'active' } });
    const resolve = async (url: string) => (await anonymous('GET', new URL(url).pathname)).json();
    expect(await verifyIndependently(after, resolve)).toMatchObject({ signature: 'valid', status: 'active' });
    // The holder's copy from before the migration still verifies too.
    expect((await anonymous('POST', '/api/verify', before)).json()).toMatchObject({ verified: true, signature: 'valid', status: 'active' });
  });

  it('reports an expired credential as expired, and an unknown code or a foreign issuer reveals nothing', async () => {
    const [p] = await graduates(1);
    const { code } = await t.database.db.transaction().execute((trx) =>
      t.services.credentials.issue(
        trx,
        { requestId: 'test', actor: null as never },
        {
          kind: 'training-completion',
          personId: p!,
          holderNameTh: 'นางทดสอบ หมดอายุ',
          holderNameEn: null,
          titleTh: 'หลักสูตรทดสอบ',
          titleEn: 'Test course',
          issuerUnitCode: KK_OFFICE,
          provinceCode: '40',
          issuedOn: dayFromToday(-400),
          expiresOn: dayFromToday(-35),
          details: { courseCode: 'SOCIAL-COMMERCE', sessionCode: 'T', hours: 12, startedOn: dayFromToday(-401), endedOn: dayFromToday(-400) },
          achievement: {
            id: 'https://archeep.example/curricula/SOCIAL-COMMERCE',
            descriptionTh: 'ทดสอบ',
            descriptionEn: 'Test',
            criteriaTh: 'ทดสอบ',
            criteriaEn: 'Test',
          },
          sourceType: 'test',
          sourceId: `expired-${p}`,
        },
      ),
    );
    expect((await anonymous('GET', `/api/verify/${code}`)).json()).toMatchObject({ status: 'expired', checks: { signature: 'valid', validity: 'expired' } });
    const doc = (await call(officer, 'GET', `/api/credentials/${code}/credential.json`)).json();
    expect((await anonymous('POST', '/api/verify', doc)).json()).toMatchObject({ verified: false, signature: 'valid', validity: 'expired' });

    const unknown = await anonymous('GET', '/api/verify/ABCD-EFGH-JKMN-PQRS-TVWX');
    const malformed = await anonymous('GET', '/api/verify/not-a-code');
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(malformed.json().detail);
    const foreign = await anonymous('POST', '/api/verify', { ...doc, issuer: { ...doc.issuer, id: 'https://issuer.example/evil' } });
    expect(foreign.json()).toMatchObject({ verified: false, signature: 'invalid', holderNameMasked: null, code: null, issuerName: null, issuerId: null });
    expect((await anonymous('POST', '/api/verify', { hello: 'world' })).json()).toMatchObject({ verified: false, signature: 'invalid' });
  });

  it('rotates an agency’s key: old credentials still verify, new ones use the new key, and only an administrator may', async () => {
    const [p] = await graduates(1);
    const event = await newEvent();
    const candidate = (await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [p] })).json().candidates[0];
    await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, allCompetent(units));
    const before = (await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {})).json().credentialCode as string;
    const oldKey = (await call(officer, 'GET', `/api/credentials/${before}`)).json().signingKeyId as string;

    expect((await call(officer, 'POST', '/api/credentials/issuers/TPQI/keys/rotate')).statusCode).toBe(403);
    const rotated = await call(admin, 'POST', '/api/credentials/issuers/TPQI/keys/rotate');
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json()).toMatchObject({ retiredKeyId: oldKey });
    expect(
      rotated
        .json()
        .keys.map((k: { status: string }) => k.status)
        .sort(),
    ).toEqual(['active', 'retired']);
    // Sealed at rest: the stored text does not hold the secret, and only this app's key opens it.
    const keys = await t.database.db.selectFrom('issuer_key').select(['id', 'secret_sealed']).where('agency_code', '=', 'TPQI').execute();
    for (const k of keys) {
      const secret = openSecret(k.secret_sealed, k.id, Buffer.from(t.config.credentialKeySecret!, 'base64'));
      expect(secret).toMatch(/^z/);
      expect(k.secret_sealed).not.toContain(secret.slice(1));
      expect(() => openSecret(k.secret_sealed, k.id, randomBytes(32))).toThrow();
    }

    expect((await anonymous('GET', `/api/verify/${before}`)).json()).toMatchObject({ status: 'valid', checks: { signature: 'valid', keyId: oldKey } });
    const [q] = await graduates(1);
    const event2 = await newEvent();
    const c2 = (await call(officer, 'POST', `/api/assessments/${event2.id}/candidates`, { personIds: [q] })).json().candidates[0];
    await call(assessor, 'PUT', `/api/assessments/candidates/${c2.id}/results`, allCompetent(units));
    const after = (await call(assessor, 'POST', `/api/assessments/candidates/${c2.id}/decide`, {})).json().credentialCode as string;
    expect((await anonymous('GET', `/api/verify/${after}`)).json()).toMatchObject({ status: 'valid', checks: { keyId: rotated.json().activeKeyId } });
    const controller = (await anonymous('GET', '/api/credentials/issuers/TPQI')).json();
    expect(JSON.stringify(controller)).toContain(oldKey);
  });

  it('keeps verifying, and issuing under the same identifiers, when the server moves to another address', async () => {
    const [p] = await graduates(1);
    const event = await newEvent();
    const candidate = (await call(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [p] })).json().candidates[0];
    await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, allCompetent(units));
    const before = (await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {})).json().credentialCode as string;
    const issuerBefore = (await anonymous('GET', `/api/verify/${before}`)).json().checks.issuerId as string;

    const moved = await buildApp({ database: t.database, config: { ...t.config, publicUrl: 'https://archeep.example.go.th' }, webRoot: null });
    try {
      const there = (url: string, method: 'GET' | 'POST' = 'GET', payload?: unknown, cookie?: string) =>
        moved.inject({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });
      expect((await there(`/api/verify/${before}`)).json()).toMatchObject({
        status: 'valid',
        checks: { signature: 'valid', status: 'active', issuerId: issuerBefore },
      });
      expect((await there('/api/credentials/issuers/TPQI')).json().id).toBe(issuerBefore);
      const held = (await call(officer, 'GET', `/api/credentials/${before}/credential.json`)).json();
      expect((await there('/api/verify', 'POST', held)).json()).toMatchObject({ verified: true, code: before });
      // Revoked through the moved server: its list is signed again under the same issuer, at the same address.
      expect((await there(`/api/credentials/${before}/revoke`, 'POST', { reason: 'ทดสอบย้ายที่อยู่' }, officer.cookie)).statusCode).toBe(200);
      expect((await there('/api/verify', 'POST', held)).json()).toMatchObject({ verified: false, signature: 'valid', status: 'revoked' });
    } finally {
      await moved.close();
    }
  });
});
