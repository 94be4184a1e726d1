import { describe, expect, it } from 'vitest';
import { isValidNationalId } from '../../src/shared/national-id';
import { parseThaiDate } from '../../src/shared/thai-date';
import { generatePeople, peopleCsv } from './people';

describe('synthetic people', () => {
  const people = [...generatePeople(20_000, { seed: 7 })];

  it('have valid, unique national IDs and readable B.E. birth dates', () => {
    expect(people.every((p) => isValidNationalId(p.id_number))).toBe(true);
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
    expect(people.every((p) => parseThaiDate(p.birth_date) !== null)).toBe(true);
  });

  it('are the same for a seed and differ for another', () => {
    expect([...generatePeople(50, { seed: 7 })]).toEqual(people.slice(0, 50));
    expect([...generatePeople(50, { seed: 8 })].map((p) => p.first_name_th)).not.toEqual(people.slice(0, 50).map((p) => p.first_name_th));
    expect([...generatePeople(10, { seed: 7, start: 100 })]).toEqual(people.slice(100, 110));
  });

  it('spread names unevenly, as real names are', () => {
    const counts = new Map<string, number>();
    for (const p of people) counts.set(p.first_name_th, (counts.get(p.first_name_th) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBeGreaterThan(100);
    expect(sorted[0]!).toBeGreaterThan(5 * sorted[sorted.length - 1]!);
    expect(new Set(people.map((p) => p.last_name_th)).size).toBeGreaterThan(5_000);
  });

  it('stay in the given sub-districts, and write a CSV with one line per person', () => {
    const local = [...generatePeople(100, { subdistrictCodes: ['400101', '400102'] })];
    expect(new Set(local.map((p) => p.subdistrict_code))).toEqual(new Set(['400101', '400102']));
    expect(peopleCsv(local).trimEnd().split('\r\n')).toHaveLength(101);
  });
});
