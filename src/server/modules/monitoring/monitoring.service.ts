import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { bangkokDate, fiscalYearOfDate } from '../../../shared/fiscal-year';
import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import type { FactChange, FactSink, FactTally } from '../../platform/facts';
import { problems } from '../../platform/problem';
import type { EmploymentService } from '../employment/employment.service';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { FundingService } from '../funding/funding.service';
import type { MarketplaceService } from '../marketplace/marketplace.service';
import type { GeoService } from '../geo/geo.service';
import type { RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import { maskName } from '../credentials/credentials.codes';
import { INDICATORS, indicatorByCode } from './indicators';
import { published, type OpenRow } from './open-data';
import { monitoringPolicy } from './monitoring.policy';
import * as repository from './monitoring.repository';
import { cellKey, cellOf, monthsElapsed, netChanges, fiscalMonthIndex, percentOf, suppress, type Cell } from './monitoring.rules';

/** Whole country, as a target's area. */
export const NATIONAL = '*';

/**
 * The recorder the owning modules tell their facts to, inside their transactions (built before
 * them, so it needs nothing but the database handle its caller's transaction came from).
 */
export function createMonitoringRecorder(): { count: FactSink } {
  return {
    count: async (trx: Transaction<DB>, changes: readonly FactChange[]) => {
      if (changes.length) await repository.addToCells(trx, netChanges(changes));
    },
  };
}

/**
 * Monitoring: indicators against targets by area and Thai fiscal year. It reads the rollups the
 * modules keep through the recorder, and the modules' own tallies (their services) to rebuild
 * them; it never reads their tables.
 */
export function createMonitoringService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  registry: RegistryService;
  training: TrainingService;
  employment: EmploymentService;
  enterprise: EnterpriseService;
  funding: FundingService;
  marketplace: MarketplaceService;
}) {
  const { db, geo } = deps;

  /** Every cell recomputed from the source records, through the owning modules' services. */
  async function rebuiltCells(): Promise<Map<string, Cell & { value: number }>> {
    const single = (indicator: string, tally: () => Promise<{ provinceCode: string; on: string; count: number | string | bigint }[]>) => async () =>
      (await tally()).map((r): FactTally => ({ ...r, indicator }));
    const sources: (() => Promise<readonly FactTally[]>)[] = [
      single('registry.registered', deps.registry.registrationTally),
      single('training.completed', deps.training.completionTally),
      single('employment.placed', deps.employment.placementTally),
      () => deps.registry.breakdownTally(null),
      () => deps.training.breakdownTally(null),
      () => deps.employment.breakdownTally(null),
      deps.enterprise.monitoringTallies,
      deps.funding.monitoringTallies,
      deps.marketplace.monitoringTallies,
    ];
    const cells = new Map<string, Cell & { value: number }>();
    for (const tally of sources) {
      for (const row of await tally()) {
        const cell = cellOf(row.indicator, row.on, row.provinceCode, row);
        const key = cellKey(cell);
        const entry = cells.get(key) ?? { ...cell, value: 0 };
        entry.value += Number(row.count);
        cells.set(key, entry);
      }
    }
    return cells;
  }

  /** Which indicator a request names, or a 404. */
  const indicatorOf = (code: string) => {
    const found = indicatorByCode.get(code);
    if (!found) throw problems.notFound({ en: `No indicator has code ${code}.`, th: `ไม่พบตัวชี้วัดรหัส ${code}` });
    return found;
  };

  /** Values of a fiscal year and the previous one, summed per indicator and province. */
  async function figures(fiscalYear: number, provinces: readonly string[] | null, today: string) {
    const rows = await repository.yearCells(db, [fiscalYear, fiscalYear - 1], provinces);
    const point = monthsElapsed(fiscalYear, today);
    const actual = new Map<string, Map<string, number>>();
    const lastYear = new Map<string, number>();
    for (const r of rows) {
      const value = Number(r.value);
      if (r.fiscal_year === fiscalYear) {
        const byProvince = actual.get(r.indicator) ?? new Map<string, number>();
        byProvince.set(r.province_code, (byProvince.get(r.province_code) ?? 0) + value);
        actual.set(r.indicator, byProvince);
      } else if (fiscalMonthIndex(r.month) <= point) {
        lastYear.set(r.indicator, (lastYear.get(r.indicator) ?? 0) + value);
      }
    }
    return { actual, lastYear };
  }

  const sum = (m: Map<string, number> | undefined) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);

  /**
   * The snapshot indicators (PAR30) for the current fiscal year, as of today, read from the owner's
   * state: per province a percent, and the whole area's percent. A past or future fiscal year has
   * none (the loans' arrears are kept as of today only), so they read as not counted.
   */
  async function snapshots(fiscalYear: number, provinces: readonly string[] | null, today: string) {
    const values = new Map<string, { total: number | null; byProvince: Map<string, number> }>();
    if (fiscalYearOfDate(today) !== fiscalYear) return values;
    const par = await deps.funding.par30ByProvince(today, provinces);
    const outstanding = par.reduce((a, p) => a + p.outstandingSatang, 0);
    const atRisk = par.reduce((a, p) => a + p.atRiskSatang, 0);
    values.set('funding.par30', {
      total: outstanding ? Math.round((atRisk / outstanding) * 1000) / 10 : 0,
      byProvince: new Map(
        par.filter((p) => p.outstandingSatang > 0).map((p) => [p.provinceCode, Math.round((p.atRiskSatang / p.outstandingSatang) * 1000) / 10]),
      ),
    });
    return values;
  }

  return {
    indicators: () => INDICATORS.map((i) => ({ ...i, breakdowns: [...i.breakdowns] })),

    /**
     * The executive overview: each indicator's actual, target, % and the same point of the previous
     * fiscal year, with its value per province for the map, within the reader's area (or one
     * province of it).
     */
    async overview(ctx: ActorContext, query: { fiscalYear: number; province?: string }, now = new Date()) {
      const scope = monitoringPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your roles do not include reading the indicators.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูตัวชี้วัด' });
      if (query.province && !scopeIncludes(scope, query.province))
        throw await geo.outOfScope({ en: 'read the indicators of this province', th: 'ดูตัวชี้วัดของจังหวัดนี้' }, [query.province], scope);
      const provinces = query.province ? [query.province] : provincesOf(scope);
      const { actual, lastYear } = await figures(query.fiscalYear, provinces, bangkokDate(now));
      const snapshot = await snapshots(query.fiscalYear, provinces, bangkokDate(now));
      for (const [code, v] of snapshot) actual.set(code, v.byProvince);
      const targets = await repository.targetsOf(db, query.fiscalYear);
      const targetOf = (indicator: string) => {
        const mine = targets.filter((t) => t.indicator === indicator);
        if (provinces === null) return mine.find((t) => t.area_code === NATIONAL)?.value ?? null;
        const set = mine.filter((t) => provinces.includes(t.area_code));
        return set.length ? set.reduce((a, t) => a + Number(t.value), 0) : null;
      };
      return {
        fiscalYear: query.fiscalYear,
        provinceCode: query.province ?? null,
        area: provinces === null ? ('country' as const) : ('provinces' as const),
        indicators: INDICATORS.map((i) => {
          const value = i.kind === 'snapshot' ? (snapshot.get(i.code)?.total ?? 0) : sum(actual.get(i.code));
          const target = targetOf(i.code) === null ? null : Number(targetOf(i.code));
          return {
            code: i.code,
            maintained: i.kind === 'snapshot' ? snapshot.has(i.code) : i.maintained,
            actual: value,
            target,
            percent: percentOf(value, target),
            lastYearSamePoint: lastYear.get(i.code) ?? 0,
            byProvince: [...(actual.get(i.code) ?? new Map<string, number>()).entries()]
              .filter(([, v]) => v !== 0)
              .map(([provinceCode, v]) => ({
                provinceCode,
                actual: v,
                target: (() => {
                  const t = targets.find((x) => x.indicator === i.code && x.area_code === provinceCode);
                  return t ? Number(t.value) : null;
                })(),
              }))
              .sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1)),
          };
        }),
      };
    },

    /**
     * One indicator's breakdowns in a fiscal year, within the reader's area (or one province of
     * it): per target group, and per district when a province is asked for. Only the indicators
     * whose owners keep breakdown cells (`breakdowns` lists them) have any.
     */
    async breakdown(ctx: ActorContext, query: { indicator: string; fiscalYear: number; province?: string }) {
      const indicator = indicatorOf(query.indicator);
      const scope = monitoringPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your roles do not include reading the indicators.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูตัวชี้วัด' });
      if (query.province && !scopeIncludes(scope, query.province))
        throw await geo.outOfScope({ en: 'read the indicators of this province', th: 'ดูตัวชี้วัดของจังหวัดนี้' }, [query.province], scope);
      const provinces = query.province ? [query.province] : provincesOf(scope);
      const rows = await repository.breakdownCells(db, {
        indicator: indicator.code,
        fiscalYear: query.fiscalYear,
        provinces,
        districts: Boolean(query.province),
      });
      const [places, groups] = await Promise.all([geo.placeIndex(), deps.registry.targetGroupValues()]);
      const groupNames = new Map(groups.map((g) => [g.code, g]));
      const byGroup = new Map<string, number>();
      const byDistrict = new Map<string, number>();
      for (const r of rows) {
        if (r.target_group !== '*') byGroup.set(r.target_group, (byGroup.get(r.target_group) ?? 0) + Number(r.value));
        else if (r.district_code !== '*') byDistrict.set(r.district_code, (byDistrict.get(r.district_code) ?? 0) + Number(r.value));
      }
      return {
        indicator: indicator.code,
        fiscalYear: query.fiscalYear,
        provinceCode: query.province ?? null,
        kept: indicator.breakdowns.includes('target-group'),
        byTargetGroup: [...byGroup.entries()]
          .filter(([, v]) => v !== 0)
          .map(([code, actual]) => ({
            code,
            nameTh: groupNames.get(code)?.th ?? (code === 'none' ? 'ไม่ระบุกลุ่มเป้าหมาย' : code),
            nameEn: groupNames.get(code)?.en ?? (code === 'none' ? 'No target group' : code),
            actual,
          }))
          .sort((a, b) => b.actual - a.actual || (a.code < b.code ? -1 : 1)),
        byDistrict: query.province
          ? [...byDistrict.entries()]
              .filter(([, v]) => v !== 0)
              .map(([code, actual]) => {
                const names = places.districts.get(code);
                return {
                  code,
                  nameTh: names?.district_name_th ?? 'ไม่อยู่ในอำเภอของจังหวัด (ออนไลน์ หรือต่างจังหวัด)',
                  nameEn: names?.district_name_en ?? 'Not in a district of the province (online, or across a provincial line)',
                  actual,
                };
              })
              .sort((a, b) => (a.code < b.code ? -1 : 1))
          : [],
      };
    },

    /** The same figures for anyone, nationwide: a value from 1 to 4 is shown as "<5". */
    async publicOverview(query: { fiscalYear: number }, now = new Date()) {
      const { actual, lastYear } = await figures(query.fiscalYear, null, bangkokDate(now));
      const snapshot = await snapshots(query.fiscalYear, null, bangkokDate(now));
      for (const [code, v] of snapshot) actual.set(code, v.byProvince);
      const targets = await repository.targetsOf(db, query.fiscalYear);
      return {
        fiscalYear: query.fiscalYear,
        indicators: INDICATORS.map((i) => {
          const value = i.kind === 'snapshot' ? (snapshot.get(i.code)?.total ?? 0) : sum(actual.get(i.code));
          const target = targets.find((t) => t.indicator === i.code && t.area_code === NATIONAL);
          // Counts of people and groups are suppressed below 5; money and percents are not counts of anyone.
          const shown = (v: number) => (i.format === 'count' ? suppress(v) : v);
          return {
            code: i.code,
            actual: shown(value),
            target: target ? Number(target.value) : null,
            lastYearSamePoint: shown(lastYear.get(i.code) ?? 0),
            byProvince: [...(actual.get(i.code) ?? new Map<string, number>()).entries()]
              .filter(([, v]) => v !== 0)
              .map(([provinceCode, v]) => ({ provinceCode, actual: shown(v) }))
              .sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1)),
          };
        }),
      };
    },

    /**
     * The open-data rows of a fiscal year: each indicator nationwide and per province, counts of 1
     * to 4 shown as "<5", money in baht, with the national target where one is set.
     */
    async openData(query: { fiscalYear: number }, now = new Date()): Promise<OpenRow[]> {
      const open = await this.publicOverview(query, now);
      const names = new Map((await geo.provinces()).map((p) => [p.code, p.nameTh]));
      return open.indicators.flatMap((figure) => {
        const i = indicatorByCode.get(figure.code)!;
        const row = (province: string, value: number | '<5') => ({
          fiscal_year: query.fiscalYear,
          indicator: i.code,
          indicator_name_th: i.nameTh,
          indicator_name_en: i.nameEn,
          province_code: province,
          province_name_th: province === NATIONAL ? 'ทั้งประเทศ' : (names.get(province) ?? province),
          value: published(i, value),
          unit: i.unit.th,
          target: province === NATIONAL ? figure.target : null,
        });
        return [row(NATIONAL, figure.actual), ...figure.byProvince.map((p) => row(p.provinceCode, p.actual))];
      });
    },

    /**
     * The records behind a number, for those allowed to see them: the placements of a province in
     * a fiscal year, read through employment's service (which applies its own read scope), names
     * and document numbers masked.
     */
    async records(ctx: ActorContext, query: { indicator: string; fiscalYear: number; province: string; limit: number; offset: number }) {
      indicatorOf(query.indicator);
      const scope = monitoringPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your roles do not include reading the indicators.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูตัวชี้วัด' });
      if (!scopeIncludes(scope, query.province))
        throw await geo.outOfScope({ en: 'read the records of this province', th: 'ดูรายการของจังหวัดนี้' }, [query.province], scope);
      if (query.indicator !== 'employment.placed')
        throw problems.unprocessable({
          en: `The records behind ${query.indicator} are not listed here yet; open its module.`,
          th: `ยังไม่มีรายการเบื้องหลังตัวชี้วัด ${query.indicator} ในหน้านี้ กรุณาเปิดจากระบบงานนั้น`,
        });
      const rows = await deps.employment.listPlacements(ctx, {
        fiscalYear: query.fiscalYear,
        province: query.province,
        limit: query.limit,
        offset: query.offset,
      });
      const people = await deps.registry.facts([...new Set(rows.map((r) => r.personId))]);
      return {
        indicator: query.indicator,
        fiscalYear: query.fiscalYear,
        provinceCode: query.province,
        items: rows.map((r) => {
          const person = people.get(r.personId);
          return {
            id: r.id,
            personNameMasked: person ? maskName(person.nameTh) : '',
            docNumberMasked: person?.docNumberMasked ?? '',
            titleTh: r.titleTh,
            employerNameTh: r.employerNameTh,
            kind: r.kind,
            startedOn: r.startedOn,
          };
        }),
      };
    },

    /** Sets one target (headquarters): an indicator's value for an area ('*' or a province) and fiscal year. */
    async setTarget(ctx: ActorContext, input: { indicator: string; fiscalYear: number; areaCode: string; value: number; note?: string | null }) {
      indicatorOf(input.indicator);
      if (!monitoringPolicy.setsTargets(ctx.actor)) throw problems.forbidden({ en: 'Targets are set by headquarters.', th: 'เป้าหมายกำหนดโดยส่วนกลาง' });
      if (input.areaCode !== NATIONAL && !(await geo.provincesByCode([input.areaCode])).length)
        throw problems.notFound({ en: `No province has code ${input.areaCode}.`, th: `ไม่พบจังหวัดรหัส ${input.areaCode}` });
      // A province's target is split from the national one: the provinces may not sum above it.
      const set = (await repository.targetsOf(db, input.fiscalYear)).filter((t) => t.indicator === input.indicator && t.area_code !== input.areaCode);
      const national = input.areaCode === NATIONAL ? input.value : set.find((t) => t.area_code === NATIONAL)?.value;
      const provincesSum = set.filter((t) => t.area_code !== NATIONAL).reduce((a, t) => a + Number(t.value), input.areaCode === NATIONAL ? 0 : input.value);
      if (national !== undefined && provincesSum > Number(national))
        throw problems.unprocessable({
          en: `The provinces' targets for ${input.indicator} in fiscal year ${input.fiscalYear} would sum to ${provincesSum}, above the national target of ${national}.`,
          th: `เป้าหมายรายจังหวัดของ ${input.indicator} ปีงบประมาณ ${input.fiscalYear} จะรวมเป็น ${provincesSum} เกินเป้าหมายระดับประเทศ ${national}`,
        });
      const before = await repository.findTarget(db, input.indicator, input.fiscalYear, input.areaCode);
      const row = await db.transaction().execute(async (trx) => {
        const saved = await repository.upsertTarget(trx, { ...input, note: input.note ?? null, setBy: ctx.actor.userId });
        await recordAudit(trx, ctx, {
          action: 'monitoring.target.set',
          entityType: 'monitoring_target',
          entityId: `${input.indicator}/${input.fiscalYear}/${input.areaCode}`,
          provinceCode: input.areaCode === NATIONAL ? null : input.areaCode,
          before: before ? { value: Number(before.value) } : null,
          after: { value: input.value },
        });
        return saved;
      });
      return {
        indicator: row.indicator,
        fiscalYear: row.fiscal_year,
        areaCode: row.area_code,
        value: Number(row.value),
        note: row.note,
        setAt: new Date(row.set_at).toISOString(),
      };
    },

    /**
     * Recomputes every cell from the source records and compares it with the maintained rollups;
     * with `apply`, replaces the rollups with the rebuilt values (a repair, to be run while no work
     * is recorded).
     */
    async rebuild(options: { apply?: boolean } = {}) {
      const rebuilt = await rebuiltCells();
      const maintained = new Map(
        (await repository.allCells(db)).map((r) => [
          cellKey({
            indicator: r.indicator,
            fiscalYear: r.fiscal_year,
            month: r.month,
            provinceCode: r.province_code,
            districtCode: r.district_code,
            targetGroup: r.target_group,
          }),
          Number(r.value),
        ]),
      );
      const keys = [...new Set([...rebuilt.keys(), ...maintained.keys()])].sort();
      const differences = keys
        .map((key) => ({ key, maintained: maintained.get(key) ?? 0, rebuilt: rebuilt.get(key)?.value ?? 0 }))
        .filter((d) => d.maintained !== d.rebuilt);
      if (options.apply && differences.length) await db.transaction().execute((trx) => repository.replaceCells(trx, [...rebuilt.values()]));
      return { agrees: differences.length === 0, cells: rebuilt.size, differences, applied: Boolean(options.apply && differences.length) };
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
