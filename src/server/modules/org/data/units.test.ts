import { describe, expect, it } from 'vitest';
import provinces from '../../geo/data/provinces.json';
import { PROVINCE_REGION, REGIONS } from '../../geo/data/regions';
import { buildUnits } from './units';

const provinceNames = provinces.map((p) => ({ code: String(p.provinceCode), nameTh: p.provinceNameTh, nameEn: p.provinceNameEn }));

describe('reference regions and units', () => {
  it('puts every province in one of the six regions, in the official counts', () => {
    const counts = Object.fromEntries(REGIONS.map((r) => [r.code, 0]));
    for (const p of provinceNames) counts[PROVINCE_REGION[p.code]!]! += 1;
    expect(counts).toEqual({ N: 9, NE: 20, C: 22, E: 7, W: 5, S: 14 });
  });

  it('covers every province by exactly one of the 8 learning centres', () => {
    const centres = buildUnits(provinceNames).filter((u) => u.kind === 'learning-centre');
    expect(centres).toHaveLength(8);
    for (const p of provinceNames) {
      expect(centres.filter((c) => c.areaProvinceCodes.includes(p.code)), p.nameEn).toHaveLength(1);
    }
    expect(centres.every((c) => c.assumed)).toBe(true);
  });

  it('gives each province a skill development and an employment office, with unique codes', () => {
    const units = buildUnits(provinceNames);
    expect(units.filter((u) => u.kind === 'provincial-skill-development-office')).toHaveLength(77);
    expect(units.filter((u) => u.kind === 'provincial-employment-office')).toHaveLength(77);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    expect(units.find((u) => u.code === 'DOE-PEO-40')).toMatchObject({ nameTh: 'สำนักงานจัดหางานจังหวัดขอนแก่น', areaProvinceCodes: ['40'] });
  });
});
