import fc from 'fast-check';
import { fiscalYearOf } from '../../src/shared/fiscal-year';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { employerBody, vacancyBody } from '../helpers/employment';
import { personBody } from '../helpers/people';
import { fundBody } from '../helpers/funding';
import { dayFromToday, sessionBody } from '../helpers/training';

/**
 * Every indicator's maintained rollup equals the rebuild from the source records after any short
 * sequence of registrations, address moves, merges, erasures, course completions and placements,
 * loans disbursed (some a month or more ago) and repaid or left in arrears, each done through the
 * API (the property), on both engines; and PAR30 as the overview reads it equals the loans' own
 * outstanding and days past due.
 */
type Command =
  | { kind: 'register'; province: '40' | '83' }
  | { kind: 'move'; pick: number }
  | { kind: 'merge'; pick: number; other: number }
  | { kind: 'erase'; pick: number }
  | { kind: 'complete'; pick: number; passes: boolean }
  | { kind: 'place'; pick: number }
  | { kind: 'loan'; daysAgo: number; repays: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('register' as const), province: fc.constantFrom('40' as const, '83' as const) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('erase' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('complete' as const), pick: fc.nat(), passes: fc.boolean() }),
  fc.record({ kind: fc.constant('place' as const), pick: fc.nat() }),
  // Disbursed 10, 40 or 75 days ago (instalments due and, unpaid, ageing past 30 days), then repaid as due or not.
  fc.record({ kind: fc.constant('loan' as const), daysAgo: fc.constantFrom(10, 40, 75), repays: fc.boolean() }),
);

const plan = { costs: [{ item: 'เครื่องทอผ้า', amountSatang: 4_000_000 }], expectedMonthlySalesSatang: 2_000_000, repaymentSource: 'ยอดขายรายเดือน' };

describe.each(ENGINES)('monitoring rollups against the rebuild on %s (property)', (engine) => {
  let t: TestApp;
  let officer: StaffAccount, phuketOfficer: StaffAccount, headquarters: StaffAccount, employmentOfficer: StaffAccount;
  let employer: { cookie: string };
  let vacancyId: number;
  let maker: StaffAccount, checker: StaffAccount, approver: StaffAccount;
  let fundId: number;
  const loanIds: number[] = [];
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-83' }] });
    headquarters = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-HQ' }] });
    employmentOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
    const body = employerBody(730_001 + (engine === 'pglite' ? 0 : 1));
    const applied = await t.app.inject({ method: 'POST', url: '/api/employment/employers/apply', payload: body });
    expect(applied.statusCode, applied.body).toBe(201);
    await ok(employmentOfficer, 'POST', `/api/employment/employers/${applied.json().id}/verify`, { decision: 'verified' });
    employer = { cookie: await t.signIn(body.username, body.password) };
    vacancyId = (await ok(employer, 'POST', '/api/employment/vacancies', vacancyBody({ requiredStandardCode: null, openings: 500 }))).id;
    maker = await t.createStaff({ roles: [{ role: 'fund_maker', unitCode: 'DOE-PEO-40' }] });
    checker = await t.createStaff({ roles: [{ role: 'fund_checker', unitCode: 'DOE-PEO-40' }] });
    approver = await t.createStaff({ roles: [{ role: 'fund_approver', unitCode: 'DOE-PEO-40' }] });
    fundId = (await ok(approver, 'POST', '/api/funding/funds', fundBody())).id;
  });

  /** A new Khon Kaen group's loan of 60,000 baht, through four eyes, disbursed `daysAgo`; repaid as due or left in arrears. */
  const lend = async (daysAgo: number, repays: boolean) => {
    // Registered through the API, so that they are counted as any registration.
    const people = [
      (await ok(officer, 'POST', '/api/people', personBody())) as { id: number },
      (await ok(officer, 'POST', '/api/people', personBody())) as { id: number },
    ];
    const group = await ok(officer, 'POST', '/api/groups', {
      name: `กลุ่มทดสอบ ${people[0]!.id}`,
      type: 'independent-occupation',
      occupation: 'textiles',
      subdistrictCode: '400101',
      members: [
        { personId: people[0]!.id, role: 'leader', joinedOn: '2024-01-01' },
        { personId: people[1]!.id, role: 'committee', joinedOn: '2024-01-01' },
      ],
    });
    const a = await ok(maker, 'POST', `/api/funding/funds/${fundId}/applications`, {
      groupId: group.id,
      amountSatang: 6_000_000,
      termMonths: 12,
      purpose: 'ซื้อวัตถุดิบ',
      businessPlan: plan,
      cosignerPersonIds: [people[1]!.id],
    });
    await ok(maker, 'POST', `/api/funding/applications/${a.id}/recommend`, { note: 'ครบ' });
    await ok(checker, 'POST', `/api/funding/applications/${a.id}/verify`, { note: 'ตรวจแล้ว' });
    const decided = await ok(approver, 'POST', `/api/funding/applications/${a.id}/decide`, { decision: 'approve', minutesRef: 'ประชุม 1/2569' });
    const loan = await ok(maker, 'POST', `/api/funding/loans/${decided.loanId}/disbursements`, {
      amountSatang: 6_000_000,
      paidOn: dayFromToday(-daysAgo),
      reference: `TRF-${decided.loanId}`,
      bankName: 'ธนาคารออมสิน',
      accountNumber: '0201234567',
      promptPayId: null,
    });
    loanIds.push(loan.id);
    const due = loan.schedule
      .filter((i: { dueOn: string }) => i.dueOn < dayFromToday(0))
      .reduce((s: number, i: { principalSatang: number }) => s + i.principalSatang, 0);
    if (repays && due > 0)
      await ok(maker, 'POST', `/api/funding/loans/${loan.id}/payments`, { amountSatang: due, paidOn: dayFromToday(0), reference: `CASH-${loan.id}` });
  };
  afterAll(() => t?.dispose());

  it('keeps every indicator equal to the rebuild after any short sequence of work', async () => {
    // Start from agreement: the test app's seeds are written behind the services' backs.
    await t.services.monitoring.rebuild({ apply: true });
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 6 }), async (commands) => {
        const people: { id: number; body: Record<string, unknown>; province: string }[] = [];
        const pickOf = (n: number) => (people.length ? people[n % people.length]! : null);
        for (const c of commands) {
          if (c.kind === 'loan') {
            await lend(c.daysAgo, c.repays);
            continue;
          }
          if (c.kind === 'register' || people.length === 0) {
            const province = c.kind === 'register' ? c.province : '40';
            const body = personBody(province === '83' ? { subdistrictCode: '830101' } : {});
            const who = province === '83' ? phuketOfficer : officer;
            people.push({ id: (await ok(who, 'POST', '/api/people', body)).id, body, province });
            continue;
          }
          const p = pickOf(c.pick)!;
          if (c.kind === 'move') {
            const current = await ok(headquarters, 'GET', `/api/people/${p.id}`);
            const to = p.province === '40' ? '830101' : '400101';
            await ok(headquarters, 'PUT', `/api/people/${p.id}`, { ...p.body, subdistrictCode: to, version: current.version });
            p.province = to.slice(0, 2);
            p.body = { ...p.body, subdistrictCode: to };
          } else if (c.kind === 'merge') {
            const q = pickOf(c.other)!;
            if (q.id === p.id) continue;
            const r = await call(headquarters, 'POST', `/api/people/${p.id}/merge`, { duplicateId: q.id });
            expect(r.statusCode, r.body).toBeLessThan(300);
            people.splice(people.indexOf(q), 1);
          } else if (c.kind === 'erase') {
            await ok(headquarters, 'POST', `/api/people/${p.id}/erase`, { reason: 'request by the person, form 12' });
            people.splice(people.indexOf(p), 1);
          } else if (c.kind === 'complete') {
            const session = await ok(
              officer,
              'POST',
              '/api/training/sessions',
              sessionBody({ days: [{ day: dayFromToday(0), hours: 6, topicTh: 'วางแผนธุรกิจ' }] }),
            );
            await sql`insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, post_test_score)
                      values (${session.id}, ${p.id}, 'enrolled', 'officer', now(), ${c.passes ? 360 : 0}, 90)`.execute(t.database.db);
            await sql`update training_session set status = 'running' where id = ${session.id}`.execute(t.database.db);
            await ok(officer, 'POST', `/api/training/sessions/${session.id}/evaluate`);
          } else if (c.kind === 'place') {
            await ok(headquarters, 'PUT', `/api/people/${p.id}/job-seeker`, { desiredOccupations: ['5244'] });
            const referral = await call(employmentOfficer, 'POST', '/api/employment/referrals', {
              vacancyId,
              personId: p.id,
              sharedFields: ['name'],
              consentEvidence: 'แบบยินยอมลงนาม',
            });
            // A person already referred to this vacancy (or out of the office's area) is refused: nothing is counted.
            if (referral.statusCode >= 300) continue;
            await ok(employer, 'POST', `/api/employment/referrals/${referral.json().id}/answer`, { status: 'hired', startedOn: dayFromToday(0) });
          }
        }
        const verdict = await t.services.monitoring.rebuild();
        expect(verdict.differences).toEqual([]);
        // PAR30 (a snapshot of the loans' arrears, not a rollup) equals the loans' own figures.
        let outstanding = 0;
        let atRisk = 0;
        for (const id of loanIds) {
          const l = await ok(maker, 'GET', `/api/funding/loans/${id}`);
          outstanding += l.outstandingSatang;
          if (l.daysPastDue > 30) atRisk += l.outstandingSatang;
        }
        const overview = await ok(headquarters, 'GET', `/api/monitoring/overview?fiscalYear=${fiscalYearOf(new Date())}&province=40`);
        const par30 = overview.indicators.find((i: { code: string }) => i.code === 'funding.par30').actual;
        expect(par30).toBe(outstanding ? Math.round((atRisk / outstanding) * 1000) / 10 : 0);
      }),
      { numRuns: 8 },
    );
  }, 300_000); // a limit, not a goal (a busy machine)
});
