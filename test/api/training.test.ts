import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { badChecksum, personBody, toCsv, windows874 } from '../helpers/people';
import { buildPeople, dayFromToday, sessionBody } from '../helpers/training';
import { formatThaiDate } from '../../src/shared/thai-date';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';

describe.each(ENGINES)('training on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuketOfficer: StaffAccount;
  let serial = 700_000 + Math.floor(Math.random() * 1000) * 100;
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const createSession = async (overrides: Record<string, unknown> = {}) => {
    const created = await call(officer, 'POST', '/api/training/sessions', sessionBody(overrides));
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: number; code: string; days: { day: string; checkinCode: string | null }[] };
  };
  const open = (id: number) => call(officer, 'POST', `/api/training/sessions/${id}/status`, { status: 'open' });
  const run = (id: number) => call(officer, 'POST', `/api/training/sessions/${id}/status`, { status: 'running' });
  const people = (count: number, options: { targetGroups?: string[]; birthDate?: string } = {}) => {
    const first = serial;
    serial += count;
    return buildPeople(t.database.db, count, { firstSerial: first, ...options });
  };
  /** A registered person with their own citizen account, signed in with a changed password. */
  const citizen = async (overrides: Record<string, unknown> = {}) => {
    const registered = await call(officer, 'POST', '/api/people', personBody(overrides));
    expect(registered.statusCode, registered.body).toBe(201);
    const personId = registered.json().id as number;
    const username = `citizen${personId}`;
    const account = await call(officer, 'POST', `/api/people/${personId}/citizen-account`, { username });
    expect(account.statusCode, account.body).toBe(201);
    const firstCookie = await t.signIn(username, account.json().oneTimePassword);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: firstCookie },
      payload: { currentPassword: account.json().oneTimePassword, newPassword: 'a long new password 2569' },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    return { personId, cookie: await t.signIn(username, 'a long new password 2569') };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
  });
  afterAll(() => t?.dispose());

  it('ships the seeds’ curricula, with the 18-hour DSD + ETDA course’s nine topics and what is assumed', async () => {
    const list = await call(officer, 'GET', '/api/training/curricula');
    expect(list.statusCode).toBe(200);
    const codes = list.json().map((c: { code: string }) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining(['ETDA-EASY-ECOM', 'SOCIAL-COMMERCE', 'MKT-CONTENT', 'ETDA-EDC-PLUS', 'DSD-ETDA-DIGI18', 'CAREGIVER-ELDERLY', 'HOSPITALITY-NEW']),
    );
    const digital = list.json().find((c: { code: string }) => c.code === 'DSD-ETDA-DIGI18');
    expect(digital.hours).toBe(18);
    expect(digital.topics).toHaveLength(9);
    expect(digital.topics.reduce((sum: number, topic: { hours: number }) => sum + topic.hours, 0)).toBe(18);
    expect(digital.assumedFields.length).toBeGreaterThan(0);
    expect(list.json().find((c: { code: string }) => c.code === 'ETDA-EASY-ECOM').mode).toBe('self-paced');
  });

  it('plans a session with defaults 100–500 and refuses a venue outside the province, an early close, and another area', async () => {
    const session = await createSession();
    const got = (await call(officer, 'GET', `/api/training/sessions/${session.id}`)).json();
    expect(got).toMatchObject({ capacityMin: 100, capacityMax: 500, status: 'planned', provinceNameEn: 'Khon Kaen', canManage: true });
    expect(got.code).toMatch(/^SOCIAL-COMMERCE-40-25\d\d-\d{4}$/);
    expect(got.days.every((d: { checkinCode: string | null }) => d.checkinCode && d.checkinCode.length >= 16)).toBe(true);

    const wrongPlace = await call(officer, 'POST', '/api/training/sessions', sessionBody({ subdistrictCode: '830101' }));
    expect(wrongPlace.statusCode).toBe(400);
    expect(wrongPlace.json().errors[0]).toMatchObject({ field: 'body.subdistrictCode', code: 'outside-province' });
    const lateClose = await call(officer, 'POST', '/api/training/sessions', sessionBody({ applicationsCloseOn: dayFromToday(5) }));
    expect(lateClose.json().errors[0]).toMatchObject({ field: 'body.applicationsCloseOn', code: 'after-start' });
    const elsewhere = await call(phuketOfficer, 'POST', '/api/training/sessions', sessionBody());
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().detailTh).toContain('ขอนแก่น');
    const outside = await call(phuketOfficer, 'POST', '/api/training/sessions', sessionBody({ unitCode: PHUKET_OFFICE, provinceCode: '40' }));
    expect(outside.json().errors[0]).toMatchObject({ code: 'outside-unit' });
    const foreign = await call(phuketOfficer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().type).toContain('out-of-scope');
  });

  it('lets a registered single mother apply from her own account, once, and puts it on her timeline', async () => {
    const session = await createSession();
    const her = await citizen();
    const closed = await call(her, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    expect(closed.statusCode).toBe(409); // planned, not yet open
    expect((await open(session.id)).statusCode).toBe(200);
    const applied = await call(her, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'enrolled', waitlistPosition: null, sessionCode: session.code });
    const again = await call(her, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    expect(again.statusCode).toBe(409);
    const mine = await call(her, 'GET', '/api/my/enrolments');
    expect(mine.json().map((e: { sessionId: number }) => e.sessionId)).toEqual([session.id]);
    const timeline = await call(officer, 'GET', `/api/people/${her.personId}/timeline`);
    expect(timeline.json().some((e: { module: string; kind: string }) => e.module === 'training' && e.kind === 'enrolled')).toBe(true);
    // A citizen sees her own record, and only as herself.
    expect((await call(her, 'GET', '/api/my/record')).json().id).toBe(her.personId);
    expect((await call(her, 'GET', `/api/training/sessions/${session.id}/roster`)).statusCode).toBe(403);
  });

  it('refuses the ineligible with every reason: target group and age', async () => {
    const session = await createSession();
    await open(session.id);
    const [older] = await people(1, { targetGroups: ['older-person'] });
    const refused = await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: older!.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['target-group']);
    expect(refused.json().errors[0].messageTh).toContain('พ่อหรือแม่เลี้ยงเดี่ยว');
    const [young] = await people(1, { birthDate: dayFromToday(-16 * 366) });
    const tooYoung = await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: young!.id });
    expect(tooYoung.statusCode).toBe(422);
    expect(tooYoung.json().errors.map((e: { code: string }) => e.code)).toEqual(['age']);
    const roster = await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`);
    expect(roster.json().items).toEqual([]);
  });

  it('fills seats in order, waitlists the rest, and a withdrawal promotes waitlist position 1', async () => {
    const session = await createSession({ capacityMin: 1, capacityMax: 2 });
    await open(session.id);
    const four = await people(4);
    const answers = [];
    for (const p of four) answers.push((await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id })).json());
    expect(answers.map((a) => [a.status, a.waitlistPosition])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const roster = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json();
    expect(roster.counts).toEqual({ enrolled: 2, waitlisted: 2 });
    const byPerson = new Map(roster.items.map((r: { personId: number }) => [r.personId, r]));
    expect(byPerson.get(four[2]!.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(byPerson.get(four[3]!.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(roster.items[0].docNumberMasked).toMatch(/^\d-\d{4}-xxxxx-xx-\d$/);

    const first = roster.items.find((r: { personId: number }) => r.personId === four[0]!.id);
    const withdrawn = await call(officer, 'POST', `/api/training/enrolments/${first.id}/withdraw`, { reason: 'ย้ายไปทำงานต่างจังหวัด' });
    expect(withdrawn.json().promoted.personId).toBe(four[2]!.id);
    const after = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json();
    expect(after.counts).toEqual({ enrolled: 2, waitlisted: 1, withdrawn: 1 });
    expect(after.items.find((r: { personId: number }) => r.personId === four[3]!.id).waitlistPosition).toBe(1);
    const listed = (await call(officer, 'GET', `/api/training/sessions?province=40&limit=200`)).json().items.find((s: { id: number }) => s.id === session.id);
    expect(listed).toMatchObject({ enrolledCount: 2, waitlistedCount: 1, fillPercent: 100 });
    const again = await call(officer, 'POST', `/api/training/enrolments/${first.id}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect((await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'cancelled' })).statusCode).toBe(400);
    expect((await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'cancelled', reason: 'น้ำท่วมสถานที่อบรม' })).json().status).toBe(
      'cancelled',
    );
    const told = (await call(officer, 'GET', `/api/people/${four[3]!.id}/timeline`)).json();
    expect(told.some((e: { kind: string; summaryTh: string }) => e.kind === 'session-cancelled' && e.summaryTh.includes('น้ำท่วม'))).toBe(true);
  });

  it('enrols a whole occupation group, listing who is not eligible and why', async () => {
    const session = await createSession();
    await open(session.id);
    const members = [...(await people(2)), ...(await people(1, { targetGroups: ['older-person'] }))];
    const group = await call(officer, 'POST', '/api/groups', {
      name: 'กลุ่มทอผ้าบ้านโนนทัน',
      type: 'women-occupation',
      occupation: 'textiles',
      subdistrictCode: '400101',
      members: members.map((m, i) => ({ personId: m.id, role: i === 0 ? 'leader' : 'member', joinedOn: '2024-01-01' })),
    });
    expect(group.statusCode, group.body).toBe(201);
    const result = await call(officer, 'POST', `/api/training/sessions/${session.id}/group-enrolments`, { groupId: group.json().id });
    expect(result.statusCode, result.body).toBe(200);
    expect(
      result
        .json()
        .enrolled.map((e: { personId: number }) => e.personId)
        .sort(),
    ).toEqual([members[0]!.id, members[1]!.id].sort());
    expect(result.json().notEligible).toMatchObject([{ personId: members[2]!.id, reasons: [{ code: 'target-group' }] }]);
    const twice = await call(officer, 'POST', `/api/training/sessions/${session.id}/group-enrolments`, { groupId: group.json().id });
    expect(twice.json().already).toHaveLength(2);
    expect(twice.json().enrolled).toHaveLength(0);
  });

  it('checks in by QR only on its day, only for its seated people', async () => {
    const session = await createSession();
    await open(session.id);
    const her = await citizen();
    await call(her, 'POST', `/api/training/sessions/${session.id}/applications`, {});
    await run(session.id);
    const detail = (await call(officer, 'GET', `/api/training/sessions/${session.id}`)).json();
    const [today, tomorrow] = detail.days as { day: string; checkinCode: string }[];
    const early = await call(her, 'POST', '/api/training/check-in', { code: tomorrow!.checkinCode });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain(formatThaiDate(tomorrow!.day, { locale: 'en' }));
    expect(early.json().detailTh).toContain(formatThaiDate(tomorrow!.day));
    const ok = await call(her, 'POST', '/api/training/check-in', { code: today!.checkinCode });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ sessionId: session.id, day: today!.day, hours: 6 });
    const sheet = (await call(officer, 'GET', `/api/training/sessions/${session.id}/attendance/${today!.day}`)).json();
    expect(sheet.entries.find((e: { personId: number }) => e.personId === her.personId)).toMatchObject({ present: true, hours: 6, method: 'qr' });
    const stranger = await citizen();
    expect((await call(stranger, 'POST', '/api/training/check-in', { code: today!.checkinCode })).statusCode).toBe(403);
    expect((await call(her, 'POST', '/api/training/check-in', { code: 'not-a-real-code-at-all' })).statusCode).toBe(404);
    // Officers cannot take tomorrow's attendance today either.
    const enrolmentId = sheet.entries[0].enrolmentId;
    const future = await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${tomorrow!.day}`, {
      entries: [{ enrolmentId, present: true }],
    });
    expect(future.statusCode).toBe(422);
  });

  it('applies the completion rule at its boundary: 80% of 12 hours is 9.6 hours, and 9.58 is not enough', async () => {
    const session = await createSession({
      applicationsCloseOn: dayFromToday(-3),
      days: [
        { day: dayFromToday(-3), hours: 6 },
        { day: dayFromToday(-2), hours: 6 },
      ],
    });
    await open(session.id);
    const [met, short, absent] = await people(3);
    for (const p of [met!, short!, absent!]) await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id });
    await run(session.id);
    const roster = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items as { id: number; personId: number }[];
    const idOf = (p: { id: number }) => roster.find((r) => r.personId === p.id)!.id;
    const day1 = await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-3)}`, {
      entries: [
        { enrolmentId: idOf(met!), present: true },
        { enrolmentId: idOf(short!), present: true },
        { enrolmentId: idOf(absent!), present: false },
      ],
    });
    expect(day1.statusCode, day1.body).toBe(200);
    await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-2)}`, {
      entries: [
        { enrolmentId: idOf(met!), present: true, hours: 3.6 },
        { enrolmentId: idOf(short!), present: true, hours: 3.58 },
      ],
    });
    const tooMany = await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-2)}`, {
      entries: [{ enrolmentId: idOf(met!), present: true, hours: 7 }],
    });
    expect(tooMany.statusCode).toBe(400);
    const evaluated = await call(officer, 'POST', `/api/training/sessions/${session.id}/evaluate`);
    expect(evaluated.json()).toEqual({ completed: 1, notCompleted: 2 });
    const after = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items as {
      personId: number;
      status: string;
      attendedHours: number;
      outcomeReasons: { code: string; en: string }[];
    }[];
    const of = (p: { id: number }) => after.find((r) => r.personId === p.id)!;
    expect(of(met!)).toMatchObject({ status: 'completed', attendedHours: 9.6, outcomeReasons: [] });
    expect(of(short!).status).toBe('not-completed');
    expect(of(short!).outcomeReasons[0]!.code).toBe('attendance');
    expect(of(short!).outcomeReasons[0]!.en).toContain('9.6 hours');
    expect(of(absent!).attendedHours).toBe(0);
    // A certificate is refused with the reason for the one who fell short.
    const refused = await call(officer, 'POST', `/api/training/enrolments/${idOf(short!)}/certificate`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].code).toBe('attendance');
  });

  it('imports online results: bad rows are each named and nothing is written; a good Windows-874 file completes people', async () => {
    const session = await createSession({
      curriculumCode: 'ETDA-EASY-ECOM',
      online: true,
      subdistrictCode: null,
      venue: null,
      applicationsCloseOn: dayFromToday(-10),
      days: [{ day: dayFromToday(-10), hours: 12 }],
    });
    await open(session.id);
    const [passes, fails, outsider] = await people(3);
    for (const p of [passes!, fails!]) await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id });
    await run(session.id);
    const header = ['เลขประจำตัวประชาชน/เลขเอกสาร', 'วันที่เรียนจบ', 'คะแนน'];
    const bad = toCsv([
      header,
      [passes!.docNumber, dayFromToday(-1), '88'],
      [badChecksum(fails!.docNumber), dayFromToday(-1), '70'],
      [outsider!.docNumber, dayFromToday(-1), '70'],
      [fails!.docNumber, dayFromToday(5), '120'],
      [passes!.docNumber, dayFromToday(-1), '90'],
    ]);
    const post = (bytes: Buffer | Uint8Array) =>
      t.app.inject({
        method: 'POST',
        url: `/api/training/sessions/${session.id}/results?fileName=results.csv`,
        headers: { cookie: officer.cookie, 'content-type': 'text/csv' },
        payload: Buffer.from(bytes),
      });
    const rejected = await post(Buffer.from(bad));
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    expect(rejected.json().errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, 'id_number', 'checksum'],
      [4, 'id_number', 'not-enrolled'],
      [5, 'completed_on', 'outside-session'],
      [5, 'score', 'invalid-score'],
      [6, 'id_number', 'duplicate-row'],
    ]);
    const untouched = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items;
    expect(untouched.every((r: { attendedHours: number; postTestScore: number | null }) => r.attendedHours === 0 && r.postTestScore === null)).toBe(true);

    const thaiDate = (iso: string) => `${Number(iso.slice(8))}/${Number(iso.slice(5, 7))}/${Number(iso.slice(0, 4)) + 543}`;
    const good = toCsv([header, [passes!.docNumber, thaiDate(dayFromToday(-1)), '88'], [fails!.docNumber, dayFromToday(-1), '50']]);
    const applied = await post(windows874(good));
    expect(applied.json()).toMatchObject({ status: 'applied', rows: 2, applied: 2 });
    await call(officer, 'POST', `/api/training/sessions/${session.id}/evaluate`);
    const after = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items as {
      personId: number;
      status: string;
      attendedHours: number;
      outcomeReasons: { code: string }[];
    }[];
    expect(after.find((r) => r.personId === passes!.id)).toMatchObject({ status: 'completed', attendedHours: 12 });
    expect(after.find((r) => r.personId === fails!.id)).toMatchObject({ status: 'not-completed', outcomeReasons: [{ code: 'post-test' }] });
    const notCsv = await post(Buffer.from('\u0000\u0001garbage'));
    expect(notCsv.statusCode).toBe(400);
  });

  it('issues certificates one by one and as a job; the public check masks the name and follows revocation', async () => {
    const session = await createSession({ applicationsCloseOn: dayFromToday(-2), days: [{ day: dayFromToday(-2), hours: 6 }] });
    await open(session.id);
    const her = await citizen({ firstNameTh: 'สมหญิง', lastNameTh: 'ใจดีมาก' });
    // Applications have closed: she cannot apply herself, but the officer may still seat her.
    expect((await call(her, 'POST', `/api/training/sessions/${session.id}/applications`, {})).statusCode).toBe(409);
    expect((await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: her.personId })).statusCode).toBe(201);
    const others = await people(30);
    for (const p of others) await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id });
    await run(session.id);
    const roster = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items as { id: number; personId: number }[];
    await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-2)}`, {
      entries: roster.map((r) => ({ enrolmentId: r.id, present: true })),
    });
    const completed = await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'completed' });
    expect(completed.json().status).toBe('completed');

    const herEnrolment = roster.find((r) => r.personId === her.personId)!;
    const single = await call(officer, 'POST', `/api/training/enrolments/${herEnrolment.id}/certificate`);
    expect(single.statusCode, single.body).toBe(201);
    const code = single.json().code as string;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(single.json().verifyUrl).toBe(`${t.config.publicUrl}/verify/${code}`);

    const mine = (await call(her, 'GET', '/api/credentials/mine')).json();
    expect(mine.map((c: { code: string }) => c.code)).toEqual([code]);
    const pdf = await call(her, 'GET', `/api/credentials/${code}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain(`/verify/${code}`);
    const stranger = await citizen();
    expect((await call(stranger, 'GET', `/api/credentials/${code}/pdf`)).statusCode).toBe(404);

    const publicCheck = await t.app.inject({ method: 'GET', url: `/api/verify/${code.toLowerCase().replace(/-/g, '')}` });
    expect(publicCheck.statusCode).toBe(200);
    expect(publicCheck.json()).toMatchObject({ status: 'valid', holderNameMasked: 'นางสมหญิง ใ•••', hours: 6 });
    expect(publicCheck.body).not.toContain('ใจดีมาก');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/verify/AAAA-BBBB-CCCC-DDDD-EEEE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain('สมหญิง');

    const job = await call(officer, 'POST', `/api/training/sessions/${session.id}/certificates`);
    expect(job.statusCode).toBe(202);
    expect(job.json().total).toBe(31);
    await t.services.jobs.drain();
    const finished = (await call(officer, 'GET', `/api/training/sessions/${session.id}/certificates/${job.json().id}`)).json();
    expect(finished).toMatchObject({ status: 'succeeded', done: 31, total: 31, result: { issued: 30, total: 31 } });
    const issued = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`))
      .json()
      .items.filter((r: { credentialCode: string | null }) => r.credentialCode);
    expect(issued).toHaveLength(31);
    expect(new Set(issued.map((r: { credentialCode: string }) => r.credentialCode)).size).toBe(31);

    expect((await call(phuketOfficer, 'POST', `/api/credentials/${code}/revoke`, { reason: 'ทดสอบ' })).statusCode).toBe(403);
    const revoked = await call(officer, 'POST', `/api/credentials/${code}/revoke`, { reason: 'ออกให้ผิดคน' });
    expect(revoked.json().status).toBe('revoked');
    expect((await t.app.inject({ method: 'GET', url: `/api/verify/${code}` })).json()).toMatchObject({ status: 'revoked' });
    expect((await call(officer, 'POST', `/api/credentials/${code}/revoke`, { reason: 'อีกครั้ง' })).statusCode).toBe(409);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', code).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['credential.issue', 'credential.revoke']);
  });

  it('follows the registry: a merge moves enrolments and certificates; an erasure revokes and removes the printed name', async () => {
    const session = await createSession({ applicationsCloseOn: dayFromToday(-2), days: [{ day: dayFromToday(-2), hours: 6 }] });
    await open(session.id);
    const [survivor, duplicate, erased] = await people(3);
    for (const p of [duplicate!, erased!]) await call(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id });
    await run(session.id);
    const roster = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items as { id: number; personId: number }[];
    await call(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-2)}`, {
      entries: roster.map((r) => ({ enrolmentId: r.id, present: true })),
    });
    await call(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'completed' });
    const codes = [];
    for (const r of roster) codes.push((await call(officer, 'POST', `/api/training/enrolments/${r.id}/certificate`)).json().code as string);

    const merged = await call(officer, 'POST', `/api/people/${survivor!.id}/merge`, { duplicateId: duplicate!.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = (await call(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).json().items as { personId: number }[];
    expect(after.map((r) => r.personId).sort()).toEqual([survivor!.id, erased!.id].sort());
    expect((await call(officer, 'GET', `/api/people/${survivor!.id}/credentials`)).json()).toHaveLength(1);

    const erasedCode = codes[roster.findIndex((r) => r.personId === erased!.id)]!;
    expect((await call(officer, 'POST', `/api/people/${erased!.id}/erase`, { reason: 'คำขอลบข้อมูลเลขที่ 12/2569' })).statusCode).toBe(200);
    const check = (await t.app.inject({ method: 'GET', url: `/api/verify/${erasedCode}` })).json();
    expect(check).toMatchObject({ status: 'revoked', holderNameMasked: 'ลบข้อมูลแล้ว' });
  });

  it('keeps rosters, attendance and results to the session’s area', async () => {
    const session = await createSession();
    const day = sessionBody().days[0]!.day;
    for (const [method, url, body] of [
      ['GET', `/api/training/sessions/${session.id}/roster`, undefined],
      ['GET', `/api/training/sessions/${session.id}/attendance/${day}`, undefined],
      ['PUT', `/api/training/sessions/${session.id}/attendance/${day}`, { entries: [{ enrolmentId: 1, present: true }] }],
      ['POST', `/api/training/sessions/${session.id}/evaluate`, undefined],
      ['POST', `/api/training/sessions/${session.id}/certificates`, undefined],
      ['POST', `/api/training/sessions/${session.id}/applications`, { personId: 1 }],
    ] as const) {
      const response = await call(phuketOfficer, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().detailTh).toContain('ขอนแก่น');
    }
    // A course provider acts on its own unit's sessions, wherever they are, and on no one else's.
    const etda = await t.createStaff({ roles: [{ role: 'course_provider', unitCode: 'ETDA-HQ' }] });
    expect((await call(etda, 'GET', `/api/training/sessions/${session.id}/roster`)).statusCode).toBe(403);
    const theirs = await call(
      etda,
      'POST',
      '/api/training/sessions',
      sessionBody({ curriculumCode: 'ETDA-EDC-PLUS', unitCode: 'ETDA-HQ', online: true, subdistrictCode: null }),
    );
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().canManage).toBe(true);
    expect((await call(etda, 'POST', `/api/training/sessions/${theirs.json().id}/status`, { status: 'open' })).statusCode).toBe(200);
    expect((await call(etda, 'POST', '/api/training/sessions', sessionBody())).statusCode).toBe(403);
    // Sessions themselves are public: anyone signed in may browse them.
    expect((await call(phuketOfficer, 'GET', `/api/training/sessions/${session.id}`)).json().canManage).toBe(false);
  });
});
