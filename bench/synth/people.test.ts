import { describe, expect, expectTypeOf, it } from 'vitest';
import { TARGET_GROUPS } from '../../src/server/modules/org/data/target-groups';
import { PEOPLE_COLUMNS, type PeopleColumnKey } from '../../src/server/modules/registry/import/columns';
import { readCsv } from '../../src/server/platform/files/csv';
import { valueResolver } from '../../src/server/modules/registry/import/values';
import { readPersonRow, type PeopleRowContext } from '../../src/server/modules/registry/import/people-rows';
import { mapHeader } from '../../src/server/platform/files/rows';
import { isValidNationalId } from '../../src/shared/national-id';
import { DISABILITY_TYPES, EDUCATION_LEVELS, WORK_STATUSES } from '../../src/shared/person-fields';
import { parseThaiDate } from '../../src/shared/thai-date';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './names';
import { generatePeople, peopleCsv, type SynthPerson } from './people';
import { subdistrictCodes } from './places';

const people = [...generatePeople(100_000, { seed: 7 })];
const thaiIdHolders = people.filter((p) => p.doc_type === '');
const share = (test: (p: SynthPerson) => boolean) => people.filter(test).length / people.length;
/** Age at the start of 2026, as the generator counts it (whole years completed by 31 December 2025). */
const ageOf = (p: SynthPerson) => 2025 - Number(parseThaiDate(p.birth_date)!.slice(0, 4));

describe('name data', () => {
  it('has at least 300 female and 300 male first names and 600 surnames, each romanised', () => {
    expect(FEMALE_FIRST_NAMES.length).toBeGreaterThanOrEqual(300);
    expect(MALE_FIRST_NAMES.length).toBeGreaterThanOrEqual(300);
    expect(SURNAMES.length).toBeGreaterThanOrEqual(600);
    expect(new Set(SURNAMES.map((n) => n.th)).size).toBe(SURNAMES.length);
    for (const name of [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES, ...SURNAMES]) expect(name.en).toMatch(/^[A-Z][a-z]+$/);
  });
});

describe('generatePeople', () => {
  it('has exactly the columns of the import template', () => {
    expectTypeOf<keyof SynthPerson>().toEqualTypeOf<PeopleColumnKey>();
    expect(Object.keys(people[0]!)).toEqual(PEOPLE_COLUMNS.map((c) => c.key));
  });

  it('gives every Thai-ID holder a valid national ID, and no document number twice in 100,000 people', () => {
    expect(thaiIdHolders.filter((p) => !isValidNationalId(p.id_number))).toEqual([]);
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
  });

  it('gives about 3% a passport or a pink card, whose numbers are not Thai IDs', () => {
    const others = people.filter((p) => p.doc_type !== '');
    expect(others.length / people.length).toBeGreaterThan(0.02);
    expect(others.length / people.length).toBeLessThan(0.04);
    for (const p of others) {
      expect(p.doc_type).toMatch(/^(passport|pink-card)$/);
      expect(p.id_number).toMatch(p.doc_type === 'passport' ? /^[A-Z]{2}\d{7}$/ : /^0\d{12}$/);
      expect(isValidNationalId(p.id_number)).toBe(false);
    }
  });

  it('gives the same people for a seed, whatever the start, and others for another seed', () => {
    expect([...generatePeople(50, { seed: 7 })]).toEqual(people.slice(0, 50));
    expect([...generatePeople(20, { seed: 7, start: 54_321 })]).toEqual(people.slice(54_321, 54_341));
    const other = [...generatePeople(50, { seed: 8 })];
    expect(other.filter((p, i) => p.id_number === people[i]!.id_number || p.last_name_th === people[i]!.last_name_th).length).toBeLessThan(5);
  });

  it('places people in real sub-districts, more of them in populous provinces', () => {
    const real = subdistrictCodes();
    expect(people.filter((p) => !real.has(p.subdistrict_code))).toEqual([]);
    const inProvince = (code: string) => share((p) => p.subdistrict_code.startsWith(code));
    expect(inProvince('10')).toBeGreaterThan(0.06); // Bangkok
    expect(inProvince('30')).toBeGreaterThan(5 * inProvince('85')); // Nakhon Ratchasima, Ranong
  });

  it('keeps people inside the given sub-districts, and refuses codes that do not exist', () => {
    const local = [...generatePeople(500, { seed: 3, subdistrictCodes: ['400101', '400102'] })];
    expect(new Set(local.map((p) => p.subdistrict_code))).toEqual(new Set(['400101', '400102']));
    expect(() => generatePeople(1, { subdistrictCodes: ['999999'] }).next()).toThrow(RangeError);
  });

  it('draws names with a skew: many distinct names, a few far commoner than the rest', () => {
    const counts = new Map<string, number>();
    for (const p of people.slice(0, 10_000)) counts.set(p.first_name_th, (counts.get(p.first_name_th) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(200);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(10 * sorted.at(-1)!);
    expect(new Set(people.slice(0, 10_000).map((p) => p.last_name_th)).size).toBeGreaterThan(1_500);
  });

  it('writes B.E. birth dates that parse, for ages 15 to 85', () => {
    expect(people.filter((p) => parseThaiDate(p.birth_date) === null)).toEqual([]);
    const ages = people.map(ageOf);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...ages)).toBeLessThanOrEqual(85);
  });

  it('matches titles to sex and age, and older-person to age 60 and over', () => {
    expect(people.filter((p) => !(p.sex === 'ชาย' ? p.title === 'นาย' : p.sex === 'หญิง' && (p.title === 'นาง' || p.title === 'นางสาว')))).toEqual([]);
    expect(people.filter((p) => p.title === 'นาง' && ageOf(p) < 20)).toEqual([]);
    expect(people.filter((p) => p.target_groups.split(';').includes('older-person') && ageOf(p) < 60)).toEqual([]);
    expect(share((p) => p.sex === 'หญิง')).toBeCloseTo(0.53, 1);
  });

  it('uses the labels and codes the import knows, and disability only with consent', () => {
    const groups = new Set(TARGET_GROUPS.map((g) => g.code));
    const labels = (list: readonly { th: string }[]) => new Set(['', ...list.map((c) => c.th)]);
    const [education, work, disability] = [labels(EDUCATION_LEVELS), labels(WORK_STATUSES), labels(DISABILITY_TYPES)];
    const codesOf = (p: SynthPerson) => (p.target_groups ? p.target_groups.split(';') : []);
    expect(people.filter((p) => codesOf(p).length > 2 || !codesOf(p).every((code) => groups.has(code)))).toEqual([]);
    expect(people.filter((p) => !education.has(p.education) || !work.has(p.work_status) || !disability.has(p.disability_type))).toEqual([]);
    const consistent = (p: SynthPerson) =>
      p.disability_type
        ? p.disability_card_no === p.id_number && p.sensitive_consent === 'ใช่' && codesOf(p).includes('disability')
        : p.disability_card_no === '' && p.sensitive_consent === '' && !codesOf(p).includes('disability');
    expect(people.filter((p) => !consistent(p))).toEqual([]);
    expect(share((p) => p.disability_type !== '')).toBeGreaterThan(0.03);
    expect(share((p) => p.disability_type !== '')).toBeLessThan(0.05);
  });

  it('writes phones, addresses, income and household size as offices type them', () => {
    const formats: [keyof SynthPerson, RegExp][] = [
      ['phone', /^(0[689]\d{8})?$/],
      ['house_no', /^[1-9]\d*(\/[1-9]\d*)?$/],
      ['village_no', /^([1-9]|1[0-5])?$/],
      ['monthly_income', /^(\d{1,3}(,\d{3})?|\d+)?$/],
      ['household_size', /^[1-8]$/],
    ];
    for (const [column, format] of formats) expect(people.map((p) => p[column]).filter((value) => !format.test(value))).toEqual([]);
    expect(share((p) => p.phone === '')).toBeGreaterThan(0.05);
    const incomes = people.filter((p) => p.monthly_income !== '').map((p) => Number(p.monthly_income.replace(',', '')));
    expect(incomes.filter((n) => n <= 15_000).length / incomes.length).toBeGreaterThan(0.8);
  });

  it('makes rows the registry import accepts without a single error', () => {
    const subdistricts = new Map([...subdistrictCodes()].map((code) => [code, { districtCode: code.slice(0, 4), provinceCode: code.slice(0, 2) }]));
    const ctx: PeopleRowContext = {
      subdistricts,
      values: valueResolver(TARGET_GROUPS.map((g) => ({ code: g.code, th: g.nameTh, en: g.nameEn, aliases: g.aliases }))),
      sensitiveTargetGroups: new Set(TARGET_GROUPS.filter((g) => g.sensitive).map((g) => g.code)),
      scope: null,
      today: new Date().toISOString().slice(0, 10),
    };
    const [header, ...rows] = readCsv(peopleCsv(people.slice(0, 20_000), { header: 'th', bom: true }));
    const { mapping, unmatched } = mapHeader(header!.cells, PEOPLE_COLUMNS);
    expect(unmatched).toEqual([]);
    const errors = rows.flatMap((row) => {
      const result = readPersonRow(row.cells, row.line, mapping, ctx);
      return 'errors' in result ? result.errors : [];
    });
    expect(errors).toEqual([]);
  });
});

describe('peopleCsv', () => {
  const [someone] = people;

  it('heads the columns with the template labels or keys, in order, and ends lines with CRLF', () => {
    for (const header of ['th', 'en', 'keys'] as const) {
      const csv = peopleCsv(people.slice(0, 3), { header });
      const lines = csv.split('\r\n');
      expect(lines).toHaveLength(5);
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe(PEOPLE_COLUMNS.map((c) => (header === 'keys' ? c.key : c[header])).join(','));
    }
    expect(peopleCsv([], { header: 'keys', bom: true }).startsWith('\uFEFFid_number,')).toBe(true);
  });

  it('quotes a cell with a comma, a quote or a line break so it reads back unchanged', () => {
    const odd = { ...someone!, first_name_en: 'Somchai "Chai", Jr.', house_no: '12/3\r\nซอย 4', monthly_income: '4,500' };
    const csv = peopleCsv([odd], { header: 'keys' });
    expect(csv).toContain(',"Somchai ""Chai"", Jr.",');
    const [header, row, ...rest] = readCsv(csv);
    expect(rest).toEqual([]);
    expect(Object.fromEntries(header!.cells.map((key, i) => [key, row!.cells[i]]))).toEqual(odd);
  });
});
