import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { fiscalYearOf } from '../../../shared/fiscal-year';
import { PROGRAMMES } from './data/programmes';
import type { EnterpriseAccess } from './enterprise.access';
import { presentStage, presentTarget } from './enterprise.present';
import * as repository from './enterprise.repository';
import { bangkokToday, daysBetween, funnelCounts } from './enterprise.rules';

type Ctx = ActorContext;

/** Loads the shipped programmes (One Tambon One Group, the MSDHS flagships) when they change. */
export async function loadEnterpriseReferenceData(db: Kysely<DB>): Promise<boolean> {
  return loadReferenceSet(db, 'enterprise', fingerprint(PROGRAMMES), async (trx) => {
    for (const p of PROGRAMMES)
      await repository.upsertProgramme(
        trx,
        {
          code: p.code,
          name_th: p.nameTh,
          name_en: p.nameEn,
          owner_agency_code: p.ownerAgencyCode,
          fiscal_years: p.fiscalYears,
          description_th: p.descriptionTh,
          description_en: p.descriptionEn,
          budget_sources: JSON.stringify(p.budgetSources),
          one_per_subdistrict: p.onePerSubdistrict,
          assumed_fields: p.assumed,
          source_note: p.source,
          shipped: true,
        },
        p.stages.map((s, i) => ({
          programme_code: p.code,
          code: s.code,
          position: i + 1,
          name_th: s.nameTh,
          name_en: s.nameEn,
          evidence: JSON.stringify(s.evidence),
          deadline: s.deadline,
        })),
        p.targets.map((t) => ({
          programme_code: p.code,
          stage_code: t.stageCode,
          fiscal_year: t.fiscalYear,
          area_kind: t.areaKind,
          area_code: t.areaCode,
          target: t.target,
          due_on: t.dueOn,
          assumed: t.assumed,
          source_note: t.source,
        })),
      );
  });
}

const READ = { en: 'reading enterprise programmes', th: 'ดูข้อมูลโครงการพัฒนากลุ่มอาชีพ' };

/** Programmes, their funnel against targets, and the late list per deadline. */
export function createProgrammesService(access: EnterpriseAccess) {
  const { db, geo, registry, requireProgramme, readScope } = access;

  const describe = async (code: string, activeGroups: number) => {
    const p = await requireProgramme(code);
    const targets = await repository.targetsOf(db, code);
    return {
      code: p.code,
      nameTh: p.name_th,
      nameEn: p.name_en,
      ownerAgencyCode: p.owner_agency_code,
      fiscalYears: p.fiscal_years,
      descriptionTh: p.description_th,
      descriptionEn: p.description_en,
      budgetSources: p.budget_sources as { th: string; en: string }[],
      onePerSubdistrict: p.one_per_subdistrict,
      assumedFields: p.assumed_fields,
      sourceNote: p.source_note,
      activeGroups,
      stages: p.stages.map(presentStage),
      targets: targets.map(presentTarget),
    };
  };

  return {
    async listProgrammes(ctx: Ctx) {
      await readScope(ctx, READ);
      const rows = await repository.listProgrammes(db);
      return Promise.all(rows.map((r) => describe(r.code, r.active_count)));
    },
    async getProgramme(ctx: Ctx, code: string) {
      await readScope(ctx, READ);
      const row = (await repository.listProgrammes(db)).find((r) => r.code === code);
      return describe(code, row?.active_count ?? 0);
    },

    /**
     * The funnel: per stage, the active groups whose path reached it (in the reader's area, or
     * one province), beside the target for the fiscal year (the current one when the programme
     * runs in it, else the programme's last).
     */
    async funnel(ctx: Ctx, code: string, query: { fiscalYear?: number; province?: string }) {
      const scope = await readScope(ctx, READ);
      const p = await requireProgramme(code);
      const current = fiscalYearOf(new Date());
      const fiscalYear = query.fiscalYear ?? (p.fiscal_years.includes(current) ? current : (p.fiscal_years.at(-1) ?? current));
      let provinces = provincesOf(scope);
      if (query.province) provinces = provinces === null || provinces.includes(query.province) ? [query.province] : [];
      const [rows, targets] = await Promise.all([repository.stagePositions(db, code, provinces), repository.targetsOf(db, code)]);
      const atPosition = new Map<number, number>();
      const byProvince = new Map<string, Map<number, number>>();
      for (const r of rows) {
        atPosition.set(r.stage_position, (atPosition.get(r.stage_position) ?? 0) + r.n);
        const m = byProvince.get(r.province_code) ?? new Map<number, number>();
        m.set(r.stage_position, r.n);
        byProvince.set(r.province_code, m);
      }
      const counts = funnelCounts(p.stages.length, atPosition);
      const areaKind = query.province ? 'province' : 'nation';
      const names = new Map((await geo.provincesByCode([...byProvince.keys()])).map((x) => [x.code, x]));
      return {
        programmeCode: code,
        fiscalYear,
        stages: p.stages.map((s, i) => {
          const t = targets.find(
            (x) => x.stage_code === s.code && x.fiscal_year === fiscalYear && x.area_kind === areaKind && (x.area_code ?? null) === (query.province ?? null),
          );
          return {
            code: s.code,
            nameTh: s.nameTh,
            nameEn: s.nameEn,
            position: s.position,
            reached: counts[i]!,
            target: t?.target ?? null,
            dueOn: t?.due_on ?? s.deadline,
          };
        }),
        byProvince: [...byProvince.entries()]
          .map(([provinceCode, m]) => {
            const c = funnelCounts(p.stages.length, m);
            return {
              provinceCode,
              nameTh: names.get(provinceCode)?.nameTh ?? provinceCode,
              nameEn: names.get(provinceCode)?.nameEn ?? provinceCode,
              active: c[0] ?? 0,
              reached: Object.fromEntries(p.stages.map((s, i) => [s.code, c[i]!])),
            };
          })
          .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode)),
      };
    },

    /** For each stage with a deadline: the active groups not yet there, by province and office, with the days left. */
    async late(ctx: Ctx, code: string, query: { stage?: string; province?: string; limit: number; offset: number }) {
      const scope = await readScope(ctx, READ);
      const p = await requireProgramme(code);
      let provinces = provincesOf(scope);
      if (query.province) provinces = provinces === null || provinces.includes(query.province) ? [query.province] : [];
      const today = bangkokToday(new Date());
      const deadlines = p.stages.filter((s) => s.deadline && (!query.stage || s.code === query.stage));
      return {
        deadlines: await Promise.all(
          deadlines.map(async (s) => {
            const [byUnit, page] = await Promise.all([
              repository.lateByProvince(db, code, s.position, provinces),
              repository.lateParticipations(db, code, s.position, provinces, query.limit, query.offset),
            ]);
            const [names, groups] = await Promise.all([
              geo.provincesByCode([...new Set(byUnit.map((r) => r.province_code))]),
              registry.groupPlaces(page.map((r) => r.group_id)),
            ]);
            const provinceName = new Map(names.map((n) => [n.code, n]));
            return {
              stageCode: s.code,
              nameTh: s.nameTh,
              nameEn: s.nameEn,
              deadline: s.deadline!,
              daysRemaining: daysBetween(today, s.deadline!),
              total: byUnit.reduce((sum, r) => sum + r.n, 0),
              byProvince: byUnit.map((r) => ({
                provinceCode: r.province_code,
                nameTh: provinceName.get(r.province_code)?.nameTh ?? r.province_code,
                nameEn: provinceName.get(r.province_code)?.nameEn ?? r.province_code,
                unitCode: r.unit_code,
                count: r.n,
              })),
              groups: page.map((r) => ({
                participationId: r.id,
                groupId: r.group_id,
                groupName: groups.get(r.group_id)?.name ?? String(r.group_id),
                provinceCode: r.province_code,
                unitCode: r.unit_code,
                stageCode: r.stage_code,
              })),
            };
          }),
        ),
      };
    },
  };
}
