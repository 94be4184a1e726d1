import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { PersonTable } from '../../db/schema';
import type { Insertable, Selectable, Updateable } from 'kysely';

/** Where a record is, by name (geography's, added by the service). */
export interface PlaceColumns {
  subdistrict_name_th: string;
  subdistrict_name_en: string;
  district_name_th: string;
  district_name_en: string;
  province_name_th: string;
  province_name_en: string;
  postcode: string | null;
}
export type PersonRow = Selectable<PersonTable> & PlaceColumns;

/** A person's row; the service adds the names of their place (geography's). */
export const findPerson = (db: Executor, id: number) => db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();

export const lockPerson = (db: Executor, id: number) => db.selectFrom('person').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The person holding a document; a merged record answers with the record it was merged into. */
export const personIdByDocument = async (db: Executor, docType: string, docNumber: string) => {
  const row = await db
    .selectFrom('person')
    .select(['id', 'merged_into'])
    .where('doc_number', '=', docNumber)
    .where('doc_type', '=', docType)
    .executeTakeFirst();
  return row ? (row.merged_into ?? row.id) : null;
};

/** The documents that find a person: their own, and those of records merged into them. */
export const identitiesOf = (db: Executor, personId: number) =>
  db
    .selectFrom('person')
    .select(['id', 'doc_type', 'doc_number'])
    .where((eb) => eb.or([eb('id', '=', personId), eb('merged_into', '=', personId)]))
    .orderBy('id')
    .execute();

export const insertPerson = (trx: Executor, values: Insertable<PersonTable>) =>
  trx
    .insertInto('person')
    .values(values)
    .onConflict((oc) => oc.columns(['doc_number', 'doc_type']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();

export const updatePerson = (trx: Executor, id: number, patch: Updateable<PersonTable>) =>
  trx
    .updateTable('person')
    .set({ ...patch, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();

export interface PeopleFilter {
  provinces: readonly string[] | null;
  q?: { kind: 'document'; docNumber: string } | { kind: 'phone'; phone: string } | { kind: 'name'; parts: string[]; text: string };
  provinceCode?: string;
  districtCode?: string;
  targetGroup?: string;
  status?: 'active' | 'merged' | 'erased';
  limit: number;
  offset: number;
}

/** How far a count goes before it says "more than": counting a million matches costs more than it tells. */
export const COUNT_CAP = 10_000;

const likePrefix = (text: string) => text.replace(/[\\%_]/g, '\\$&') + '%';
const likeAnywhere = (text: string) => '%' + text.replace(/[\\%_]/g, '\\$&') + '%';

/** The filters every people query shares: scope, area, target group, status. */
function filtered(db: Executor, f: PeopleFilter) {
  let query = db.selectFrom('person as p');
  if (f.provinces) query = query.where('p.province_code', 'in', f.provinces.length ? [...f.provinces] : ['--']);
  if (f.provinceCode) query = query.where('p.province_code', '=', f.provinceCode);
  if (f.districtCode) query = query.where('p.district_code', '=', f.districtCode);
  if (f.targetGroup) query = query.where(sql<boolean>`p.target_groups @> array[${f.targetGroup}]::text[]`);
  return query.where('p.status', '=', f.status ?? 'active');
}

const LIST_COLUMNS = [
  'p.id',
  'p.doc_type',
  'p.doc_number',
  'p.title',
  'p.first_name_th',
  'p.last_name_th',
  'p.first_name_en',
  'p.last_name_en',
  'p.sex',
  'p.birth_date',
  'p.phone',
  'p.province_code',
  'p.district_code',
  'p.subdistrict_code',
  'p.target_groups',
  'p.status',
] as const;

/**
 * Whether a person found by document passes the filters `filtered` puts in SQL: the lookup
 * reads the one or two rows of a document by its unique index alone (a query with a
 * subquery and joins costs five times as much to plan as to run), then filters here.
 */
function passes(p: { province_code: string; district_code: string; target_groups: string[]; status: string }, f: PeopleFilter) {
  return (
    (!f.provinces || f.provinces.includes(p.province_code)) &&
    (!f.provinceCode || p.province_code === f.provinceCode) &&
    (!f.districtCode || p.district_code === f.districtCode) &&
    (!f.targetGroup || p.target_groups.includes(f.targetGroup)) &&
    p.status === (f.status ?? 'active')
  );
}

/**
 * People matching a search, best first. A name is looked up the way people type it: the start of
 * a Thai first name (and, with a second word, of the last name) or of a last name, each read in
 * index order and stopped after a page (an English word: the start of the English first name);
 * only when those find next to nothing does the trigram index look for the words anywhere in
 * the Thai or English names. So a common name costs a page,
 * not a sort of every match. `total` counts at most COUNT_CAP (name searches: what was found).
 */
export async function searchPeople(db: Executor, f: PeopleFilter) {
  const q = f.q;
  if (q?.kind === 'name') return searchByName(db, f, q);
  let query = filtered(db, f);
  if (q?.kind === 'document') {
    // The hot path (a card read at a counter): the document's rows, then a merged record's survivor.
    const rows = await db
      .selectFrom('person as p')
      .select([...LIST_COLUMNS, 'p.merged_into'])
      .where('p.doc_number', '=', q.docNumber)
      .execute();
    const survivors = rows.flatMap((r) => (r.merged_into === null ? [] : [r.merged_into]));
    const found = rows.filter((r) => r.merged_into === null);
    if (survivors.length)
      found.push(
        ...(await db
          .selectFrom('person as p')
          .select([...LIST_COLUMNS, 'p.merged_into'])
          .where('p.id', 'in', survivors)
          .execute()),
      );
    const seen = new Set<number>();
    const items = found
      .filter((p) => passes(p, f) && !seen.has(p.id) && seen.add(p.id))
      .slice(0, f.limit)
      .map(({ merged_into: _merged, ...p }) => p);
    return { items, total: items.length, totalIsCapped: false };
  }
  if (q?.kind === 'phone') {
    query = query.where('p.phone', '=', q.phone);
  }
  const total = await db
    .selectFrom(
      query
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query.select(LIST_COLUMNS).orderBy('p.first_name_th').orderBy('p.id').limit(f.limit).offset(f.offset).execute();
  const n = Number(total.n);
  return { items, total: Math.min(n, COUNT_CAP), totalIsCapped: n > COUNT_CAP };
}

/** Below this many prefix matches, a search also looks for the words inside names. */
const FALLBACK_BELOW = 3;

async function searchByName(db: Executor, f: PeopleFilter, q: { parts: string[]; text: string }) {
  const want = f.offset + f.limit;
  const [first, second] = q.parts as [string, string | undefined];
  const byFirstName = filtered(db, f).select(LIST_COLUMNS).where('p.first_name_th', 'like', likePrefix(first));
  const branches = [
    // (first_name_th, last_name_th, id) is one index: a first name with the start of a last name is read from it alone.
    (second ? byFirstName.where('p.last_name_th', 'like', likePrefix(second)) : byFirstName)
      .orderBy('p.first_name_th')
      .orderBy('p.last_name_th')
      .orderBy('p.id')
      .limit(want + 1)
      .execute(),
    ...(second
      ? []
      : [
          filtered(db, f)
            .select(LIST_COLUMNS)
            .where('p.last_name_th', 'like', likePrefix(first))
            .orderBy('p.last_name_th')
            .orderBy('p.id')
            .limit(want + 1)
            .execute(),
        ]),
    ...(/^[a-z]+$/.test(first) && !second
      ? [
          filtered(db, f)
            .select(LIST_COLUMNS)
            .where('p.first_name_en', 'is not', null)
            .where(sql<string>`lower(p.first_name_en)`, 'like', likePrefix(first))
            .limit(want + 1)
            .execute(),
        ]
      : []),
  ];
  const found = (await Promise.all(branches)).flat();
  let capped = found.length > want;
  const seen = new Set<number>();
  const unique = found.filter((p) => !seen.has(p.id) && seen.add(p.id));
  if (unique.length < FALLBACK_BELOW) {
    // Next to nothing by prefix: the words anywhere in a Thai or English name (trigram index),
    // likest first among the first candidates found.
    let anywhere = filtered(db, f).select([...LIST_COLUMNS, sql<number>`similarity(p.search_text, ${q.text})`.as('score')]);
    for (const part of q.parts) anywhere = anywhere.where('p.search_text', 'like', likeAnywhere(part));
    if (seen.size) anywhere = anywhere.where('p.id', 'not in', [...seen]);
    const more = await db
      .selectFrom(anywhere.limit(100).as('c'))
      .selectAll()
      .orderBy('score', 'desc')
      .orderBy('id')
      .limit(want - unique.length + 1)
      .execute();
    if (more.length > want - unique.length) capped = true;
    unique.push(...more.slice(0, want - unique.length).map(({ score: _score, ...row }) => row));
  }
  // A whole first or last name typed exactly comes before names that merely start with it.
  const exact = (p: (typeof unique)[number]) => p.first_name_th === q.text || p.last_name_th === q.text || `${p.first_name_th} ${p.last_name_th}` === q.text;
  const ranked = [...unique.filter(exact), ...unique.filter((p) => !exact(p))].slice(f.offset, want);
  return { items: ranked, total: f.offset + ranked.length, totalIsCapped: capped };
}

/**
 * People of the same district and birth date whose names are alike: likely the same person twice.
 * One pass numbers the people sharing a district and birth date (a sort, not a join of the table
 * with itself); only those few are then compared pairwise.
 */
export async function duplicateCandidates(db: Executor, provinces: readonly string[] | null, limit: number, personId?: number) {
  const scope = provinces ? sql`and province_code in (${sql.join(provinces.length ? provinces : ['--'])})` : sql``;
  // For one person, only their district is read (through the area index).
  const one = personId ? sql`and (province_code, district_code) = (select province_code, district_code from person where id = ${personId})` : sql``;
  const pair = personId ? sql`and (a.id = ${personId} or b.id = ${personId})` : sql``;
  const result = await sql<{ a_id: number; b_id: number; score: number; same_name: boolean }>`
    with shared as materialized (
      select id, district_code, birth_date, search_text, first_name_th, last_name_th
        from (select id, district_code, birth_date, search_text, first_name_th, last_name_th,
                     count(*) over (partition by district_code, birth_date) as n
                from person where status = 'active' ${scope} ${one}) x
       where n > 1
    )
    select a.id as a_id, b.id as b_id, similarity(a.search_text, b.search_text)::float8 as score,
           (a.first_name_th = b.first_name_th and a.last_name_th = b.last_name_th) as same_name
      from shared a
      join shared b on b.district_code = a.district_code and b.birth_date = a.birth_date and b.id > a.id
     where ((a.first_name_th = b.first_name_th and a.last_name_th = b.last_name_th) or similarity(a.search_text, b.search_text) > 0.5) ${pair}
     order by same_name desc, score desc, a.id
     limit ${limit}`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------- consents
export const consentsOf = (db: Executor, personId: number) =>
  db.selectFrom('consent').selectAll().where('person_id', '=', personId).orderBy('given_at', 'desc').orderBy('id', 'desc').execute();

export const standingConsent = (db: Executor, personId: number, purpose: string) =>
  db.selectFrom('consent').selectAll().where('person_id', '=', personId).where('purpose', '=', purpose).where('withdrawn_at', 'is', null).executeTakeFirst();

/** Of these people, those with a standing consent for the purpose. */
export const consentingPeople = async (db: Executor, personIds: readonly number[], purpose: string) =>
  personIds.length === 0
    ? []
    : (
        await db
          .selectFrom('consent')
          .select('person_id')
          .distinct()
          .where('person_id', 'in', [...personIds])
          .where('purpose', '=', purpose)
          .where('withdrawn_at', 'is', null)
          .execute()
      ).map((r) => r.person_id);

// ---------------------------------------------------------------- timeline
export interface TimelineEvent {
  personId?: number | null;
  groupId?: number | null;
  module: string;
  kind: string;
  summaryTh: string;
  summaryEn: string;
  data?: unknown;
  actorUserId?: string | null;
}

export async function addEvent(trx: Executor, e: TimelineEvent) {
  await trx
    .insertInto('registry_event')
    .values({
      person_id: e.personId ?? null,
      group_id: e.groupId ?? null,
      module: e.module,
      kind: e.kind,
      summary_th: e.summaryTh,
      summary_en: e.summaryEn,
      data: e.data === undefined ? null : JSON.stringify(e.data),
      actor_user_id: e.actorUserId ?? null,
    })
    .execute();
}

export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

export const eventsOf = (db: Executor, subject: { personId: number } | { groupId: number }, limit: number) =>
  db
    .selectFrom('registry_event as e')
    .select(['e.id', 'e.occurred_at', 'e.module', 'e.kind', 'e.summary_th', 'e.summary_en', 'e.data', 'e.person_id', 'e.group_id', 'e.actor_user_id'])
    .where('personId' in subject ? 'e.person_id' : 'e.group_id', '=', 'personId' in subject ? subject.personId : subject.groupId)
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();

/** Active people by province and by target group, within the given provinces (null = all). */
export async function peopleStats(db: Executor, provinces: readonly string[] | null) {
  const scope = provinces ? sql`and province_code in (${sql.join(provinces.length ? provinces : ['--'])})` : sql``;
  const [byProvince, byGroup] = await Promise.all([
    sql<{
      province_code: string;
      n: number;
    }>`select province_code, count(*)::int as n from person where status = 'active' ${scope} group by province_code`.execute(db),
    sql<{
      code: string;
      n: number;
    }>`select g as code, count(*)::int as n from person, unnest(target_groups) g where status = 'active' ${scope} group by g`.execute(db),
  ]);
  return { byProvince: byProvince.rows, byTargetGroup: byGroup.rows };
}

export const peopleByIds = (db: Executor, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
/** The key-share lock a foreign key to these people takes, taken now and in id order. */
export const holdPeople = (trx: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve()
    : trx
        .selectFrom('person')
        .select('id')
        .where('id', 'in', [...ids])
        .orderBy('id')
        .forKeyShare()
        .execute()
        .then(() => undefined);

// ---------------------------------------------------------------- consents
export const insertConsent = (
  trx: Executor,
  values: { person_id: number; purpose: string; lawful_basis: string; evidence: string | null; recorded_by: string; unit_code: string | null },
) => trx.insertInto('consent').values(values).execute();

/** Withdraws the standing consent for a purpose; returns the ids withdrawn (none when none stood). */
export const withdrawConsent = (trx: Executor, personId: number, purpose: string) =>
  trx
    .updateTable('consent')
    .set({ withdrawn_at: new Date() })
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();

export const peopleByDocuments = (db: Executor, docNumbers: readonly string[]) =>
  docNumbers.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select(['id', 'doc_number', 'merged_into'])
        .where('doc_number', 'in', [...docNumbers])
        .where('status', '<>', 'erased')
        .execute();

/** Locks the people's rows in id order (two callers with overlapping people cannot deadlock). */
export const lockPeople = (trx: Executor, personIds: readonly number[]) =>
  personIds.length
    ? trx
        .selectFrom('person')
        .select('id')
        .where('id', 'in', [...personIds])
        .orderBy('id')
        .forUpdate()
        .execute()
    : Promise.resolve([]);

/**
 * People registered per province and Bangkok day, recomputed from the records (monitoring's
 * rebuild): a merged duplicate is not counted, an erased person is (the area stays).
 */
export const registrationTally = async (db: Executor) =>
  (
    await sql<{ provinceCode: string; on: string; count: number }>`
      select province_code as "provinceCode", to_char(created_at at time zone 'Asia/Bangkok', 'YYYY-MM-DD') as "on", count(*)::int as count
        from person where status <> 'merged' group by 1, 2`.execute(db)
  ).rows;

/**
 * `registry.registered`'s breakdown cells (monitoring): per Bangkok day of registration, province
 * and district, and per province and target group (`'none'` for a person with none), of the
 * given people or everyone (null). Read before and after a change to tell the difference.
 */
export const registrationBreakdown = async (db: Executor, personIds: readonly number[] | null) => {
  if (personIds?.length === 0) return [];
  const who = personIds ? sql`and id = any(${`{${personIds.join(',')}}`}::bigint[])` : sql``;
  const day = sql`to_char(created_at at time zone 'Asia/Bangkok', 'YYYY-MM-DD')`;
  return (
    await sql<{ indicator: string; provinceCode: string; districtCode: string; targetGroup: string; on: string; count: number }>`
      select 'registry.registered' as indicator, province_code as "provinceCode", district_code as "districtCode", '*' as "targetGroup", ${day} as "on", count(*)::int as count
        from person where status <> 'merged' ${who} group by 2, 3, 5
      union all
      select 'registry.registered', province_code, '*', g, ${day}, count(*)::int
        from person cross join unnest(case when cardinality(target_groups) = 0 then array['none'] else target_groups end) g
       where status <> 'merged' ${who} group by 2, 4, 5`.execute(db)
  ).rows;
};

/** People's target groups (merged records too: their facts move with the merge), for other modules' breakdowns. */
export async function targetGroupsOf(db: Executor, personIds: readonly number[]) {
  const groups = new Map<number, string[]>();
  for (let i = 0; i < personIds.length; i += 20_000) {
    const ids = personIds.slice(i, i + 20_000);
    const { rows } = await sql<{ id: string | number; target_groups: string[] }>`
      select id, target_groups from person where id = any(${`{${ids.join(',')}}`}::bigint[])`.execute(db);
    for (const r of rows) groups.set(Number(r.id), r.target_groups);
  }
  return groups;
}
