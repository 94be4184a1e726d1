import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../org/data/agencies';
import { CURRICULA } from '../../training/data/curricula';
import { COMPETENCY_STANDARDS, type StandardSeed } from './standards';

const THAI = /[\u0E00-\u0E7F]/;

const units = COMPETENCY_STANDARDS.flatMap((s) => s.units);
const elements = units.flatMap((u) => u.elements);
const criteria = elements.flatMap((e) => e.criteria);
const unitCodes = new Set(units.map((u) => u.code));

/** Every Thai/English pair in a standard, labelled for failure messages. */
function pairs(standard: StandardSeed): { label: string; th: string; en: string }[] {
  return [
    { label: `${standard.code} name`, th: standard.nameTh, en: standard.nameEn },
    { label: `${standard.code} sector`, th: standard.sectorTh, en: standard.sectorEn },
    { label: `${standard.code} qualification`, th: standard.qualificationTh, en: standard.qualificationEn },
    { label: `${standard.code} sourceNote`, th: standard.sourceNote.th, en: standard.sourceNote.en },
    ...standard.units.flatMap((u) => [
      { label: `${u.code} name`, th: u.nameTh, en: u.nameEn },
      { label: `${u.code} description`, th: u.descriptionTh, en: u.descriptionEn },
      ...u.elements.flatMap((e) => [
        { label: e.code, th: e.nameTh, en: e.nameEn },
        ...e.criteria.map((c) => ({ label: c.code, th: c.th, en: c.en })),
      ]),
    ]),
  ];
}

/** Whether a dotted path names a key, stepping into the first item of any array on the way. */
function pathExists(root: unknown, path: string): boolean {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (Array.isArray(node)) node = node[0];
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

describe('competency standards', () => {
  it('have unique codes for standards, units, elements and criteria', () => {
    expect(COMPETENCY_STANDARDS.length).toBeGreaterThan(0);
    expect(new Set(COMPETENCY_STANDARDS.map((s) => s.code)).size).toBe(COMPETENCY_STANDARDS.length);
    expect(unitCodes.size).toBe(units.length);
    expect(new Set(elements.map((e) => e.code)).size).toBe(elements.length);
    expect(new Set(criteria.map((c) => c.code)).size).toBe(criteria.length);
  });

  it('code units in TPQI style, and elements and criteria under their unit', () => {
    for (const unit of units) {
      const match = /^ICT-ECW-\d-(\d{3})ZA$/.exec(unit.code);
      expect(match, unit.code).not.toBeNull();
      unit.elements.forEach((element, i) => {
        expect(element.code, unit.code).toBe(`1${match?.[1]}${i + 1}`);
        element.criteria.forEach((criterion, j) => {
          expect(criterion.code, element.code).toBe(`${element.code}.${String(j + 1).padStart(2, '0')}`);
        });
      });
    }
  });

  it('give every unit 2–3 elements and every element 2–4 criteria', () => {
    for (const unit of units) {
      expect(unit.elements.length, unit.code).toBeGreaterThanOrEqual(2);
      expect(unit.elements.length, unit.code).toBeLessThanOrEqual(3);
      for (const element of unit.elements) {
        expect(element.criteria.length, element.code).toBeGreaterThanOrEqual(2);
        expect(element.criteria.length, element.code).toBeLessThanOrEqual(4);
      }
    }
  });

  it('write every Thai field in Thai script and every English field without it', () => {
    for (const { label, th, en } of COMPETENCY_STANDARDS.flatMap(pairs)) {
      expect(th, label).toMatch(THAI);
      expect(en, label).not.toMatch(THAI);
      expect(en.trim(), label).not.toBe('');
    }
  });

  it('ship the e-commerce standard of seed 001, owned by TPQI, with the unit the curricula cite', () => {
    const ecommerce = COMPETENCY_STANDARDS.find((s) => s.code === 'TPQI-ECW');
    expect(ecommerce?.nameTh).toBe('มาตรฐานสมรรถนะด้านการใช้อีคอมเมิร์ซ');
    expect(ecommerce?.units).toHaveLength(5);
    expect(ecommerce?.units.map((u) => u.code)).toContain('ICT-ECW-3-905ZA');
    for (const standard of COMPETENCY_STANDARDS) {
      expect(AGENCIES.map((a) => a.code), standard.code).toContain(standard.ownerAgencyCode);
      expect(standard.level, standard.code).toBeGreaterThanOrEqual(1);
      expect(standard.level, standard.code).toBeLessThanOrEqual(8);
      if (standard.validityYears !== null) expect(standard.validityYears, standard.code).toBeGreaterThan(0);
    }
  });

  it('name only real keys as assumed, and mark the invented parts', () => {
    for (const standard of COMPETENCY_STANDARDS) {
      for (const path of standard.assumed) expect(pathExists(standard, path), `${standard.code}: ${path}`).toBe(true);
      expect(standard.assumed).toEqual(expect.arrayContaining(['code', 'level', 'validityYears', 'units.elements']));
    }
  });
});

describe('curricula link to competency units', () => {
  it('cite only units of a shipped standard, and mark the link as assumed', () => {
    for (const curriculum of CURRICULA) {
      for (const code of curriculum.competencyUnits) expect(unitCodes, `${curriculum.code} → ${code}`).toContain(code);
      if (curriculum.competencyUnits.length > 0) expect(curriculum.assumed, curriculum.code).toContain('competencyUnits');
    }
  });

  it('link the e-commerce courses of seeds 001 and 003 to at least one unit', () => {
    for (const code of ['ETDA-EASY-ECOM', 'SOCIAL-COMMERCE', 'MKT-CONTENT', 'DSD-ETDA-DIGI18']) {
      expect(CURRICULA.find((c) => c.code === code)?.competencyUnits.length, code).toBeGreaterThan(0);
    }
  });
});
