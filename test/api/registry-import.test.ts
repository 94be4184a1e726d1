import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { badChecksum, nationalId, PEOPLE_HEADER_TH, peopleCsvRow, toCsv, windows874 as encodeWindows874 } from '../helpers/people';

import { createImportService } from '../../src/server/modules/registry/import/import.service';
import { createJobRunner } from '../../src/server/platform/jobs/jobs';

const KK_OFFICE = 'DSD-PSDO-40';

describe.each(ENGINES)('registry import on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let serial = 7_000_000 + Math.floor(Math.random() * 1000) * 10_000;

  const upload = (body: Buffer | string, options: { kind?: string; fileName?: string; type?: string; who?: StaffAccount } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/registry/imports?kind=${options.kind ?? 'people'}&fileName=${encodeURIComponent(options.fileName ?? 'people.csv')}`,
      payload: body,
      headers: { cookie: (options.who ?? officer).cookie, 'content-type': options.type ?? 'text/csv' },
    });
  const run = async (id: string, step: 'dry-run' | 'commit', who = officer) => {
    const started = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${id}/${step}`, headers: { cookie: who.cookie } });
    expect(started.statusCode, started.body).toBe(202);
    await t.services.jobs.drain();
    return (await t.app.inject({ method: 'GET', url: `/api/registry/imports/${id}`, headers: { cookie: who.cookie } })).json();
  };
  const countPeople = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rowsFrom = (n: number) => Array.from({ length: n }, () => peopleCsvRow(serial++));

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
  });
  afterAll(() => t?.dispose());

  it('imports 990 of 1,000 rows of a Windows-874 file from Thai Excel, reports the 10, and adds nothing the second time', async () => {
    const rows = rowsFrom(1000);
    // Ten bad rows, each wrong in a different way, at known places.
    const bad: [number, string, (r: string[]) => void][] = [
      [10, 'invalid-national-id', (r) => (r[0] = badChecksum(r[0]!))],
      [50, 'missing-value', (r) => (r[2] = '')],
      [100, 'invalid-title', (r) => (r[1] = 'ท่านขุน')],
      [200, 'invalid-sex', (r) => (r[4] = 'อื่น')],
      [300, 'invalid-date', (r) => (r[5] = '31/02/2530')],
      [400, 'invalid-phone', (r) => (r[6] = '12345')],
      [500, 'unknown-subdistrict', (r) => (r[7] = '999999')],
      [600, 'out-of-scope', (r) => (r[7] = '830101')],
      [700, 'unknown-target-group', (r) => (r[8] = 'นักบินอวกาศ')],
      [800, 'invalid-amount', (r) => (r[9] = 'ห้าพัน')],
    ];
    for (const [index, , spoil] of bad) spoil(rows[index]!);
    const file = encodeWindows874(toCsv([PEOPLE_HEADER_TH, ...rows]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();

    const before = await countPeople();
    const uploaded = await upload(file);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const imp = uploaded.json();
    expect(imp).toMatchObject({ encoding: 'windows-874', rowCount: 1000, missingColumns: [] });

    const checked = await run(imp.id, 'dry-run');
    expect(checked.dryRun).toMatchObject({ valid: 990, rejected: 10 });
    expect(await countPeople()).toBe(before);

    const done = await run(imp.id, 'commit');
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ inserted: 990, rejected: 10, updated: 0 });
    expect(await countPeople()).toBe(before + 990);

    const errors = (
      await t.app.inject({ method: 'GET', url: `/api/registry/imports/${imp.id}/errors?phase=import`, headers: { cookie: officer.cookie } })
    ).json();
    // Line = row index + 2 (line 1 is the header).
    expect(errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual(bad.map(([index, code]) => [index + 2, code]));
    expect(errors[0]).toMatchObject({ column: 'id_number' });
    expect(errors[0].messageTh).toContain('เลขประจำตัวประชาชน');

    const report = await t.app.inject({
      method: 'GET',
      url: `/api/registry/imports/${imp.id}/error-report?phase=import&format=csv`,
      headers: { cookie: officer.cookie },
    });
    expect(report.body.split('\r\n').filter(Boolean)).toHaveLength(11);
    expect(report.body).toContain('ท่านขุน');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/registry/imports/${imp.id}/error-report?phase=import&format=xlsx`,
      headers: { cookie: officer.cookie },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The same file again: every valid row is known and unchanged.
    const again = await run((await upload(file)).json().id, 'commit');
    expect(again.result).toMatchObject({ inserted: 0, updated: 0, unchanged: 990, rejected: 10 });
    expect(await countPeople()).toBe(before + 990);
  });

  it('reads UTF-8 with a BOM, a semicolon-separated file and XLSX, and updates changed rows', async () => {
    const rows = rowsFrom(3);
    const bom = await upload('\uFEFF' + toCsv([PEOPLE_HEADER_TH, ...rows]));
    expect(bom.json().encoding).toBe('utf-8-bom');
    expect((await run(bom.json().id, 'commit')).result).toMatchObject({ inserted: 3 });
    rows[0]![2] = 'เปลี่ยนชื่อ';
    for (const r of rows) r[8] = r[8]!.replace(';', '|');
    const semicolons = await upload(rows.reduce((text, r) => text + r.join(';') + '\n', PEOPLE_HEADER_TH.join(';') + '\n'));
    expect((await run(semicolons.json().id, 'commit')).result).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });

    const { writeXlsx } = await import('../../src/server/platform/files/xlsx');
    const workbook = await writeXlsx([{ name: 'data', header: PEOPLE_HEADER_TH, rows: rowsFrom(2) }]);
    const x = await upload(workbook, { fileName: 'people.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(x.statusCode, x.body).toBe(201);
    expect(x.json().format).toBe('xlsx');
    expect((await run(x.json().id, 'commit')).result).toMatchObject({ inserted: 2 });
  });

  it('refuses malformed files with a clear message, storing nothing', async () => {
    const cases: [Buffer | string, string][] = [
      ['', 'empty'],
      [Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00]), 'not-text'],
      [Buffer.from('PK\u0003\u0004garbage'), 'bad-xlsx'],
      [toCsv([PEOPLE_HEADER_TH]), 'no-rows'],
      ['a,b,c\r\n1,2,3\r\n', 'no-known-columns'],
      [PEOPLE_HEADER_TH.join(',') + '\r\n"unclosed,1,2\r\n', 'unclosed-quote'],
    ];
    const before = Number(
      (
        await t.database.db
          .selectFrom('import_file')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const [body, code] of cases) {
      const response = await upload(body, { type: code === 'bad-xlsx' ? 'application/octet-stream' : 'text/csv' });
      expect(response.statusCode, code).toBe(400);
      const problem = response.json();
      if (code !== 'empty') expect(problem.errors[0].code, code).toBe(code);
      expect(problem.detailTh.length, code).toBeGreaterThan(5);
    }
    const after = Number(
      (
        await t.database.db
          .selectFrom('import_file')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it('needs every required column mapped, and takes a mapping for a file with its own headers', async () => {
    const rows = rowsFrom(2);
    const header = ['ID', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'โทรศัพท์', 'ตำบล', 'กลุ่มเป้าหมาย', 'รายได้ต่อเดือน (บาท)'];
    const imp = (await upload(toCsv([header, ...rows]))).json();
    expect(imp.missingColumns).toEqual(['id_number', 'subdistrict_code']);
    const refused = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${imp.id}/commit`, headers: { cookie: officer.cookie } });
    expect(refused.statusCode).toBe(400);
    const mapped = await t.app.inject({
      method: 'PUT',
      url: `/api/registry/imports/${imp.id}/mapping`,
      headers: { cookie: officer.cookie },
      payload: { mapping: { ...imp.mapping, id_number: 0, subdistrict_code: 7 } },
    });
    expect(mapped.json().missingColumns).toEqual([]);
    expect((await run(imp.id, 'commit')).result).toMatchObject({ inserted: 2 });
  });

  it('lets an officer import nothing outside their provinces, and nobody else import at all', async () => {
    const rows = [peopleCsvRow(serial++, '830101'), peopleCsvRow(serial++, '500101')];
    const before = await countPeople();
    const done = await run((await upload(toCsv([PEOPLE_HEADER_TH, ...rows]))).json().id, 'commit');
    expect(done.result).toMatchObject({ inserted: 0, rejected: 2 });
    expect(await countPeople()).toBe(before);
    const executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    expect((await upload(toCsv([PEOPLE_HEADER_TH, ...rowsFrom(1)]), { who: executive })).statusCode).toBe(403);
    // Someone else's import is not even visible.
    const other = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
    expect((await t.app.inject({ method: 'GET', url: `/api/registry/imports/${done.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
  });

  it('keeps the first of two rows with the same document and reports the second', async () => {
    const [row] = rowsFrom(1);
    const twin = [...row!];
    twin[2] = 'อีกชื่อ';
    const done = await run((await upload(toCsv([PEOPLE_HEADER_TH, row!, twin]))).json().id, 'commit');
    expect(done.result).toMatchObject({ inserted: 1, rejected: 1 });
    const errors = (
      await t.app.inject({ method: 'GET', url: `/api/registry/imports/${done.id}/errors?phase=import`, headers: { cookie: officer.cookie } })
    ).json();
    expect(errors).toMatchObject([{ line: 3, code: 'duplicate-in-file', column: 'id_number' }]);
  });

  it('starts one job for a double-clicked commit', async () => {
    const imp = (await upload(toCsv([PEOPLE_HEADER_TH, ...rowsFrom(5)]))).json();
    const [a, b] = await Promise.all(
      [0, 1].map(() => t.app.inject({ method: 'POST', url: `/api/registry/imports/${imp.id}/commit`, headers: { cookie: officer.cookie } })),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([202, 409]);
    await t.services.jobs.drain();
  });

  it('imports groups with their members, and reports members who are not registered', async () => {
    const people = rowsFrom(3);
    await run((await upload(toCsv([PEOPLE_HEADER_TH, ...people]))).json().id, 'commit');
    const header = ['ชื่อกลุ่ม', 'ประเภทกลุ่ม', 'เลขทะเบียนวิสาหกิจชุมชน', 'ประเภทอาชีพ', 'รหัสตำบลของกลุ่ม', 'วันที่ก่อตั้ง', 'เลขประจำตัวประชาชนสมาชิก', 'บทบาทในกลุ่ม'];
    const group = ['วิสาหกิจชุมชนข้าวฮางบ้านโคก', 'วิสาหกิจชุมชน', `4-40-01-${serial}`, 'แปรรูปอาหาร', '400101', '01/06/2563'];
    const rows = [
      [...group, people[0]![0]!, 'ประธาน'],
      [...group, people[1]![0]!, 'สมาชิก'],
      [...group, nationalId(serial++, 8), 'สมาชิก'],
    ];
    const done = await run((await upload(toCsv([header, ...rows]), { kind: 'groups' })).json().id, 'commit');
    expect(done.result).toMatchObject({ inserted: 2, rejected: 1 });
    const found = (await t.app.inject({ method: 'GET', url: `/api/groups?q=${encodeURIComponent('ข้าวฮาง')}`, headers: { cookie: officer.cookie } })).json();
    expect(found.items[0]).toMatchObject({ memberCount: 2, type: 'community-enterprise' });
    const again = await run((await upload(toCsv([header, ...rows]), { kind: 'groups' })).json().id, 'commit');
    expect(again.result).toMatchObject({ inserted: 0 });
  });

  it('resumes an import cut off by a dying process, with no row written twice or half', async () => {
    const rows = rowsFrom(50);
    const imp = (await upload(toCsv([PEOPLE_HEADER_TH, ...rows]))).json();
    const before = await countPeople();
    // A second process, whose import dies after two batches of ten rows.
    const dying = createJobRunner(t.database.db, { pollMs: 20, staleAfterMs: 200 });
    createImportService({ db: t.database.db, registry: t.services.registry, jobs: dying, options: { batchSize: 10, crashAfterBatches: 2, concurrency: 1 } });
    await t.services.jobs.stop();
    dying.start();
    await t.app.inject({ method: 'POST', url: `/api/registry/imports/${imp.id}/commit`, headers: { cookie: officer.cookie } });
    await dying.drain().catch(() => {});
    await dying.stop();
    const cut = await t.database.db.selectFrom('import_file').select('status').where('id', '=', imp.id).executeTakeFirstOrThrow();
    expect(cut.status).toBe('importing');
    const ledger = await t.database.db
      .selectFrom('import_batch')
      .select(['first_line', 'last_line'])
      .where('import_id', '=', imp.id)
      .orderBy('first_line')
      .execute();
    expect(ledger).toEqual([
      { first_line: 2, last_line: 11 },
      { first_line: 12, last_line: 21 },
    ]);
    expect(await countPeople()).toBe(before + 20);

    // A restarted process takes the job up once its heartbeat is stale.
    const restarted = createJobRunner(t.database.db, { pollMs: 20, staleAfterMs: 200 });
    createImportService({ db: t.database.db, registry: t.services.registry, jobs: restarted, options: { batchSize: 10 } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    restarted.start();
    for (let i = 0; i < 100; i++) {
      const status = (await t.database.db.selectFrom('import_file').select('status').where('id', '=', imp.id).executeTakeFirstOrThrow()).status;
      if (status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await restarted.stop();
    t.services.jobs.start();
    const final = (await t.app.inject({ method: 'GET', url: `/api/registry/imports/${imp.id}`, headers: { cookie: officer.cookie } })).json();
    expect(final.status).toBe('completed');
    expect(final.result).toMatchObject({ inserted: 50, rejected: 0 });
    expect(await countPeople()).toBe(before + 50);
    const job = await t.database.db
      .selectFrom('job')
      .selectAll()
      .where(
        'id',
        '=',
        final.progress ? (await t.database.db.selectFrom('import_file').select('job_id').where('id', '=', imp.id).executeTakeFirstOrThrow()).job_id! : '',
      )
      .executeTakeFirstOrThrow();
    expect(job.attempts).toBe(2);
  });
});
