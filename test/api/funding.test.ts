import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulDiv } from '../../src/server/modules/funding/funding.rules';
import { FundBody } from '../../src/server/modules/funding/funding.schemas';
import type { ActorContext } from '../../src/server/platform/context';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { fundBody } from '../helpers/funding';
import { buildPeople, completeCourse, dayFromToday, sessionBody } from '../helpers/training';

const KK = 'DOE-PEO-40';
const PHUKET = 'DOE-PEO-83';
const plan = { costs: [{ item: 'เครื่องทอผ้า', amountSatang: 10_000_000 }], expectedMonthlySalesSatang: 2_000_000, repaymentSource: 'ยอดขายผ้าทอรายเดือน' };

describe.each(ENGINES)('funding on %s', (engine) => {
  let t: TestApp;
  let maker: StaffAccount,
    maker2: StaffAccount,
    checker: StaffAccount,
    approver: StaffAccount,
    phuketMaker: StaffAccount,
    officer: StaffAccount,
    leader: StaffAccount,
    admin: StaffAccount;
  let serial = 600_000 + Math.floor(Math.random() * 1000) * 100;
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const ctxOf = async (who: StaffAccount): Promise<ActorContext> => ({ actor: (await t.services.identity.loadActor(who.id))!, requestId: 'test' });
  /** A Khon Kaen group with a leader (with a citizen account when asked) and a committee member. */
  const group = async (subdistrictCode = '400101') => {
    const people = await buildPeople(t.database.db, 3, { firstSerial: serial, subdistrictCode });
    serial += 3;
    const g = await ok(officer, 'POST', '/api/groups', {
      name: `กลุ่มทอผ้า ${serial}`,
      type: 'independent-occupation',
      occupation: 'textiles',
      subdistrictCode,
      members: [
        { personId: people[0]!.id, role: 'leader', joinedOn: '2024-01-01' },
        { personId: people[1]!.id, role: 'committee', joinedOn: '2024-01-01' },
        { personId: people[2]!.id, role: 'member', joinedOn: '2024-01-01' },
      ],
    });
    return { id: g.id as number, leader: people[0]!.id, committee: people[1]!.id, member: people[2]!.id };
  };
  const application = (groupId: number, cosigner: number, amountSatang = 15_000_000) => ({
    groupId,
    amountSatang,
    termMonths: 24,
    purpose: 'ซื้อเครื่องทอผ้าและวัตถุดิบ',
    businessPlan: plan,
    cosignerPersonIds: [cosigner],
  });
  /** Submitted → recommended → verified → approved: a loan committed. */
  const approved = async (fundId: number, groupId: number, cosigner: number, amountSatang = 15_000_000) => {
    const a = await ok(maker, 'POST', `/api/funding/funds/${fundId}/applications`, application(groupId, cosigner, amountSatang));
    await ok(maker, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'แผนธุรกิจครบ' });
    await ok(checker, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจเอกสารแล้ว' });
    return ok(approver, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'ประชุมครั้งที่ 1/2569' });
  };
  const disburse = (loanId: number, amountSatang: number, paidOn: string) =>
    ok(maker, 'POST', `/api/funding/loans/${loanId}/disbursements`, {
      amountSatang,
      paidOn,
      reference: `TRF-${loanId}-${amountSatang}`,
      bankName: 'ธนาคารออมสิน',
      accountNumber: '0201234567',
      promptPayId: null,
    });
  const verified = async () => {
    const v = await t.services.funding.reconcile(await ctxOf(admin));
    expect(v.problems).toEqual([]);
    return v;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [maker, maker2, checker, approver, phuketMaker, officer, admin] = await Promise.all([
      t.createStaff({ roles: [{ role: 'fund_maker', unitCode: KK }] }),
      t.createStaff({
        roles: [
          { role: 'fund_maker', unitCode: KK },
          { role: 'fund_checker', unitCode: KK },
        ],
      }),
      t.createStaff({ roles: [{ role: 'fund_checker', unitCode: KK }] }),
      t.createStaff({ roles: [{ role: 'fund_approver', unitCode: KK }] }),
      t.createStaff({ roles: [{ role: 'fund_maker', unitCode: PHUKET }] }),
      t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] }),
      t.createStaff({ roles: [{ role: 'system_admin', unitCode: null }] }),
    ]);
    leader = await t.createStaff({ roles: [{ role: 'citizen', unitCode: null }] });
  });
  afterAll(() => t?.dispose());

  it('walks a leader’s application through four eyes to a disbursed loan whose 24 instalments sum to 150,000.00', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    expect(fund.position).toMatchObject({ capital: 500_000_000, available: 500_000_000 });
    expect((await call(phuketMaker, 'GET', `/api/funding/funds/${fund.id}`)).statusCode).toBe(403);
    const g = await group();
    await sql`update app_user set person_id = ${g.leader} where id = ${leader.id}`.execute(t.database.db);
    t.services.actors.clear();

    // The leader applies (a plain member may not); a co-signer must be on the committee.
    const bad = await call(leader, 'POST', `/api/funding/funds/${fund.id}/applications`, application(g.id, g.member));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.cosignerPersonIds[0]', code: 'not-committee' });
    const a = await ok(leader, 'POST', `/api/funding/funds/${fund.id}/applications`, application(g.id, g.committee));
    expect(a.eligibility.every((c: { passed: boolean }) => c.passed)).toBe(true);
    // One open application per group: a second is refused with the reason.
    const second = await call(officer, 'POST', `/api/funding/funds/${fund.id}/applications`, application(g.id, g.committee));
    expect(second.json().errors.map((e: { code: string }) => e.code)).toEqual(['one-open-loan']);

    // Four eyes: the maker recommends; the same person cannot verify; a checker returns it; the
    // leader corrects; the path starts again and the history stays.
    await ok(maker2, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'เสนอ' });
    const self = await call(maker2, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจ' });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/Four eyes/);
    await ok(checker, 'POST', `/api/funding/applications/${a.id}/return`, { reason: 'แนบใบเสนอราคา' });
    await ok(leader, 'PUT', `/api/funding/applications/${a.id}`, {
      ...application(g.id, g.committee),
      groupId: undefined,
      documents: [{ name: 'ใบเสนอราคา', reference: 'Q-001' }],
    });
    await ok(maker, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'เสนอใหม่' });
    await ok(checker, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจแล้ว' });
    // The checker may not also decide; the approver does, with the minutes.
    expect((await call(checker, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'x' })).statusCode).toBe(403);
    const decided = await ok(approver, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'ประชุมครั้งที่ 2/2569' });
    expect(decided.steps.map((s: { step: string }) => s.step)).toEqual(['submit', 'recommend', 'return', 'resubmit', 'recommend', 'verify', 'approve']);
    const after = await ok(approver, 'GET', `/api/funding/funds/${fund.id}`);
    expect(after.position).toMatchObject({ committed: 15_000_000, available: 485_000_000 });

    const loan = await disburse(decided.loanId, 15_000_000, '2026-01-15');
    expect(loan.schedule).toHaveLength(24);
    expect(loan.schedule.reduce((s: number, i: { principalSatang: number }) => s + i.principalSatang, 0)).toBe(15_000_000);
    // Due day 31 clamps to February's end and leaves weekends (28 Feb 2026 is a Saturday → Friday 27th).
    expect(loan.schedule[0].dueOn).toBe('2026-02-27');
    // The leader reads her group's loan; the Phuket maker cannot.
    expect((await call(leader, 'GET', `/api/funding/loans/${loan.id}`)).statusCode).toBe(200);
    expect((await call(phuketMaker, 'GET', `/api/funding/loans/${loan.id}`)).statusCode).toBe(403);
    expect((await call(phuketMaker, 'POST', `/api/funding/loans/${loan.id}/payments`, { amountSatang: 100, paidOn: '2026-02-01' })).statusCode).toBe(403);
    await verified();
  });

  it('repays in order, reverses exactly, imports a statement with a bad row reported, and reconciles', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody({}, { dueDay: 5 }));
    const g = await group();
    const a = await approved(fund.id, g.id, g.committee, 12_000_000);
    const loan = await disburse(a.loanId, 12_000_000, dayFromToday(-100));
    const before = await ok(maker, 'GET', `/api/funding/loans/${loan.id}`);
    const fundBefore = await ok(maker, 'GET', `/api/funding/funds/${fund.id}`);
    expect(before.daysPastDue).toBeGreaterThan(30);

    // 750,000 satang: instalment 1 (500,000) whole, then 250,000 of instalment 2.
    const p = await ok(maker, 'POST', `/api/funding/loans/${loan.id}/payments`, { amountSatang: 750_000, paidOn: dayFromToday(0), reference: 'CASH-1' });
    expect(p.allocation).toEqual([
      { number: 1, fee: 0, interest: 0, principal: 500_000 },
      { number: 2, fee: 0, interest: 0, principal: 250_000 },
    ]);
    const over = await call(maker, 'POST', `/api/funding/loans/${loan.id}/payments`, { amountSatang: 12_000_000, paidOn: dayFromToday(0) });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0].code).toBe('overpayment');
    const receipt = await call(maker, 'GET', `/api/funding/payments/${p.id}/receipt.pdf`);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The reversal restores the loan and the fund exactly as they were.
    const r = await ok(checker, 'POST', `/api/funding/payments/${p.id}/reverse`, { reason: 'เช็คคืน' });
    expect(r).toMatchObject({ kind: 'reversal', amountSatang: -750_000, reversesId: p.id });
    expect((await call(checker, 'POST', `/api/funding/payments/${p.id}/reverse`, { reason: 'ซ้ำ' })).statusCode).toBe(409);
    const restored = await ok(maker, 'GET', `/api/funding/loans/${loan.id}`);
    expect(restored.schedule).toEqual(before.schedule);
    expect(restored.outstandingSatang).toBe(before.outstandingSatang);
    expect((await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).position).toEqual(fundBefore.position);

    // A bank statement: one good row, one for an unknown loan; the dry run writes nothing.
    const csv = `เลขที่สัญญา,วันที่ชำระ,จำนวนเงิน,เลขอ้างอิง\n${loan.id},${dayFromToday(0)},"5,000.00",BANK-1\n999999,${dayFromToday(0)},100.00,BANK-2\n`;
    const dry = await t.app.inject({
      method: 'POST',
      url: `/api/funding/funds/${fund.id}/repayment-imports?dryRun=true`,
      payload: csv,
      headers: { cookie: maker.cookie, 'content-type': 'text/csv' },
    });
    expect(dry.json()).toMatchObject({ rows: 2, recorded: 0, dryRun: true, errors: [{ line: 3, column: 'loanId', code: 'unknown-loan' }] });
    expect((await ok(maker, 'GET', `/api/funding/loans/${loan.id}`)).payments).toHaveLength(2);
    const real = await t.app.inject({
      method: 'POST',
      url: `/api/funding/funds/${fund.id}/repayment-imports?dryRun=false`,
      payload: csv,
      headers: { cookie: maker.cookie, 'content-type': 'text/csv' },
    });
    expect(real.json()).toMatchObject({ recorded: 1, errors: [{ line: 3 }] });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/funding/funds/${fund.id}/repayment-imports?dryRun=false`,
      payload: csv,
      headers: { cookie: maker.cookie, 'content-type': 'text/csv' },
    });
    expect(again.json().errors.map((e: { code: string }) => e.code)).toEqual(['imported', 'unknown-loan']);

    // Arrears: the loan is late more than 30 days, so in PAR30 and in the collection queue.
    const queue = await ok(maker, 'GET', '/api/funding/collections');
    expect(queue.find((q: { loanId: number }) => q.loanId === loan.id)).toMatchObject({ bucket: expect.stringMatching(/31-60|61-90/) });
    expect((await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).par.par30Bp).toBe(10_000);
    expect((await ok(maker, 'GET', '/api/funding/reports/ageing'))[0].provinceCode).toBe('40');
    expect((await call(maker, 'GET', '/api/funding/reports/export.xlsx')).statusCode).toBe(200);
    const flows = await ok(maker, 'GET', '/api/funding/reports/flows');
    expect(flows.reduce((s: number, m: { repaidSatang: number }) => s + m.repaidSatang, 0)).toBeGreaterThanOrEqual(500_000);

    // Write-off with approval by another person; the money is lost, the history kept.
    const d = await ok(maker, 'POST', `/api/funding/loans/${loan.id}/decisions`, { kind: 'write-off', reason: 'กลุ่มยุบเลิก' });
    expect((await call(maker, 'POST', `/api/funding/loan-decisions/${d.id}/decide`, { decision: 'approve', minutesRef: 'x' })).statusCode).toBe(403);
    await ok(approver, 'POST', `/api/funding/loan-decisions/${d.id}/decide`, { decision: 'approve', minutesRef: 'ประชุมครั้งที่ 3/2569' });
    const written = await ok(maker, 'GET', `/api/funding/loans/${loan.id}`);
    expect(written).toMatchObject({ status: 'written-off', outstandingSatang: 0 });
    expect((await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).position.writtenOff).toBe(12_000_000 - 500_000);
    await verified();
  });

  it('restructures an active loan into a new schedule (with approval), keeping the old one', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const g = await group();
    const a = await approved(fund.id, g.id, g.committee, 10_000_000);
    const loan = await disburse(a.loanId, 10_000_000, dayFromToday(-40));
    const d = await ok(maker, 'POST', `/api/funding/loans/${loan.id}/decisions`, { kind: 'restructure', reason: 'น้ำท่วม', termMonths: 12, graceMonths: 2 });
    await ok(approver, 'POST', `/api/funding/loan-decisions/${d.id}/decide`, { decision: 'approve', minutesRef: 'ประชุมครั้งที่ 4/2569' });
    const after = await ok(maker, 'GET', `/api/funding/loans/${loan.id}`);
    expect(after).toMatchObject({ scheduleVersion: 2, daysPastDue: 0 });
    expect(after.schedule).toHaveLength(12);
    expect(after.schedule.reduce((s: number, i: { principalSatang: number }) => s + i.principalSatang, 0)).toBe(10_000_000);
    await verified();
  });

  it('records One Tambon One Group’s “funded” stage in the disbursement’s transaction, for a group waiting on it only', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const g = await group();
    const p = await ok(officer, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: g.id, unitCode: 'DSD-PSDO-40' });
    // The path up to "standard certified" is enterprise's own business (tested there); here the group stands at it.
    await sql`update participation set stage_code = 'standard-certified', stage_position = 5 where id = ${p.id}`.execute(t.database.db);
    const a = await approved(fund.id, g.id, g.committee, 10_000_000);
    await disburse(a.loanId, 4_000_000, dayFromToday(-1));
    const path = await ok(officer, 'GET', `/api/enterprise/participations/${p.id}`);
    expect(path.stageCode).toBe('funded');
    const step = path.steps.find((s: { stageCode: string }) => s.stageCode === 'funded');
    expect(step).toMatchObject({ automatic: true, evidence: { loanId: a.loanId, fundId: fund.id, amountSatang: 4_000_000 } });
    // A second tranche does not record the stage twice.
    await disburse(a.loanId, 6_000_000, dayFromToday(-1));
    const again = await ok(officer, 'GET', `/api/enterprise/participations/${p.id}`);
    expect(again.steps.filter((s: { stageCode: string }) => s.stageCode === 'funded')).toHaveLength(1);

    // A group still at "trained" keeps its place (stages are reached in order); an officer records
    // "funded" later with the loan's reference.
    const early = await group('400102');
    const q = await ok(officer, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: early.id, unitCode: 'DSD-PSDO-40' });
    await sql`update participation set stage_code = 'trained', stage_position = 3 where id = ${q.id}`.execute(t.database.db);
    const b = await approved(fund.id, early.id, early.committee, 5_000_000);
    await disburse(b.loanId, 5_000_000, dayFromToday(-1));
    const still = await ok(officer, 'GET', `/api/enterprise/participations/${q.id}`);
    expect(still.stageCode).toBe('trained');
    expect(still.steps.map((s: { stageCode: string }) => s.stageCode)).not.toContain('funded');
    await verified();
  });

  it('imports a statement in one pass: two rows of one loan allocate in turn, an overpaying row is refused alone, the dry run says the same', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const loans = [];
    for (const g of [await group(), await group()]) {
      const a = await approved(fund.id, g.id, g.committee, 6_000_000);
      loans.push(await disburse(a.loanId, 6_000_000, dayFromToday(-40)));
    }
    const [first, second] = loans;
    const fundBefore = (await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).position;
    // 2,500 + 2,500 baht on the first loan (instalments of 2,500 baht: one each), 60,000.01 on the second (more than it owes).
    const csv = [
      'เลขที่สัญญา,วันที่ชำระ,จำนวนเงิน,เลขอ้างอิง',
      `${first.id},${dayFromToday(0)},"2,500.00",ST-1`,
      `${second.id},${dayFromToday(0)},"60,000.01",ST-2`,
      `${first.id},${dayFromToday(0)},"2,500.00",ST-3`,
    ].join('\n');
    const post = (dryRun: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `/api/funding/funds/${fund.id}/repayment-imports?dryRun=${dryRun}`,
        payload: csv,
        headers: { cookie: maker.cookie, 'content-type': 'text/csv' },
      });
    const dry = (await post(true)).json();
    expect(dry).toMatchObject({ rows: 3, recorded: 0, errors: [{ line: 3, column: 'amountBaht', code: 'unprocessable' }] });
    expect((await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).position).toEqual(fundBefore);
    const real = (await post(false)).json();
    expect(real).toMatchObject({ rows: 3, recorded: 2, errors: [{ line: 3, code: 'unprocessable' }] });
    const paid = await ok(maker, 'GET', `/api/funding/loans/${first.id}`);
    expect(paid.payments.map((p: { allocation: { number: number }[] }) => p.allocation.map((a) => a.number))).toEqual([[1], [2]]);
    expect(paid.outstandingSatang).toBe(6_000_000 - 500_000);
    expect((await ok(maker, 'GET', `/api/funding/loans/${second.id}`)).payments).toEqual([]);
    expect((await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).position.repaid).toBe(fundBefore.repaid + 500_000);
    // Each recorded payment is audited on its loan.
    const events = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'loan.repayment' and entity_id = ${String(first.id)} and occurred_at > now() - interval '10 minutes' and after->>'source' = 'import'`.execute(
      t.database.db,
    );
    expect(events.rows[0]!.n).toBe(2);
    expect((await post(false)).json().errors.map((e: { code: string }) => e.code)).toEqual(['imported', 'unprocessable', 'imported']);
    await verified();
  });

  it('compares PAR by training cohort and by group type, and keeps each loan’s arrears columns true to its schedule', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const [trained, untrained] = [await group(), await group()];
    const session = await ok(
      officer,
      'POST',
      '/api/training/sessions',
      sessionBody({ applicationsCloseOn: dayFromToday(-90), days: [{ day: dayFromToday(-90), hours: 6 }] }),
    );
    await completeCourse(t.database.db, session.id, [trained.member]);
    const loans = [];
    for (const g of [trained, untrained]) {
      const a = await approved(fund.id, g.id, g.committee, 6_000_000);
      loans.push(await disburse(a.loanId, 6_000_000, dayFromToday(-75)));
    }
    // The trained group pays everything due; the other pays nothing and falls more than 30 days late.
    const due = loans[0].schedule
      .filter((i: { dueOn: string }) => i.dueOn < dayFromToday(0))
      .reduce((s: number, i: { principalSatang: number }) => s + i.principalSatang, 0);
    expect(due).toBeGreaterThan(0);
    await ok(maker, 'POST', `/api/funding/loans/${loans[0].id}/payments`, { amountSatang: due, paidOn: dayFromToday(0), reference: 'CASH-PAR' });
    const late = await ok(maker, 'GET', `/api/funding/loans/${loans[1].id}`);
    expect(late.daysPastDue).toBeGreaterThan(30);

    const byCourse = await ok(maker, 'GET', `/api/funding/reports/par?by=course&curriculumCode=SOCIAL-COMMERCE&fundId=${fund.id}`);
    expect(byCourse).toEqual([
      expect.objectContaining({ segment: 'completed', loans: 1, outstanding: 6_000_000 - due, par30Bp: 0 }),
      expect.objectContaining({ segment: 'not-completed', loans: 1, outstanding: 6_000_000, par30Satang: 6_000_000, par30Bp: 10_000 }),
    ]);
    const byType = await ok(maker, 'GET', `/api/funding/reports/par?by=group-type&fundId=${fund.id}`);
    expect(byType).toEqual([
      expect.objectContaining({ segment: 'independent-occupation', loans: 2, par30Satang: 6_000_000, par30Bp: mulDiv(6_000_000, 10_000, 12_000_000 - due) }),
    ]);
    const missing = await call(maker, 'GET', `/api/funding/reports/par?by=course&fundId=${fund.id}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('querystring.curriculumCode');
    // The fund's dashboard reads the same columns.
    expect((await ok(maker, 'GET', `/api/funding/funds/${fund.id}`)).par).toMatchObject({ outstanding: 12_000_000 - due, par30Satang: 6_000_000 });

    // The columns follow a repayment and its reversal; the reconciliation compares them with the schedules.
    const payment = await ok(maker, 'POST', `/api/funding/loans/${loans[1].id}/payments`, {
      amountSatang: 100_000,
      paidOn: dayFromToday(0),
      reference: 'CASH-PAR-2',
    });
    await verified();
    await ok(checker, 'POST', `/api/funding/payments/${payment.id}/reverse`, { reason: 'โอนผิดบัญชี' });
    await verified();
    // A column set wrong on purpose is found.
    await sql`update loan set outstanding_principal = outstanding_principal + 1 where id = ${loans[1].id}`.execute(t.database.db);
    const v = await t.services.funding.reconcile(await ctxOf(admin));
    expect(v.problems).toEqual([expect.objectContaining({ loanId: loans[1].id, what: 'loan outstanding column = schedule principal owed', found: 6_000_001 })]);
    await sql`update loan set outstanding_principal = outstanding_principal - 1 where id = ${loans[1].id}`.execute(t.database.db);
  });

  it('writes collection reminders once per instalment and kind from a job, and records the office’s contacts', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const g = await group();
    const a = await approved(fund.id, g.id, g.committee, 6_000_000);
    const loan = await disburse(a.loanId, 6_000_000, dayFromToday(-75));
    const today = dayFromToday(0);
    type Row = { number: number; dueOn: string };
    const overdue = loan.schedule.filter((i: Row) => i.dueOn < today).map((i: Row) => i.number);
    const soon = loan.schedule.filter((i: Row) => i.dueOn >= today && i.dueOn <= dayFromToday(7)).map((i: Row) => i.number);
    expect(overdue.length).toBeGreaterThan(0);

    const job = await call(maker, 'POST', '/api/funding/reminders');
    expect(job.statusCode).toBe(202);
    await t.services.jobs.drain();
    const done = await ok(maker, 'GET', `/api/funding/reminders/${job.json().id}`);
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(done.result.written).toBeGreaterThanOrEqual(overdue.length + soon.length);
    // Only the officer who started a job follows it.
    expect((await call(checker, 'GET', `/api/funding/reminders/${job.json().id}`)).statusCode).toBe(404);

    const reminded = await ok(maker, 'GET', `/api/funding/loans/${loan.id}`);
    const kinds = (kind: string) =>
      reminded.reminders
        .filter((r: { kind: string }) => r.kind === kind)
        .map((r: { instalmentNumber: number }) => r.instalmentNumber)
        .sort((x: number, y: number) => x - y);
    expect(kinds('overdue')).toEqual(overdue);
    expect(kinds('due-soon')).toEqual(soon);
    const first = reminded.reminders.find((r: { kind: string; instalmentNumber: number }) => r.kind === 'overdue' && r.instalmentNumber === overdue[0]);
    // In Thai with the B.E. year, in English with the C.E. year; in the outbox until a sender takes it.
    expect(first).toMatchObject({ status: 'pending', dueOn: loan.schedule[overdue[0] - 1].dueOn });
    expect(first.messageTh).toContain('เลยกำหนดชำระ');
    expect(first.messageTh).toContain(String(Number(first.dueOn.slice(0, 4)) + 543));
    expect(first.messageEn).toContain(`instalment ${overdue[0]} of loan ${loan.id}`);

    // A second run writes nothing twice.
    const again = await call(maker, 'POST', '/api/funding/reminders');
    await t.services.jobs.drain();
    expect((await ok(maker, 'GET', `/api/funding/reminders/${again.json().id}`)).result.written).toBe(0);
    expect((await ok(maker, 'GET', `/api/funding/loans/${loan.id}`)).reminders).toHaveLength(reminded.reminders.length);

    // The office records a call: a promise needs its date; the queue shows the last reminder and contact.
    const undated = await call(maker, 'POST', `/api/funding/loans/${loan.id}/contacts`, { method: 'call', outcome: 'promised', contactedOn: today });
    expect(undated.statusCode).toBe(422);
    expect(undated.json().errors[0]).toMatchObject({ field: 'body.promisedOn', code: 'promise-date' });
    expect(
      (await call(maker, 'POST', `/api/funding/loans/${loan.id}/contacts`, { method: 'visit', outcome: 'reached', contactedOn: dayFromToday(1) })).statusCode,
    ).toBe(422);
    expect(
      (await call(phuketMaker, 'POST', `/api/funding/loans/${loan.id}/contacts`, { method: 'call', outcome: 'no-answer', contactedOn: today })).statusCode,
    ).toBe(403);
    const contact = await ok(maker, 'POST', `/api/funding/loans/${loan.id}/contacts`, {
      method: 'call',
      outcome: 'promised',
      contactedOn: today,
      promisedOn: dayFromToday(5),
      promisedAmountSatang: 250_000,
      note: 'ประธานกลุ่มรับปากว่าจะชำระหลังขายผ้าได้',
    });
    expect(contact).toMatchObject({ loanId: loan.id, outcome: 'promised', promisedOn: dayFromToday(5), promisedAmountSatang: 250_000 });
    // The fund's loan list reads the same columns.
    const listed = await ok(maker, 'GET', `/api/funding/funds/${fund.id}/loans?status=active`);
    expect(listed).toEqual([expect.objectContaining({ id: loan.id, groupId: g.id, outstandingSatang: 6_000_000, daysPastDue: reminded.daysPastDue })]);
    expect((await call(phuketMaker, 'GET', `/api/funding/funds/${fund.id}/loans`)).statusCode).toBe(403);
    const queue = await ok(maker, 'GET', '/api/funding/collections');
    const row = queue.find((r: { loanId: number }) => r.loanId === loan.id);
    expect(row.lastRemindedAt).not.toBeNull();
    expect(row.lastContact).toMatchObject({ id: contact.id, method: 'call', outcome: 'promised' });
    expect((await ok(maker, 'GET', `/api/funding/loans/${loan.id}`)).contacts.map((c: { id: number }) => c.id)).toEqual([contact.id]);
    await verified();
  });

  it('exports the reports as a PDF in Thai with the Sarabun font embedded', async () => {
    const pdf = await call(maker, 'GET', '/api/funding/reports/export.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    // The Thai font travels in the file (subset, TrueType), so it prints in Thai anywhere.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Sarabun-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Sarabun-Bold/);
    expect(raw).toContain('/FontFile2');
    expect(raw.match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(1);
    // The title, a PDF text string in UTF-16BE: the report's Thai name.
    const title = /\/Title (\d+) 0 R/.exec(raw)![1];
    const literal = new RegExp(`\\n${title} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(raw)![1]!;
    const unescaped = literal.replace(/\\([nrtbf()\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
    const utf16 = Buffer.from(unescaped.slice(2), 'latin1').swap16().toString('utf16le');
    expect(utf16).toBe('รายงานกองทุนหมุนเวียนเพื่อกลุ่มอาชีพ');
    expect((await call(phuketMaker, 'GET', '/api/funding/reports/export.pdf')).statusCode).toBe(200);
    expect((await call(leader, 'GET', '/api/funding/reports/export.pdf')).statusCode).toBe(403);
  });

  it('keeps documents uploaded with an application, known by their first bytes', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody());
    const g = await group();
    const a = await ok(maker, 'POST', `/api/funding/funds/${fund.id}/applications`, application(g.id, g.committee));
    const upload = (who: { cookie: string }, bytes: Buffer, name: string, type = 'application/octet-stream') =>
      t.app.inject({
        method: 'POST',
        url: `/api/funding/applications/${a.id}/files?name=${encodeURIComponent(name)}`,
        payload: bytes,
        headers: { cookie: who.cookie, 'content-type': type },
      });
    const pdf = Buffer.from('%PDF-1.4\n%test\n');
    // The type comes from the first bytes, not from the Content-Type claimed.
    const stored = await upload(maker, pdf, 'ใบเสนอราคา.pdf', 'image/png');
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({ name: 'ใบเสนอราคา.pdf', contentType: 'application/pdf', sizeBytes: pdf.length });
    const notAFile = await upload(maker, Buffer.from('MZ not a document'), 'x.pdf');
    expect((await upload(maker, pdf, 'x.exe')).statusCode).toBe(400);
    expect(notAFile.statusCode).toBe(422);
    expect(notAFile.json().errors[0]).toMatchObject({ field: 'body', code: 'file-type' });
    expect((await upload(phuketMaker, pdf, 'x.pdf')).statusCode).toBe(403);
    const listed = await ok(maker, 'GET', `/api/funding/applications/${a.id}`);
    expect(listed.files).toEqual([expect.objectContaining({ id: stored.json().id, contentType: 'application/pdf' })]);
    const back = await call(checker, 'GET', `/api/funding/applications/${a.id}/files/${stored.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.rawPayload.equals(pdf)).toBe(true);
    expect((await call(phuketMaker, 'GET', `/api/funding/applications/${a.id}/files/${stored.json().id}`)).statusCode).toBe(403);
  });

  it('accepts nothing after the deadline: 23:59:59 Bangkok is in, 00:00:00 is out', async () => {
    const fund = await ok(approver, 'POST', '/api/funding/funds', fundBody({}, { deadline: '2026-03-31', oneOpenLoan: false }));
    const g = await group();
    const ctx = await ctxOf(maker);
    const input = { ...application(g.id, g.committee), documents: [] };
    await expect(t.services.funding.apply(ctx, fund.id, input, new Date('2026-03-31T23:59:59+07:00'))).resolves.toMatchObject({ status: 'submitted' });
    await expect(t.services.funding.apply(ctx, fund.id, input, new Date('2026-04-01T00:00:00+07:00'))).rejects.toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ code: 'window' })],
    });
  });

  it('edits the holiday calendar (administrators only)', async () => {
    const list = await ok(maker, 'GET', '/api/funding/holidays');
    expect(list.find((h: { day: string }) => h.day === '2026-04-13')).toMatchObject({ shipped: true, nameEn: 'Songkran Festival' });
    expect((await call(maker, 'PUT', '/api/funding/holidays/2026-11-16', { nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday' })).statusCode).toBe(403);
    await ok(admin, 'PUT', '/api/funding/holidays/2026-11-16', { nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday' });
    expect((await call(admin, 'DELETE', '/api/funding/holidays/2026-11-16')).statusCode).toBe(204);
  });

  it('keeps monitoring’s loans disbursed and satang paid out in the disbursements’ transactions: the rebuild agrees', async () => {
    // People built by this file's factories are written behind the registry's back: only this module's indicators are compared.
    const verdict = await t.services.monitoring.rebuild();
    expect(verdict.differences.filter((d) => ['funding.', 'enterprise.'].some((m) => d.key.startsWith(m)))).toEqual([]);
    const kept = new Set((await t.database.db.selectFrom('monitoring_rollup').select('indicator').where('value', '<>', 0).execute()).map((r) => r.indicator));
    for (const code of ['funding.loans-disbursed', 'funding.disbursed-satang', 'enterprise.otog.funded']) expect(kept, code).toContain(code);
  });
});

describe.each(ENGINES.filter((e) => e === 'postgresql'))('funding commitments under concurrency on %s', (engine) => {
  let t: TestApp;
  afterAll(() => t?.dispose());

  it('400 approvals at once asking twice the fund commit no more than its capital; each refusal says why', async () => {
    t = await createTestApp(engine);
    const approver = await t.createStaff({ roles: [{ role: 'fund_approver', unitCode: KK }] });
    const maker = await t.createStaff({ roles: [{ role: 'fund_maker', unitCode: KK }] });
    const checker = await t.createStaff({ roles: [{ role: 'fund_checker', unitCode: KK }] });
    const ctx: ActorContext = { actor: (await t.services.identity.loadActor(approver.id))!, requestId: 'test' };
    // 400 loans of 25,000 baht against a fund of 5,000,000 baht: twice the capital asked. The
    // issue names 1,000; each approval here is a whole transaction with its audit event (~10 ms
    // on this 2-core machine), and 400 keep the test near 4 s while still running 100 at once
    // against the one fund row, which is what the lock is tested by.
    const fund = await t.services.funding.createFund(
      ctx,
      FundBody.parse(fundBody({ capitalSatang: 500_000_000 }, { minAmountSatang: 1_000_000, oneOpenLoan: false })),
    );
    const people = await buildPeople(t.database.db, 1, { firstSerial: 700_000 + Math.floor(Math.random() * 1000) });
    const officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: { cookie: officer.cookie },
      payload: {
        name: `กลุ่มพร้อมกัน ${Date.now()}`,
        type: 'independent-occupation',
        occupation: 'textiles',
        subdistrictCode: '400101',
        members: [{ personId: people[0]!.id, role: 'leader', joinedOn: '2024-01-01' }],
      },
    });
    const groupId = Number(created.json().id);
    // Verified applications written straight in the database (a factory): the lock is under test, not the path.
    const ids = (
      await sql<{ id: number }>`
        insert into loan_application (fund_id, group_id, province_code, amount, term_months, purpose, business_plan, status, created_by)
        select ${fund.id}, ${groupId}, '40', 2500000, 12, 'ทดสอบ', '{}'::jsonb, 'verified', ${maker.id}::uuid from generate_series(1, 400)
        returning id`.execute(t.database.db)
    ).rows.map((r) => Number(r.id));
    await sql`insert into loan_step (application_id, step, actor_user_id)
      select id, s.step, case s.step when 'recommend' then ${maker.id}::uuid else ${checker.id}::uuid end
      from loan_application, (values ('recommend'), ('verify')) s(step) where fund_id = ${fund.id}`.execute(t.database.db);
    const started = Date.now();
    const results: PromiseSettledResult<unknown>[] = [];
    // In batches of 100 at once: the pool's connections all contend for the fund's row.
    for (let i = 0; i < ids.length; i += 100)
      results.push(
        ...(await Promise.allSettled(ids.slice(i, i + 100).map((id) => t.services.funding.decide(ctx, id, { decision: 'approve', minutesRef: 'M-1' })))),
      );
    const approvedCount = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(approvedCount).toBe(200);
    expect(refused).toHaveLength(200);
    for (const r of refused) expect(r.reason).toMatchObject({ status: 409, errors: [expect.objectContaining({ code: 'insufficient-funds' })] });
    const after = await t.services.funding.getFund(ctx, fund.id);
    expect(after.position.committed).toBe(500_000_000);
    expect(after.position.available).toBe(0);
    expect(
      (await t.services.funding.reconcile({ ...ctx, actor: { ...ctx.actor, grants: [{ role: 'system_admin', unitCode: null, provinceCodes: null }] } }))
        .problems,
    ).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 360_000); // a limit, not a goal (a busy machine)
});
