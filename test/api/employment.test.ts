import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { employerBody, taxId, vacancyBody } from '../helpers/employment';
import { personBody } from '../helpers/people';
import { completeCourse, dayFromToday, sessionBody } from '../helpers/training';
import { fiscalYearOfDate } from '../../src/shared/fiscal-year';
import * as repository from '../../src/server/modules/employment/employment.repository';

const STANDARD = 'TPQI-ECW';
type Who = { cookie: string };

describe.each(ENGINES)('employment on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuket: StaffAccount;
  let executive: StaffAccount;
  let assessor: StaffAccount;
  let citizenOf: (personId: number) => Promise<Who>;
  let employer: Who;
  let employerId: number;
  let otherEmployer: Who;
  let qualified: number;
  let unqualified: number;
  let vacancyId: number;
  let serial = 500_000 + Math.floor(Math.random() * 100_000) * 10;
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: who ? { cookie: who.cookie } : {} });

  const register = async (overrides: Record<string, unknown> = {}) => {
    const r = await call(officer, 'POST', '/api/people', personBody(overrides));
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const optIn = async (personId: number, body: Record<string, unknown> = {}) => {
    const r = await call(officer, 'PUT', `/api/people/${personId}/job-seeker`, { desiredOccupations: ['5244'], ...body });
    expect(r.statusCode, r.body).toBe(200);
  };
  const applyAndVerify = async (overrides: Record<string, unknown> = {}) => {
    serial++;
    const applied = await call(null, 'POST', '/api/employment/employers/apply', employerBody(serial, overrides));
    expect(applied.statusCode, applied.body).toBe(201);
    const verified = await call(officer, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' });
    expect(verified.statusCode, verified.body).toBe(200);
    const body = employerBody(serial, overrides);
    return { id: applied.json().id as number, who: { cookie: await t.signIn(body.username as string, body.password as string) } };
  };
  const postVacancy = async (who: Who, overrides: Record<string, unknown> = {}) => {
    const r = await call(who, 'POST', '/api/employment/vacancies', vacancyBody(overrides));
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const refer = async (vacancy: number, personId: number, sharedFields = ['name', 'age']) => {
    const r = await call(officer, 'POST', '/api/employment/referrals', {
      vacancyId: vacancy,
      personId,
      sharedFields,
      consentEvidence: 'แบบยินยอมลงนาม 3 ธ.ค. 2569',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    phuket = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-83' }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }] });
    // She completed Social Commerce For Business and holds the e-commerce qualification (competency's own API).
    const session = await call(officer, 'POST', '/api/training/sessions', sessionBody({ capacityMin: 1 }));
    expect(session.statusCode, session.body).toBe(201);
    qualified = await register({ firstNameTh: 'มะลิ', monthlyIncomeSatang: 450_000 });
    unqualified = await register({ firstNameTh: 'บัวขาว', subdistrictCode: '400201' });
    await completeCourse(t.database.db, session.json().id, [qualified]);
    const units = ((await call(officer, 'GET', `/api/competency/standards/${STANDARD}`)).json().units as { code: string }[]).map((u) => u.code);
    const event = await call(officer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: 'TPQI-AC-NE',
      provinceCode: '40',
      assessedOn: dayFromToday(0),
      online: true,
      capacity: 5,
      assessorUserIds: [assessor.id],
    });
    expect(event.statusCode, event.body).toBe(201);
    const referred = await call(officer, 'POST', `/api/assessments/${event.json().id}/candidates`, { personIds: [qualified] });
    expect(referred.statusCode, referred.body).toBeLessThan(300);
    const candidate = (referred.json().candidates as { id: number; personId: number }[]).find((c) => c.personId === qualified)!;
    await call(assessor, 'PUT', `/api/assessments/candidates/${candidate.id}/results`, {
      results: units.map((unitCode) => ({ unitCode, result: 'competent', evidenceNote: 'ตั้งร้านค้าและตอบคำถามได้ครบ' })),
    });
    expect((await call(assessor, 'POST', `/api/assessments/candidates/${candidate.id}/decide`, {})).statusCode).toBe(200);
    await optIn(qualified);
    await optIn(unqualified);

    const first = await applyAndVerify();
    employer = first.who;
    employerId = first.id;
    otherEmployer = (await applyAndVerify()).who;
    const citizenName = `citizen${serial}`;
    const account = await call(officer, 'POST', `/api/people/${qualified}/citizen-account`, { username: citizenName });
    expect(account.statusCode, account.body).toBeLessThan(300);
    let citizen: Who | null = null;
    citizenOf = async () => {
      if (citizen) return citizen;
      const cookie = await t.signIn(citizenName, account.json().oneTimePassword);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: account.json().oneTimePassword, newPassword: 'a citizen own passphrase 2569' },
      });
      expect(changed.statusCode, changed.body).toBeLessThan(300);
      citizen = { cookie: await t.signIn(citizenName, 'a citizen own passphrase 2569') };
      return citizen;
    };
  });
  afterAll(() => t?.dispose());

  it('registers an employer only with a checked 13-digit number, and publishes its vacancies only once an office in its province verifies it', async () => {
    const bad = await call(
      null,
      'POST',
      '/api/employment/employers/apply',
      employerBody(++serial, { taxId: taxId(serial).slice(0, 12) + ((Number(taxId(serial)[12]) + 1) % 10) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.taxId', code: 'checksum', messageTh: expect.stringContaining('เลขตรวจสอบ') });
    const body = employerBody(++serial);
    const applied = await call(null, 'POST', '/api/employment/employers/apply', body);
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().status).toBe('pending');
    expect((await call(null, 'POST', '/api/employment/employers/apply', { ...body, username: `x${body.username}` })).statusCode).toBe(409);
    const pending = { cookie: await t.signIn(body.username, body.password) };
    const early = await call(pending, 'POST', '/api/employment/vacancies', vacancyBody());
    expect(early.statusCode).toBe(422);
    expect(early.json().detailTh).toContain('ยังไม่ได้รับการตรวจสอบ');
    const draft = await call(pending, 'POST', '/api/employment/vacancies', vacancyBody({ publish: false }));
    expect(draft.statusCode, draft.body).toBe(201);
    // Its code carries the Buddhist Era year a Thai reader expects, as other codes do (issue 14 §4).
    const bangkokYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(new Date()));
    expect(draft.json().code).toMatch(new RegExp(`^VAC-${bangkokYear + 543}-\\d{6}$`));
    expect((await call(phuket, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' })).statusCode).toBe(403);
    expect((await call(pending, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' })).statusCode).toBe(403);
    expect((await call(officer, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' })).statusCode).toBe(200);
    const published = await call(pending, 'POST', `/api/employment/vacancies/${draft.json().id}/status`, { status: 'published' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    // Home-based work orders need the Home Workers Act registration.
    const home = await call(
      pending,
      'POST',
      '/api/employment/vacancies',
      vacancyBody({ kind: 'home-based', wageUnit: 'piece', wageSatang: 1500, quantity: 500, deliveryOn: dayFromToday(30), materialsSupplied: true }),
    );
    expect(home.statusCode).toBe(422);
    expect(home.json().detail).toContain('Home Workers');
  });

  it('ranks the qualified job seeker first with readable reasons, for officers only; an employer sees only its own vacancies', async () => {
    vacancyId = await postVacancy(employer);
    const ranked = await call(officer, 'GET', `/api/employment/vacancies/${vacancyId}/candidates`);
    expect(ranked.statusCode, ranked.body).toBe(200);
    const list = ranked.json() as { personId: number; score: number; reasons: { en: string; th: string; code: string }[]; docNumberMasked: string }[];
    const first = list[0]!;
    expect(first.personId).toBe(qualified);
    expect(first.reasons.map((r) => r.en)).toEqual(expect.arrayContaining(['holds TPQI-ECW', 'same district']));
    expect(first.reasons.find((r) => r.code === 'holds-credential')!.th).toBe('มีคุณวุฒิ TPQI-ECW');
    const second = list.find((c) => c.personId === unqualified)!;
    expect(second.score).toBeLessThan(first.score);
    expect(second.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['lacks-credential', 'same-province']));
    expect(first.docNumberMasked).not.toMatch(/\d{13}/);
    // Filtered by target group: only single parents (both are, by the factory); by another group, nobody.
    expect((await call(officer, 'GET', `/api/employment/vacancies/${vacancyId}/candidates?targetGroup=older-person`)).json()).toEqual([]);
    expect((await call(employer, 'GET', `/api/employment/vacancies/${vacancyId}/candidates`)).statusCode).toBe(403);
    expect((await call(otherEmployer, 'GET', `/api/employment/vacancies/${vacancyId}`)).statusCode).toBe(404);
    expect((await call(phuket, 'GET', `/api/employment/vacancies/${vacancyId}/candidates`)).statusCode).toBe(404);
    const mine = (await call(otherEmployer, 'GET', '/api/employment/vacancies')).json();
    expect(mine.items.some((v: { id: number }) => v.id === vacancyId)).toBe(false);
    // The person's side: the vacancy ranks for her, with the same reason.
    const forHer = (await call(officer, 'GET', `/api/people/${qualified}/vacancies`)).json() as { vacancy: { id: number }; reasons: { en: string }[] }[];
    expect(forHer.find((m) => m.vacancy.id === vacancyId)!.reasons.map((r) => r.en)).toContain('holds TPQI-ECW');
    // The public board lists it without personal data; drafts never.
    const board = await call(null, 'GET', '/api/employment/board?province=40&limit=200');
    expect(board.statusCode).toBe(200);
    expect(board.json().items.some((v: { id: number }) => v.id === vacancyId)).toBe(true);
    expect(board.json().items.every((v: { status: string }) => v.status === 'published')).toBe(true);
  });

  it('shows an employer only what the person consented to share, never an identity number', async () => {
    const referral = await refer(vacancyId, qualified, ['name', 'qualifications']);
    expect(
      (await call(officer, 'POST', '/api/employment/referrals', { vacancyId, personId: qualified, sharedFields: ['name'], consentEvidence: 'again' }))
        .statusCode,
    ).toBe(409);
    const seen = await call(employer, 'GET', `/api/employment/vacancies/${vacancyId}/referrals`);
    expect(seen.statusCode, seen.body).toBe(200);
    const r = seen.json().find((x: { id: number }) => x.id === referral);
    expect(r.personId).toBeNull();
    expect(r.candidate).toMatchObject({
      nameTh: expect.stringContaining('มะลิ'),
      qualifications: [STANDARD],
      phone: null,
      age: null,
      districtNameTh: null,
      courses: null,
    });
    expect(seen.body).not.toMatch(/\d{13}/);
    expect(seen.body).not.toContain('0812345678');
    expect((await call(otherEmployer, 'GET', `/api/employment/vacancies/${vacancyId}/referrals`)).statusCode).toBe(404);
    const officerView = (await call(officer, 'GET', `/api/employment/vacancies/${vacancyId}/referrals`)).json()[0];
    expect(officerView.personId).toBe(qualified);
    expect(officerView.candidate.phone).toBe('0812345678');
    const timeline = await call(officer, 'GET', `/api/people/${qualified}/timeline`);
    expect(timeline.body).toContain('consent-given');
  });

  it('never places more people than openings, however many hires arrive at once', async () => {
    const vacancy = await postVacancy(employer, { requiredStandardCode: null, openings: 2, titleTh: 'พนักงานแพ็กสินค้า' });
    const people = [await register(), await register(), await register(), await register()];
    for (const p of people) await optIn(p);
    const referrals = [];
    for (const p of people) referrals.push(await refer(vacancy, p));
    const answers = await Promise.all(
      referrals.map((id) => call(employer, 'POST', `/api/employment/referrals/${id}/answer`, { status: 'hired', startedOn: dayFromToday(0) })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 409, 409]);
    const v = (await call(employer, 'GET', `/api/employment/vacancies/${vacancy}`)).json();
    expect(v).toMatchObject({ placedCount: 2, status: 'filled' });
    const placed = await t.database.db.selectFrom('placement').select('id').where('vacancy_id', '=', vacancy).execute();
    expect(placed).toHaveLength(2);
  });

  it('schedules follow-ups once per interval, records income, and counts a person once per fiscal year per centre', async () => {
    // Started 100 days ago: the fiscal year of that day (which may be last year's) is the one counted.
    const fy = fiscalYearOfDate(dayFromToday(-100));
    expect(fiscalYearOfDate(dayFromToday(-90))).toBe(fy);
    const before = (await call(null, 'GET', `/api/employment/indicator?fiscalYear=${fy}`)).json().placed;
    const referral = (await call(officer, 'GET', `/api/employment/vacancies/${vacancyId}/referrals`)).json()[0].id;
    expect((await call(employer, 'POST', `/api/employment/referrals/${referral}/answer`, { status: 'rejected' })).statusCode).toBe(400);
    const hired = await call(employer, 'POST', `/api/employment/referrals/${referral}/answer`, { status: 'hired', startedOn: dayFromToday(-100) });
    expect(hired.statusCode, hired.body).toBe(200);
    expect((await call(employer, 'POST', `/api/employment/referrals/${referral}/answer`, { status: 'rejected', reason: 'x' })).statusCode).toBe(409);
    const placementId = hired.json().placementId as number;
    const scheduled = await t.database.db
      .selectFrom('follow_up')
      .select(['months', 'due_on'])
      .where('placement_id', '=', placementId)
      .orderBy('months')
      .execute();
    expect(scheduled.map((f) => f.months)).toEqual([3, 6, 12]);
    // Scheduling again adds nothing.
    await t.database.db.transaction().execute((trx) =>
      repository.scheduleFollowUps(
        trx,
        scheduled.map((f) => ({ placement_id: placementId, months: f.months, due_on: f.due_on, province_code: '40' })),
      ),
    );
    expect(await t.database.db.selectFrom('follow_up').select('id').where('placement_id', '=', placementId).execute()).toHaveLength(3);

    const queue = (await call(officer, 'GET', '/api/employment/follow-ups?overdue=true&limit=200')).json() as {
      id: number;
      placementId: number;
      months: number;
      overdue: boolean;
    }[];
    const three = queue.find((f) => f.placementId === placementId && f.months === 3)!;
    expect(three.overdue).toBe(true);
    expect((await call(phuket, 'GET', '/api/employment/follow-ups?limit=200')).json().some((f: { placementId: number }) => f.placementId === placementId)).toBe(
      false,
    );
    expect((await call(phuket, 'POST', `/api/employment/follow-ups/${three.id}`, { stillWorking: true, incomeSatang: 1 })).statusCode).toBe(404);
    expect((await call(officer, 'POST', `/api/employment/follow-ups/${three.id}`, { stillWorking: true })).statusCode).toBe(400);
    // She records it herself from her phone.
    const recorded = await call(await citizenOf(qualified), 'POST', `/api/employment/follow-ups/${three.id}`, { stillWorking: true, incomeSatang: 1_250_000 });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ done: true, incomeBeforeSatang: 450_000, incomeChangeSatang: 800_000 });
    expect((await call(officer, 'POST', `/api/employment/follow-ups/${three.id}`, { stillWorking: true, incomeSatang: 1 })).statusCode).toBe(409);

    // A second placement in the same fiscal year by the same centre does not count again.
    const second = await postVacancy(otherEmployer, { requiredStandardCode: null });
    const again = await refer(second, qualified);
    expect((await call(otherEmployer, 'POST', `/api/employment/referrals/${again}/answer`, { status: 'hired', startedOn: dayFromToday(-90) })).statusCode).toBe(
      200,
    );
    const after = (await call(null, 'GET', `/api/employment/indicator?fiscalYear=${fy}`)).json();
    expect(after.placed).toBe(before + 1);
    expect(after.target).toBe(15_000);
    const summary = (await call(officer, 'GET', `/api/employment/summary?fiscalYear=${fy}`)).json();
    expect(summary.income.averageChangeSatang).toBe(800_000);
    expect(summary.byCentre.find((c: { unitCode: string }) => c.unitCode === 'DSD-PSDO-40').placed).toBeGreaterThanOrEqual(1);
    expect((await call(phuket, 'GET', `/api/employment/summary?fiscalYear=${fy}`)).json().placed).toBe(0);
    // Her card and timeline show it.
    const card = (await call(officer, 'GET', `/api/people/${qualified}/employment`)).json();
    expect(card.placements.length).toBe(2);
    expect((await call(officer, 'GET', `/api/people/${qualified}/timeline`)).body).toContain('placed');
    const own = await call(await citizenOf(qualified), 'GET', '/api/me/employment');
    expect(own.statusCode).toBe(200);
    expect(own.json().placements.length).toBe(2);
  });

  it('follows up people not placed after a course: once per interval, closed when placed or when the completion is withdrawn', async () => {
    // A course that ended about 200 days ago: the 3- and 6-month follow-ups are overdue, the 12-month one is not.
    const [first, last] = [dayFromToday(-201), dayFromToday(-200)];
    const created = await call(
      officer,
      'POST',
      '/api/training/sessions',
      sessionBody({
        capacityMin: 1,
        applicationsCloseOn: first,
        days: [
          { day: first, hours: 6, topicTh: 'วางแผนธุรกิจ' },
          { day: last, hours: 6, topicTh: 'ถ่ายภาพและไลฟ์ขาย' },
        ],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json().id as number;
    const [worker, hired, dropped] = [await register({ monthlyIncomeSatang: 300_000 }), await register({ monthlyIncomeSatang: 200_000 }), await register()];
    expect((await call(officer, 'POST', `/api/training/sessions/${session}/status`, { status: 'open' })).statusCode).toBe(200);
    for (const personId of [worker, hired, dropped])
      expect((await call(officer, 'POST', `/api/training/sessions/${session}/applications`, { personId })).statusCode).toBe(201);
    expect((await call(officer, 'POST', `/api/training/sessions/${session}/status`, { status: 'running' })).statusCode).toBe(200);
    const roster = (await call(officer, 'GET', `/api/training/sessions/${session}/roster`)).json().items as { id: number; personId: number }[];
    const attend = (day: string, present: (personId: number) => boolean) =>
      call(officer, 'PUT', `/api/training/sessions/${session}/attendance/${day}`, {
        entries: roster.map((r) => ({ enrolmentId: r.id, present: present(r.personId) })),
      });
    expect((await attend(first, () => true)).statusCode).toBe(200);
    expect((await attend(last, () => true)).statusCode).toBe(200);
    const evaluate = () => call(officer, 'POST', `/api/training/sessions/${session}/evaluate`);
    expect((await evaluate()).json()).toEqual({ completed: 3, notCompleted: 0 });
    // Evaluating again schedules nothing more.
    expect((await evaluate()).statusCode).toBe(200);
    type Item = {
      id: number;
      kind: string;
      personId: number;
      months: number;
      overdue: boolean;
      sessionId: number | null;
      done: boolean;
      closedReason: string | null;
    };
    const queue = async (who: Who = officer) =>
      ((await call(who, 'GET', '/api/employment/follow-ups?limit=200')).json() as Item[]).filter((f) => f.sessionId === session);
    const open = await queue();
    expect(open.filter((f) => f.personId === worker).map((f) => [f.kind, f.months, f.overdue])).toEqual([
      ['course', 3, true],
      ['course', 6, true],
      ['course', 12, false],
    ]);
    expect(open).toHaveLength(9);
    expect(await queue(phuket)).toHaveLength(0);

    // She works now: recorded from the office, on her timeline, in the summary of the fiscal year it was due.
    const three = open.find((f) => f.personId === worker && f.months === 3)!;
    const recorded = await call(officer, 'POST', `/api/employment/follow-ups/${three.id}`, { stillWorking: true, incomeSatang: 420_000 });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ kind: 'course', done: true, incomeBeforeSatang: 300_000, incomeChangeSatang: 120_000 });
    expect((await call(officer, 'GET', `/api/people/${worker}/timeline`)).body).toContain('after the course');
    const due = (await t.database.db.selectFrom('follow_up').select('due_on').where('id', '=', three.id).executeTakeFirstOrThrow()).due_on;
    const summary = (await call(officer, 'GET', `/api/employment/summary?fiscalYear=${fiscalYearOfDate(due)}`)).json();
    expect(summary.afterCourse).toMatchObject({ followedUp: 1, working: 1, measured: 1, averageChangeSatang: 120_000 });

    // Placed: the placement's follow-ups take over, the course's close.
    const vacancy = await postVacancy(employer, { requiredStandardCode: null });
    await optIn(hired);
    const referral = await refer(vacancy, hired);
    expect((await call(employer, 'POST', `/api/employment/referrals/${referral}/answer`, { status: 'hired', startedOn: dayFromToday(-10) })).statusCode).toBe(
      200,
    );
    const card = (await call(officer, 'GET', `/api/people/${hired}/employment`)).json() as { followUps: Item[] };
    expect(card.followUps.filter((f) => f.kind === 'course').map((f) => f.closedReason)).toEqual(['placed', 'placed', 'placed']);
    expect(card.followUps.filter((f) => f.kind === 'placement')).toHaveLength(3);
    const closed = card.followUps.find((f) => f.kind === 'course')!;
    const refused = await call(officer, 'POST', `/api/employment/follow-ups/${closed.id}`, { stillWorking: true, incomeSatang: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('placed');

    // A corrected register: she was absent on the second day, so she did not complete; her follow-ups close, and open again once restored.
    expect((await attend(last, (personId) => personId !== dropped)).statusCode).toBe(200);
    expect((await evaluate()).json()).toMatchObject({ notCompleted: 1 });
    expect((await queue()).filter((f) => f.personId === dropped)).toHaveLength(0);
    expect((await queue()).filter((f) => f.personId === worker)).toHaveLength(2);
    expect((await attend(last, () => true)).statusCode).toBe(200);
    await evaluate();
    expect((await queue()).filter((f) => f.personId === dropped).map((f) => f.months)).toEqual([3, 6, 12]);
    expect(await t.database.db.selectFrom('follow_up').select('id').where('session_id', '=', session).execute()).toHaveLength(9);
  });

  it('keeps guidance notes per role: sensitive ones for the area’s officers only', async () => {
    const note = await call(officer, 'POST', `/api/people/${unqualified}/guidance`, {
      note: 'มีหนี้นอกระบบ ต้องการรายได้เร็ว',
      plan: [{ step: 'สมัครหลักสูตรอีคอมเมิร์ซ', dueOn: dayFromToday(14) }],
      nextOn: dayFromToday(14),
      sensitive: true,
    });
    expect(note.statusCode, note.body).toBe(201);
    expect((await call(executive, 'GET', `/api/people/${unqualified}/employment`)).json().guidance[0]).toMatchObject({ sensitive: true, note: null, plan: [] });
    expect((await call(officer, 'GET', `/api/people/${unqualified}/employment`)).json().guidance[0].note).toContain('หนี้');
    expect((await call(phuket, 'POST', `/api/people/${unqualified}/guidance`, { note: 'xxx', sensitive: false })).statusCode).toBe(404);
  });

  it('moves placements and referrals to the survivor on merge, and follows the declared erasure', async () => {
    const duplicate = await register();
    await optIn(duplicate);
    const survivor = await register();
    const vacancy = await postVacancy(employer, { requiredStandardCode: null, openings: 3 });
    const referral = await refer(vacancy, duplicate);
    expect((await call(employer, 'POST', `/api/employment/referrals/${referral}/answer`, { status: 'hired', startedOn: dayFromToday(0) })).statusCode).toBe(
      200,
    );
    const merged = await call(officer, 'POST', `/api/people/${survivor}/merge`, { duplicateId: duplicate });
    expect(merged.statusCode, merged.body).toBe(200);
    const card = (await call(officer, 'GET', `/api/people/${survivor}/employment`)).json();
    expect(card.placements).toHaveLength(1);
    expect(card.followUps).toHaveLength(3);
    expect(card.seeker).not.toBeNull();
    const erased = await call(officer, 'POST', `/api/people/${survivor}/erase`, { reason: 'คำขอลบข้อมูลตาม PDPA' });
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    const row = await t.database.db.selectFrom('referral').select(['consent_evidence']).where('id', '=', referral).executeTakeFirstOrThrow();
    expect(row.consent_evidence).toBe('ลบข้อมูลแล้ว');
    expect(await t.database.db.selectFrom('placement').select('id').where('person_id', '=', survivor).execute()).toHaveLength(1);
    expect(await t.database.db.selectFrom('job_seeker').select('id').where('person_id', '=', survivor).execute()).toHaveLength(0);
  });

  it('imports vacancies from CSV with a per-row error report, and exports placements as XLSX', async () => {
    const header = 'เลขทะเบียนนิติบุคคล,รหัสอาชีพ,ชื่อตำแหน่ง,รหัสตำบล,ค่าจ้าง (บาท),หน่วยค่าจ้าง,จำนวนที่รับ,วันเปิดรับ,วันปิดรับ';
    const mine = (await call(employer, 'GET', '/api/employment/employers/mine')).json();
    expect(mine.id).toBe(employerId);
    const csv = [
      header,
      `${mine.taxId},7531,ช่างเย็บผ้า,400101,400,day,5,${dayFromToday(0)},${dayFromToday(30)}`,
      `${taxId(1)},75,x,999999,abc,week,0,2026-02-31,`,
    ].join('\n');
    const send = (dryRun: boolean, who: Who = officer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/employment/vacancies/import?fileName=fair.csv&dryRun=${dryRun}`,
        headers: { cookie: who.cookie, 'content-type': 'text/csv' },
        payload: csv,
      });
    const dry = await send(true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 2, created: 0, dryRun: true });
    const columns = dry
      .json()
      .errors.filter((e: { line: number }) => e.line === 3)
      .map((e: { column: string }) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['employerTaxId', 'occupationCode', 'wageBaht', 'wageUnit', 'openings', 'opensOn', 'closesOn']));
    expect((await send(false)).json().created).toBe(1);
    expect((await send(false, employer)).statusCode).toBe(403);
    const file = await call(officer, 'GET', '/api/employment/placements/export');
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad input on every route with Thai and English errors naming the field, and changes nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('vacancy')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const vacanciesBefore = await count();
    const cases: [Who | null, 'GET' | 'POST' | 'PUT', string, unknown][] = [
      [null, 'GET', '/api/employment/board?limit=0', undefined],
      [null, 'GET', '/api/employment/board/abc', undefined],
      [null, 'GET', '/api/employment/indicator?fiscalYear=20', undefined],
      [null, 'POST', '/api/employment/employers/apply', { ...employerBody(1), tsicCode: '12' }],
      [officer, 'GET', '/api/employment/employers?status=unknown', undefined],
      [officer, 'GET', '/api/employment/employers/-1', undefined],
      [officer, 'POST', `/api/employment/employers/${employerId}/verify`, { decision: 'maybe' }],
      [officer, 'POST', `/api/employment/employers/${employerId}/verify`, { decision: 'rejected' }],
      [officer, 'GET', '/api/employment/vacancies?kind=x', undefined],
      [employer, 'POST', '/api/employment/vacancies', vacancyBody({ occupationCode: '52' })],
      [employer, 'POST', '/api/employment/vacancies', vacancyBody({ closesOn: '2020-01-01' })],
      [employer, 'POST', '/api/employment/vacancies', vacancyBody({ requiredStandardCode: 'NOPE' })],
      [officer, 'POST', '/api/employment/vacancies/import?dryRun=maybe', undefined],
      [officer, 'GET', '/api/employment/vacancies/x', undefined],
      [employer, 'POST', `/api/employment/vacancies/${vacancyId}/status`, { status: 'filled' }],
      [officer, 'GET', `/api/employment/vacancies/${vacancyId}/candidates?limit=999`, undefined],
      [officer, 'GET', '/api/employment/vacancies/0/referrals', undefined],
      [officer, 'POST', '/api/employment/referrals', { vacancyId, personId: unqualified, sharedFields: ['nationalId'], consentEvidence: 'ok ok' }],
      [officer, 'POST', '/api/employment/referrals', { vacancyId: 99_999_999, personId: unqualified, sharedFields: ['name'], consentEvidence: 'ok ok' }],
      [employer, 'POST', '/api/employment/referrals/1/answer', { status: 'promoted' }],
      [officer, 'GET', '/api/employment/follow-ups?overdue=yes', undefined],
      [officer, 'POST', '/api/employment/follow-ups/1', { stillWorking: 'yes' }],
      [officer, 'GET', '/api/employment/placements?fiscalYear=1', undefined],
      [officer, 'GET', '/api/employment/placements/export?province=4', undefined],
      [officer, 'GET', '/api/employment/summary?fiscalYear=abc', undefined],
      [officer, 'GET', '/api/people/abc/employment', undefined],
      [officer, 'PUT', `/api/people/${unqualified}/job-seeker`, { desiredOccupations: ['abc'] }],
      [officer, 'POST', '/api/people/abc/job-seeker/withdraw', undefined],
      [officer, 'GET', '/api/people/0/vacancies', undefined],
      [officer, 'POST', `/api/people/${unqualified}/guidance`, { note: 'x' }],
    ];
    for (const [who, method, url, payload] of cases) {
      const r = await call(who, method, url, payload);
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      const problem = r.json();
      expect(problem.detailTh, url).toBeTruthy();
      expect(problem.detail, url).toBeTruthy();
    }
    expect(await count()).toBe(vacanciesBefore);
    // Unauthenticated callers of signed-in routes get 401.
    expect((await call(null, 'GET', '/api/employment/vacancies')).statusCode).toBe(401);
    expect((await call(null, 'GET', '/api/me/employment')).statusCode).toBe(401);
  });
});
