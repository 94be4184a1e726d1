import { describe, expect, it } from 'vitest';
import { formatThaiDate, formatThaiDateTime, parseThaiDate, toBuddhistYear, toCommonEraYear } from './thai-date';

describe('Thai dates', () => {
  it('converts between the eras', () => {
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toCommonEraYear(2569)).toBe(2026);
  });

  it('formats in the Buddhist era with Thai months', () => {
    expect(formatThaiDate('2026-11-23')).toBe('23 พ.ย. 2569');
    expect(formatThaiDate('2026-11-23', { style: 'long' })).toBe('23 พฤศจิกายน 2569');
    expect(formatThaiDate('2026-11-23', { locale: 'en' })).toBe('23 Nov 2026');
    expect(formatThaiDate('2025-01-01')).toBe('1 ม.ค. 2568');
    expect(formatThaiDate('2026-01-05', { style: 'long' })).toBe('5 มกราคม 2569');
    expect(formatThaiDate('2026-11-23', { style: 'long', locale: 'en' })).toBe('23 November 2026');
    expect(() => formatThaiDate('2569-02-30')).toThrow(RangeError);
    expect(() => formatThaiDate('23/11/2569')).toThrow(RangeError);
  });

  it('shows instants in Bangkok time', () => {
    expect(formatThaiDateTime(new Date('2026-11-23T07:05:00Z'))).toBe('23 พ.ย. 2569 14:05');
    expect(formatThaiDateTime(new Date('2026-11-23T07:05:00Z'), 'en')).toBe('23 Nov 2026, 14:05');
    // 17:30 UTC on 30 September is already 1 October in Bangkok.
    expect(formatThaiDateTime(new Date('2026-09-30T17:30:00Z'))).toBe('1 ต.ค. 2569 00:30');
  });

  it('parses D/M/YYYY in B.E. and refuses impossible dates', () => {
    expect(parseThaiDate('23/11/2569')).toBe('2026-11-23');
    expect(parseThaiDate('1/1/2568')).toBe('2025-01-01');
    expect(parseThaiDate('29/02/2567')).toBe('2024-02-29');
    expect(parseThaiDate('29/02/2569')).toBeNull();
    expect(parseThaiDate('30/02/2569')).toBeNull();
    expect(parseThaiDate('23/11/2026')).toBeNull();
    expect(parseThaiDate('2569-11-23')).toBeNull();
    expect(parseThaiDate('31/04/2569')).toBeNull();
    expect(parseThaiDate('0/1/2569')).toBeNull();
    expect(parseThaiDate('1/13/2569')).toBeNull();
    expect(parseThaiDate('')).toBeNull();
  });

  it('parses the other separators and Thai digits people type', () => {
    expect(parseThaiDate(' 23.11.2569 ')).toBe('2026-11-23');
    expect(parseThaiDate('23-11-2569')).toBe('2026-11-23');
    expect(parseThaiDate('๒๓/๑๑/๒๕๖๙')).toBe('2026-11-23');
  });
});
