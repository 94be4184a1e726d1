import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { nationalId, personBody, toCsv } from '../helpers/people';
import { dayFromToday, sessionBody } from '../helpers/training';

const STANDARD = 'TPQI-ECW';
const thaiDigits = (n: number) => String(n).replace(/\d/g, (d) => 'กขคงจฉชซฌญ'[Number(d)]!);
const latinDigits = (n: number) => String(n).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

/**
 * Issue 15 §1: a person who has touched every module (registry, imports, identity, training,
 * credentials, competency, the audit trail) is erased; then every text, JSON and binary column of
 * every table the catalogue lists, the audit trail as the API shows it, and the files the server
 * keeps are searched for her national ID, names, phone and disability card number: none found.
 * The search is driven by the catalogue, so a table added later is searched the day it lands.
 */
describe.each(ENGINES)('erasure leaves nothing of the person behind on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let assessor: StaffAccount;
  let admin: StaffAccount;
  const call = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: { cookie: who.cookie } });
  const ok = async (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return String(response.headers['content-type'] ?? '').includes('json') ? response.json() : response.body;
  };

  /** Every (table, column) of the application's schema whose values are text, JSON or bytes. */
  const searchableColumns = async () =>
    (
      await sql<{ table_name: string; column_name: string; data_type: string }>`
        select c.table_name, c.column_name, c.data_type
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
           and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
         order by 1, 2`.execute(t.database.db)
    ).rows;

  /**
   * `table.column` holding any of the needles, with the needle found. One scan per table counts
   * every (column, needle) pair at once: a query per pair was thousands of scans.
   */
  const searchDatabase = async (needles: string[]) => {
    const hits: string[] = [];
    const byTable = new Map<string, { column_name: string; data_type: string }[]>();
    for (const c of await searchableColumns()) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
    const matchOf = (c: { column_name: string; data_type: string }, needle: string) => {
      const column = sql.ref(c.column_name);
      return c.data_type === 'bytea'
        ? sql`position(convert_to(${needle}, 'UTF8') in ${column}) > 0`
        : sql`strpos(lower(${column}::text), lower(${needle})) > 0`;
    };
    for (const [table, columns] of byTable) {
      const pairs = columns.flatMap((c) => needles.map((needle) => ({ c, needle })));
      const counts = sql.join(pairs.map(({ c, needle }, k) => sql`count(*) filter (where ${matchOf(c, needle)})::int as ${sql.ref(`n${k}`)}`));
      const { rows } = await sql<Record<string, number>>`select ${counts} from ${sql.table(table)}`.execute(t.database.db);
      for (const [k, { c, needle }] of pairs.entries()) {
        const n = rows[0]![`n${k}`]!;
        if (n === 0) continue;
        // The trail's hits name their events' actions, to say which call site writes her data.
        const actions =
          table === 'audit_event'
            ? (await sql<{ action: string }>`select distinct action from audit_event where ${matchOf(c, needle)}`.execute(t.database.db)).rows.map(
                (r) => r.action,
              )
            : [];
        hits.push(`${table}.${c.column_name} holds ${needle} (${n} rows${actions.length ? `: ${actions.join(', ')}` : ''})`);
      }
    }
    return hits;
  };

  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    assessor = await t.createStaff({ roles: [{ role: 'assessor', unitCode: 'TPQI-AC-NE' }] });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('finds none of her identifiers in any table, the audit trail or the server’s files after her erasure', async () => {
    const n = randomInt(100_000, 999_999);
    const her = {
      id: nationalId(randomInt(1e9, 9e9), 1),
      firstNameTh: `ปริศนา${thaiDigits(n)}`,
      lastNameTh: `ทองสุขเกษม${thaiDigits(n)}`,
      firstNameEn: `Prissana${latinDigits(n)}`,
      lastNameEn: `Thongsukkasem${latinDigits(n)}`,
      phone: `09${String(n).padStart(8, '7')}`,
      card: `DC${randomInt(1e9, 9e9)}`,
      username: `prissana${latinDigits(n)}`,
    };
    const dashedId = `${her.id[0]}-${her.id.slice(1, 5)}-${her.id.slice(5, 10)}-${her.id.slice(10, 12)}-${her.id[12]}`;
    const needles = [her.id, dashedId, her.firstNameTh, her.lastNameTh, her.firstNameEn, her.lastNameEn, her.phone, her.card, her.username];

    // registry: registered with sensitive data under explicit consent, then a correction.
    const body = personBody({
      docNumber: her.id,
      firstNameTh: her.firstNameTh,
      lastNameTh: her.lastNameTh,
      firstNameEn: her.firstNameEn,
      lastNameEn: her.lastNameEn,
      phone: her.phone,
      targetGroups: ['single-parent'],
      disability: { type: 'physical', cardNo: her.card },
      consents: [{ purpose: 'sensitive-data', evidence: `แบบฟอร์มลงนามโดย ${her.firstNameTh} ${her.lastNameTh}` }, { purpose: 'contact' }],
    });
    const person = await ok(officer, 'POST', '/api/people', body);
    const personId = person.id as number;
    const { consents: _consents, ...fields } = body as typeof body & { consents?: unknown };
    await ok(officer, 'PUT', `/api/people/${personId}`, { ...fields, houseNo: '99/1', version: person.version });
    await ok(officer, 'GET', `/api/people/${personId}/identity?reason=${encodeURIComponent(`ตรวจสอบบัตรของ ${her.firstNameTh}`)}`);
    await ok(officer, 'GET', `/api/people/${personId}/export`);
    // An export filtered by her national ID and one by her name (the filter is audited).
    await ok(officer, 'GET', `/api/people/export?q=${her.id}`);
    await ok(officer, 'GET', `/api/people/export?q=${encodeURIComponent(her.firstNameTh)}`);
    await ok(officer, 'GET', `/api/people?q=${her.phone}`);
    await ok(officer, 'POST', '/api/groups', {
      name: 'กลุ่มทอผ้าบ้านโนนทัน',
      type: 'women-occupation',
      occupation: 'textiles',
      subdistrictCode: '400101',
      members: [{ personId, role: 'leader', joinedOn: '2021-01-01' }],
    });

    // imports: a file that holds her row (an update of her record), kept for the job and its report.
    const header = ['เลขประจำตัวประชาชน/เลขเอกสาร', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'ชื่อ (อังกฤษ)', 'นามสกุล (อังกฤษ)', 'เพศ', 'วันเกิด', 'โทรศัพท์', 'รหัสตำบล'];
    const row = [her.id, 'นาง', her.firstNameTh, her.lastNameTh, her.firstNameEn, her.lastNameEn, 'หญิง', '05/03/2528', her.phone, '400101'];
    // A second row about her with a bad sub-district: its value lands in the row-error table.
    const badRow = [her.id, 'นาง', her.firstNameTh, her.lastNameTh, her.firstNameEn, her.lastNameEn, 'หญิง', '05/03/2528', her.phone, '99999x'];
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/registry/imports?kind=people&fileName=${encodeURIComponent(`${her.firstNameEn}.csv`)}`,
      payload: toCsv([header, row, badRow]),
      headers: { cookie: officer.cookie, 'content-type': 'text/csv' },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const importId = uploaded.json().id as string;
    for (const step of ['dry-run', 'commit']) {
      expect((await call(officer, 'POST', `/api/registry/imports/${importId}/${step}`)).statusCode).toBe(202);
      await t.services.jobs.drain();
    }

    // identity: her own account, used.
    const account = await ok(officer, 'POST', `/api/people/${personId}/citizen-account`, { username: her.username });
    const citizenCookie = await t.signIn(her.username, account.oneTimePassword);
    const newPassword = 'ม้าลายกินหญ้าริมบึง 2569';
    await ok({ cookie: citizenCookie }, 'POST', '/api/auth/password', { currentPassword: account.oneTimePassword, newPassword });
    const citizen = { cookie: await t.signIn(her.username, newPassword) };

    // training and credentials: a session she completed, with a certificate.
    const day = dayFromToday(-2);
    const session = await ok(officer, 'POST', '/api/training/sessions', sessionBody({ applicationsCloseOn: day, capacityMin: 1, days: [{ day, hours: 6 }] }));
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'open' });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/applications`, { personId });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'running' });
    const roster = (await ok(officer, 'GET', `/api/training/sessions/${session.id}/roster`)).items as { id: number }[];
    await ok(officer, 'PUT', `/api/training/sessions/${session.id}/attendance/${day}`, { entries: roster.map((r) => ({ enrolmentId: r.id, present: true })) });
    await ok(officer, 'POST', `/api/training/sessions/${session.id}/status`, { status: 'completed' });
    await ok(officer, 'POST', `/api/training/enrolments/${roster[0]!.id}/certificate`);
    await t.services.jobs.drain();
    expect(await ok(citizen, 'GET', '/api/my/enrolments')).not.toEqual([]);

    // competency: experience and an assessment.
    await ok(officer, 'POST', '/api/competency/experience', {
      personId,
      standardCode: STANDARD,
      summary: `${her.firstNameTh} ขายผ้าทอผ่าน Shopee มาสามปี โทร ${her.phone}`,
      evidence: 'ดูหน้าร้านและยอดขายย้อนหลัง',
    });
    const event = await ok(officer, 'POST', '/api/assessments', {
      standardCode: STANDARD,
      centreUnitCode: 'TPQI-AC-NE',
      provinceCode: '40',
      assessedOn: dayFromToday(1),
      online: true,
      capacity: 5,
      assessorUserIds: [assessor.id],
    });
    await ok(officer, 'POST', `/api/assessments/${event.id}/candidates`, { personIds: [personId] });
    await t.services.audit.checkpointNow();

    // Before: the search finds her (so it can fail).
    expect((await searchDatabase([her.id, her.firstNameTh])).length).toBeGreaterThan(2);

    await ok(officer, 'POST', `/api/people/${personId}/erase`, { reason: 'คำขอลบข้อมูลเลขที่ 15/2569' });
    await t.services.jobs.drain();

    // Her account is closed: the open session ends, her password no longer signs in.
    expect.soft((await call(citizen, 'GET', '/api/my/enrolments')).statusCode).toBe(401);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: her.username, password: newPassword } });
    expect.soft(signIn.statusCode).toBe(401);

    // Nothing of her anywhere in the database…
    expect.soft(await searchDatabase(needles)).toEqual([]);
    // …nor in the audit trail as its readers see it…
    const trail = await ok(admin, 'GET', '/api/audit-events?limit=200');
    const trailText = JSON.stringify(trail);
    expect.soft(needles.filter((needle) => trailText.toLowerCase().includes(needle.toLowerCase()))).toEqual([]);
    // …nor in the files the server writes.
    for (const file of filesUnder(t.config.auditCheckpointDir)) {
      const text = readFileSync(file, 'utf8');
      expect
        .soft(
          needles.filter((needle) => text.includes(needle)),
          file,
        )
        .toEqual([]);
    }
    // The trail still verifies: erasure destroyed keys, not events.
    expect.soft(await ok(admin, 'GET', '/api/audit-events/verify')).toMatchObject({ ok: true });
  });
});
