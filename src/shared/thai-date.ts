/**
 * Dates as Thai offices write them: Buddhist-era years (C.E. + 543), day/month/year order, and
 * Thai month names, always in Asia/Bangkok.
 */

const BE_OFFSET = 543;

/** 2026 → 2569 (พ.ศ. = ค.ศ. + 543). */
export const toBuddhistYear = (commonEraYear: number): number => commonEraYear + BE_OFFSET;
/** 2569 → 2026 (ค.ศ. = พ.ศ. − 543). */
export const toCommonEraYear = (buddhistYear: number): number => buddhistYear - BE_OFFSET;

/** Whether year, month (1–12) and day make a real Gregorian date. */
function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A civil date (YYYY-MM-DD) read as noon in Bangkok, so no time zone can move it a day.
 * Throws RangeError, naming the input, for anything else.
 */
function atNoonBangkok(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  }
  return new Date(`${isoDate}T12:00:00+07:00`);
}

/**
 * '2026-11-23' → '23 พ.ย. 2569' (short) or '23 พฤศจิกายน 2569' (long); English, in the Gregorian
 * calendar: '23 Nov 2026' / '23 November 2026'. Throws RangeError for a malformed or impossible date.
 */
export function formatThaiDate(isoDate: string, options: { style?: 'short' | 'long'; locale?: 'th' | 'en' } = {}): string {
  const { style = 'short', locale = 'th' } = options;
  return new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: style,
    year: 'numeric',
  }).format(atNoonBangkok(isoDate));
}

/** An instant in Bangkok time with B.E. year: '23 พ.ย. 2569 14:05'; English: '23 Nov 2026, 14:05'. */
export function formatThaiDateTime(instant: Date, locale: 'th' | 'en' = 'th'): string {
  return new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/**
 * '23/11/2569' (D/M/YYYY in B.E., also with '.' or '-' and Thai digits) → '2026-11-23'; null for
 * impossible dates (30/02/2569) and for years that look like C.E. (below 2400), which people type
 * by mistake: a form should ask again rather than store a date 543 years off.
 */
export function parseThaiDate(input: string): string | null {
  const ascii = input.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(ascii);
  if (!match) return null;
  const [day, month, yearBE] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (yearBE < 2400) return null;
  const year = toCommonEraYear(yearBE);
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
