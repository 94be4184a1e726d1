import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { employerBody, vacancyBody } from '../helpers/employment';
import { buildPeople, dayFromToday, sessionBody } from '../helpers/training';
import { personBody } from '../helpers/people';
import { byScore, matchScore, seekerMatchFacts, vacancyMatchFacts } from '../../src/server/modules/employment/employment.rules';
import * as repository from '../../src/server/modules/employment/employment.repository';

/*
 * The ranking is computed in SQL over the matching read model; its meaning is `matchScore`'s. On
 * varied job seekers and vacancies, each changed through the modules that own the facts (opt-in,
 * a course evaluated, a qualification awarded, a correction of target groups, a withdrawal), the
 * SQL ranking must equal `matchScore` over the full pool read from the owners' services: the same
 * people, the same scores, the same order.
 */
const STANDARD = 'TPQI-ECW';
type Who = { cookie: string };
type Ranked = { id: number; score: number; codes: string[] };

describe.each(ENGINES)('matching in SQL equals matchScore on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let executive: StaffAccount;
  let assessor: StaffAccount;
  let people: number[] = [];
  const vacancies: number[] = [];
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: who ? { cookie: who.cookie } : {} });
  const ok = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };

  /** `matchScore` over every job seeker of the vacancy's pool, from the owners' services. */
  async function reference(vacancyId: number, provinces: string[] | null, targetGroup?: string): Promise<Ranked[]> {
    const { services } = t;
    const v = (await repository.findVacancy(t.database.db, vacancyId))!;
    const fromHome = v.remote || v.kind === 'home-based';
    const seekers = (await t.database.db.selectFrom('job_seeker').selectAll().where('withdrawn_at', 'is', null).execute()).filter((s) =>
      fromHome ? s.accepts_home_based && (!provinces || provinces.includes(s.province_code)) : s.province_code === v.province_code,
    );
    const ids = seekers.map((s) => s.person_id);
    const standard = v.required_standard_code ? await services.competency.getStandard(v.required_standard_code) : null;
    const units = standard?.units.map((u) => u.code) ?? [];
    const [facts, held, courses, groups] = await Promise.all([
      services.registry.facts(ids),
      standard ? services.credentials.qualificationsFor(ids, standard.code) : new Map(),
      standard ? services.training.completionsOf(units, ids) : new Map(),
      services.org.targetGroups(),
    ]);
    const open = new Map(groups.filter((g) => !g.sensitive).map((g) => [g.code, g]));
    return seekers
      .flatMap((s) => {
        const p = facts.get(s.person_id)!;
        if (p.status !== 'active' || (targetGroup && !p.targetGroups.includes(targetGroup))) return [];
        const c = courses.get(s.person_id);
        const m = matchScore({
          requiredStandard: v.required_standard_code,
          holdsRequired: held.has(s.person_id),
          course: c ? { code: c.courseCode, nameTh: c.courseNameTh, nameEn: c.courseNameEn } : null,
          vacancy: vacancyMatchFacts(v),
          seeker: seekerMatchFacts(s),
          priorityGroups: p.targetGroups.flatMap((g) => (open.has(g) ? [open.get(g)!] : [])),
        });
        return [{ id: s.person_id, score: m.score, codes: m.reasons.map((r) => r.code) }];
      })
      .sort(byScore);
  }

  /** `matchScore` over every vacancy open to the person, from the owners' services. */
  async function referenceFor(personId: number): Promise<Ranked[]> {
    const { services } = t;
    const db = t.database.db;
    const s = (await repository.currentSeeker(db, personId))!;
    const p = (await services.registry.facts([personId])).get(personId)!;
    const today = dayFromToday(0);
    const open = (await db.selectFrom('vacancy').selectAll().where('status', '=', 'published').execute()).filter(
      (v) =>
        v.opens_on <= today &&
        v.closes_on >= today &&
        v.placed_count < v.openings &&
        (v.province_code === s.province_code || (s.accepts_home_based && (v.remote || v.kind === 'home-based'))),
    );
    const groups = new Map((await services.org.targetGroups()).filter((g) => !g.sensitive).map((g) => [g.code, g]));
    const ranked: Ranked[] = [];
    for (const v of open) {
      const standard = v.required_standard_code ? await services.competency.getStandard(v.required_standard_code) : null;
      const c = standard
        ? (
            await services.training.completionsOf(
              standard.units.map((u) => u.code),
              [personId],
            )
          ).get(personId)
        : undefined;
      const m = matchScore({
        requiredStandard: v.required_standard_code,
        holdsRequired: standard ? (await services.credentials.qualificationsFor([personId], standard.code)).has(personId) : false,
        course: c ? { code: c.courseCode, nameTh: c.courseNameTh, nameEn: c.courseNameEn } : null,
        vacancy: vacancyMatchFacts(v),
        seeker: seekerMatchFacts(s),
        priorityGroups: p.targetGroups.flatMap((g) => (groups.has(g) ? [groups.get(g)!] : [])),
      });
      ranked.push({ id: v.id, score: m.score, codes: m.reasons.map((r) => r.code) });
    }
    return ranked.sort(byScore);
  }

  const candidatesOf = async (who: Who, vacancyId: number, query = '') =>
    (
      (await ok(who, 'GET', `/api/employment/vacancies/${vacancyId}/candidates?limit=200${query}`)) as {
        personId: number;
        score: number;
        reasons: { code: string }[];
      }[]
    ).map((c) => ({ id: c.personId, score: c.score, codes: c.reasons.map((r) => r.code) }));
  const vacanciesOf = async (personId: number) =>
    ((await ok(executive, 'GET', `/api/people/${personId}/vacancies`)) as { vacancy: { id: number }; score: number; reasons: { code: string }[] }[]).map(
      (m) => ({
        id: m.vacancy.id,
        score: m.score,
        codes: m.reasons.map((r) => r.code),
      }),
    );

  async function expectSame() {
    for (const id of vacancies) {
      expect(await candidatesOf(officer, id), `vacancy ${id}, officer of Khon Kaen`).toEqual(await reference(id, ['40']));
      expect(await candidatesOf(executive, id), `vacancy ${id}, executive`).toEqual(await reference(id, null));
    }
    expect(await candidatesOf(officer, vacancies[0]!, '&targetGroup=older-person')).toEqual(await reference(vacancies[0]!, ['40'], 'older-person'));
    // A sensitive group is not in the read model; the registry answers, and the ranking is the same.
    expect(await candidatesOf(officer, vacancies[0]!, '&targetGroup=disability')).toEqual(await reference(vacancies[0]!, ['40'], 'disability'));
    for (const personId of people.slice(0, 8)) {
      if (!(await repository.currentSeeker(t.database.db, personId))) continue;
      const expected = (await referenceFor(personId)).slice(0, 20);
      expect(await vacanciesOf(personId), `person ${personId}`).toEqual(expected);
    }
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }] });
    const groups = [['single-parent'], ['older-person', 'poor'], [], ['disability'], ['disability', 'older-person'], ['new-graduate']];
    const places = ['400101', '400201', '400101', '400301', '830101'];
    let serial = 700_000 + Math.floor(Math.random() * 10_000) * 40;
    for (let i = 0; i < 20; i++) {
      const [p] = await buildPeople(t.database.db, 1, {
        firstSerial: serial++,
        targetGroups: groups[i % groups.length],
        subdistrictCode: places[i % places.length],
      });
      people.push(p!.id);
    }
    const wanted = [['5244'], ['52'], ['5'], ['9321', '524'], ['7318'], []];
    // Phuket's people opt in through Phuket's office.
    const phuket = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-83' }] });
    for (const [i, personId] of people.entries()) {
      const inPhuket = places[i % places.length]!.startsWith('83');
      await ok(inPhuket ? phuket : officer, 'PUT', `/api/people/${personId}/job-seeker`, {
        desiredOccupations: wanted[i % wanted.length],
        acceptsHomeBased: i % 3 !== 1,
        minWageSatang: [null, 900_000, 1_500_000, 30_000][i % 4],
        // Some look for work in another district of the province, or anywhere in it.
        ...(inPhuket ? {} : i % 7 === 3 ? { districtCode: '4002' } : i % 7 === 5 ? { districtCode: null } : {}),
      });
    }

    const employer = await call(null, 'POST', '/api/employment/employers/apply', employerBody(serial, { homeWorkRegistrationNo: 'HW-40-0001' }));
    expect(employer.statusCode, employer.body).toBe(201);
    await ok(officer, 'POST', `/api/employment/employers/${employer.json().id}/verify`, { decision: 'verified' });
    const employerId = employer.json().id as number;
    for (const overrides of [
      {},
      { requiredStandardCode: null, occupationCode: '9321', wageUnit: 'day', wageSatang: 40_000 },
      { subdistrictCode: '400201', occupationCode: '5249', wageSatang: 1_000_000 },
      { remote: true, subdistrictCode: null, occupationCode: '5244' },
      {
        kind: 'home-based',
        requiredStandardCode: null,
        occupationCode: '7318',
        wageUnit: 'piece',
        wageSatang: 1500,
        quantity: 500,
        deliveryOn: dayFromToday(30),
        materialsSupplied: true,
      },
    ]) {
      vacancies.push((await ok(officer, 'POST', '/api/employment/vacancies', vacancyBody({ employerId, ...overrides }))).id);
    }
  });
  afterAll(() => t?.dispose());

  it('ranks as matchScore does once people opt in', async () => {
    const ranked = await candidatesOf(officer, vacancies[0]!);
    expect(ranked.length).toBeGreaterThan(5);
    expect(new Set(ranked.map((r) => r.score)).size).toBeGreaterThan(2);
    await expectSame();
  });

  it('follows a course evaluated, a qualification awarded, a corrected record and a withdrawal, ranking as matchScore still', async () => {
    const db = t.database.db;
    // training: a running session whose people attended in full; the evaluation completes them.
    const session = await ok(officer, 'POST', '/api/training/sessions', sessionBody({ capacityMin: 1 }));
    const trained = people.filter((_, i) => i % 4 === 0 && i % 5 !== 4);
    for (const personId of trained)
      await sql`insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, post_test_score)
                values (${session.id}, ${personId}, 'enrolled', 'officer', now(), 720, 100)`.execute(db);
    await sql`update training_session set status = 'running' where id = ${session.id}`.execute(db);
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/evaluate`);
    expect(
      (await db.selectFrom('seeker_match').select('course_units').where('person_id', '=', trained[0]!).executeTakeFirstOrThrow()).course_units.length,
    ).toBeGreaterThan(0);

    // competency → credentials: two of them pass the assessment and hold the qualification.
    const units = ((await ok(officer, 'GET', `/api/competency/standards/${STANDARD}`)).units as { code: string }[]).map((u) => u.code);
    const event = await ok(officer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: 'TPQI-AC-NE',
      provinceCode: '40',
      assessedOn: dayFromToday(0),
      online: true,
      capacity: 5,
      assessorUserIds: [assessor.id],
    });
    const referred = await ok(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: trained.slice(0, 2) });
    for (const c of referred.candidates as { id: number }[]) {
      await ok(assessor, 'PUT', `/api/assessments/candidates/${c.id}/results`, {
        results: units.map((unitCode) => ({ unitCode, result: 'competent', evidenceNote: 'ตั้งร้านค้าและตอบคำถามได้ครบ' })),
      });
      await ok(assessor, 'POST', `/api/assessments/candidates/${c.id}/decide`, {});
    }
    expect((await db.selectFrom('seeker_match').select('standards').where('person_id', '=', trained[0]!).executeTakeFirstOrThrow()).standards).toEqual([
      STANDARD,
    ]);

    // registry: a person registered through the API opts in, then a correction makes her an older person.
    const body = personBody({ targetGroups: [] });
    const registered = await ok(officer, 'POST', '/api/people', body);
    await ok(officer, 'PUT', `/api/people/${registered.id}/job-seeker`, { desiredOccupations: ['5244'] });
    await ok(officer, 'PUT', `/api/people/${registered.id}`, { ...body, targetGroups: ['older-person'], version: registered.version });
    expect(
      (await db.selectFrom('seeker_match').select('priority_groups').where('person_id', '=', registered.id).executeTakeFirstOrThrow()).priority_groups,
    ).toEqual(['older-person']);
    people = [registered.id, ...people];

    // A withdrawal leaves the read model; nothing sensitive was ever in it.
    await ok(officer, 'POST', `/api/people/${people[3]}/job-seeker/withdraw`);
    expect(await db.selectFrom('seeker_match').select('person_id').where('person_id', '=', people[3]!).execute()).toEqual([]);
    const kept = await db.selectFrom('seeker_match').select('priority_groups').execute();
    expect(kept.some((r) => r.priority_groups.includes('disability'))).toBe(false);

    const ranked = await candidatesOf(officer, vacancies[0]!);
    expect(ranked[0]!.codes).toEqual(expect.arrayContaining(['holds-credential', 'course-completed']));
    await expectSame();
  });

  it('gives job seekers the read model lacks (a database migrated to it) their rows at start-up, ranking as before', async () => {
    const db = t.database.db;
    const facts = () =>
      db
        .selectFrom('seeker_match')
        .selectAll()
        .orderBy('person_id')
        .execute()
        .then((rows) => rows.map(({ refreshed_at: _, ...row }) => row));
    const before = await facts();
    const lost = before.filter((_, i) => i % 2 === 0).map((r) => r.person_id);
    await db.deleteFrom('seeker_match').where('person_id', 'in', lost).execute();
    expect(await t.services.employment.fillMissingMatching()).toBe(lost.length);
    expect(await facts()).toEqual(before);
    expect(await t.services.employment.fillMissingMatching()).toBe(0);
    await expectSame();
  });

  it('keeps one row per person, in their province’s partition, however many refreshes of one person run at once', async () => {
    const db = t.database.db;
    const person = people[0]!;
    // Three whole rebuilds (each a transaction per batch, on PostgreSQL each on its own connection) beside
    // eight profile updates of one person, some moving where she looks.
    const [answers] = await Promise.all([
      Promise.all(
        ['4001', '4001', '4002', '4001', '4002', '4001', '4002', '4001'].map((districtCode, i) =>
          call(officer, 'PUT', `/api/people/${person}/job-seeker`, { desiredOccupations: ['5244'], districtCode, minWageSatang: 900_000 + i }),
        ),
      ),
      ...[1, 2, 3].map(() => t.services.employment.rebuildMatching()),
    ]);
    for (const r of answers) expect(r.statusCode, r.body).toBe(200);
    const twice = await sql<{ person_id: string }>`select person_id from seeker_match group by person_id having count(*) > 1`.execute(db);
    expect(twice.rows).toEqual([]);
    const rows = await sql<{ partition: string }>`select tableoid::regclass::text as partition from seeker_match where person_id = ${person}`.execute(db);
    expect(rows.rows.map((r) => r.partition)).toEqual(['seeker_match_p40']);
    await expectSame();
  });
});
