import { sql, type Insertable, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import type { CertificationTable, FieldVisitTable, ProductTable } from '../../db/schema.enterprise';

/** Enterprise SQL, on the module's own tables only. */

// ------------------------------------------------------------------ programmes

export async function upsertProgramme(
  trx: Transaction<DB>,
  p: Insertable<DB['programme']>,
  stages: Insertable<DB['programme_stage']>[],
  targets: Insertable<DB['programme_target']>[],
) {
  await trx
    .insertInto('programme')
    .values(p)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_th: eb.ref('excluded.name_th'),
        name_en: eb.ref('excluded.name_en'),
        owner_agency_code: eb.ref('excluded.owner_agency_code'),
        fiscal_years: eb.ref('excluded.fiscal_years'),
        description_th: eb.ref('excluded.description_th'),
        description_en: eb.ref('excluded.description_en'),
        budget_sources: eb.ref('excluded.budget_sources'),
        one_per_subdistrict: eb.ref('excluded.one_per_subdistrict'),
        assumed_fields: eb.ref('excluded.assumed_fields'),
        source_note: eb.ref('excluded.source_note'),
      })),
    )
    .execute();
  for (const s of stages)
    await trx
      .insertInto('programme_stage')
      .values(s)
      .onConflict((oc) =>
        oc.columns(['programme_code', 'code']).doUpdateSet((eb) => ({
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          evidence: eb.ref('excluded.evidence'),
          deadline: eb.ref('excluded.deadline'),
        })),
      )
      .execute();
  await trx.deleteFrom('programme_target').where('programme_code', '=', p.code).execute();
  if (targets.length) await trx.insertInto('programme_target').values(targets).execute();
}

export const listProgrammes = (db: Executor) =>
  db
    .selectFrom('programme as p')
    .selectAll('p')
    .select(sql<number>`(select count(*) from participation x where x.programme_code = p.code and x.status = 'active')::int`.as('active_count'))
    .orderBy(sql`p.code = 'OTOG'`, 'desc')
    .orderBy('p.code')
    .execute();
export const findProgramme = (db: Executor, code: string) => db.selectFrom('programme').selectAll().where('code', '=', code).executeTakeFirst();
export const stagesOf = (db: Executor, code: string) =>
  db.selectFrom('programme_stage').selectAll().where('programme_code', '=', code).orderBy('position').execute();
export const targetsOf = (db: Executor, code: string) =>
  db.selectFrom('programme_target').selectAll().where('programme_code', '=', code).orderBy('fiscal_year').orderBy('stage_code').execute();

const inProvinces = (provinces: readonly string[] | null) =>
  provinces === null ? sql<boolean>`true` : sql<boolean>`province_code = any(${sql.val([...provinces, '--'])}::text[])`;

/** Active groups per current stage position (and province): the funnel's one source. */
export const stagePositions = (db: Executor, code: string, provinces: readonly string[] | null) =>
  db
    .selectFrom('participation')
    .select(['stage_position', 'province_code', sql<number>`count(*)::int`.as('n')])
    .where('programme_code', '=', code)
    .where('status', '=', 'active')
    .where(inProvinces(provinces))
    .groupBy(['stage_position', 'province_code'])
    .execute();

/** Active groups below `position`, oldest nomination first. */
export const lateParticipations = (db: Executor, code: string, position: number, provinces: readonly string[] | null, limit: number, offset: number) =>
  db
    .selectFrom('participation')
    .select(['id', 'group_id', 'province_code', 'unit_code', 'stage_code', 'stage_position', 'nominated_at'])
    .where('programme_code', '=', code)
    .where('status', '=', 'active')
    .where('stage_position', '<', position)
    .where(inProvinces(provinces))
    .orderBy('province_code')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();

export const lateByProvince = (db: Executor, code: string, position: number, provinces: readonly string[] | null) =>
  db
    .selectFrom('participation')
    .select(['province_code', 'unit_code', sql<number>`count(*)::int`.as('n')])
    .where('programme_code', '=', code)
    .where('status', '=', 'active')
    .where('stage_position', '<', position)
    .where(inProvinces(provinces))
    .groupBy(['province_code', 'unit_code'])
    .orderBy('province_code')
    .execute();

// ------------------------------------------------------------------ participation

export const findParticipation = (db: Executor, id: number) => db.selectFrom('participation').selectAll().where('id', '=', id).executeTakeFirst();
export const lockParticipation = (trx: Transaction<DB>, id: number) =>
  trx.selectFrom('participation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const participationsOfGroup = (db: Executor, groupId: number) =>
  db.selectFrom('participation').selectAll().where('group_id', '=', groupId).orderBy('nominated_at').execute();
export const slotHolder = (db: Executor, code: string, subdistrictCode: string) =>
  db
    .selectFrom('participation')
    .select(['id', 'group_id'])
    .where('programme_code', '=', code)
    .where('slot_subdistrict_code', '=', subdistrictCode)
    .executeTakeFirst();

export const insertParticipation = (trx: Transaction<DB>, values: Insertable<DB['participation']>) =>
  trx.insertInto('participation').values(values).returning('id').executeTakeFirstOrThrow();

export const moveParticipation = (
  trx: Transaction<DB>,
  id: number,
  set: { stage_code: string; stage_position: number; status: 'active' | 'exited'; slot_subdistrict_code: string | null },
) =>
  trx
    .updateTable('participation')
    .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();

export const insertStep = (trx: Transaction<DB>, values: Insertable<DB['participation_step']>) => trx.insertInto('participation_step').values(values).execute();
export const stepsOf = (db: Executor, participationIds: readonly number[]) =>
  participationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('participation_step')
        .selectAll()
        .where('participation_id', 'in', [...participationIds])
        .orderBy('id')
        .execute();

export const listParticipants = (
  db: Executor,
  f: { code: string; provinces: readonly string[] | null; province?: string; stage?: string; status?: string; limit: number; offset: number },
) => {
  let q = db.selectFrom('participation').where('programme_code', '=', f.code).where(inProvinces(f.provinces));
  if (f.province) q = q.where('province_code', '=', f.province);
  if (f.stage) q = q.where('stage_code', '=', f.stage);
  if (f.status) q = q.where('status', '=', f.status as 'active');
  return Promise.all([
    q.selectAll().orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
};

/** Active participations of these groups whose next stage is reached by completing this course. */
export const awaitingCourse = (trx: Executor, groupIds: readonly number[], curriculumCode: string) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('participation as p')
        .innerJoin('programme_stage as s', (j) => j.onRef('s.programme_code', '=', 'p.programme_code').on('s.position', '=', sql<number>`p.stage_position + 1`))
        .select(['p.id', 'p.group_id', 'p.programme_code', 'p.province_code', 's.code as next_code', 's.position as next_position', 's.evidence'])
        .where('p.status', '=', 'active')
        .where('p.group_id', 'in', [...groupIds])
        .where(sql<boolean>`s.evidence->>'kind' = 'course' and s.evidence->>'curriculumCode' = ${curriculumCode}`)
        .forUpdate('p')
        .execute();

/** Active participations of these groups whose next stage takes a disbursed loan as evidence, locked. */
export const awaitingLoan = (trx: Executor, groupId: number) =>
  trx
    .selectFrom('participation as p')
    .innerJoin('programme_stage as s', (j) => j.onRef('s.programme_code', '=', 'p.programme_code').on('s.position', '=', sql<number>`p.stage_position + 1`))
    .select(['p.id', 's.code as next_code'])
    .where('p.status', '=', 'active')
    .where('p.group_id', '=', groupId)
    .where(sql<boolean>`s.evidence->>'kind' = 'loan'`)
    .orderBy('p.id')
    .forUpdate('p')
    .execute();

// ------------------------------------------------------------------ products and certificates

export const insertProduct = (trx: Transaction<DB>, values: Insertable<ProductTable>) =>
  trx.insertInto('product').values(values).returning('id').executeTakeFirstOrThrow();
export const updateProduct = (trx: Transaction<DB>, id: number, set: Partial<Insertable<ProductTable>>) =>
  trx
    .updateTable('product')
    .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
export const insertProductVersion = (trx: Transaction<DB>, values: Insertable<DB['product_version']>) =>
  trx.insertInto('product_version').values(values).execute();
export const findProduct = (db: Executor, id: number) => db.selectFrom('product').selectAll().where('id', '=', id).executeTakeFirst();
export const productsByIds = (db: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('product')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();
export const productsOfGroup = (db: Executor, groupId: number) => db.selectFrom('product').selectAll().where('group_id', '=', groupId).orderBy('id').execute();
export const versionsOf = (db: Executor, productId: number) =>
  db.selectFrom('product_version').selectAll().where('product_id', '=', productId).orderBy('version', 'desc').execute();

export const insertCertification = (trx: Transaction<DB>, values: Insertable<CertificationTable>) =>
  trx.insertInto('certification').values(values).returning('id').executeTakeFirstOrThrow();
export const updateCertification = (trx: Transaction<DB>, id: number, set: Partial<Insertable<CertificationTable>>) =>
  trx
    .updateTable('certification')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
export const findCertification = (db: Executor, id: number) => db.selectFrom('certification').selectAll().where('id', '=', id).executeTakeFirst();
export const certificationsOf = (db: Executor, productIds: readonly number[]) =>
  productIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('certification')
        .selectAll()
        .where('product_id', 'in', [...productIds])
        .orderBy('id')
        .execute();

/** Certified, unexpired on `today`, expiring by `until`, in these provinces. */
export const expiringCertifications = (db: Executor, today: string, until: string, provinces: readonly string[] | null) =>
  db
    .selectFrom('certification as c')
    .innerJoin('product as p', 'p.id', 'c.product_id')
    .select([
      'c.id',
      'c.kind',
      'c.number',
      'c.standard_no',
      'c.expires_on',
      'c.issued_on',
      'c.status',
      'p.id as product_id',
      'p.name as product_name',
      'p.group_id',
      'p.province_code',
    ])
    .where('c.status', '=', 'certified')
    .where('c.expires_on', '>=', today)
    .where('c.expires_on', '<=', until)
    .where(provinces === null ? sql<boolean>`true` : sql<boolean>`p.province_code = any(${sql.val([...provinces, '--'])}::text[])`)
    .orderBy('c.expires_on')
    .limit(500)
    .execute();

/** Does any product of the group hold a certificate standing on `today`? */
export const groupHasValidCertificate = async (db: Executor, groupId: number, today: string) =>
  Boolean(
    await db
      .selectFrom('certification as c')
      .innerJoin('product as p', 'p.id', 'c.product_id')
      .select('c.id')
      .where('p.group_id', '=', groupId)
      .where('c.status', '=', 'certified')
      .where('c.issued_on', '<=', today)
      .where((eb) => eb.or([eb('c.expires_on', 'is', null), eb('c.expires_on', '>=', today)]))
      .executeTakeFirst(),
  );

// ------------------------------------------------------------------ visits

export const lockVisit = (trx: Transaction<DB>, id: string) => trx.selectFrom('field_visit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const findVisit = (db: Executor, id: string) => db.selectFrom('field_visit').selectAll().where('id', '=', id).executeTakeFirst();
export const insertVisit = (trx: Transaction<DB>, values: Insertable<FieldVisitTable>) => trx.insertInto('field_visit').values(values).execute();
export const updateVisit = (trx: Transaction<DB>, id: string, set: Partial<Insertable<FieldVisitTable>>) =>
  trx
    .updateTable('field_visit')
    .set({ ...set, updated_at: new Date(), sync_count: sql`sync_count + 1` })
    .where('id', '=', id)
    .execute();
export const visitsOfGroup = (db: Executor, groupId: number) =>
  db.selectFrom('field_visit').selectAll().where('group_id', '=', groupId).orderBy('visited_on', 'desc').orderBy('created_at', 'desc').limit(100).execute();

/** A photo, once: a second sync of the same photo id changes nothing. */
export const insertPhoto = (trx: Transaction<DB>, values: Insertable<DB['visit_photo']>) =>
  trx
    .insertInto('visit_photo')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
export const photosOf = (db: Executor, visitIds: readonly string[]) =>
  visitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('visit_photo')
        .select(['id', 'visit_id', 'content_type', 'created_at'])
        .where('visit_id', 'in', [...visitIds])
        .orderBy('created_at')
        .execute();
export const findPhoto = (db: Executor, id: string) =>
  db
    .selectFrom('visit_photo as f')
    .innerJoin('field_visit as v', 'v.id', 'f.visit_id')
    .select(['f.id', 'f.content_type', 'f.data', 'v.province_code'])
    .where('f.id', '=', id)
    .executeTakeFirst();

/** Open obstacles per province and category. */
export const openObstacles = (db: Executor, provinces: readonly string[] | null) =>
  db
    .selectFrom(
      sql<{ province_code: string; category: string }>`(select v.province_code, o->>'category' as category
        from field_visit v, jsonb_array_elements(v.obstacles) o
        where (o->>'open')::boolean and ${provinces === null ? sql`true` : sql`v.province_code = any(${sql.val([...provinces, '--'])}::text[])`})`.as('x'),
    )
    .select(['x.province_code', 'x.category', sql<number>`count(*)::int`.as('n')])
    .groupBy(['x.province_code', 'x.category'])
    .orderBy('x.province_code')
    .orderBy('x.category')
    .execute();

// ------------------------------------------------------------------ group development

export const findDevelopment = (db: Executor, groupId: number) =>
  db.selectFrom('group_development').selectAll().where('group_id', '=', groupId).executeTakeFirst();
export const upsertDevelopment = (trx: Transaction<DB>, values: Insertable<DB['group_development']>) =>
  trx
    .insertInto('group_development')
    .values(values)
    .onConflict((oc) =>
      oc.column('group_id').doUpdateSet((eb) => ({
        ce_registration_no: eb.ref('excluded.ce_registration_no'),
        ce_registered_on: eb.ref('excluded.ce_registered_on'),
        note: eb.ref('excluded.note'),
        updated_at: new Date(),
      })),
    )
    .execute();
/** Community enterprises registered between two dates (inclusive), with the group ids (the caller filters by scope). */
export const registeredBetween = (db: Executor, start: string, end: string) =>
  db
    .selectFrom('group_development')
    .select(['group_id', 'ce_registered_on'])
    .where('ce_registered_on', '>=', start)
    .where('ce_registered_on', '<=', end)
    .execute();
