import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { EmploymentService } from '../employment/employment.service';
import type { GeoService } from '../geo/geo.service';
import type { RegistryService } from '../registry/registry.service';
import { monitoringPolicy } from './monitoring.policy';

/**
 * Data quality (issue 20 §7): per province, how many records lack what the indicators need, so
 * offices can fix their data. Each count is read through the owning module's service (the
 * registry's people, employment's follow-ups and placements), within the reader's area.
 */
export function createDataQuality(deps: {
  geo: GeoService;
  registry: Pick<RegistryService, 'dataQuality'>;
  employment: Pick<EmploymentService, 'dataQuality'>;
}) {
  return {
    async byProvince(ctx: ActorContext, query: { province?: string }) {
      const scope = monitoringPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your roles do not include the data-quality counts.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูคุณภาพข้อมูล' });
      if (query.province && !scopeIncludes(scope, query.province))
        throw await deps.geo.outOfScope({ en: 'read the data quality of this province', th: 'ดูคุณภาพข้อมูลของจังหวัดนี้' }, [query.province], scope);
      const provinces = query.province ? [query.province] : provincesOf(scope);
      const [people, employment, names] = await Promise.all([
        deps.registry.dataQuality(provinces),
        deps.employment.dataQuality(provinces),
        deps.geo.provinces().then((all) => new Map(all.map((p) => [p.code, p.nameTh]))),
      ]);
      const rows = new Map<
        string,
        {
          provinceCode: string;
          provinceNameTh: string;
          people: number;
          withoutSubdistrict: number;
          withoutTargetGroup: number;
          overdueFollowUps: number;
          placementsWithoutWage: number;
        }
      >();
      const rowOf = (code: string) => {
        let row = rows.get(code);
        if (!row) {
          row = {
            provinceCode: code,
            provinceNameTh: names.get(code) ?? code,
            people: 0,
            withoutSubdistrict: 0,
            withoutTargetGroup: 0,
            overdueFollowUps: 0,
            placementsWithoutWage: 0,
          };
          rows.set(code, row);
        }
        return row;
      };
      for (const p of people)
        Object.assign(rowOf(p.provinceCode), { people: p.people, withoutSubdistrict: p.withoutSubdistrict, withoutTargetGroup: p.withoutTargetGroup });
      for (const f of employment.overdueFollowUps) rowOf(f.provinceCode).overdueFollowUps = f.count;
      for (const w of employment.placementsWithoutWage) rowOf(w.provinceCode).placementsWithoutWage = w.count;
      const list = [...rows.values()].sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1));
      const total = list.reduce(
        (t, r) => ({
          people: t.people + r.people,
          withoutSubdistrict: t.withoutSubdistrict + r.withoutSubdistrict,
          withoutTargetGroup: t.withoutTargetGroup + r.withoutTargetGroup,
          overdueFollowUps: t.overdueFollowUps + r.overdueFollowUps,
          placementsWithoutWage: t.placementsWithoutWage + r.placementsWithoutWage,
        }),
        { people: 0, withoutSubdistrict: 0, withoutTargetGroup: 0, overdueFollowUps: 0, placementsWithoutWage: 0 },
      );
      return { area: provinces === null ? ('country' as const) : ('provinces' as const), provinces: list, total };
    },
  };
}

export type DataQuality = ReturnType<typeof createDataQuality>;
