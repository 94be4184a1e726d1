import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';

export interface AgencyRow {
  code: string;
  parent_code: string | null;
  kind: string;
  name_th: string;
  name_en: string;
  abbr_th: string | null;
  abbr_en: string | null;
  source: string | null;
}

export interface UnitRow {
  code: string;
  agency_code: string;
  kind: string;
  name_th: string;
  name_en: string;
  province_code: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  assumed: boolean;
  note: string | null;
  updated_at: Date;
  area_province_codes: string[];
}

export const listAgencies = (db: Executor) => db.selectFrom('agency').selectAll().orderBy('parent_code', 'asc').orderBy('code').execute();

export const agenciesByCode = (db: Executor, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('agency')
        .select(['code', 'name_th', 'name_en'])
        .where('code', 'in', [...codes])
        .execute();

const unitColumns = (db: Executor) =>
  db
    .selectFrom('unit as u')
    .selectAll('u')
    .select(
      sql<string[]>`coalesce((select array_agg(ua.province_code order by ua.province_code) from unit_area ua where ua.unit_code = u.code), '{}')`.as(
        'area_province_codes',
      ),
    );

export interface UnitFilter {
  /** Only units responsible for one of these provinces; null for every unit. */
  withinProvinces: readonly string[] | null;
  agencyCode?: string;
  kind?: string;
  provinceCode?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listUnits(db: Executor, filter: UnitFilter): Promise<{ rows: UnitRow[]; total: number }> {
  let query = db.selectFrom('unit as u');
  if (filter.withinProvinces) {
    const provinces = filter.withinProvinces.length ? [...filter.withinProvinces] : ['--'];
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('unit_area as ua').select('ua.unit_code').whereRef('ua.unit_code', '=', 'u.code').where('ua.province_code', 'in', provinces)),
    );
  }
  if (filter.agencyCode) query = query.where('u.agency_code', '=', filter.agencyCode);
  if (filter.kind) query = query.where('u.kind', '=', filter.kind);
  if (filter.provinceCode) {
    const provinceCode = filter.provinceCode;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('unit_area as ua2').select('ua2.unit_code').whereRef('ua2.unit_code', '=', 'u.code').where('ua2.province_code', '=', provinceCode)),
    );
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('u.name_th', 'like', like), eb(eb.fn('lower', ['u.name_en']), 'like', like.toLowerCase()), eb('u.code', 'ilike', like)]),
    );
  }
  const codes = await query.select('u.code').orderBy('u.agency_code').orderBy('u.code').limit(filter.limit).offset(filter.offset).execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (codes.length === 0) return { rows: [], total: Number(count.n) };
  const rows = await unitColumns(db)
    .where(
      'u.code',
      'in',
      codes.map((c) => c.code),
    )
    .orderBy('u.agency_code')
    .orderBy('u.code')
    .execute();
  return { rows: rows as UnitRow[], total: Number(count.n) };
}

export async function findUnit(db: Executor, code: string): Promise<UnitRow | undefined> {
  return (await unitColumns(db).where('u.code', '=', code).executeTakeFirst()) as UnitRow | undefined;
}

export async function updateUnitContact(
  trx: Transaction<DB>,
  code: string,
  patch: { phone?: string | null; email?: string | null; address?: string | null },
): Promise<void> {
  await trx
    .updateTable('unit')
    .set({ ...patch, updated_at: new Date() })
    .where('code', '=', code)
    .execute();
}

export interface ReferenceUnit {
  code: string;
  agency_code: string;
  kind: string;
  name_th: string;
  name_en: string;
  province_code: string | null;
  assumed: boolean;
  note: string | null;
  area: string[];
}

/** Upserts reference agencies, units and their areas. Contact details officers typed are kept. */
export async function upsertOrgReference(
  trx: Transaction<DB>,
  agencies: AgencyRow[],
  units: ReferenceUnit[],
  targetGroups: { code: string; name_th: string; name_en: string; sensitive: boolean }[],
): Promise<void> {
  // Parents before children, so the self-reference holds at every insert.
  const ordered = [...agencies].sort((a, b) => Number(a.parent_code !== null) - Number(b.parent_code !== null));
  for (const agency of ordered) {
    await trx
      .insertInto('agency')
      .values(agency)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          parent_code: agency.parent_code,
          kind: agency.kind,
          name_th: agency.name_th,
          name_en: agency.name_en,
          abbr_th: agency.abbr_th,
          abbr_en: agency.abbr_en,
          source: agency.source,
        }),
      )
      .execute();
  }
  const unitValues = units.map(({ area: _area, ...u }) => u);
  for (let i = 0; i < unitValues.length; i += 500) {
    await trx
      .insertInto('unit')
      .values(unitValues.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          agency_code: eb.ref('excluded.agency_code'),
          kind: eb.ref('excluded.kind'),
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          province_code: eb.ref('excluded.province_code'),
          assumed: eb.ref('excluded.assumed'),
          note: eb.ref('excluded.note'),
        })),
      )
      .execute();
  }
  const codes = units.map((u) => u.code);
  if (codes.length) await trx.deleteFrom('unit_area').where('unit_code', 'in', codes).execute();
  const areas = units.flatMap((u) => u.area.map((province_code) => ({ unit_code: u.code, province_code })));
  for (let i = 0; i < areas.length; i += 2000) {
    await trx
      .insertInto('unit_area')
      .values(areas.slice(i, i + 2000))
      .execute();
  }
  if (targetGroups.length) {
    await trx
      .insertInto('target_group')
      .values(targetGroups)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          sensitive: eb.ref('excluded.sensitive'),
        })),
      )
      .execute();
  }
}

export const listTargetGroups = (db: Executor) => db.selectFrom('target_group').selectAll().orderBy('code').execute();

/** The provinces of each existing unit, for resolving role scopes; unknown codes are absent. */
export async function unitAreas(db: Executor, unitCodes: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (unitCodes.length === 0) return map;
  const rows = await db
    .selectFrom('unit as u')
    .leftJoin('unit_area as ua', 'ua.unit_code', 'u.code')
    .select(['u.code', 'ua.province_code'])
    .where('u.code', 'in', [...unitCodes])
    .orderBy('ua.province_code')
    .execute();
  for (const row of rows) {
    const list = map.get(row.code) ?? [];
    if (row.province_code) list.push(row.province_code);
    map.set(row.code, list);
  }
  return map;
}

/** Units by code with their agency's names: what other modules print beside a unit code. */
export const unitsWithAgency = (db: Executor, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('unit as u')
        .innerJoin('agency as a', 'a.code', 'u.agency_code')
        .select(['u.code', 'u.name_th', 'u.name_en', 'u.agency_code', 'a.name_th as agency_name_th', 'a.name_en as agency_name_en'])
        .where('u.code', 'in', [...codes])
        .execute();

export const agencyExists = async (db: Executor, code: string) =>
  Boolean(await db.selectFrom('agency').select('code').where('code', '=', code).executeTakeFirst());
