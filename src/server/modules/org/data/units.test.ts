import { describe, expect, it } from 'vitest';
import provinces from '../../geo/data/provinces.json';
import { PROVINCE_REGION } from '../../geo/data/regions';
import { AGENCIES } from './agencies';
import { buildUnits, UNIT_KINDS } from './units';

const provinceNames = provinces.map((p) => ({ code: String(p.provinceCode), nameTh: p.provinceNameTh, nameEn: p.provinceNameEn }));
const allCodes = provinceNames.map((p) => p.code);
const units = buildUnits(provinceNames);
const ofKind = (kind: string) => units.filter((u) => u.kind === kind);

describe('reference units', () => {
  it('has a headquarters for each department and partner, and the provincial offices and centres besides', () => {
    const headquarters = ofKind('headquarters');
    expect(headquarters.map((u) => u.agencyCode).sort()).toEqual(AGENCIES.filter((a) => a.kind !== 'ministry').map((a) => a.code).sort());
    expect(units).toHaveLength(77 + 77 + 8 + 6 + headquarters.length);
    for (const hq of headquarters) expect([...hq.areaProvinceCodes].sort(), hq.code).toEqual([...allCodes].sort());
    expect(units.find((u) => u.code === 'DSD-HQ')).toBeTruthy();
  });

  it('covers every province by exactly one of the 8 learning centres, each within its region', () => {
    const centres = ofKind('learning-centre');
    expect(centres).toHaveLength(8);
    for (const p of provinceNames) {
      expect(centres.filter((c) => c.areaProvinceCodes.includes(p.code)), p.nameEn).toHaveLength(1);
    }
    for (const centre of centres) {
      expect(centre.assumed, centre.code).toBe(true);
      expect(centre.note, centre.code).toMatch(/confirmed with DWF/);
      expect(centre.areaProvinceCodes, centre.code).toContain(centre.provinceCode);
      const regions = new Set(centre.areaProvinceCodes.map((code) => PROVINCE_REGION[code]));
      expect(regions.size, centre.code).toBe(1);
    }
    expect(units.find((u) => u.code === 'DWF-LC-N')).toMatchObject({ provinceCode: '52' }); // Lampang
    expect(units.find((u) => u.code === 'DWF-LC-NE')).toMatchObject({ provinceCode: '40' }); // Khon Kaen
  });

  it('covers every province by exactly one of the 6 assumed TPQI assessment centres, each its region', () => {
    const centres = ofKind('assessment-centre');
    expect(centres).toHaveLength(6);
    for (const p of provinceNames) expect(centres.filter((c) => c.areaProvinceCodes.includes(p.code)), p.nameEn).toHaveLength(1);
    for (const centre of centres) {
      expect(centre).toMatchObject({ agencyCode: 'TPQI', assumed: true });
      expect(centre.areaProvinceCodes, centre.code).toContain(centre.provinceCode);
      expect(new Set(centre.areaProvinceCodes.map((code) => PROVINCE_REGION[code])).size, centre.code).toBe(1);
    }
    expect(units.find((u) => u.code === 'TPQI-AC-NE')).toMatchObject({ provinceCode: '40' });
  });

  it('gives each province a skill development and an employment office, with unique codes', () => {
    expect(ofKind('provincial-skill-development-office')).toHaveLength(77);
    expect(ofKind('provincial-employment-office')).toHaveLength(77);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    expect(units.find((u) => u.code === 'DOE-PEO-40')).toMatchObject({ nameTh: 'สำนักงานจัดหางานจังหวัดขอนแก่น', areaProvinceCodes: ['40'] });
    expect(units.find((u) => u.code === 'DSD-PSDO-40')).toMatchObject({ nameTh: 'สำนักงานพัฒนาฝีมือแรงงานขอนแก่น', agencyCode: 'DSD' });
    expect(units.find((u) => u.code === 'DOE-PEO-10')?.nameTh).toBe('สำนักงานจัดหางานกรุงเทพมหานครพื้นที่ 1');
    expect(units.find((u) => u.code === 'DSD-PSDO-10')?.nameTh).toBe('สำนักงานพัฒนาฝีมือแรงงานกรุงเทพมหานคร');
  });

  it('uses only known kinds, agencies and province codes', () => {
    const agencyCodes = new Set(AGENCIES.map((a) => a.code));
    for (const unit of units) {
      expect(UNIT_KINDS, unit.code).toContain(unit.kind);
      expect(agencyCodes.has(unit.agencyCode), unit.code).toBe(true);
      if (unit.provinceCode !== null) expect(allCodes, unit.code).toContain(unit.provinceCode);
      for (const code of unit.areaProvinceCodes) expect(allCodes, unit.code).toContain(code);
    }
  });
});
