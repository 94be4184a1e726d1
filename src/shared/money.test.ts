import { describe, expect, it } from 'vitest';
import { bahtToSatang, formatBaht, satangToBaht, splitEvenly } from './money';

describe('money in satang', () => {
  it('parses baht as people write it', () => {
    expect(bahtToSatang('1,234.50')).toBe(123450);
    expect(bahtToSatang('300000')).toBe(30_000_000);
    expect(bahtToSatang('0.5')).toBe(50);
    expect(bahtToSatang(50000)).toBe(5_000_000);
  });

  it('refuses what is not an amount of baht', () => {
    expect(() => bahtToSatang('1.005')).toThrow(RangeError);
    expect(() => bahtToSatang('-5')).toThrow(/negative/);
    expect(bahtToSatang('-5', { allowNegative: true })).toBe(-500);
    expect(() => bahtToSatang('five')).toThrow(RangeError);
    expect(() => bahtToSatang('99999999999999999')).toThrow(/too large/);
  });

  it('prints satang back as baht', () => {
    expect(satangToBaht(123450)).toBe('1234.50');
    expect(satangToBaht(5)).toBe('0.05');
    expect(satangToBaht(-250)).toBe('-2.50');
    expect(formatBaht(123450)).toBe('฿1,234.50');
  });

  it('splits a total into parts that sum to it exactly', () => {
    // 300,000 baht over 24 months, and an awkward amount over 7.
    for (const [total, parts] of [[30_000_000, 24], [5_000_001, 7], [1, 3], [0, 2]] as const) {
      const split = splitEvenly(total, parts);
      expect(split).toHaveLength(parts);
      expect(split.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
    }
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
  });
});
