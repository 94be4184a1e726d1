import { describe, expect, it } from 'vitest';
import { bangkokDate, fiscalYearOf, fiscalYearOfDate, fiscalYearRange } from './fiscal-year';

describe('Thai fiscal year', () => {
  it('turns over at midnight 1 October in Bangkok, not in UTC', () => {
    // 30 Sep 2026 23:59 Bangkok = 16:59 UTC: still FY 2569.
    expect(fiscalYearOf(new Date('2026-09-30T23:59:00+07:00'))).toBe(2569);
    expect(fiscalYearOf(new Date('2026-09-30T16:59:59Z'))).toBe(2569);
    // 1 Oct 2026 00:00 Bangkok = 17:00 UTC on 30 Sep: already FY 2570.
    expect(fiscalYearOf(new Date('2026-10-01T00:00:00+07:00'))).toBe(2570);
    expect(fiscalYearOf(new Date('2026-09-30T17:00:00Z'))).toBe(2570);
  });

  it('keeps New Year inside one fiscal year', () => {
    expect(fiscalYearOf(new Date('2026-12-31T23:59:00+07:00'))).toBe(2570);
    expect(fiscalYearOf(new Date('2027-01-01T00:00:00+07:00'))).toBe(2570);
    // New Year's Eve in UTC is already 1 January in Bangkok; same fiscal year either way.
    expect(fiscalYearOf(new Date('2026-12-31T17:00:00Z'))).toBe(2570);
    expect(bangkokDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('names a civil date by the year it ends in', () => {
    expect(fiscalYearOfDate('2024-10-01')).toBe(2568);
    expect(fiscalYearOfDate('2025-03-31')).toBe(2568);
    expect(fiscalYearOfDate('2025-09-30')).toBe(2568);
    expect(fiscalYearOfDate('2024-02-29')).toBe(2567);
    expect(() => fiscalYearOfDate('31/03/2568')).toThrow(RangeError);
    expect(() => fiscalYearOfDate('2025-02-29')).toThrow(/No such date/);
    expect(() => fiscalYearOfDate('2025-13-01')).toThrow(RangeError);
    expect(() => fiscalYearOf(new Date('not a date'))).toThrow(RangeError);
  });

  it('gives the first and last day of a fiscal year', () => {
    expect(fiscalYearRange(2568)).toEqual({ start: '2024-10-01', end: '2025-09-30' });
    expect(fiscalYearOfDate(fiscalYearRange(2570).start)).toBe(2570);
    expect(fiscalYearOfDate(fiscalYearRange(2570).end)).toBe(2570);
    expect(() => fiscalYearRange(2026)).toThrow(RangeError);
    expect(() => fiscalYearRange(2568.5)).toThrow(RangeError);
  });

  it('reads the civil date in Bangkok', () => {
    expect(bangkokDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
    expect(bangkokDate(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
  });
});
