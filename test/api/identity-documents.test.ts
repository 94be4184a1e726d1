import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { personBody, toCsv } from '../helpers/people';
import { dayFromToday, sessionBody } from '../helpers/training';

/**
 * One rule for identity documents (`normalizeDocumentNumber`): a passport typed with a dash in the
 * registration form is the same document as its number without one in an online-results file, in
 * the search box, and in a second registration.
 */
describe.each(ENGINES)('identity documents on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: officer.cookie } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
  });
  afterAll(() => t?.dispose());

  it('matches a dashed passport number typed in the form with the same number in a results file', async () => {
    const registered = await call('POST', '/api/people', personBody({ docType: 'passport', docNumber: 'mm-1234567', targetGroups: ['single-parent'] }));
    expect(registered.statusCode, registered.body).toBe(201);
    const personId = registered.json().id as number;
    // Stored as its letters and digits: the same passport typed without the dash is a duplicate.
    const again = await call('POST', '/api/people', personBody({ docType: 'passport', docNumber: 'MM 1234567' }));
    expect(again.statusCode).toBe(409);
    // The search box finds it however it is typed.
    for (const q of ['MM1234567', 'mm-1234567']) {
      const found = await call('GET', `/api/people?q=${encodeURIComponent(q)}`);
      expect(
        found.json().items.map((p: { id: number }) => p.id),
        q,
      ).toEqual([personId]);
    }

    const session = await call(
      'POST',
      '/api/training/sessions',
      sessionBody({
        curriculumCode: 'ETDA-EASY-ECOM',
        unitCode: 'DSD-PSDO-40',
        online: true,
        subdistrictCode: null,
        venue: null,
        capacityMin: 1,
        applicationsCloseOn: dayFromToday(-10),
        days: [{ day: dayFromToday(-10), hours: 12 }],
      }),
    );
    expect(session.statusCode, session.body).toBe(201);
    const sessionId = session.json().id as number;
    expect((await call('POST', `/api/training/sessions/${sessionId}/status`, { status: 'open' })).statusCode).toBe(200);
    expect((await call('POST', `/api/training/sessions/${sessionId}/applications`, { personId })).statusCode).toBeLessThan(300);
    expect((await call('POST', `/api/training/sessions/${sessionId}/status`, { status: 'running' })).statusCode).toBe(200);

    const results = toCsv([
      ['เลขประจำตัวประชาชน/เลขเอกสาร', 'วันที่เรียนจบ', 'คะแนน'],
      ['MM1234567', dayFromToday(-1), '91'],
    ]);
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/training/sessions/${sessionId}/results?fileName=results.csv`,
      headers: { cookie: officer.cookie, 'content-type': 'text/csv' },
      payload: Buffer.from(results),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ status: 'applied', applied: 1, errors: [] });
    const roster = (await call('GET', `/api/training/sessions/${sessionId}/roster`)).json().items as { personId: number; postTestScore: number | null }[];
    expect(roster).toEqual([expect.objectContaining({ personId, postTestScore: 91 })]);
  });
});
