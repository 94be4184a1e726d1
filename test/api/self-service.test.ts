import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { fundBody } from '../helpers/funding';
import { personBody } from '../helpers/people';
import { dayFromToday } from '../helpers/training';
import { addDays, addWorkingDays } from '../../src/server/modules/funding/funding.rules';
import { SimulatedCrash } from '../../src/server/platform/jobs/jobs';
import { createSelfserviceService } from '../../src/server/modules/selfservice/selfservice.service';
import * as repository from '../../src/server/modules/selfservice/selfservice.repository';

type Who = { cookie: string };

/** Issue 21 §3, §4, §6: a citizen's own Archeep, her rights under PDPA, and grievances. */
describe.each(ENGINES)('self-service on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuket: StaffAccount;
  let executive: StaffAccount;
  let approver: StaffAccount, maker: StaffAccount, checker: StaffAccount;
  let her: number;
  let other: number;
  let herDoc: string;
  let otherDoc: string;
  let citizen: Who;
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: who ? { cookie: who.cookie } : {} });
  const ok = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const citizenFor = async (personId: number, username: string): Promise<Who> => {
    const account = await ok(officer, 'POST', `/api/people/${personId}/citizen-account`, { username });
    const first = await t.signIn(username, account.oneTimePassword);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: account.oneTimePassword, newPassword: 'a citizen own passphrase 2569' },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    return { cookie: await t.signIn(username, 'a citizen own passphrase 2569') };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    phuket = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-83' }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    approver = await t.createStaff({ roles: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }] });
    maker = await t.createStaff({ roles: [{ role: 'fund_maker', unitCode: 'DOE-PEO-40' }] });
    checker = await t.createStaff({ roles: [{ role: 'fund_checker', unitCode: 'DOE-PEO-40' }] });
    const a = personBody({ firstNameTh: 'มาลี' });
    const b = personBody({ firstNameTh: 'บุญมี' });
    herDoc = a.docNumber;
    otherDoc = b.docNumber;
    her = (await ok(officer, 'POST', '/api/people', a)).id;
    other = (await ok(officer, 'POST', '/api/people', b)).id;
    citizen = await citizenFor(her, `malee${her}`);
  });
  afterAll(() => t?.dispose());

  it('shows a citizen only her own records: another person’s id in a path or body is refused', async () => {
    const summary = await ok(citizen, 'GET', '/api/me/summary');
    expect(summary.record.id).toBe(her);
    expect(summary.timeline.map((e: { kind: string }) => e.kind)).toContain('registered');
    expect((await call(citizen, 'GET', `/api/people/${other}/timeline`)).statusCode).toBe(403);
    expect((await call(citizen, 'GET', `/api/people/${other}`)).statusCode).toBe(403);
    // Her own routes take no person id: naming one is refused by the schema.
    const named = await call(citizen, 'POST', '/api/me/requests', { kind: 'erasure', reason: 'ไม่ใช้บริการแล้ว', personId: other });
    expect(named.statusCode).toBe(400);
    const forGroup = await call(citizen, 'POST', '/api/me/grievances', { kind: 'complaint', about: 'service', subject: 'ช้า', body: 'รอนาน', personId: other });
    expect(forGroup.statusCode).toBe(400);
    // She cannot read or answer the officers' queues.
    expect((await call(citizen, 'GET', '/api/pdpa-requests')).statusCode).toBe(403);
    expect((await call(citizen, 'GET', '/api/grievances')).statusCode).toBe(403);
    // Staff without a person record have no "me".
    expect((await call(officer, 'GET', '/api/me/summary')).statusCode).toBe(403);
  });

  it('exports her data as JSON (hers, not others’) and as a Thai PDF, and lists the officer who saw her record unmasked', async () => {
    const revealed = await call(officer, 'GET', `/api/people/${her}/identity?reason=${encodeURIComponent('ตรวจสอบสิทธิ์กองทุน')}`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    const data = await ok(citizen, 'GET', '/api/me/data');
    expect(data.whoSaw).toHaveLength(1);
    expect(data.whoSaw[0]).toMatchObject({ action: 'person.reveal_document', officerName: `Test ${officer.username}`, reason: 'ตรวจสอบสิทธิ์กองทุน' });
    expect(data.whoSaw[0].roles).toEqual([expect.objectContaining({ role: 'officer', unitCode: 'DSD-PSDO-40' })]);
    expect(data.held.map((h: { module: string }) => h.module)).toEqual(expect.arrayContaining(['registry', 'training', 'employment', 'funding']));

    const json = await call(citizen, 'GET', '/api/me/data/export.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="my-archeep-data-/);
    expect(json.body).toContain(herDoc);
    expect(json.body).not.toContain(otherDoc);
    expect(json.json()).toMatchObject({ personId: her, registry: { person: { id: her } } });
    const pdf = await call(citizen, 'GET', '/api/me/data/export.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Her own export is audited, and is not an officer's view of her record.
    expect((await ok(citizen, 'GET', '/api/me/data')).whoSaw).toHaveLength(1);
  });

  it('takes a correction request to the officer of her province, who applies it: the value changes and the change is audited', async () => {
    const filed = await ok(citizen, 'POST', '/api/me/requests', { kind: 'correction', field: 'phone', requestedValue: '0898765432', reason: 'เปลี่ยนเบอร์' });
    expect(filed).toMatchObject({ kind: 'correction', field: 'phone', currentValue: '0812345678', status: 'open', dueOn: dayFromToday(30), overdue: false });
    expect(
      (await call(citizen, 'POST', '/api/me/requests', { kind: 'correction', field: 'phone', requestedValue: '0811111111', reason: 'อีกครั้ง' })).statusCode,
    ).toBe(409);
    // An overdue one comes first in the queue.
    const late = await ok(citizen, 'POST', '/api/me/requests', { kind: 'correction', field: 'firstNameEn', requestedValue: 'Malee', reason: 'สะกดผิด' });
    await repository.setDueOn(t.database.db, 'pdpa_request', late.id, dayFromToday(-2));
    const queue = await ok(officer, 'GET', '/api/pdpa-requests?status=open');
    expect(queue.map((r: { id: number }) => r.id)).toEqual([late.id, filed.id]);
    expect(queue[0]).toMatchObject({ overdue: true, daysOverdue: 2, personId: her });
    expect(await ok(phuket, 'GET', '/api/pdpa-requests')).toEqual([]);
    expect((await call(phuket, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'apply', outcome: 'แก้ไขแล้ว' })).statusCode).toBe(403);
    expect((await call(executive, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'apply', outcome: 'แก้ไขแล้ว' })).statusCode).toBe(403);

    const decided = await ok(officer, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'apply', outcome: 'แก้ไขเบอร์โทรศัพท์แล้ว' });
    expect(decided).toMatchObject({ status: 'applied', outcome: 'แก้ไขเบอร์โทรศัพท์แล้ว' });
    expect((await ok(officer, 'GET', `/api/people/${her}`)).phone).toBe('0898765432');
    expect((await call(officer, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'refuse', outcome: 'ซ้ำ' })).statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_id', '=', String(her))
      .where('action', '=', 'person.update')
      .execute();
    expect(audit.map((e) => e.after)).toContainEqual({ fields: ['phone'], pdpaRequestId: filed.id });
    const mine = await ok(citizen, 'GET', '/api/me/requests');
    expect(mine.find((r: { id: number }) => r.id === filed.id)).toMatchObject({ status: 'applied', outcome: 'แก้ไขเบอร์โทรศัพท์แล้ว' });
    const refused = await ok(officer, 'POST', `/api/pdpa-requests/${late.id}/decide`, { decision: 'refuse', outcome: 'ชื่อตรงกับบัตรประชาชนแล้ว' });
    expect(refused.status).toBe('refused');
    expect((await ok(citizen, 'GET', '/api/me/summary')).timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['pdpa-correction-requested', 'pdpa-correction-applied', 'pdpa-correction-refused']),
    );
  });

  it('records her consent to share with Lazada and its withdrawal, which the registry then reports as not standing', async () => {
    const given = await ok(citizen, 'POST', '/api/me/consents', { purpose: 'share-lazada' });
    expect(given.find((c: { purpose: string; withdrawnAt: string | null }) => c.purpose === 'share-lazada' && !c.withdrawnAt)).toBeTruthy();
    expect(await t.services.registry.hasConsent(her, 'share-lazada')).toBe(true);
    expect((await call(citizen, 'POST', '/api/me/consents', { purpose: 'share-lazada' })).statusCode).toBe(409);
    const withdrawn = await ok(citizen, 'DELETE', '/api/me/consents/share-lazada');
    expect(withdrawn.filter((c: { purpose: string; withdrawnAt: string | null }) => c.purpose === 'share-lazada' && !c.withdrawnAt)).toEqual([]);
    expect(await t.services.registry.hasConsent(her, 'share-lazada')).toBe(false);
    expect((await call(citizen, 'DELETE', '/api/me/consents/share-lazada')).statusCode).toBe(404);
    const officerView = await ok(officer, 'GET', `/api/people/${her}`);
    expect(officerView.consents.find((c: { purpose: string }) => c.purpose === 'share-lazada').withdrawnAt).not.toBeNull();
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', String(her))
      .where('action', 'like', 'consent.%')
      .execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['consent.give', 'consent.withdraw']));
  });

  it('shows the legal hold on an erasure request while her group’s loan is owed, and the officer cannot erase', async () => {
    const leader = (await ok(officer, 'POST', '/api/people', personBody({ firstNameTh: 'ทองใบ' }))).id;
    const leaderWho = await citizenFor(leader, `thongbai${leader}`);
    const group = await ok(officer, 'POST', '/api/groups', {
      name: 'กลุ่มเลี้ยงไก่บ้านโนนทัน',
      type: 'independent-occupation',
      occupation: 'agriculture',
      subdistrictCode: '400101',
      members: [{ personId: leader, role: 'leader', joinedOn: '2022-01-01' }],
    });
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const a = await ok(officer, 'POST', `/api/funding/funds/${fund.id}/applications`, {
      groupId: group.id,
      amountSatang: 5_000_000,
      termMonths: 12,
      purpose: 'ซื้อวัตถุดิบ',
      businessPlan: { costs: [{ item: 'วัตถุดิบ', amountSatang: 5_000_000 }], expectedMonthlySalesSatang: 1_000_000, repaymentSource: 'ยอดขาย' },
      cosignerPersonIds: [leader],
    });
    await ok(maker, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'เสนอ' });
    await ok(checker, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจแล้ว' });
    await ok(approver, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'M-9/2569' });

    const filed = await ok(leaderWho, 'POST', '/api/me/requests', { kind: 'erasure', reason: 'ไม่ประสงค์ใช้บริการ' });
    expect(filed.legalHold?.en).toMatch(/repaid or written off/);
    expect(filed.legalHold?.th).toBeTruthy();
    const tried = await call(officer, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'apply', outcome: 'ลบแล้ว' });
    expect(tried.statusCode).toBe(409);
    expect(tried.json().detail).toMatch(/repaid or written off/);
    const refused = await ok(officer, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'refuse', outcome: 'ต้องเก็บไว้จนชำระเงินกู้ครบ' });
    expect(refused).toMatchObject({ status: 'refused', legalHold: filed.legalHold });
    // My Archeep shows her group, its loan and the next due date.
    const summary = await ok(leaderWho, 'GET', '/api/me/summary');
    expect(summary.groups.map((g: { groupId: number; role: string }) => [g.groupId, g.role])).toEqual([[group.id, 'leader']]);
  });

  it('answers an erasure request in the erasure’s own transaction: a death between the two changes nothing', async () => {
    const person = (await ok(officer, 'POST', '/api/people', personBody({ firstNameTh: 'ลำดวน' }))).id;
    const who = await citizenFor(person, `lamduan${person}`);
    const filed = await ok(who, 'POST', '/api/me/requests', { kind: 'erasure', reason: 'ย้ายไปต่างประเทศ' });
    expect(filed.legalHold).toBeNull();
    // A second process that dies after the registry's erasure is written, before the request's answer.
    const { db } = t.database;
    const s = t.services;
    const dying = createSelfserviceService({
      db,
      geo: s.geo,
      org: s.org,
      identity: s.identity,
      registry: s.registry,
      training: s.training,
      credentials: s.credentials,
      competency: s.competency,
      employment: s.employment,
      enterprise: s.enterprise,
      funding: s.funding,
      options: { crashAfterErasure: true },
    });
    const actor = (await s.identity.loadActor(officer.id))!;
    await expect(dying.decideRequest({ actor, requestId: 'crash' }, filed.id, { decision: 'apply', outcome: 'ลบแล้ว' })).rejects.toBeInstanceOf(SimulatedCrash);
    expect((await ok(officer, 'GET', `/api/people/${person}`)).status).toBe('active');
    expect(await repository.findRequest(db, filed.id)).toMatchObject({ status: 'open', reason: 'ย้ายไปต่างประเทศ', decided_at: null });
    expect((await call(who, 'GET', '/api/me/summary')).statusCode).toBe(200);

    // Answered for real, both change together: the person is erased, her account closed, the request applied.
    const applied = await ok(officer, 'POST', `/api/pdpa-requests/${filed.id}/decide`, { decision: 'apply', outcome: 'ลบข้อมูลแล้ว' });
    expect(applied).toMatchObject({ status: 'applied', outcome: 'ลบข้อมูลแล้ว' });
    expect((await ok(officer, 'GET', `/api/people/${person}`)).status).toBe('erased');
    expect((await call(who, 'GET', '/api/me/summary')).statusCode).toBe(401);
  });

  it('routes a grievance to her province’s office, escalates it when late and shows the answer on her timeline', async () => {
    // A holiday inside the 15 working days, whatever today is: the Cabinet's special day off on
    // the next weekday, added to funding's calendar as an administrator does.
    let special = dayFromToday(1);
    while ([0, 6].includes(new Date(`${special}T00:00:00Z`).getUTCDay())) special = addDays(special, 1);
    const admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
    await ok(admin, 'PUT', `/api/funding/holidays/${special}`, { nameTh: 'วันหยุดราชการเป็นกรณีพิเศษ', nameEn: 'Special public holiday' });
    const calendar = new Set<string>((await ok(officer, 'GET', '/api/funding/holidays')).map((h: { day: string }) => h.day));
    const filed = await ok(citizen, 'POST', '/api/me/grievances', {
      kind: 'appeal',
      about: 'refusal',
      subject: 'ไม่ได้รับคัดเลือกเข้าหลักสูตร',
      body: 'ขอให้ทบทวนการไม่รับสมัคร',
      reference: 'S-2570-0001',
    });
    expect(filed).toMatchObject({ provinceCode: '40', unitCode: 'DSD-PSDO-40', status: 'open', escalated: false });
    expect(filed.dueOn).toBe(addWorkingDays(dayFromToday(0), 15, calendar));
    expect(filed.dueOn > addWorkingDays(dayFromToday(0), 15, new Set())).toBe(true);
    expect((await call(admin, 'DELETE', `/api/funding/holidays/${special}`)).statusCode).toBe(204);
    expect((await ok(officer, 'GET', '/api/grievances')).map((g: { id: number }) => g.id)).toContain(filed.id);
    expect(await ok(phuket, 'GET', '/api/grievances')).toEqual([]);
    // Executives (supervision) see only what is escalated: nothing yet.
    expect((await ok(executive, 'GET', '/api/grievances')).map((g: { id: number }) => g.id)).not.toContain(filed.id);

    await repository.setDueOn(t.database.db, 'grievance', filed.id, dayFromToday(-1));
    const escalated = await ok(executive, 'GET', '/api/grievances');
    expect(escalated.find((g: { id: number }) => g.id === filed.id)).toMatchObject({ escalated: true, daysLate: 1 });
    expect((await ok(officer, 'GET', '/api/grievances?escalated=true')).map((g: { id: number }) => g.id)).toEqual([filed.id]);
    expect((await call(phuket, 'POST', `/api/grievances/${filed.id}/answer`, { answer: 'x' })).statusCode).toBe(403);
    expect((await call(executive, 'POST', `/api/grievances/${filed.id}/answer`, { answer: 'x' })).statusCode).toBe(403);

    const answered = await ok(officer, 'POST', `/api/grievances/${filed.id}/answer`, { answer: 'รับเข้ารอบถัดไปแล้ว' });
    expect(answered).toMatchObject({ status: 'answered', escalated: false, answer: 'รับเข้ารอบถัดไปแล้ว' });
    expect((await call(officer, 'POST', `/api/grievances/${filed.id}/answer`, { answer: 'ซ้ำ' })).statusCode).toBe(409);
    const mine = await ok(citizen, 'GET', '/api/me/grievances');
    expect(mine[0]).toMatchObject({ id: filed.id, answer: 'รับเข้ารอบถัดไปแล้ว' });
    const kinds = (await ok(citizen, 'GET', '/api/me/summary')).timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['grievance-filed', 'grievance-answered']));
    // A group's grievance is filed only by its leader.
    const notLeader = await call(citizen, 'POST', '/api/me/grievances', {
      kind: 'complaint',
      about: 'service',
      subject: 'ช้า',
      body: 'รอนาน',
      groupId: 999_999,
    });
    expect(notLeader.statusCode).toBe(403);
  });
});
