import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { CopyData } from '../../../db/engine';
import type { Executor } from '../../../db/executor';
import type { ImportBatchTable, ImportFileTable } from '../../../db/schema';
import type { GroupRecord } from './group-rows';
import type { PersonRecord } from './people-rows';
import { personSearchText } from './people-rows';
import type { RowError } from '../../../platform/files/rows';

/**
 * The SQL of imports: set-based statements over whole batches (arrays unnested into rows), so a
 * batch of thousands of people is a handful of round trips whatever its size.
 */

/** The optional columns an import may leave out; a column the file does not have keeps its value. */
export const OPTIONAL_PERSON_COLUMNS = [
  'first_name_en',
  'last_name_en',
  'phone',
  'house_no',
  'village_no',
  'target_groups',
  'disability_type',
  'disability_card_no',
  'education',
  'work_status',
  'monthly_income_satang',
  'household_size',
] as const;

export interface ExistingIdentity {
  line: number;
  personId: number;
  provinceCode: string;
}

/** Which rows of a batch name a document that is already registered, and where that person lives. */
export async function findExisting(db: Executor, rows: readonly PersonRecord[]): Promise<ExistingIdentity[]> {
  if (rows.length === 0) return [];
  const result = await sql<{ line: number; person_id: number; province_code: string }>`
    select t.line, p.id as person_id, p.province_code
      from unnest(${rows.map((r) => r.docType)}::text[], ${rows.map((r) => r.docNumber)}::text[], ${rows.map((r) => r.line)}::int[])
           as t(doc_type, doc_number, line)
      join person p on p.doc_number = t.doc_number and p.doc_type = t.doc_type`.execute(db);
  return result.rows.map((r) => ({ line: r.line, personId: r.person_id, provinceCode: r.province_code }));
}

/**
 * A batch of people as rows for the upsert: each column's name, SQL type and value. The COPY
 * staging table, the `unnest` arrays and their aliases are all made from this one list.
 */
const PERSON_COLUMNS: [name: string, type: string, value: (r: PersonRecord) => string | number | null][] = [
  ['doc_type', 'text', (r) => r.docType],
  ['doc_number', 'text', (r) => r.docNumber],
  ['title', 'text', (r) => r.title],
  ['first_name_th', 'text', (r) => r.firstNameTh],
  ['last_name_th', 'text', (r) => r.lastNameTh],
  ['first_name_en', 'text', (r) => r.firstNameEn],
  ['last_name_en', 'text', (r) => r.lastNameEn],
  ['sex', 'text', (r) => r.sex],
  ['birth_date', 'date', (r) => r.birthDate],
  ['phone', 'text', (r) => r.phone],
  ['house_no', 'text', (r) => r.houseNo],
  ['village_no', 'smallint', (r) => r.villageNo],
  ['subdistrict_code', 'text', (r) => r.subdistrictCode],
  ['district_code', 'text', (r) => r.districtCode],
  ['province_code', 'text', (r) => r.provinceCode],
  ['target_groups', 'text', (r) => r.targetGroups.join(',')],
  ['disability_type', 'text', (r) => r.disabilityType],
  ['disability_card_no', 'text', (r) => r.disabilityCardNo],
  ['education', 'text', (r) => r.education],
  ['work_status', 'text', (r) => r.workStatus],
  ['monthly_income_satang', 'bigint', (r) => r.monthlyIncomeSatang],
  ['household_size', 'smallint', (r) => r.householdSize],
  ['search_text', 'text', (r) => personSearchText(r)],
];

/** The columns a COPY of people (`personCopyLine`) fills, in order. */
export const PERSON_COPY_COLUMNS = PERSON_COLUMNS.map(([name]) => name);

export function unnestPeople(rows: readonly PersonRecord[]) {
  const arrays = PERSON_COLUMNS.map(([, type, value]) => sql`${rows.map(value)}::${sql.raw(type)}[]`);
  return sql`unnest(${sql.join(arrays)}) as t(${sql.raw(PERSON_COLUMNS.map(([name]) => name).join(', '))})`;
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is null. */
const copyText = (value: string | number | null) =>
  value === null
    ? '\\N'
    : typeof value === 'number'
      ? String(value)
      : value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** One person as a line of COPY text for the staging table, in PERSON_COPY_COLUMNS order. */
const personCopyLine = (r: PersonRecord) => PERSON_COLUMNS.map(([, , value]) => copyText(value(r))).join('\t') + '\n';

/** The same line for the person table itself, whose target groups are an array (codes need no quoting). */
export const personTableCopyLine = (r: PersonRecord) =>
  PERSON_COLUMNS.map(([name, , value]) => copyText(name === 'target_groups' ? `{${r.targetGroups.join(',')}}` : value(r))).join('\t') + '\n';

/** The person table's values from the staged or unnested columns `t.*`. */
export const PERSON_FROM_STAGED = PERSON_COPY_COLUMNS.map((c) =>
  c === 'target_groups' ? `coalesce(string_to_array(t.target_groups, ','), '{}')` : `t.${c}`,
).join(', ');

/**
 * PostgreSQL: ships a batch with COPY into a temporary table that lives until the transaction
 * ends, for `upsertPeople(..., { staged: true })` to read.
 */
export async function stagePeople(trx: Executor, copyIn: (statement: string, data: CopyData) => Promise<void>, rows: readonly PersonRecord[]) {
  await sql.raw(`create temp table import_stage (${PERSON_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')}) on commit drop`).execute(trx);
  let data = '';
  for (const r of rows) data += personCopyLine(r);
  await copyIn('copy import_stage from stdin', data);
}

/**
 * Inserts the new people of a batch and updates the known ones whose values differ, in one
 * statement on the document's unique index; an unchanged row writes nothing, so importing the
 * same file twice changes nothing. `present` lists the optional columns the file has (a column
 * the file lacks keeps its value). A merged or erased record is left as it is.
 */
export async function upsertPeople(
  trx: Executor,
  rows: readonly PersonRecord[],
  options: { present: ReadonlySet<string>; importId: string; unitCode: string | null; staged?: boolean },
): Promise<{ inserted: number; updated: number; facts: RegistrationFacts }> {
  if (rows.length === 0) return { inserted: 0, updated: 0, facts: { born: [], moved: [] } };
  const optional = OPTIONAL_PERSON_COLUMNS.filter((c) => options.present.has(c));
  const compared = ['title', 'first_name_th', 'last_name_th', 'sex', 'birth_date', 'subdistrict_code', ...optional];
  const source = options.staged ? sql`import_stage as t` : unnestPeople(rows);
  const result = await sql<{ inserted: number; updated: number; born: RegistrationFacts['born']; moved: RegistrationFacts['moved'] }>`
    with before as (
      select p.id, p.province_code, p.created_at from ${source}
        join person p on p.doc_number = t.doc_number and p.doc_type = t.doc_type and p.status = 'active'
    ), changed as (
      insert into person (doc_type, doc_number, title, first_name_th, last_name_th, first_name_en, last_name_en, sex,
                          birth_date, phone, house_no, village_no, subdistrict_code, district_code, province_code, target_groups,
                          disability_type, disability_card_no, education, work_status, monthly_income_satang, household_size,
                          search_text, registered_unit_code, source, import_id)
      select t.doc_type, t.doc_number, t.title, t.first_name_th, t.last_name_th, t.first_name_en, t.last_name_en, t.sex,
             t.birth_date, t.phone, t.house_no, t.village_no, t.subdistrict_code, t.district_code, t.province_code,
             coalesce(string_to_array(t.target_groups, ','), '{}'), t.disability_type, t.disability_card_no, t.education,
             t.work_status, t.monthly_income_satang, t.household_size, t.search_text, ${options.unitCode}, 'import', ${options.importId}::uuid
        from ${source}
      on conflict (doc_number, doc_type) do update set
        title = excluded.title, first_name_th = excluded.first_name_th, last_name_th = excluded.last_name_th, sex = excluded.sex,
        birth_date = excluded.birth_date, subdistrict_code = excluded.subdistrict_code, district_code = excluded.district_code,
        province_code = excluded.province_code, search_text = excluded.search_text,
        ${sql.join(optional.map((c) => sql`${sql.raw(c)} = excluded.${sql.raw(c)}`).concat(sql`updated_at = now()`, sql`version = person.version + 1`))}
      where person.status = 'active'
        and (${sql.raw(compared.map((c) => `person.${c}`).join(', '))}) is distinct from (${sql.raw(compared.map((c) => `excluded.${c}`).join(', '))})
      returning person.id, (xmax = 0) as inserted, person.province_code, person.created_at
    )
    select (select count(*) filter (where inserted)::int from changed) as inserted,
           (select count(*) filter (where not inserted)::int from changed) as updated,
           (select coalesce(json_agg(b), '[]') from (
              select province_code as "provinceCode", ${bangkokDay(sql`created_at`)} as "on", count(*)::int as count
                from changed where inserted group by 1, 2) b) as born,
           (select coalesce(json_agg(m), '[]') from (
              select o.province_code as "fromProvince", c.province_code as "toProvince", ${bangkokDay(sql`o.created_at`)} as "on"
                from changed c join before o on o.id = c.id where not c.inserted and o.province_code <> c.province_code) m) as moved`.execute(trx);
  const { inserted, updated, born, moved } = result.rows[0]!;
  return { inserted, updated, facts: { born, moved } };
}

/** The ids of a batch's people already registered (before its upsert: the known ones; after: every one). */
export const personIdsOfDocuments = async (trx: Executor, rows: readonly PersonRecord[]) =>
  rows.length === 0
    ? []
    : (
        await sql<{
          id: number;
        }>`select p.id from unnest(${rows.map((r) => r.docNumber)}::text[], ${rows.map((r) => r.docType)}::text[]) t(doc_number, doc_type)
          join person p on p.doc_number = t.doc_number and p.doc_type = t.doc_type`.execute(trx)
      ).rows.map((r) => Number(r.id));

/** An instant's civil date in Bangkok, as YYYY-MM-DD text (the day its fact is counted on). */
const bangkokDay = (column: RawBuilder<unknown>) => sql<string>`to_char(${column} at time zone 'Asia/Bangkok', 'YYYY-MM-DD')`;

/**
 * What a batch did to the registrations monitoring counts: people registered (per province and
 * Bangkok day) and existing people whose corrected address moved them to another province.
 */
export interface RegistrationFacts {
  born: { provinceCode: string; on: string; count: number }[];
  moved: { fromProvince: string; toProvince: string; on: string }[];
}

/**
 * Records, once per person, the lawful basis of the sensitive data a row keeps: the explicit
 * consent its own column states, or the basis declared for the file (with its evidence).
 */
export async function recordSensitiveConsents(
  trx: Executor,
  rows: readonly PersonRecord[],
  options: { importId: string; userId: string; unitCode: string | null; fileName: string; fileEvidence: string | null },
) {
  const given = rows.filter((r) => r.sensitiveBasis);
  if (given.length === 0) return;
  const evidence = (r: PersonRecord) =>
    r.sensitiveBasis === 'explicit-consent' && !options.fileEvidence
      ? `import: ${options.fileName}`
      : `import: ${options.fileName}; ${options.fileEvidence ?? ''}`;
  await sql`
    insert into consent (person_id, purpose, lawful_basis, evidence, recorded_by, unit_code, import_id)
    select p.id, 'sensitive-data', t.basis, t.evidence, ${options.userId}::uuid, ${options.unitCode}, ${options.importId}::uuid
      from unnest(${given.map((r) => r.docType)}::text[], ${given.map((r) => r.docNumber)}::text[], ${given.map((r) => r.sensitiveBasis)}::text[],
                  ${given.map(evidence)}::text[]) as t(doc_type, doc_number, basis, evidence)
      join person p on p.doc_number = t.doc_number and p.doc_type = t.doc_type and p.status = 'active'
    on conflict (person_id, purpose) where withdrawn_at is null do nothing`.execute(trx);
}

/** Row errors, numbered by line (a line has fewer than 100 errors: one per column at most). */
export async function insertRowErrors(trx: Executor, importId: string, phase: 'dry-run' | 'import', errors: readonly RowError[]) {
  if (errors.length === 0) return;
  await sql`
    insert into import_row_error (import_id, phase, seq, line, column_key, value, code, message_th, message_en, severity)
    select ${importId}::uuid, ${phase}, t.line * 100 + (row_number() over (partition by t.line order by t.n))::int, t.line, t.column_key, t.value, t.code, t.th, t.en, t.severity
      from unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.column)}::text[], ${errors.map((e) => (e.value ?? '').slice(0, 200) || null)}::text[],
                  ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.th)}::text[], ${errors.map((e) => e.en)}::text[],
                  ${errors.map((e) => e.severity ?? 'error')}::text[])
           with ordinality as t(line, column_key, value, code, th, en, severity, n)`.execute(trx);
}

// ---------------------------------------------------------------- import files, batches, row errors
export const findImport = (db: Executor, id: string) => db.selectFrom('import_file').selectAll().where('id', '=', id).executeTakeFirst();
export const getImport = (db: Executor, id: string) => db.selectFrom('import_file').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const lockImport = (trx: Executor, id: string) =>
  trx.selectFrom('import_file').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
export const importsOf = (db: Executor, userId: string, limit: number) =>
  db.selectFrom('import_file').selectAll().where('uploaded_by', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();

export const insertImport = (trx: Executor, values: Insertable<ImportFileTable>) =>
  trx.insertInto('import_file').values(values).returning('id').executeTakeFirstOrThrow();

export const updateImport = (db: Executor, id: string, patch: Updateable<ImportFileTable>) =>
  db
    .updateTable('import_file')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();

/** The ledger of committed batches: line ranges and counts. */
export const batchesOf = (db: Executor, importId: string) =>
  db.selectFrom('import_batch').select(['first_line', 'last_line', 'counts']).where('import_id', '=', importId).execute();

export const insertBatch = (trx: Executor, values: Insertable<ImportBatchTable>) => trx.insertInto('import_batch').values(values).execute();

export const deleteRowErrors = (db: Executor, importId: string, phase: 'dry-run' | 'import') =>
  db.deleteFrom('import_row_error').where('import_id', '=', importId).where('phase', '=', phase).execute();

export function rowErrorsOf(
  db: Executor,
  importId: string,
  phase: 'dry-run' | 'import',
  page?: { limit: number; offset: number; severity?: 'error' | 'warning' },
) {
  let q = db.selectFrom('import_row_error').selectAll().where('import_id', '=', importId).where('phase', '=', phase).orderBy('seq');
  if (page?.severity) q = q.where('severity', '=', page.severity);
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

/** How many row problems of a severity an import has (the row report's pages). */
export async function countRowErrors(db: Executor, importId: string, phase: 'dry-run' | 'import', severity?: 'error' | 'warning') {
  let q = db
    .selectFrom('import_row_error')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('import_id', '=', importId)
    .where('phase', '=', phase);
  if (severity) q = q.where('severity', '=', severity);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The problems of an import by reason: severity, code and column, with how many rows each. */
export const reasonsOf = (db: Executor, importId: string, phase: 'dry-run' | 'import') =>
  db
    .selectFrom('import_row_error')
    .select(['severity', 'code', 'column_key'])
    .select((eb) => eb.fn.count<string>('line').distinct().as('rows'))
    .where('import_id', '=', importId)
    .where('phase', '=', phase)
    .groupBy(['severity', 'code', 'column_key'])
    .orderBy('severity')
    .orderBy('rows', 'desc')
    .execute();

// ---------------------------------------------------------------- what a unit mapped by hand
export const rememberedValues = (db: Executor, ownerKey: string, fields: readonly string[]) =>
  fields.length === 0
    ? Promise.resolve([])
    : db.selectFrom('import_value_memory').select(['field', 'value_key', 'code']).where('owner_key', '=', ownerKey).where('field', 'in', fields).execute();

export async function rememberValues(
  trx: Executor,
  ownerKey: string,
  userId: string,
  values: readonly { field: string; valueKey: string; text: string; code: string | null }[],
) {
  if (values.length === 0) return;
  await trx
    .insertInto('import_value_memory')
    .values(values.map((v) => ({ owner_key: ownerKey, field: v.field, value_key: v.valueKey, value_text: v.text, code: v.code, set_by: userId })))
    .onConflict((oc) =>
      oc.columns(['owner_key', 'field', 'value_key']).doUpdateSet((eb) => ({
        code: eb.ref('excluded.code'),
        value_text: eb.ref('excluded.value_text'),
        set_by: eb.ref('excluded.set_by'),
        set_at: new Date(),
      })),
    )
    .execute();
}

export const rememberedColumns = (db: Executor, ownerKey: string, kind: string, headerKey: string) =>
  db
    .selectFrom('import_column_memory')
    .select('mapping')
    .where('owner_key', '=', ownerKey)
    .where('kind', '=', kind)
    .where('header_key', '=', headerKey)
    .executeTakeFirst();

export const rememberColumns = (trx: Executor, row: { ownerKey: string; kind: string; headerKey: string; mapping: Record<string, number>; userId: string }) =>
  trx
    .insertInto('import_column_memory')
    .values({ owner_key: row.ownerKey, kind: row.kind, header_key: row.headerKey, mapping: JSON.stringify(row.mapping), set_by: row.userId })
    .onConflict((oc) =>
      oc
        .columns(['owner_key', 'kind', 'header_key'])
        .doUpdateSet((eb) => ({ mapping: eb.ref('excluded.mapping'), set_by: eb.ref('excluded.set_by'), set_at: new Date() })),
    )
    .execute();

/** Fresh planner statistics after a large import, so name search stays on its indexes. */
export const analyzePeople = (db: Executor) => sql`analyze person`.execute(db);

// ---------------------------------------------------------------- occupation groups from a file
/** Creates the batch's groups that do not exist yet (by registration number, or by name in the sub-district). */
export async function insertGroups(trx: Executor, rows: readonly GroupRecord[], options: { importId: string; unitCode: string | null }) {
  const col = <T>(f: (r: GroupRecord) => T) => rows.map(f);
  await sql`
    insert into occupation_group (name, type, registration_no, occupation, subdistrict_code, district_code, province_code, founded_on, contact_phone, registered_unit_code, source, import_id, search_text)
    select distinct on (coalesce(t.registration_no, t.subdistrict_code || '|' || t.name))
           t.name, t.type, t.registration_no, t.occupation, t.subdistrict_code, t.district_code, t.province_code, t.founded_on, t.contact_phone,
           ${options.unitCode}, 'import', ${options.importId}::uuid, lower(concat_ws(' ', t.name, t.registration_no))
      from unnest(${col((r) => r.name)}::text[], ${col((r) => r.type)}::text[], ${col((r) => r.registrationNo)}::text[], ${col((r) => r.occupation)}::text[],
                  ${col((r) => r.subdistrictCode)}::text[], ${col((r) => r.districtCode)}::text[], ${col((r) => r.provinceCode)}::text[],
                  ${col((r) => r.foundedOn)}::date[], ${col((r) => r.contactPhone)}::text[])
           as t(name, type, registration_no, occupation, subdistrict_code, district_code, province_code, founded_on, contact_phone)
    on conflict do nothing`.execute(trx);
}

/** Each row's group and its member (a merged record answers with its survivor; only active people). */
export async function resolveGroupMembers(trx: Executor, rows: readonly GroupRecord[]) {
  const col = <T>(f: (r: GroupRecord) => T) => rows.map(f);
  const found = await sql<{ line: number; group_id: number | null; person_id: number | null; person_province: string | null }>`
    select t.line, g.id as group_id, p.id as person_id, p.province_code as person_province
      from unnest(${col((r) => r.line)}::int[], ${col((r) => r.name)}::text[], ${col((r) => r.registrationNo)}::text[], ${col((r) => r.subdistrictCode)}::text[], ${col((r) => r.memberDocNumber)}::text[])
           as t(line, name, registration_no, subdistrict_code, doc_number)
      left join occupation_group g on (t.registration_no is not null and g.registration_no = t.registration_no)
                                   or (t.registration_no is null and g.registration_no is null and g.subdistrict_code = t.subdistrict_code and g.name = t.name)
      left join person d on d.doc_number = t.doc_number
      left join person p on p.id = coalesce(d.merged_into, d.id) and p.status = 'active'`.execute(trx);
  return found.rows;
}

/** Adds the memberships not held yet; returns how many were added. */
export async function insertMemberships(trx: Executor, members: readonly { groupId: number; personId: number; role: string; joinedOn: string }[]) {
  const added = await sql<{ n: number }>`
    with added as (
      insert into group_membership (group_id, person_id, role, joined_on)
      select * from unnest(${members.map((m) => m.groupId)}::int8[], ${members.map((m) => m.personId)}::int8[], ${members.map((m) => m.role)}::text[], ${members.map((m) => m.joinedOn)}::date[])
      on conflict do nothing
      returning 1)
    select count(*)::int as n from added`.execute(trx);
  return added.rows[0]!.n;
}

// ---------------------------------------------------------------- purging stored files (issue 15 §1)

/** The documents a stored file holds, as hashes (`importSubjectHash`), recorded at upload. */
export async function insertImportSubjects(trx: Executor, importId: string, hashes: readonly string[]): Promise<void> {
  for (let i = 0; i < hashes.length; i += 5000) {
    const chunk = hashes.slice(i, i + 5000);
    await sql`insert into import_subject (import_id, doc_hash)
              select ${importId}::uuid, h from unnest(${chunk}::text[]) as t(h) on conflict do nothing`.execute(trx);
  }
}

/** After a change of mapping: the documents of the column now mapped. */
export async function replaceImportSubjects(trx: Executor, importId: string, hashes: readonly string[]): Promise<void> {
  await trx.deleteFrom('import_subject').where('import_id', '=', importId).execute();
  await insertImportSubjects(trx, importId, hashes);
}

/** The imports whose file holds one of these documents and still has its bytes. */
export async function importsHolding(db: Executor, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .selectFrom('import_subject as s')
    .innerJoin('import_file as f', 'f.id', 's.import_id')
    .select('f.id')
    .distinct()
    .where('s.doc_hash', 'in', [...hashes])
    .execute();
  return rows.map((r) => r.id);
}

/** Imports uploaded before `cutoff` whose bytes are still kept and whose job is not running. */
export async function expiredImports(db: Executor, cutoff: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('import_file')
    .select('id')
    .where('created_at', '<', cutoff)
    .where('purged_at', 'is', null)
    .where('status', 'not in', ['validating', 'importing'])
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Drops what the files hold about people: the bytes, the file's name (officers name files after
 * people), the cell values quoted in row errors and the documents' hashes. Counts, the SHA-256 and
 * the audit events stay.
 */
export async function purgeImports(trx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('import_file')
    .set({ content: Buffer.alloc(0), file_name: 'purged', purged_at: new Date(), updated_at: new Date() })
    .where('id', 'in', [...ids])
    .execute();
  await trx
    .updateTable('import_row_error')
    .set({ value: null })
    .where('import_id', 'in', [...ids])
    .execute();
  await trx
    .deleteFrom('import_subject')
    .where('import_id', 'in', [...ids])
    .execute();
}
