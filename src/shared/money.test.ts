import { describe, expect, it } from 'vitest';
import { bahtToSatang, formatBaht, satangToBaht, splitEvenly } from './money';

describe('money in satang', () => {
  it('parses baht as people write it', () => {
    expect(bahtToSatang('1,234.50')).toBe(123450);
    expect(bahtToSatang('300000')).toBe(30_000_000);
    expect(bahtToSatang('0.5')).toBe(50);
    expect(bahtToSatang(50000)).toBe(5_000_000);
    expect(bahtToSatang(1234.5)).toBe(123450);
    expect(bahtToSatang('฿1,234.50')).toBe(123450);
    expect(bahtToSatang(' 5,000,000 ')).toBe(500_000_000);
    expect(bahtToSatang('12.3')).toBe(1230);
    expect(bahtToSatang('0.07')).toBe(7);
  });

  it('refuses what is not an amount of baht', () => {
    expect(() => bahtToSatang('1.005')).toThrow(RangeError);
    expect(() => bahtToSatang('-5')).toThrow(/negative/);
    expect(bahtToSatang('-5', { allowNegative: true })).toBe(-500);
    expect(() => bahtToSatang('five')).toThrow(RangeError);
    expect(() => bahtToSatang('99999999999999999')).toThrow(/too large/);
    expect(() => bahtToSatang('1.005')).toThrow(/at most 2 decimals/);
    expect(() => bahtToSatang(0.1 + 0.2)).toThrow(/at most 2 decimals/);
    for (const bad of ['', '1,23', '12,34.5', '1.', '.5', '1e3', '1 000', NaN, Infinity]) {
      expect(() => bahtToSatang(bad), String(bad)).toThrow(RangeError);
    }
    expect(Object.is(bahtToSatang('-0', { allowNegative: true }), 0)).toBe(true);
  });

  it('prints satang back as baht', () => {
    expect(satangToBaht(123450)).toBe('1234.50');
    expect(satangToBaht(5)).toBe('0.05');
    expect(satangToBaht(-250)).toBe('-2.50');
    expect(formatBaht(123450)).toBe('฿1,234.50');
    // Intl puts a no-break space between the code and the amount, so it never wraps apart.
    expect(formatBaht(123450, 'en')).toBe('THB\u00a01,234.50');
    expect(satangToBaht(bahtToSatang('300,000.99'))).toBe('300000.99');
    expect(() => satangToBaht(1.5)).toThrow(RangeError);
  });

  it('splits a total into parts that sum to it exactly', () => {
    // 300,000 baht over 24 months, and an awkward amount over 7.
    for (const [total, parts] of [
      [30_000_000, 24],
      [5_000_001, 7],
      [1, 3],
      [0, 2],
    ] as const) {
      const split = splitEvenly(total, parts);
      expect(split).toHaveLength(parts);
      expect(split.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
    }
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitEvenly(-100, 2)).toThrow(RangeError);
  });
});
