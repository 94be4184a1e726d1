import { sql } from 'kysely';
import type { Executor } from '../../../db/executor';
import type { PersonRecord } from './people-rows';
import { personSearchText } from './people-rows';
import type { RowError } from './rows';

/**
 * The SQL of imports: set-based statements over whole batches (arrays unnested into rows), so a
 * batch of thousands of people is a handful of round trips whatever its size.
 */

/** The optional columns an import may leave out; a column the file does not have keeps its value. */
export const OPTIONAL_PERSON_COLUMNS = [
  'first_name_en', 'last_name_en', 'phone', 'house_no', 'village_no', 'target_groups', 'disability_type',
  'disability_card_no', 'education', 'work_status', 'monthly_income_satang', 'household_size',
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
      join person_identity i on i.doc_type = t.doc_type and i.doc_number = t.doc_number
      join person p on p.id = i.person_id`.execute(db);
  return result.rows.map((r) => ({ line: r.line, personId: r.person_id, provinceCode: r.province_code }));
}

/**
 * Inserts the new people of a batch and updates the known ones whose values differ; an
 * unchanged row writes nothing, so importing the same file twice changes nothing.
 * `present` lists the optional columns the file has.
 */
export async function upsertPeople(
  trx: Executor,
  rows: readonly PersonRecord[],
  options: { present: ReadonlySet<string>; importId: string; unitCode: string | null },
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const col = <T>(f: (r: PersonRecord) => T) => rows.map(f);
  const kept = (name: string) => (options.present.has(name) ? sql.raw(`t.${name}`) : sql.raw(`p.${name}`));
  const setOptional = OPTIONAL_PERSON_COLUMNS.map((c) => sql`${sql.raw(c)} = ${kept(c)}`);
  const distinctOptional = OPTIONAL_PERSON_COLUMNS.filter((c) => options.present.has(c));
  const result = await sql<{ inserted: number; updated: number }>`
    with t as materialized (
      select t.*, string_to_array(t.target_groups_text, ',') as target_groups
        from unnest(
          ${col((r) => r.line)}::int[], ${col((r) => r.docType)}::text[], ${col((r) => r.docNumber)}::text[],
          ${col((r) => r.title)}::text[], ${col((r) => r.firstNameTh)}::text[], ${col((r) => r.lastNameTh)}::text[],
          ${col((r) => r.firstNameEn)}::text[], ${col((r) => r.lastNameEn)}::text[], ${col((r) => r.sex)}::text[],
          ${col((r) => r.birthDate)}::date[], ${col((r) => r.phone)}::text[], ${col((r) => r.houseNo)}::text[],
          ${col((r) => r.villageNo)}::smallint[], ${col((r) => r.subdistrictCode)}::text[], ${col((r) => r.districtCode)}::text[],
          ${col((r) => r.provinceCode)}::text[], ${col((r) => r.targetGroups.join(','))}::text[], ${col((r) => r.disabilityType)}::text[],
          ${col((r) => r.disabilityCardNo)}::text[], ${col((r) => r.education)}::text[], ${col((r) => r.workStatus)}::text[],
          ${col((r) => r.monthlyIncomeSatang)}::bigint[], ${col((r) => r.householdSize)}::smallint[], ${col((r) => personSearchText(r))}::text[]
        ) as t(line, doc_type, doc_number, title, first_name_th, last_name_th, first_name_en, last_name_en, sex,
               birth_date, phone, house_no, village_no, subdistrict_code, district_code, province_code, target_groups_text,
               disability_type, disability_card_no, education, work_status, monthly_income_satang, household_size, search_text)
    ),
    known as materialized (
      select t.line, i.person_id from t join person_identity i on i.doc_type = t.doc_type and i.doc_number = t.doc_number
    ),
    updated as (
      update person p set
        title = t.title, first_name_th = t.first_name_th, last_name_th = t.last_name_th, sex = t.sex,
        birth_date = t.birth_date, subdistrict_code = t.subdistrict_code, district_code = t.district_code,
        province_code = t.province_code, ${sql.join(setOptional)},
        search_text = t.search_text, updated_at = now(), version = p.version + 1
        from t join known k on k.line = t.line
       where p.id = k.person_id and p.status = 'active'
         and (p.title, p.first_name_th, p.last_name_th, p.sex, p.birth_date, p.subdistrict_code${sql.raw(distinctOptional.map((c) => `, p.${c}`).join(''))})
             is distinct from
             (t.title, t.first_name_th, t.last_name_th, t.sex, t.birth_date, t.subdistrict_code${sql.raw(distinctOptional.map((c) => `, t.${c}`).join(''))})
      returning p.id
    ),
    fresh as materialized (
      select t.*, nextval('person_id_seq') as id from t where not exists (select 1 from known k where k.line = t.line)
    ),
    claimed as (
      insert into person_identity (doc_type, doc_number, person_id)
      select doc_type, doc_number, id from fresh
      on conflict do nothing
      returning person_id
    ),
    inserted as (
      insert into person (id, doc_type, doc_number, title, first_name_th, last_name_th, first_name_en, last_name_en, sex,
                          birth_date, phone, house_no, village_no, subdistrict_code, district_code, province_code, target_groups,
                          disability_type, disability_card_no, education, work_status, monthly_income_satang, household_size,
                          search_text, registered_unit_code, source, import_id)
      select f.id, f.doc_type, f.doc_number, f.title, f.first_name_th, f.last_name_th, f.first_name_en, f.last_name_en, f.sex,
             f.birth_date, f.phone, f.house_no, f.village_no, f.subdistrict_code, f.district_code, f.province_code,
             coalesce(f.target_groups, '{}'), f.disability_type, f.disability_card_no, f.education, f.work_status,
             f.monthly_income_satang, f.household_size, f.search_text, ${options.unitCode}, 'import', ${options.importId}::uuid
        from fresh f where f.id in (select person_id from claimed)
      returning id
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated`.execute(trx);
  return result.rows[0]!;
}

/** Records the explicit consent to sensitive data that rows of the file state, once per person. */
export async function recordSensitiveConsents(trx: Executor, rows: readonly PersonRecord[], options: { importId: string; userId: string; unitCode: string | null; fileName: string }) {
  const given = rows.filter((r) => r.sensitiveConsent);
  if (given.length === 0) return;
  await sql`
    insert into consent (person_id, purpose, lawful_basis, evidence, recorded_by, unit_code, import_id)
    select i.person_id, 'sensitive-data', 'explicit-consent', ${`import: ${options.fileName}`}, ${options.userId}::uuid, ${options.unitCode}, ${options.importId}::uuid
      from unnest(${given.map((r) => r.docType)}::text[], ${given.map((r) => r.docNumber)}::text[]) as t(doc_type, doc_number)
      join person_identity i on i.doc_type = t.doc_type and i.doc_number = t.doc_number
    on conflict (person_id, purpose) where withdrawn_at is null do nothing`.execute(trx);
}

export async function insertRowErrors(trx: Executor, importId: string, phase: 'dry-run' | 'import', firstSeq: number, errors: readonly RowError[]) {
  if (errors.length === 0) return;
  await sql`
    insert into import_row_error (import_id, phase, seq, line, column_key, value, code, message_th, message_en)
    select ${importId}::uuid, ${phase}, ${firstSeq} + t.n - 1, t.line, t.column_key, t.value, t.code, t.th, t.en
      from unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.column)}::text[], ${errors.map((e) => (e.value ?? '').slice(0, 200) || null)}::text[],
                  ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.th)}::text[], ${errors.map((e) => e.en)}::text[])
           with ordinality as t(line, column_key, value, code, th, en, n)`.execute(trx);
}
