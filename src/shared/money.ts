/**
 * Money is held as integer satang (สตางค์, 1 baht = 100 satang): sums of floating-point baht drift,
 * and a loan schedule must add up to the principal exactly.
 */

/** Digits, with thousands separators only in their proper places, and any decimals (counted after). */
const AMOUNT = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * '1,234.50', '฿1,234.50' or 1234.5 → 123450. Throws a RangeError saying why for: more than 2
 * decimals, a negative amount (unless `allowNegative`), anything that is not a number of baht
 * (including misplaced thousands separators such as '1,23'), and amounts beyond a safe integer of satang.
 */
export function bahtToSatang(input: string | number, options: { allowNegative?: boolean } = {}): number {
  if (typeof input === 'number' && !Number.isFinite(input)) throw new RangeError(`Not an amount of baht: ${input}`);
  // Numbers print without grouping; 0.1 + 0.2 prints as 0.30000000000000004 and is refused below.
  const text = typeof input === 'number' ? String(input) : input.trim().replace(/^(-?)\s*฿\s*/, '$1');
  const match = AMOUNT.exec(text);
  if (!match) throw new RangeError(`Not an amount of baht: ${JSON.stringify(input)}`);
  const [, sign, whole = '', decimals = ''] = match;
  if (decimals.length > 2) throw new RangeError(`An amount of baht has at most 2 decimals (satang): ${input}`);
  if (sign && !options.allowNegative) throw new RangeError(`A negative amount is not allowed here: ${input}`);
  const satang = Number(whole.replace(/,/g, '')) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(satang)) throw new RangeError(`Amount too large to hold exactly: ${input}`);
  // `0 - 0` rather than `-0`, so '-0' compares equal to 0 everywhere.
  return sign && satang !== 0 ? -satang : satang;
}

/** 123450 → '1234.50'; -250 → '-2.50'. Plain digits, no grouping: for inputs, exports and APIs. */
export function satangToBaht(satang: number): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`Satang must be a safe integer: ${satang}`);
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123450 → '฿1,234.50' (Thai) or 'THB 1,234.50' (English), for display. */
export function formatBaht(satang: number, locale: 'th' | 'en' = 'th'): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`Satang must be a safe integer: ${satang}`);
  return new Intl.NumberFormat(locale === 'th' ? 'th-TH' : 'en-GB', { style: 'currency', currency: 'THB' }).format(satang / 100);
}

/**
 * Splits a total into `parts` integer amounts that sum to it exactly, the remainder one satang
 * each to the first parts: splitEvenly(1000, 3) → [334, 333, 333].
 */
export function splitEvenly(totalSatang: number, parts: number): number[] {
  if (!Number.isSafeInteger(totalSatang) || totalSatang < 0) throw new RangeError('The total must be a non-negative integer of satang');
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('Parts must be a positive integer');
  const base = Math.floor(totalSatang / parts);
  const remainder = totalSatang - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}
