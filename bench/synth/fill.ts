/**
 * Writes synthetic people, their consents, occupation groups and memberships straight into a
 * database: millions of people in minutes, for benchmarks and for trying the system at a
 * country's scale. Each row passes the import's own validation (`readPersonRow`), so what lands
 * is what an import would have stored.
 *
 * On PostgreSQL everything happens in one transaction: the person table's non-unique indexes
 * are dropped, the rows arrive by one streamed COPY with ids reserved from the sequence, and the
 * indexes are built again at the end (a sorted build costs a fraction of maintaining them row by
 * row). A fill that dies part-way leaves the database as it was. The table is locked meanwhile.
 * PGlite, which has no COPY from a stream here, takes the rows in batches in one transaction.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/engine';
import type { Executor } from '../../src/server/db/executor';
import { createGeoService } from '../../src/server/modules/geo/geo.service';
import { PEOPLE_COLUMNS } from '../../src/server/modules/registry/import/columns';
import { PERSON_COPY_COLUMNS, PERSON_FROM_STAGED, personTableCopyLine, unnestPeople } from '../../src/server/modules/registry/import/import.repository';
import { groupSearchText } from '../../src/server/modules/registry/registry.service';
import { valueResolver } from '../../src/server/modules/registry/import/values';
import { readPersonRow, type PeopleRowContext, type PersonRecord } from '../../src/server/modules/registry/import/people-rows';
import { bangkokDate } from '../../src/shared/fiscal-year';
import { generateGroups, Residents, type SynthGroup } from './groups';
import { generatePeople, type SynthPerson } from './people';

export interface FillOptions {
  people: number;
  seed?: number;
  /** Index of the first person (to add people 1,000,000–1,999,999 to a database holding the first million). */
  start?: number;
  /** Also make occupation groups and memberships (default true). */
  groups?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface FillSummary {
  people: number;
  consents: number;
  groups: number;
  memberships: number;
  seconds: number;
}

const MAPPING = Object.fromEntries(PEOPLE_COLUMNS.map((c, i) => [c.key, i]));
const COLUMNS = `${PERSON_COPY_COLUMNS.join(', ')}, source`;

export async function importRowContext(db: Database['db']): Promise<PeopleRowContext> {
  const areas = await createGeoService({ db }).subdistrictAreas();
  const groups = await db.selectFrom('target_group').select(['code', 'name_th', 'name_en', 'sensitive']).execute();
  if (areas.size === 0 || groups.length === 0)
    throw new Error('The database has no reference data: run the server (or migrate and load reference data) before filling it.');
  return {
    subdistricts: areas,
    values: valueResolver(groups.map((g) => ({ code: g.code, th: g.name_th, en: g.name_en }))),
    sensitiveTargetGroups: new Set(groups.filter((g) => g.sensitive).map((g) => g.code)),
    scope: null,
    today: bangkokDate(new Date()),
  };
}

/** A synthetic person through the import's validation; a refusal is a bug in the generator. */
function validated(p: SynthPerson, index: number, ctx: PeopleRowContext): PersonRecord {
  const cells = PEOPLE_COLUMNS.map((c) => p[c.key as keyof SynthPerson] ?? '');
  const read = readPersonRow(cells, index + 2, MAPPING, ctx);
  if ('errors' in read) throw new Error(`Synthetic person ${index} fails validation: ${read.errors.map((e) => `${e.column}: ${e.en}`).join('; ')}`);
  return read.record;
}

/** Reserves `count` consecutive values of a sequence; returns the first. */
async function reserve(db: Executor, sequence: string, count: number): Promise<number> {
  const { rows } = await sql<{ first: number }>`select nextval(${sequence}::regclass)::int8 as first`.execute(db);
  const first = Number(rows[0]!.first);
  if (count > 1) await sql`select setval(${sequence}::regclass, ${first + count - 1})`.execute(db);
  return first;
}

export async function fillDatabase(database: Database, options: FillOptions): Promise<FillSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const start = options.start ?? 0;
  const total = options.people;
  const ctx = await importRowContext(database.db);
  const residents = new Residents(start);
  const progress = (done: number) => {
    if (done % 100_000 === 0 || done === total) options.onProgress?.(done, total);
  };

  const work = async (trx: Executor, copyIn: ((statement: string, data: AsyncIterable<string> | Iterable<string>) => Promise<void>) | null) => {
    const firstId = await reserve(trx, 'person_id_seq', total);
    if (copyIn) {
      const indexes = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes
         where schemaname = current_schema() and tablename = 'person' and indexdef not like 'CREATE UNIQUE%'`.execute(trx);
      for (const index of indexes.rows) await sql`drop index ${sql.id(index.indexname)}`.execute(trx);
      function* lines() {
        let chunk = '';
        let i = 0;
        for (const p of generatePeople(total, { seed, start })) {
          const record = validated(p, start + i, ctx);
          residents.add(start + i, record.subdistrictCode);
          chunk += `${firstId + i}\t${personTableCopyLine(record).slice(0, -1)}\timport\n`;
          progress(++i);
          if (chunk.length > 1 << 20) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      }
      await copyIn(`copy person (id, ${COLUMNS}) from stdin`, lines());
      await sql`set local maintenance_work_mem = '1GB'`.execute(trx);
      for (const index of indexes.rows) await sql.raw(index.indexdef).execute(trx);
    } else {
      let batch: PersonRecord[] = [];
      let i = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const first = firstId + i - batch.length;
        await sql`insert into person (id, ${sql.raw(COLUMNS)})
          select ${first}::int8 + row_number() over () - 1, ${sql.raw(PERSON_FROM_STAGED)}, 'import' from ${unnestPeople(batch)}`.execute(trx);
        batch = [];
      };
      for (const p of generatePeople(total, { seed, start })) {
        const record = validated(p, start + i, ctx);
        residents.add(start + i, record.subdistrictCode);
        batch.push(record);
        progress(++i);
        if (batch.length === 5_000) await flush();
      }
      await flush();
    }

    const consents = await sql`
      insert into consent (person_id, purpose, lawful_basis, evidence)
      select id, 'sensitive-data', 'explicit-consent', 'synthetic data (bench/synth)'
        from person where id between ${firstId} and ${firstId + total - 1} and disability_type is not null`.execute(trx);

    let groups = 0;
    let memberships = 0;
    if (options.groups ?? true) {
      const all = [...generateGroups(residents, { seed })];
      const firstGroupId = all.length ? await reserve(trx, 'occupation_group_id_seq', all.length) : 0;
      const personId = (index: number) => firstId + index - start;
      for (let k = 0; k < all.length; k += 1_000) {
        const slice = all.slice(k, k + 1_000);
        await trx
          .insertInto('occupation_group')
          .values(slice.map((g) => groupRow(g, firstGroupId + g.index, ctx)))
          .execute();
        const members = slice.flatMap((g) =>
          g.members.map((m) => ({ group_id: firstGroupId + g.index, person_id: personId(m.person), role: m.role, joined_on: m.joinedOn })),
        );
        for (let j = 0; j < members.length; j += 5_000)
          await trx
            .insertInto('group_membership')
            .values(members.slice(j, j + 5_000))
            .execute();
        memberships += members.length;
      }
      groups = all.length;
    }
    return { people: total, consents: Number(consents.numAffectedRows ?? 0), groups, memberships };
  };

  const counts = database.withCopy
    ? await database.withCopy((db, copyIn) => db.transaction().execute((trx) => work(trx, copyIn)))
    : await database.db.transaction().execute((trx) => work(trx, null));
  await sql`analyze person`.execute(database.db);
  return { ...counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

function groupRow(g: SynthGroup, id: number, ctx: PeopleRowContext) {
  const area = ctx.subdistricts.get(g.subdistrictCode)!;
  return {
    id,
    name: g.name,
    type: g.type,
    registration_no: g.registrationNo,
    occupation: g.occupation,
    subdistrict_code: g.subdistrictCode,
    district_code: area.districtCode,
    province_code: area.provinceCode,
    founded_on: g.foundedOn,
    contact_phone: g.contactPhone,
    source: 'import' as const,
    search_text: groupSearchText({ name: g.name, registrationNo: g.registrationNo }),
  };
}
