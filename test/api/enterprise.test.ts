import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { buildPeople, dayFromToday, sessionBody } from '../helpers/training';
import { expiryAfter } from '../../src/server/modules/enterprise/enterprise.rules';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';
// A 1×1 PNG: what a phone sends after resizing.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe.each(ENGINES)('enterprise on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuket: StaffAccount;
  let hq: StaffAccount;
  let executive: StaffAccount;
  let provider: StaffAccount;
  let serial = 800_000 + Math.floor(Math.random() * 1000) * 100;
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  /** A group in a sub-district with `members` people. */
  const group = async (subdistrictCode: string, members: number, who: StaffAccount = officer) => {
    const people = await buildPeople(t.database.db, members, { firstSerial: serial, subdistrictCode });
    serial += members;
    return ok(who, 'POST', '/api/groups', {
      name: `กลุ่มทดสอบ ${serial}`,
      type: 'women-occupation',
      occupation: 'food-processing',
      subdistrictCode,
      members: people.map((p) => ({ personId: p.id, role: 'member', joinedOn: '2024-01-01' })),
    }).then((g) => ({ id: g.id as number, people }));
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuket = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    hq = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-HQ' }] });
    executive = await t.createStaff({ roles: [{ role: 'executive', unitCode: null }] });
    provider = await t.createStaff({ roles: [{ role: 'course_provider', unitCode: 'ETDA-HQ' }] });
  });
  afterAll(() => t?.dispose());

  it('ships One Tambon One Group with its stages and the 401 prototypes as a target, and the seven flagships', async () => {
    const list = await ok(officer, 'GET', '/api/enterprise/programmes');
    expect(list.map((p: { code: string }) => p.code)).toEqual(['OTOG', 'MSDHS-F1', 'MSDHS-F2', 'MSDHS-F3', 'MSDHS-F4', 'MSDHS-F5', 'MSDHS-F6', 'MSDHS-F7']);
    const otog = await ok(officer, 'GET', '/api/enterprise/programmes/OTOG');
    expect(otog.stages.map((s: { code: string }) => s.code)).toEqual([
      'nominated',
      'selected',
      'trained',
      'product-developed',
      'standard-certified',
      'funded',
      'selling-online',
      'self-sustaining',
    ]);
    expect(otog.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stageCode: 'selected', fiscalYear: 2567, target: 401 }),
        expect.objectContaining({ stageCode: 'trained', fiscalYear: 2568, target: 401, dueOn: '2025-03-31' }),
      ]),
    );
    const funnel = await ok(executive, 'GET', '/api/enterprise/programmes/OTOG/funnel?fiscalYear=2567');
    // The target is data; what is reached is measured (nobody yet).
    expect(funnel.stages.find((s: { code: string }) => s.code === 'selected')).toMatchObject({ target: 401, reached: 0 });
    expect((await call(provider, 'GET', '/api/enterprise/programmes')).statusCode).toBe(403);
    expect((await call(officer, 'GET', '/api/enterprise/programmes/NOPE')).statusCode).toBe(404);
  });

  it('nominates in the office’s provinces, selects at headquarters, advances by itself when members complete the course', async () => {
    const g = await group('400101', 3);
    // Scope: Phuket's office cannot nominate a Khon Kaen group, nor for another office.
    const outside = await call(phuket, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: g.id, unitCode: PHUKET_OFFICE });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().type).toMatch(/out-of-scope/);
    expect((await call(officer, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: g.id, unitCode: 'DOE-PEO-40' })).statusCode).toBe(403);
    const nominated = await ok(officer, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: g.id, unitCode: KK_OFFICE });
    expect(nominated).toMatchObject({ stageCode: 'nominated', provinceCode: '40', status: 'active' });
    // One per tambon: another group of the same sub-district is refused; twice the same group too.
    const neighbour = await group('400101', 1);
    expect((await call(officer, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: neighbour.id, unitCode: KK_OFFICE })).statusCode).toBe(409);
    expect((await call(officer, 'POST', '/api/enterprise/programmes/OTOG/participants', { groupId: g.id, unitCode: KK_OFFICE })).statusCode).toBe(409);

    // The late list for the 31 March deadline has the group.
    const late = await ok(officer, 'GET', '/api/enterprise/programmes/OTOG/late');
    const trainedDeadline = late.deadlines.find((d: { stageCode: string }) => d.stageCode === 'trained');
    expect(trainedDeadline.groups.map((x: { groupId: number }) => x.groupId)).toContain(g.id);
    const lateBefore = trainedDeadline.total;

    // A stage is never reached without its evidence: not trained before selection, nor selected by a province.
    const early = await call(officer, 'POST', `/api/enterprise/participations/${nominated.id}/advance`, { stageCode: 'trained' });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].code).toBe('not-next-stage');
    expect((await call(officer, 'POST', `/api/enterprise/participations/${nominated.id}/select`, { reason: 'ดี' })).statusCode).toBe(403);
    const selected = await ok(hq, 'POST', `/api/enterprise/participations/${nominated.id}/select`, { reason: 'ผลิตภัณฑ์มีศักยภาพ' });
    expect(selected.stageCode).toBe('selected');
    const notTrained = await call(officer, 'POST', `/api/enterprise/participations/${nominated.id}/advance`, { stageCode: 'trained', note: 'trust me' });
    expect(notTrained.statusCode).toBe(422);
    expect(notTrained.json().errors[0].code).toBe('course-not-completed');

    // The members complete Social Commerce For Business: closing the session advances the group.
    const session = await ok(
      officer,
      'POST',
      '/api/training/sessions',
      sessionBody({ applicationsCloseOn: dayFromToday(-3), days: [{ day: dayFromToday(-3), hours: 6 }] }),
    );
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    for (const p of g.people) await ok(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId: p.id });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'running' });
    const roster = (await ok(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).items as { id: number }[];
    await ok(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${dayFromToday(-3)}`, {
      entries: roster.map((r) => ({ enrolmentId: r.id, present: true })),
    });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'completed' });

    const path = await ok(officer, 'GET', `/api/enterprise/participations/${nominated.id}`);
    expect(path.stageCode).toBe('trained');
    expect(path.steps.map((s: { stageCode: string; automatic: boolean }) => [s.stageCode, s.automatic])).toEqual([
      ['nominated', false],
      ['selected', false],
      ['trained', true],
    ]);
    // One truth: the funnel counts the path, the late list shrinks.
    const funnel = await ok(officer, 'GET', '/api/enterprise/programmes/OTOG/funnel?province=40');
    const reached = Object.fromEntries(funnel.stages.map((s: { code: string; reached: number }) => [s.code, s.reached]));
    expect(reached).toMatchObject({ nominated: 1, selected: 1, trained: 1, 'product-developed': 0 });
    const lateAfter = (await ok(officer, 'GET', '/api/enterprise/programmes/OTOG/late?stage=trained')).deadlines[0];
    expect(lateAfter.total).toBe(lateBefore - 1);
    expect(lateAfter.groups.map((x: { groupId: number }) => x.groupId)).not.toContain(g.id);

    // Scope on reading: Phuket's office does not see the Khon Kaen path, nor count it.
    expect((await call(phuket, 'GET', `/api/enterprise/participations/${nominated.id}`)).statusCode).toBe(403);
    const phuketFunnel = await ok(phuket, 'GET', '/api/enterprise/programmes/OTOG/funnel');
    expect(phuketFunnel.stages[0].reached).toBe(0);

    // Document evidence, regression and exit with reasons.
    expect((await call(officer, 'POST', `/api/enterprise/participations/${nominated.id}/advance`, { stageCode: 'product-developed' })).statusCode).toBe(422);
    await ok(officer, 'POST', `/api/enterprise/participations/${nominated.id}/advance`, { stageCode: 'product-developed', documentRef: 'บันทึก 12/2568' });
    const certifiedRefused = await call(officer, 'POST', `/api/enterprise/participations/${nominated.id}/advance`, {
      stageCode: 'standard-certified',
      note: 'x',
    });
    expect(certifiedRefused.json().errors[0].code).toBe('no-valid-certificate');
    const back = await ok(officer, 'POST', `/api/enterprise/participations/${nominated.id}/regress`, { stageCode: 'trained', reason: 'สูตรไม่ผ่านการทดสอบ' });
    expect(back.steps.at(-1)).toMatchObject({ kind: 'regress', reason: 'สูตรไม่ผ่านการทดสอบ' });
  });

  it('keeps the mark only while a certificate stands, and checks the อย. and มผช. numbers', async () => {
    const g = await group('400102', 1);
    const product = await ok(officer, 'POST', `/api/enterprise/groups/${g.id}/products`, {
      name: 'ข้าวเกรียบฟักทอง',
      category: 'food',
      unitPriceSatang: 4500,
      capacityPerMonth: 800,
      ingredients: 'ฟักทอง แป้งมัน',
    });
    expect(product).toMatchObject({ unitPriceSatang: 4500, version: 1, marks: [] });
    const badFda = await call(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, {
      kind: 'fda',
      status: 'certified',
      number: '40-3-1234',
      issuedOn: '2025-01-10',
    });
    expect(badFda.statusCode).toBe(400);
    expect(badFda.json().errors[0]).toMatchObject({ field: 'body.number', code: 'fda-digits' });
    const badTcps = await call(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, {
      kind: 'tcps',
      status: 'certified',
      standardNo: '107-2546',
      issuedOn: '2025-01-10',
    });
    expect(badTcps.json().errors[0].field).toBe('body.standardNo');
    // A มผช. certificate issued today stands three years: the product carries the mark.
    const withMark = await ok(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, {
      kind: 'tcps',
      status: 'certified',
      standardNo: 'มผช. 107/2546',
      number: 'มผช.1234/2568',
      issuer: 'สำนักงานอุตสาหกรรมจังหวัดขอนแก่น',
      issuedOn: dayFromToday(0),
    });
    expect(withMark.marks).toEqual(['tcps']);
    expect(withMark.certifications[0].expiresOn).toBe(expiryAfter(dayFromToday(0), 3));
    // An expired FDA registration gives no mark.
    const expired = await ok(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, {
      kind: 'fda',
      status: 'certified',
      number: '40-1-12345-2-0001',
      issuedOn: '2020-01-01',
      expiresOn: dayFromToday(-1),
    });
    expect(expired.marks).toEqual(['tcps']);
    expect(expired.certifications.find((c: { kind: string }) => c.kind === 'fda')).toMatchObject({ validity: 'expired', number: '4011234520001' });
    // The tracker moves forward only.
    const applying = await ok(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, { kind: 'halal', status: 'preparing' });
    const halal = applying.certifications.find((c: { kind: string }) => c.kind === 'halal');
    expect((await call(officer, 'PATCH', `/api/enterprise/certifications/${halal.id}`, { status: 'certified', issuedOn: dayFromToday(0) })).statusCode).toBe(
      422,
    );
    await ok(officer, 'PATCH', `/api/enterprise/certifications/${halal.id}`, { status: 'submitted' });
    // Expiring within 90 days lands in the office's queue with its reminder.
    await ok(officer, 'POST', `/api/enterprise/products/${product.id}/certifications`, {
      kind: 'gap',
      status: 'certified',
      issuedOn: '2024-01-01',
      expiresOn: dayFromToday(20),
    });
    const queue = await ok(officer, 'GET', '/api/enterprise/certifications/expiring');
    expect(queue.find((q: { kind: string }) => q.kind === 'gap')).toMatchObject({ daysLeft: 20, reminder: '30-days' });
    expect(await ok(phuket, 'GET', '/api/enterprise/certifications/expiring')).toEqual([]);
    // A new version keeps the old one.
    const changed = await ok(officer, 'PATCH', `/api/enterprise/products/${product.id}`, { unitPriceSatang: 5000 });
    expect(changed.version).toBe(2);
    expect(changed.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await call(phuket, 'PATCH', `/api/enterprise/products/${product.id}`, { unitPriceSatang: 1 })).statusCode).toBe(403);
  });

  it('stores a visit synchronised twice once, and keeps both officers’ notes and the photo', async () => {
    const g = await group('400103', 1);
    const id = randomUUID();
    const photoId = randomUUID();
    const base = {
      id,
      groupId: g.id,
      programmeCode: 'OTOG',
      visitedOn: dayFromToday(0),
      officers: ['นางสาวเจ้าหน้าที่ หนึ่ง'],
      obstacles: [{ id: randomUUID(), category: 'funding', text: 'ขาดเงินทุนซื้อวัตถุดิบ', open: true }],
      notes: [{ id: randomUUID(), author: 'หนึ่ง', text: 'เตาอบชำรุด', at: '2026-12-01T03:00:00.000Z' }],
      latitude: 16.44,
      longitude: 102.83,
      photos: [{ id: photoId, dataUrl: PNG }],
      editedAt: '2026-12-01T03:00:00.000Z',
    };
    const first = await ok(officer, 'POST', '/api/enterprise/visits/sync', { visits: [base] });
    expect(first.results[0].outcome).toBe('created');
    const again = await ok(officer, 'POST', '/api/enterprise/visits/sync', { visits: [base] });
    expect(again.results[0].outcome).toBe('merged');
    const second = {
      ...base,
      officers: ['นายเจ้าหน้าที่ สอง'],
      photos: [],
      notes: [{ id: randomUUID(), author: 'สอง', text: 'มีสินค้าค้างสต็อก', at: '2026-12-01T04:00:00.000Z' }],
      editedAt: '2026-12-01T04:00:00.000Z',
    };
    await ok(officer, 'POST', '/api/enterprise/visits/sync', { visits: [second] });
    const rows = await t.database.db.selectFrom('field_visit').selectAll().where('group_id', '=', g.id).execute();
    expect(rows).toHaveLength(1);
    const visit = await ok(officer, 'GET', `/api/enterprise/visits/${id}`);
    expect(visit.notes.map((n: { author: string }) => n.author)).toEqual(['หนึ่ง', 'สอง']);
    expect(visit.officers).toHaveLength(2);
    expect(visit.photos).toHaveLength(1);
    const photo = await call(officer, 'GET', visit.photos[0].url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const page = await ok(officer, 'GET', `/api/enterprise/groups/${g.id}`);
    expect(page.visits.map((v: { id: string }) => v.id)).toEqual([id]);
    const obstacles = await ok(officer, 'GET', '/api/enterprise/obstacles');
    expect(obstacles).toEqual(expect.arrayContaining([expect.objectContaining({ provinceCode: '40', category: 'funding' })]));
    // Scope: Phuket's officer neither records nor sees it.
    expect((await call(phuket, 'POST', '/api/enterprise/visits/sync', { visits: [{ ...base, id: randomUUID(), photos: [] }] })).statusCode).toBe(403);
    expect((await call(phuket, 'GET', `/api/enterprise/visits/${id}`)).statusCode).toBe(403);
    expect((await call(phuket, 'GET', visit.photos[0].url)).statusCode).toBe(403);
  });

  it('records community enterprise registration and counts new ones against 140 a year', async () => {
    const g = await group('400101', 1);
    const bad = await call(officer, 'PUT', `/api/enterprise/groups/${g.id}/development`, { ceRegistrationNo: '12345', ceRegisteredOn: dayFromToday(0) });
    expect(bad.statusCode).toBe(400);
    await ok(officer, 'PUT', `/api/enterprise/groups/${g.id}/development`, { ceRegistrationNo: '4-40-01-01/1-0001', ceRegisteredOn: dayFromToday(0) });
    const summary = await ok(officer, 'GET', '/api/enterprise/development');
    expect(summary).toMatchObject({ registered: 1, target: 140 });
    expect((await ok(phuket, 'GET', '/api/enterprise/development')).registered).toBe(0);
  });

  it('refuses bad input on every route, naming the field, and changes nothing', async () => {
    const before = await t.database.db
      .selectFrom('participation')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const uuid = randomUUID();
    const bad: [string, string, unknown][] = [
      ['GET', '/api/enterprise/programmes/otog', undefined],
      ['GET', '/api/enterprise/programmes/OTOG/funnel?fiscalYear=68', undefined],
      ['GET', '/api/enterprise/programmes/OTOG/late?limit=0', undefined],
      ['GET', '/api/enterprise/programmes/OTOG/participants?status=gone', undefined],
      ['POST', '/api/enterprise/programmes/OTOG/participants', { groupId: 'x', unitCode: KK_OFFICE }],
      ['GET', '/api/enterprise/participations/abc', undefined],
      ['POST', '/api/enterprise/participations/1/select', { reason: '' }],
      ['POST', '/api/enterprise/participations/1/advance', { stageCode: 'Trained!' }],
      ['POST', '/api/enterprise/participations/1/regress', { stageCode: 'nominated' }],
      ['POST', '/api/enterprise/participations/1/exit', {}],
      ['GET', '/api/enterprise/groups/0', undefined],
      ['POST', '/api/enterprise/groups/1/products', { name: 'x', category: 'food', unitPriceSatang: 12.5 }],
      ['PUT', '/api/enterprise/groups/1/development', { ceRegistrationNo: null }],
      ['GET', '/api/enterprise/development?fiscalYear=abc', undefined],
      ['GET', '/api/enterprise/products/-1', undefined],
      ['PATCH', '/api/enterprise/products/1', { unitPriceSatang: -1 }],
      ['POST', '/api/enterprise/products/1/certifications', { kind: 'iso', status: 'certified' }],
      ['PATCH', '/api/enterprise/certifications/1', { status: 'approved' }],
      ['GET', '/api/enterprise/certifications/expiring?within=1000', undefined],
      ['POST', '/api/enterprise/visits/sync', { visits: [{ id: 'not-a-uuid', groupId: 1, visitedOn: '2026-13-01', officers: [], editedAt: 'now' }] }],
      ['GET', '/api/enterprise/visits/123', undefined],
      ['GET', '/api/enterprise/photos/abc', undefined],
      ['GET', '/api/enterprise/obstacles?x=1', undefined],
    ];
    for (const [method, url, payload] of bad) {
      const r = await call(officer, method as 'GET', url, payload);
      expect(r.statusCode, `${method} ${url}`).toBe(400);
      expect(r.json().errors?.[0]?.messageTh ?? r.json().detailTh, `${method} ${url}`).toBeTruthy();
    }
    const photo = await call(officer, 'POST', '/api/enterprise/visits/sync', {
      visits: [
        {
          id: uuid,
          groupId: 1,
          visitedOn: dayFromToday(0),
          officers: ['x'],
          photos: [{ id: randomUUID(), dataUrl: 'data:text/html;base64,AAAA' }],
          editedAt: new Date().toISOString(),
        },
      ],
    });
    expect(photo.statusCode).toBe(400);
    expect(photo.json().errors[0].field).toMatch(/photos/);
    const after = await t.database.db
      .selectFrom('participation')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await t.database.db.selectFrom('field_visit').select('id').where('id', '=', uuid).execute()).toEqual([]);
  });

  it('keeps monitoring’s funnel, registrations and certificates in the writes’ transactions: the rebuild agrees', async () => {
    // People built by this file's factories are written behind the registry's back: only this module's indicators are compared.
    const verdict = await t.services.monitoring.rebuild();
    expect(verdict.differences.filter((d) => ['enterprise.'].some((m) => d.key.startsWith(m)))).toEqual([]);
    const kept = new Set((await t.database.db.selectFrom('monitoring_rollup').select('indicator').where('value', '<>', 0).execute()).map((r) => r.indicator));
    for (const code of ['enterprise.otog.nominated', 'enterprise.otog.selected', 'enterprise.products-certified', 'enterprise.ce-registered'])
      expect(kept, code).toContain(code);
  });
});
