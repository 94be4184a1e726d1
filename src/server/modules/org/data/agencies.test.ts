import { describe, expect, it } from 'vitest';
import { AGENCIES, AGENCY_KINDS } from './agencies';
import { TARGET_GROUPS } from './target-groups';

const THAI = /[\u0E00-\u0E7F]/;

describe('agencies of the seeds', () => {
  it('have unique codes, known kinds and parents that are ministries in the list', () => {
    expect(new Set(AGENCIES.map((a) => a.code)).size).toBe(AGENCIES.length);
    for (const agency of AGENCIES) {
      expect(AGENCY_KINDS, agency.code).toContain(agency.kind);
      if (agency.parentCode === null) continue;
      expect(AGENCIES.find((a) => a.code === agency.parentCode)?.kind, agency.code).toBe('ministry');
    }
  });

  it('name each agency in Thai and English and cite a seed', () => {
    for (const agency of AGENCIES) {
      expect(agency.nameTh, agency.code).toMatch(THAI);
      expect(agency.nameEn, agency.code).toMatch(/^[ -~]+$/);
      expect(agency.source, agency.code).toMatch(/seeds? 00[0-4]/);
    }
  });

  it('carry the departments of the MOUs under their ministries', () => {
    const parentOf = (code: string) => AGENCIES.find((a) => a.code === code)?.parentCode;
    for (const code of ['DWF', 'DCY', 'DOP', 'DSDW', 'DEP']) expect(parentOf(code)).toBe('MSDHS');
    for (const code of ['DSD', 'DOE']) expect(parentOf(code)).toBe('MOL');
    for (const code of ['ONDE', 'ETDA']) expect(parentOf(code)).toBe('MDES');
    expect(AGENCIES.find((a) => a.code === 'DWF')).toMatchObject({ nameTh: 'กรมกิจการสตรีและสถาบันครอบครัว', abbrTh: 'สค.' });
    expect(AGENCIES.find((a) => a.code === 'TPQI')?.nameTh).toBe('สถาบันคุณวุฒิวิชาชีพ (องค์การมหาชน)');
  });
});

describe('target groups', () => {
  it('have unique codes and mark disability, and only disability, as sensitive', () => {
    expect(TARGET_GROUPS).toHaveLength(10);
    expect(new Set(TARGET_GROUPS.map((g) => g.code)).size).toBe(TARGET_GROUPS.length);
    expect(TARGET_GROUPS.filter((g) => g.sensitive).map((g) => g.code)).toEqual(['disability']);
    for (const group of TARGET_GROUPS) expect(group.nameTh, group.code).toMatch(THAI);
  });
});
