import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { GeoService } from '../geo/geo.service';
import * as repository from './quality.repository';

export interface RegistryQuality {
  provinceCode: string;
  /** Active people (merged duplicates and erased records are not counted). */
  people: number;
  /** Whose sub-district is empty, not in the reference set, or not in their district and province. */
  withoutSubdistrict: number;
  withoutTargetGroup: number;
}

/**
 * What the registry's records lack, per province: people without a usable sub-district (the
 * column has no foreign key, so a code can be stale or mistyped) and without a target group.
 * Monitoring's data-quality page reads it; the area is the caller's (null: every province).
 */
export function createRegistryQuality(deps: { db: Kysely<DB>; geo: GeoService }) {
  return {
    async dataQuality(provinces: readonly string[] | null): Promise<RegistryQuality[]> {
      const [rows, areas] = await Promise.all([repository.addressCounts(deps.db, provinces), deps.geo.subdistrictAreas()]);
      const byProvince = new Map<string, RegistryQuality>();
      for (const r of rows) {
        const entry = byProvince.get(r.provinceCode) ?? { provinceCode: r.provinceCode, people: 0, withoutSubdistrict: 0, withoutTargetGroup: 0 };
        const area = r.subdistrictCode ? areas.get(r.subdistrictCode) : undefined;
        const usable = area !== undefined && area.districtCode === r.districtCode && area.provinceCode === r.provinceCode;
        entry.people += Number(r.people);
        entry.withoutTargetGroup += Number(r.withoutTargetGroup);
        if (!usable) entry.withoutSubdistrict += Number(r.people);
        byProvince.set(r.provinceCode, entry);
      }
      return [...byProvince.values()].sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1));
    },
  };
}
