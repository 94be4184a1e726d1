import type { Executor } from '../../db/executor';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import { scopeCovers, scopeTouches, type Scope } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { GeoService } from '../geo/geo.service';
import { AGENCIES } from './data/agencies';
import { TARGET_GROUPS } from './data/target-groups';
import { buildUnits } from './data/units';
import { orgPolicy } from './org.policy';
import * as repository from './org.repository';

const presentAgency = (a: repository.AgencyRow) => ({
  code: a.code,
  parentCode: a.parent_code,
  kind: a.kind,
  nameTh: a.name_th,
  nameEn: a.name_en,
  abbrTh: a.abbr_th,
  abbrEn: a.abbr_en,
  source: a.source,
});

const presentUnit = (u: repository.UnitRow) => ({
  code: u.code,
  agencyCode: u.agency_code,
  kind: u.kind,
  nameTh: u.name_th,
  nameEn: u.name_en,
  provinceCode: u.province_code,
  areaProvinceCodes: u.area_province_codes,
  phone: u.phone,
  email: u.email,
  address: u.address,
  assumed: u.assumed,
  note: u.note,
  updatedAt: u.updated_at.toISOString(),
});
export type UnitView = ReturnType<typeof presentUnit>;

/** Loads agencies, units with their areas, and target groups, when the shipped data changes. */
export async function loadOrgReferenceData(db: Kysely<DB>, geo: GeoService): Promise<boolean> {
  const provinces = await geo.provinces();
  const agencies: repository.AgencyRow[] = AGENCIES.map((a) => ({
    code: a.code,
    parent_code: a.parentCode,
    kind: a.kind,
    name_th: a.nameTh,
    name_en: a.nameEn,
    abbr_th: a.abbrTh ?? null,
    abbr_en: a.abbrEn ?? null,
    source: Array.isArray(a.source) ? a.source.join(', ') : (a.source ?? null),
  }));
  const units: repository.ReferenceUnit[] = buildUnits(provinces).map((u) => ({
    code: u.code,
    agency_code: u.agencyCode,
    kind: u.kind,
    name_th: u.nameTh,
    name_en: u.nameEn,
    province_code: u.provinceCode,
    assumed: u.assumed,
    note: u.note ?? null,
    area: [...u.areaProvinceCodes],
  }));
  const targetGroups = TARGET_GROUPS.map((t) => ({ code: t.code, name_th: t.nameTh, name_en: t.nameEn, sensitive: t.sensitive }));
  return loadReferenceSet(db, 'org', fingerprint(agencies, units, targetGroups), (trx) => repository.upsertOrgReference(trx, agencies, units, targetGroups));
}

/** What other modules show of a unit. */
export interface UnitNames {
  code: string;
  nameTh: string;
  nameEn: string;
  agencyCode: string;
  agencyNameTh: string;
  agencyNameEn: string;
}

export function createOrgService(deps: { db: Kysely<DB>; geo: GeoService }) {
  const { db, geo } = deps;
  const unitNameCache = new Map<string, UnitNames>();
  const agencyNameCache = new Map<string, { code: string; nameTh: string; nameEn: string }>();

  /** Refuses with the unit's and the actor's areas named (`geo.outOfScope`, as every module refuses). */
  const refuseOutOfScope = (unit: repository.UnitRow, scope: Scope, verb: { en: string; th: string }) =>
    geo.outOfScope(verb, unit.area_province_codes, scope, { en: `unit ${unit.code} (${unit.name_en})`, th: `หน่วยงาน ${unit.name_th}` });

  const requireUnit = async (code: string) => {
    const unit = await repository.findUnit(db, code);
    if (!unit) throw problems.notFound({ en: `No unit has code ${code}.`, th: `ไม่พบหน่วยงานรหัส ${code}` });
    return unit;
  };

  return {
    async agencies() {
      return (await repository.listAgencies(db)).map(presentAgency);
    },

    /** The target groups, which of them are sensitive, and their synonyms (inside the caller's transaction: pass it). */
    async targetGroups(executor: Executor = db) {
      // Synonyms ship with the code (they are how files are read, not reference data people see).
      const aliases = new Map(TARGET_GROUPS.map((t) => [t.code, t.aliases]));
      return (await repository.listTargetGroups(executor)).map((t) => ({
        code: t.code,
        nameTh: t.name_th,
        nameEn: t.name_en,
        sensitive: t.sensitive,
        aliases: aliases.get(t.code) ?? [],
      }));
    },

    async listUnits(ctx: ActorContext, filter: Omit<repository.UnitFilter, 'withinProvinces'>) {
      const scope = orgPolicy.unitReadScope(ctx.actor);
      if (scope.kind === 'none') {
        throw problems.forbidden({ en: 'Your role does not include reading units.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูข้อมูลหน่วยงาน' });
      }
      const { rows, total } = await repository.listUnits(db, {
        ...filter,
        withinProvinces: scope.kind === 'all' ? null : [...scope.codes],
      });
      return { items: rows.map(presentUnit), total };
    },

    async getUnit(ctx: ActorContext, code: string) {
      const unit = await requireUnit(code);
      const scope = orgPolicy.unitReadScope(ctx.actor);
      if (!scopeTouches(scope, unit.area_province_codes)) throw await refuseOutOfScope(unit, scope, { en: 'read', th: 'ดูข้อมูล' });
      return presentUnit(unit);
    },

    /** The provinces of each existing unit; unknown codes are absent from the map. */
    async unitAreas(codes: readonly string[]) {
      return repository.unitAreas(db, codes);
    },

    /** Units by code with their names and their agency's, for other modules' pages and documents (inside a caller's transaction: pass it). */
    async unitNames(codes: readonly string[], executor: Executor = db): Promise<Map<string, UnitNames>> {
      // Unit and agency names are reference data, loaded before the server listens and unchanged
      // while it runs: each is read once (this is on the hot path of an application).
      const missing = [...new Set(codes)].filter((c) => !unitNameCache.has(c));
      for (const u of await repository.unitsWithAgency(executor, missing)) {
        unitNameCache.set(u.code, {
          code: u.code,
          nameTh: u.name_th,
          nameEn: u.name_en,
          agencyCode: u.agency_code,
          agencyNameTh: u.agency_name_th,
          agencyNameEn: u.agency_name_en,
        });
      }
      return new Map(codes.flatMap((c) => (unitNameCache.has(c) ? [[c, unitNameCache.get(c)!] as const] : [])));
    },

    /** Agencies by code with their names (reference data, read once), e.g. a credential's issuer. */
    async agencyNames(codes: readonly string[], executor: Executor = db) {
      const missing = [...new Set(codes)].filter((c) => !agencyNameCache.has(c));
      for (const a of await repository.agenciesByCode(executor, missing)) agencyNameCache.set(a.code, { code: a.code, nameTh: a.name_th, nameEn: a.name_en });
      return new Map(codes.flatMap((c) => (agencyNameCache.has(c) ? [[c, agencyNameCache.get(c)!] as const] : [])));
    },

    async agencyExists(code: string) {
      return repository.agencyExists(db, code);
    },

    async updateUnitContact(ctx: ActorContext, code: string, patch: { phone?: string | null; email?: string | null; address?: string | null }) {
      // The area is reference data and does not change under an edit, so the scope check can
      // come first; naming the areas reads the database, which must not happen inside a transaction.
      const unit = await requireUnit(code);
      const scope = orgPolicy.unitEditScope(ctx.actor);
      if (!scopeCovers(scope, unit.area_province_codes)) throw await refuseOutOfScope(unit, scope, { en: 'change', th: 'แก้ไขข้อมูล' });
      return db.transaction().execute(async (trx) => {
        const current = (await repository.findUnit(trx, code))!;
        await repository.updateUnitContact(trx, code, patch);
        const before = { phone: current.phone, email: current.email, address: current.address };
        await recordAudit(trx, ctx, {
          action: 'unit.update',
          entityType: 'unit',
          entityId: code,
          provinceCode: current.province_code,
          before,
          after: { ...before, ...patch },
        });
        return presentUnit((await repository.findUnit(trx, code))!);
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
