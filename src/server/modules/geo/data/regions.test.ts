import { describe, expect, it } from 'vitest';
import provinces from './provinces.json';
import { PROVINCE_REGION, REGIONS, regionOfProvince } from './regions';

const codes = provinces.map((p) => String(p.provinceCode));

describe('regions', () => {
  it('maps exactly the 77 province codes of the DOPA file', () => {
    expect(codes).toHaveLength(77);
    expect(Object.keys(PROVINCE_REGION).sort()).toEqual([...codes].sort());
  });

  it('puts every province in one of the six regions, in the official counts', () => {
    const counts = Object.fromEntries(REGIONS.map((r) => [r.code, 0]));
    for (const code of codes) counts[PROVINCE_REGION[code]!]! += 1;
    expect(counts).toEqual({ N: 9, NE: 20, C: 22, E: 7, W: 5, S: 14 });
  });

  it('places provinces where the scheme puts them', () => {
    expect(PROVINCE_REGION['10']).toBe('C'); // Bangkok
    expect(PROVINCE_REGION['26']).toBe('C'); // Nakhon Nayok, Central despite its 2x code
    expect(PROVINCE_REGION['27']).toBe('E'); // Sa Kaeo
    expect(PROVINCE_REGION['40']).toBe('NE'); // Khon Kaen
    expect(PROVINCE_REGION['63']).toBe('W'); // Tak, West despite its 6x code
    expect(PROVINCE_REGION['64']).toBe('C'); // Sukhothai
    expect(PROVINCE_REGION['71']).toBe('W'); // Kanchanaburi
    expect(PROVINCE_REGION['96']).toBe('S'); // Narathiwat
    expect(regionOfProvince('50')).toBe('N'); // Chiang Mai
  });
});
