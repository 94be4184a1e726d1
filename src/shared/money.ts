/**
 * Money is held as integer satang (1 baht = 100 satang): sums of floating-point baht drift, and a
 * loan schedule must add up to the principal exactly.
 */

/** '1,234.50' or 1234.5 → 123450. Throws RangeError for more than 2 decimals, negatives or non-numbers. */
export function bahtToSatang(input: string | number, options: { allowNegative?: boolean } = {}): number {
  const text = typeof input === 'number' ? String(input) : input.replace(/[,\s฿]/g, '');
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount of baht with at most 2 decimals: ${input}`);
  if (match[1] && !options.allowNegative) throw new RangeError(`A negative amount is not allowed here: ${input}`);
  const satang = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(satang)) throw new RangeError(`Amount too large: ${input}`);
  return match[1] ? -satang : satang;
}

/** 123450 → '1234.50' */
export function satangToBaht(satang: number): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`Satang must be a safe integer: ${satang}`);
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123450 → '฿1,234.50' (Thai) or 'THB 1,234.50' (English). */
export function formatBaht(satang: number, locale: 'th' | 'en' = 'th'): string {
  return new Intl.NumberFormat(locale === 'th' ? 'th-TH' : 'en-GB', { style: 'currency', currency: 'THB' }).format(satang / 100);
}

/** Splits a total into `parts` integer amounts that sum to it exactly, the remainder to the first parts. */
export function splitEvenly(totalSatang: number, parts: number): number[] {
  if (!Number.isSafeInteger(totalSatang) || totalSatang < 0) throw new RangeError('The total must be a non-negative integer of satang');
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('Parts must be a positive integer');
  const base = Math.floor(totalSatang / parts);
  const remainder = totalSatang - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}
