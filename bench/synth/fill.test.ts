import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/database';
import { GROUP_COLUMNS } from '../../src/server/modules/registry/import/columns';
import { readGroupRow } from '../../src/server/modules/registry/import/group-rows';
import { readCsv } from '../../src/server/platform/files/csv';
import { fillDatabase, importRowContext } from './fill';
import { generateGroups, groupsCsvChunks, Residents } from './groups';
import { generatePeople } from './people';

const PEOPLE = 3_000;

describe.each(ENGINES)('synthetic country written into %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t?.dispose());

  it('writes valid people with their consents, groups and memberships', async () => {
    const summary = await fillDatabase(t.database, { people: PEOPLE, seed: 7 });
    const db = t.database.db;
    const people = await db.selectFrom('person').select(['id', 'doc_number', 'first_name_th', 'district_code', 'disability_type']).orderBy('id').execute();
    expect(people).toHaveLength(PEOPLE);
    expect(new Set(people.map((p) => p.doc_number)).size).toBe(PEOPLE);
    // The same seed gives the same people, in order.
    const expected = [...generatePeople(5, { seed: 7 })];
    expect(people.slice(0, 5).map((p) => p.first_name_th)).toEqual(expected.map((p) => p.first_name_th));
    // Sensitive data only under explicit consent.
    const consents = await db.selectFrom('consent').select('person_id').where('purpose', '=', 'sensitive-data').execute();
    expect(consents.length).toBe(people.filter((p) => p.disability_type !== null).length);
    expect(summary).toMatchObject({ people: PEOPLE, consents: consents.length, groups: PEOPLE / 250 });

    const members = await db
      .selectFrom('group_membership as m')
      .innerJoin('occupation_group as g', 'g.id', 'm.group_id')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['g.id', 'g.district_code as group_district', 'p.district_code as person_district', 'm.role'])
      .execute();
    expect(members.length).toBe(summary.memberships);
    expect(members.filter((m) => m.group_district !== m.person_district)).toEqual([]);
    const leaders = new Map<number, number>();
    for (const m of members) if (m.role === 'leader') leaders.set(m.id, (leaders.get(m.id) ?? 0) + 1);
    expect([...leaders.values()]).toEqual(Array(summary.groups).fill(1));
  });

  it('leaves the database as it was when a fill fails part-way', async () => {
    const db = t.database.db;
    const indexes = async () =>
      (await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'person' order by 1`.execute(db)).rows.map((r) => r.indexname);
    const before = {
      people: (
        await db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      indexes: await indexes(),
    };
    // People 2,000–3,999: the first thousand are already there, so the unique document index refuses the fill.
    await expect(fillDatabase(t.database, { people: 2_000, seed: 7, start: 2_000 })).rejects.toThrow(/duplicate key|person_document_idx/);
    const after = {
      people: (
        await db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      indexes: await indexes(),
    };
    expect(after).toEqual(before);
    expect(after.indexes).toContain('person_search_trgm_idx');
  });

  it('writes a group import file that the import accepts row by row', async () => {
    const residents = new Residents(0);
    let i = 0;
    for (const p of generatePeople(PEOPLE, { seed: 7 })) residents.add(i++, p.subdistrict_code);
    const documentOf = (person: number) => [...generatePeople(1, { seed: 7, start: person })][0]!.id_number;
    const groups = [...generateGroups(residents, { seed: 7 })];
    const csv = [...groupsCsvChunks(groups, documentOf)].join('');
    const [header, ...rows] = [...readCsv(csv)];
    expect(header!.cells).toEqual(GROUP_COLUMNS.map((c) => c.th));
    expect(rows).toHaveLength(groups.reduce((sum, g) => sum + g.members.length, 0));
    const ctx = await importRowContext(t.database.db);
    const mapping = Object.fromEntries(GROUP_COLUMNS.map((c, k) => [c.key, k]));
    const refused = rows.flatMap(({ cells, line }) => {
      const read = readGroupRow(cells, line, mapping, ctx);
      return 'errors' in read ? read.errors : [];
    });
    expect(refused).toEqual([]);
  });
});
