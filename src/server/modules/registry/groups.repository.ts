import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { OccupationGroupTable } from '../../db/schema';
import { COUNT_CAP, type PlaceColumns } from './registry.repository';

export type GroupRow = Selectable<OccupationGroupTable> & Omit<PlaceColumns, 'postcode'> & { member_count: number };

/** Groups with their current member count; the service adds the names of their place (geography's). */
const groupWithCount = (db: Executor) =>
  db
    .selectFrom('occupation_group as g')
    .selectAll('g')
    .select(sql<number>`(select count(*) from group_membership m where m.group_id = g.id and m.left_on is null)::int`.as('member_count'));

export const findGroup = (db: Executor, id: number) => groupWithCount(db).where('g.id', '=', id).executeTakeFirst();

export async function searchGroups(
  db: Executor,
  f: { provinces: readonly string[] | null; q?: string; type?: string; provinceCode?: string; limit: number; offset: number },
) {
  let query = groupWithCount(db);
  if (f.provinces) query = query.where('g.province_code', 'in', f.provinces.length ? [...f.provinces] : ['--']);
  if (f.provinceCode) query = query.where('g.province_code', '=', f.provinceCode);
  if (f.type) query = query.where('g.type', '=', f.type);
  if (f.q) {
    for (const part of f.q.toLowerCase().split(/\s+/).filter(Boolean)) {
      query = query.where((eb) => eb.or([eb('g.search_text', 'like', `%${part.replace(/[\\%_]/g, '\\$&')}%`), eb('g.registration_no', '=', part)]));
    }
  }
  const total = await db
    .selectFrom(
      query
        .clearSelect()
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query.orderBy('g.name').orderBy('g.id').limit(f.limit).offset(f.offset).execute();
  return { items, total: Math.min(Number(total.n), COUNT_CAP), totalIsCapped: Number(total.n) > COUNT_CAP };
}

export const membersOf = (db: Executor, groupId: number) =>
  db
    .selectFrom('group_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select([
      'm.id',
      'm.group_id',
      'm.person_id',
      'm.role',
      'm.joined_on',
      'm.left_on',
      'm.left_reason',
      'p.title',
      'p.first_name_th',
      'p.last_name_th',
      'p.first_name_en',
      'p.last_name_en',
      'p.status as person_status',
    ])
    .where('m.group_id', '=', groupId)
    .orderBy(sql`m.left_on is not null`)
    .orderBy(sql`case m.role when 'leader' then 0 when 'committee' then 1 else 2 end`)
    .orderBy('m.joined_on')
    .execute();

export const membershipsOf = (db: Executor, personId: number) =>
  db
    .selectFrom('group_membership as m')
    .innerJoin('occupation_group as g', 'g.id', 'm.group_id')
    .select([
      'm.id',
      'm.group_id',
      'm.person_id',
      'm.role',
      'm.joined_on',
      'm.left_on',
      'm.left_reason',
      'g.name as group_name',
      'g.type as group_type',
      'g.province_code',
    ])
    .where('m.person_id', '=', personId)
    .orderBy(sql`m.left_on is not null`)
    .orderBy('m.joined_on', 'desc')
    .execute();

export const insertGroup = (trx: Executor, values: Insertable<OccupationGroupTable>) =>
  trx
    .insertInto('occupation_group')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();

/** Adds a current membership; undefined when the person already holds one in the group. */
export const insertMembership = (trx: Executor, values: { group_id: number; person_id: number; role: string; joined_on: string }) =>
  trx
    .insertInto('group_membership')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();

export const lockMembership = (trx: Executor, groupId: number, membershipId: number) =>
  trx.selectFrom('group_membership').selectAll().where('id', '=', membershipId).where('group_id', '=', groupId).forUpdate().executeTakeFirst();

export const endMembership = (trx: Executor, membershipId: number, leftOn: string, reason: string | null) =>
  trx.updateTable('group_membership').set({ left_on: leftOn, left_reason: reason }).where('id', '=', membershipId).execute();

/** For other modules: groups' places and names, and the people currently in them. */
export const groupPlaces = (db: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('occupation_group')
        .select(['id', 'name', 'type', 'status', 'province_code', 'district_code', 'subdistrict_code', 'registered_unit_code'])
        .where('id', 'in', [...ids])
        .execute();

/** The groups in which a person currently holds one of these roles. */
export const groupsHeldBy = (db: Executor, personId: number, roles: readonly string[]) =>
  db
    .selectFrom('group_membership')
    .select('group_id')
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .where('role', 'in', [...roles])
    .execute();

export const currentMemberships = (db: Executor, f: { groupIds?: readonly number[]; personIds?: readonly number[] }) =>
  f.groupIds?.length === 0 || f.personIds?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('group_membership')
        .select(['group_id', 'person_id', 'role'])
        .where('left_on', 'is', null)
        .$if(f.groupIds !== undefined, (q) => q.where('group_id', 'in', [...f.groupIds!]))
        .$if(f.personIds !== undefined, (q) => q.where('person_id', 'in', [...f.personIds!]))
        .execute();
