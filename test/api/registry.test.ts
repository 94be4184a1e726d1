import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { badChecksum, personBody } from '../helpers/people';

const KK_OFFICE = 'DSD-PSDO-40';
const PHUKET_OFFICE = 'DSD-PSDO-83';

describe.each(ENGINES)('registry of people and groups on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let phuketOfficer: StaffAccount;
  let executive: StaffAccount;
  let admin: StaffAccount;
  const call = (who: StaffAccount, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const auditOf = async (action: string, entityId: string) =>
    t.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    phuketOfficer = await t.createStaff({ roles: [{ role: 'officer', unitCode: PHUKET_OFFICE }] });
    executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('registers a person, and refuses a wrong checksum at the field', async () => {
    const body = personBody();
    const wrong = await call(officer, 'POST', '/api/people', { ...body, docNumber: badChecksum(body.docNumber) });
    expect(wrong.statusCode).toBe(400);
    const error = wrong.json().errors.find((e: { field: string }) => e.field === 'body.docNumber');
    expect(error.messageTh).toContain('ไม่ถูกต้อง');

    const created = await call(officer, 'POST', '/api/people', body);
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person.address.provinceNameEn).toBe('Khon Kaen');
    expect(person.docNumberMasked).toMatch(/^\d-\d{4}-xxxxx-xx-\d$/);
    expect(JSON.stringify(person)).not.toContain(body.docNumber);
    expect(await auditOf('person.create', String(person.id))).toHaveLength(1);

    const again = await call(officer, 'POST', '/api/people', { ...body, firstNameTh: 'อื่น' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(String(person.id));
  });

  it('finds a person by part of her Thai name, by English name, by national ID and by phone', async () => {
    const body = personBody({ firstNameTh: 'บุญเรือน', lastNameTh: 'ศรีสุขสวัสดิ์', firstNameEn: 'Boonruean', lastNameEn: 'Srisuksawat', phone: '0899990001' });
    const id = (await call(officer, 'POST', '/api/people', body)).json().id;
    for (const q of ['บุญเรือ', 'สุขสวัส', 'บุญเรือน ศรีสุข', 'boonru', body.docNumber, '089-999-0001', 'บุ']) {
      const page = (await call(officer, 'GET', `/api/people?q=${encodeURIComponent(q)}`)).json();
      expect(
        page.items.map((p: { id: number }) => p.id),
        q,
      ).toContain(id);
    }
    const none = (await call(officer, 'GET', `/api/people?q=${encodeURIComponent('ไม่มีชื่อนี้เลย')}`)).json();
    expect(none.total).toBe(0);
  });

  it('keeps each officer to their provinces and administrators out of personal data', async () => {
    const body = personBody();
    const id = (await call(officer, 'POST', '/api/people', body)).json().id;
    // A document lookup filters like any search: in the officer's area and the asked-for district only.
    const byDocument = (await call(officer, 'GET', `/api/people?q=${body.docNumber}`)).json();
    expect(byDocument.items.map((p: { id: number; districtNameEn: string }) => [p.id, p.districtNameEn])).toEqual([[id, 'Mueang Khon Kaen']]);
    expect((await call(officer, 'GET', `/api/people?q=${body.docNumber}&district=4002`)).json().items).toEqual([]);
    expect((await call(phuketOfficer, 'GET', `/api/people?q=${body.docNumber}`)).json().items).toEqual([]);
    const refused = await call(phuketOfficer, 'GET', `/api/people/${id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Khon Kaen');
    expect(refused.json().detail).toContain('Phuket');
    const list = (await call(phuketOfficer, 'GET', '/api/people?limit=200')).json();
    expect(list.items.map((p: { id: number }) => p.id)).not.toContain(id);
    const inPhuket = await call(officer, 'POST', '/api/people', personBody({ subdistrictCode: '830101' }));
    expect(inPhuket.statusCode).toBe(403);
    expect((await call(admin, 'GET', '/api/people')).statusCode).toBe(403);
    expect((await call(phuketOfficer, 'PUT', `/api/people/${id}`, { ...personBody(), version: 1 })).statusCode).toBe(403);
  });

  it('masks national IDs for executives and audits each unmasked view', async () => {
    const body = personBody();
    const id = (await call(officer, 'POST', '/api/people', body)).json().id;
    const seen = await call(executive, 'GET', `/api/people/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canReveal).toBe(false);
    expect(seen.json().phone).toMatch(/x/);
    expect((await call(executive, 'GET', `/api/people/${id}/identity?reason=check`)).statusCode).toBe(403);
    const revealed = await call(officer, 'GET', `/api/people/${id}/identity?reason=check`);
    expect(revealed.json().identities[0].docNumber).toBe(body.docNumber);
    await call(officer, 'GET', `/api/people/${id}/identity?reason=check`);
    expect(await auditOf('person.reveal_document', String(id))).toHaveLength(2);
  });

  it('keeps disability data only with explicit consent, and drops it when consent is withdrawn', async () => {
    const withoutConsent = await call(
      officer,
      'POST',
      '/api/people',
      personBody({ disability: { type: 'physical', cardNo: 'D-123' }, targetGroups: ['disability'] }),
    );
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.json().errors[0].code).toBe('sensitive-without-consent');

    const created = await call(
      officer,
      'POST',
      '/api/people',
      personBody({
        disability: { type: 'physical', cardNo: 'D-123' },
        targetGroups: ['disability', 'poor'],
        consents: [{ purpose: 'sensitive-data', evidence: 'signed form' }],
      }),
    );
    expect(created.statusCode).toBe(201);
    const person = created.json();
    // Issue 15 §3: the card number (usually the national ID) is masked like an ID, and comes whole
    // only from the audited reveal, which asks why and records the reason (sealed under her key).
    expect(person.disability).toEqual({ type: 'physical', cardNo: 'D-xx3' });
    expect(JSON.stringify((await call(officer, 'GET', `/api/people/${person.id}`)).json())).not.toContain('D-123');
    expect((await call(officer, 'GET', `/api/people/${person.id}/identity`)).statusCode).toBe(400);
    const card = await call(officer, 'GET', `/api/people/${person.id}/identity?reason=${encodeURIComponent('ยืนยันสิทธิ์เบี้ยความพิการ')}`);
    expect(card.json().disabilityCardNo).toBe('D-123');
    expect((await call(executive, 'GET', `/api/people/${person.id}/identity?reason=curious`)).statusCode).toBe(403);
    const [revealEvent] = await auditOf('person.reveal_document', String(person.id));
    expect(revealEvent).toMatchObject({ subject_person_id: person.id, after: { disabilityCard: true, reason: { $personal: expect.any(String) } } });
    const trail = (await call(admin, 'GET', `/api/audit-events?action=person.reveal_document&subjectPersonId=${person.id}`)).json();
    // Administrators read the trail without personal values (issue 15 §4).
    expect(trail.items[0].after).toMatchObject({ reason: { withheld: true } });
    // An executive does not see it, and is told something is withheld.
    const exec = (await call(executive, 'GET', `/api/people/${person.id}`)).json();
    expect(exec.disability).toBeNull();
    expect(exec.targetGroups).toEqual(['poor']);
    expect(exec.sensitiveWithheld).toBe(true);

    const withdrawn = await call(officer, 'DELETE', `/api/people/${person.id}/consents/sensitive-data`);
    expect(withdrawn.statusCode).toBe(200);
    const row = await t.database.db.selectFrom('person').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.disability_type).toBeNull();
    expect(row.target_groups).toEqual(['poor']);
    const timeline = (await call(officer, 'GET', `/api/people/${person.id}/timeline`)).json();
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('consent-withdrawn');
  });

  it('records sharing consent per purpose, once while it stands', async () => {
    const id = (await call(officer, 'POST', '/api/people', personBody())).json().id;
    expect(await t.services.registry.hasConsent(id, 'share-lazada')).toBe(false);
    expect((await call(officer, 'POST', `/api/people/${id}/consents`, { purpose: 'share-lazada' })).statusCode).toBe(200);
    expect((await call(officer, 'POST', `/api/people/${id}/consents`, { purpose: 'share-lazada' })).statusCode).toBe(409);
    expect(await t.services.registry.hasConsent(id, 'share-lazada')).toBe(true);
  });

  it('creates a group with a leader, and both pages and timelines show it', async () => {
    const leader = (await call(officer, 'POST', '/api/people', personBody())).json();
    const created = await call(officer, 'POST', '/api/groups', {
      name: 'กลุ่มทอผ้าไหมบ้านโนนทัน',
      type: 'women-occupation',
      occupation: 'textiles',
      subdistrictCode: '400101',
      foundedOn: '2020-01-15',
      members: [{ personId: leader.id, role: 'leader', joinedOn: '2020-01-15' }],
    });
    expect(created.statusCode).toBe(201);
    const group = created.json();
    expect(group.members).toMatchObject([{ personId: leader.id, role: 'leader', leftOn: null }]);
    const person = (await call(officer, 'GET', `/api/people/${leader.id}`)).json();
    expect(person.memberships).toMatchObject([{ groupId: group.id, role: 'leader' }]);
    const timeline = (await call(officer, 'GET', `/api/people/${leader.id}/timeline`)).json();
    expect(timeline[0].summaryTh).toContain('กลุ่มทอผ้าไหมบ้านโนนทัน');
    expect((await call(officer, 'GET', `/api/groups/${group.id}/timeline`)).json().length).toBeGreaterThanOrEqual(2);
    expect((await call(officer, 'GET', `/api/groups?q=${encodeURIComponent('ทอผ้าไหม')}`)).json().items.map((g: { id: number }) => g.id)).toContain(group.id);

    // A role change closes the old membership and opens a new one: history is kept.
    const changed = (
      await call(officer, 'POST', `/api/groups/${group.id}/members/${group.members[0].id}/end`, { leftOn: '2024-01-01', newRole: 'committee' })
    ).json();
    expect(changed.members).toHaveLength(2);
    expect(changed.members.filter((m: { leftOn: string | null }) => m.leftOn === null)).toMatchObject([{ role: 'committee' }]);
    expect((await call(officer, 'POST', `/api/groups/${group.id}/members`, { personId: leader.id, role: 'member', joinedOn: '2024-02-01' })).statusCode).toBe(
      409,
    );
    expect((await call(phuketOfficer, 'GET', `/api/groups/${group.id}`)).statusCode).toBe(403);
  });

  it('lists likely duplicates and merges one into the other, keeping every link', async () => {
    const same = { firstNameTh: 'มะลิ', lastNameTh: 'ทองคำแท้', birthDate: '1970-07-07' };
    const a = (await call(officer, 'POST', '/api/people', personBody(same))).json();
    const b = (await call(officer, 'POST', '/api/people', personBody({ ...same, docType: 'passport', docNumber: 'AA1234567' }))).json();
    const group = (
      await call(officer, 'POST', '/api/groups', {
        name: 'กลุ่มมะลิ',
        type: 'other',
        occupation: 'agriculture',
        subdistrictCode: '400101',
        members: [{ personId: b.id, role: 'member', joinedOn: '2021-01-01' }],
      })
    ).json();
    await call(officer, 'POST', `/api/people/${b.id}/consents`, { purpose: 'share-gsb' });

    const pairs = (await call(officer, 'GET', `/api/people/duplicates?personId=${a.id}`)).json();
    expect(pairs.map((p: { a: { id: number }; b: { id: number } }) => [p.a.id, p.b.id])).toContainEqual([a.id, b.id]);
    expect((await call(phuketOfficer, 'GET', `/api/people/duplicates?personId=${a.id}`)).json()).toEqual([]);

    const merged = await call(officer, 'POST', `/api/people/${a.id}/merge`, { duplicateId: b.id });
    expect(merged.statusCode).toBe(200);
    const survivor = merged.json();
    expect(survivor.identities).toHaveLength(2);
    expect(survivor.memberships.map((m: { groupId: number }) => m.groupId)).toContain(group.id);
    expect(survivor.consents.map((c: { purpose: string }) => c.purpose)).toContain('share-gsb');
    const loser = (await call(officer, 'GET', `/api/people/${b.id}`)).json();
    expect(loser).toMatchObject({ status: 'merged', mergedInto: a.id });
    // The passport now finds the survivor, and merging again is refused.
    expect((await call(officer, 'GET', '/api/people?q=AA1234567')).json().items.map((p: { id: number }) => p.id)).toEqual([a.id]);
    expect((await call(officer, 'POST', `/api/people/${a.id}/merge`, { duplicateId: b.id })).statusCode).toBe(409);
    expect(await auditOf('person.merge', String(a.id))).toHaveLength(1);
  });

  it('exports a person whole and erases them on request', async () => {
    const body = personBody({ firstNameTh: 'ลบฉัน' });
    const id = (await call(officer, 'POST', '/api/people', body)).json().id;
    const json = await call(officer, 'GET', `/api/people/${id}/export`);
    expect(json.json().person.identities[0].docNumber).toBe(body.docNumber);
    const html = await call(officer, 'GET', `/api/people/${id}/export?format=html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('ลบฉัน');
    // Printable for a Thai reader: B.E. dates, Bangkok time, words not codes, the bundled font.
    expect(html.body).toContain('5 มี.ค. 2528');
    const visible = html.body.replace(/<style>[\s\S]*?<\/style>|<[^>]+>/g, ' ');
    // Word-bounded: a C.E. year or ISO date standing alone, not four digits inside a phone or ID number.
    expect(visible).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|T\d{2}:\d{2}|\b20[0-9]{2}\b/);
    expect(html.body).toContain('เวลากรุงเทพฯ');
    expect(html.body).toContain('เลขประจำตัวประชาชน');
    expect(html.body).not.toContain('single-parent');
    expect(html.body).toMatch(/@font-face\{font-family:Sarabun;[^}]*src:url\(data:font\/woff;base64,/);
    expect((await call(executive, 'GET', `/api/people/${id}/export`)).statusCode).toBe(403);

    const erased = await call(officer, 'POST', `/api/people/${id}/erase`, { reason: 'request by the person, form 12' });
    expect(erased.json().status).toBe('erased');
    const row = await t.database.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('ลบฉัน');
    expect(JSON.stringify(row)).not.toContain(body.docNumber);
    expect(row.phone).toBeNull();
    // The document is free again: the person could register afresh.
    expect((await call(officer, 'POST', '/api/people', body)).statusCode).toBe(201);
    // The audit trail never held the name.
    const events = await t.database.db.selectFrom('audit_event').select(['before', 'after']).where('entity_id', '=', String(id)).execute();
    expect(JSON.stringify(events)).not.toContain('ลบฉัน');
  });

  it('exports a filtered list with formulas defused', async () => {
    // The name rule refuses '=' in a name now; a record stored before it may still hold one.
    const stored = (await call(officer, 'POST', '/api/people', personBody())).json();
    await t.database.db.updateTable('person').set({ first_name_th: '=HYPERLINK', search_text: '=hyperlink' }).where('id', '=', stored.id).execute();
    const csv = await call(officer, 'GET', `/api/people/export?q=${encodeURIComponent('hyperlink')}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain("'=HYPERLINK");
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await call(officer, 'GET', '/api/people/export?format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('counts people by province and target group within the area, sensitive groups only for those who see them', async () => {
    await call(officer, 'POST', '/api/people', personBody({ targetGroups: ['disability'], consents: [{ purpose: 'sensitive-data' }] }));
    const officerStats = (await call(officer, 'GET', '/api/people/stats')).json();
    expect(officerStats.byProvince.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['40']);
    expect(officerStats.total).toBe(officerStats.byProvince[0].count);
    expect(officerStats.byTargetGroup.map((g: { code: string }) => g.code)).toContain('disability');
    const executiveStats = (await call(executive, 'GET', '/api/people/stats')).json();
    expect(executiveStats.total).toBeGreaterThanOrEqual(officerStats.total);
    expect(executiveStats.byTargetGroup.map((g: { code: string }) => g.code)).not.toContain('disability');
    expect((await call(admin, 'GET', '/api/people/stats')).statusCode).toBe(403);
  });

  it('refuses a stale correction instead of overwriting', async () => {
    const person = (await call(officer, 'POST', '/api/people', personBody())).json();
    const { id, version, ...rest } = person;
    const body = { ...personBody(), docNumber: undefined, version };
    delete body.docNumber;
    const input = {
      ...body,
      docType: 'th-id',
      docNumber: (await call(officer, 'GET', `/api/people/${id}/identity?reason=check`)).json().identities[0].docNumber,
    };
    expect((await call(officer, 'PUT', `/api/people/${id}`, { ...input, firstNameTh: 'แก้แล้ว' })).statusCode).toBe(200);
    const stale = await call(officer, 'PUT', `/api/people/${id}`, { ...input, firstNameTh: 'ทับ' });
    expect(stale.statusCode).toBe(409);
    expect(rest.firstNameTh).toBe('สมศรี');
  });
});
