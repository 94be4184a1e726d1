import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { nationalId, officeFile, PEOPLE_HEADER_TH, peopleCsvRow, toCsv } from '../helpers/people';

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

  it('imports an office’s 1,000-row Windows-874 file with automatic mapping only: the good rows, each bad row reported once, nothing the second time', async () => {
    const file = officeFile(1000, serial);
    serial += 2000;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)).toThrow();

    const before = await countPeople();
    const uploaded = await upload(file.bytes, { fileName: 'ทะเบียนผู้สมัคร อ.เมือง.csv' });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const imp = uploaded.json();
    expect(imp).toMatchObject({ encoding: 'windows-874', rowCount: 1000, missingColumns: [], mappingSource: 'automatic' });
    // The headers offices write: the bare ID header, หมู่ without ที่, short names for the rest.
    expect(imp.mapping).toMatchObject({ id_number: 1, title: 2, last_name_th: 4, birth_date: 6, phone: 7, house_no: 8, village_no: 9, subdistrict_code: 10 });
    expect(imp.mapping).toMatchObject({ target_groups: 11, education: 12, work_status: 13, disability_type: 14, monthly_income: 15 });
    // Every short label matched a reference value; only the made-up ones are left to map (none is, here).
    expect(imp.values.map((v: { field: string; value: string; count: number }) => [v.field, v.value, v.count])).toEqual([
      ['sex', 'อื่น', 1],
      ['target_groups', 'นักบินอวกาศ', file.unknownLabel],
      ['title', 'ท่านขุน', 1],
    ]);
    expect(imp.sensitiveColumns).toContain('disability_type');

    const declare = (id: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/registry/imports/${id}/lawful-basis`,
        headers: { cookie: officer.cookie },
        payload: { basis: 'legal-obligation', evidence: 'ทะเบียนคนพิการตาม พ.ร.บ.ส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ พ.ศ. 2550' },
      });
    const declared = await declare(imp.id);
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().lawfulBasis).toMatchObject({ basis: 'legal-obligation' });

    const done = await run(imp.id, 'commit');
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ inserted: 990, updated: 0, rejected: 10, errors: 10, duplicates: 1, warned: file.warnedRows });
    expect(await countPeople()).toBe(before + 990);

    const errors = (
      await t.app.inject({ method: 'GET', url: `/api/registry/imports/${imp.id}/errors?phase=import&severity=error`, headers: { cookie: officer.cookie } })
    ).json();
    expect(errors.total).toBe(10);
    expect(errors.items.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual(file.bad);
    for (const e of errors.items) expect(e.messageTh.length, e.code).toBeGreaterThan(10);
    expect(errors.items.find((e: { code: string }) => e.code === 'duplicate-in-file').messageEn).toContain(`line ${file.repeatsLine}`);
    // The summary by reason: each of the ten kinds once, and the warnings of rows that were imported.
    const reasons = done.reasons as { severity: string; code: string; rows: number }[];
    expect(reasons.filter((r) => r.severity === 'error').map((r) => [r.code, r.rows])).toEqual(expect.arrayContaining(file.bad.map(([, , code]) => [code, 1])));
    expect(reasons.filter((r) => r.severity === 'warning').map((r) => r.code)).toEqual(expect.arrayContaining(['invalid-phone', 'unknown-target-group']));

    // Disability kept under the declared legal duty, recorded on each person.
    const basis = await t.database.db.selectFrom('consent').select(['lawful_basis', 'evidence']).where('import_id', '=', imp.id).execute();
    expect(basis).toHaveLength(file.disabled);
    expect(basis.every((b) => b.lawful_basis === 'legal-obligation' && b.evidence!.includes('พ.ร.บ.'))).toBe(true);
    const disabled = await t.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', imp.id)
      .where('disability_type', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(disabled.n)).toBe(file.disabled);

    // The report carries each rejected row as it was, beside its reasons, to fix and upload again.
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/registry/imports/${imp.id}/error-report?phase=import&format=csv`,
      headers: { cookie: officer.cookie },
    });
    const lines = report.body.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toContain('เลขประจำตัวประชาชน');
    expect(report.body).toContain('ท่านขุน');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/registry/imports/${imp.id}/error-report?phase=import&format=xlsx`,
      headers: { cookie: officer.cookie },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The same file again, under the same declaration: every good row is known and unchanged.
    const second = (await upload(file.bytes)).json();
    expect(second.mappingSource).toBe('automatic');
    expect((await declare(second.id)).statusCode).toBe(200);
    const again = await run(second.id, 'commit');
    expect(again.result).toMatchObject({ inserted: 0, updated: 0, unchanged: 990, rejected: 10 });
    expect(await countPeople()).toBe(before + 990);
  });

  it('maps unknown values and columns by hand once; the unit’s next file needs neither', async () => {
    const header = ['หมายเลขบัตร', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'ตำบลรหัส', 'กลุ่มเป้าหมาย'];
    const row = (n: number, title: string, group: string) => {
      const r = peopleCsvRow(n);
      return [r[0]!, title, r[2]!, r[3]!, 'หญิง', r[5]!, '400101', group];
    };
    const first = (await upload(toCsv([header, row(serial++, 'คุณ', 'ชาวนา'), row(serial++, 'คุณ', 'สตรี')]))).json();
    expect(first.missingColumns).toEqual(['id_number', 'subdistrict_code']);
    const mapped = await t.app.inject({
      method: 'PUT',
      url: `/api/registry/imports/${first.id}/mapping`,
      headers: { cookie: officer.cookie },
      payload: { mapping: { ...first.mapping, id_number: 0, subdistrict_code: 6 } },
    });
    expect(mapped.json()).toMatchObject({ missingColumns: [], mappingSource: 'officer' });
    expect(mapped.json().values.map((v: { field: string; value: string; count: number }) => [v.field, v.value, v.count])).toEqual([
      ['target_groups', 'ชาวนา', 1],
      ['title', 'คุณ', 2],
    ]);
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/registry/imports/${first.id}/values`,
      headers: { cookie: officer.cookie },
      payload: { values: [{ field: 'title', value: 'คุณ', code: 'duchess' }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'body.values[0].code', code: 'unknown-code' });
    const valued = await t.app.inject({
      method: 'PUT',
      url: `/api/registry/imports/${first.id}/values`,
      headers: { cookie: officer.cookie },
      payload: {
        values: [
          { field: 'title', value: 'คุณ', code: 'mrs' },
          { field: 'target_groups', value: 'ชาวนา', code: null },
        ],
      },
    });
    expect(valued.statusCode, valued.body).toBe(200);
    expect(valued.json().values.every((v: { mapped: boolean }) => v.mapped)).toBe(true);
    const done = await run(first.id, 'commit');
    expect(done.result).toMatchObject({ inserted: 2, rejected: 0, warned: 0 });

    // Next week's file from the same office: same header, same words; nothing to map by hand.
    const next = (await upload(toCsv([header, row(serial++, ' คุณ ', 'ชาวนา')]))).json();
    expect(next).toMatchObject({ mappingSource: 'remembered', missingColumns: [] });
    expect(next.values.map((v: { value: string; mapped: boolean; code: string | null }) => [v.value, v.mapped, v.code])).toEqual([
      ['ชาวนา', true, null],
      ['คุณ', true, 'mrs'],
    ]);
    expect((await run(next.id, 'commit')).result).toMatchObject({ inserted: 1, rejected: 0 });
    // Another unit's officer has their own memory.
    const other = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-50' }] });
    const theirs = (await upload(toCsv([header, row(serial++, 'คุณ', 'ชาวนา')]), { who: other })).json();
    expect(theirs).toMatchObject({ mappingSource: 'automatic' });
  });

  it('imports a person without the sensitive category, with a warning, when the file declares no lawful basis', async () => {
    const header = ['เลขบัตรประชาชน', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'รหัสตำบล', 'กลุ่มเป้าหมาย', 'ประเภทความพิการ'];
    const r = peopleCsvRow(serial++);
    const done = await run((await upload(toCsv([header, [r[0]!, 'นาง', r[2]!, r[3]!, 'หญิง', r[5]!, '400101', 'คนพิการ;สตรี', 'การเห็น']]))).json().id, 'commit');
    expect(done.result).toMatchObject({ inserted: 1, rejected: 0, warned: 1 });
    expect(done.reasons).toMatchObject([{ severity: 'warning', code: 'sensitive-without-basis', rows: 1 }]);
    const person = await t.database.db
      .selectFrom('person')
      .select(['target_groups', 'disability_type'])
      .where('import_id', '=', done.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ target_groups: ['women-family-hardship'], disability_type: null });
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
    const header = ['หมายเลข', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'โทรศัพท์', 'ตำบล', 'กลุ่มเป้าหมาย', 'รายได้ต่อเดือน (บาท)'];
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
    expect(errors.items).toMatchObject([{ line: 3, code: 'duplicate-in-file', column: 'id_number' }]);
    expect(errors.items[0].messageTh).toContain('บรรทัดที่ 2');
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
