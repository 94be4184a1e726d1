/**
 * Dates as Thai offices write them: Buddhist-era years (C.E. + 543), day/month/year order, and
 * Thai month names, always in Asia/Bangkok.
 */

const BE_OFFSET = 543;

export const toBuddhistYear = (commonEraYear: number) => commonEraYear + BE_OFFSET;
export const toCommonEraYear = (buddhistYear: number) => buddhistYear - BE_OFFSET;

/** A civil date (YYYY-MM-DD) read as noon in Bangkok, so no time zone can move it a day. */
const atNoonBangkok = (isoDate: string) => new Date(`${isoDate}T12:00:00+07:00`);

/** '2026-11-23' → '23 พ.ย. 2569' (short) or '23 พฤศจิกายน 2569' (long); English: '23 Nov 2026'. */
export function formatThaiDate(isoDate: string, options: { style?: 'short' | 'long'; locale?: 'th' | 'en' } = {}): string {
  const { style = 'short', locale = 'th' } = options;
  return new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: style,
    year: 'numeric',
  }).format(atNoonBangkok(isoDate));
}

/** An instant in Bangkok time with B.E. year: '23 พ.ย. 2569 14:05'. */
export function formatThaiDateTime(instant: Date, locale: 'th' | 'en' = 'th'): string {
  return new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(instant);
}

/**
 * '23/11/2569' (D/M/YYYY in B.E.) → '2026-11-23'; null for impossible dates and for years that look
 * like C.E. (below 2400), which people type by mistake.
 */
export function parseThaiDate(input: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(input);
  if (!match) return null;
  const [day, month, yearBE] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (yearBE < 2400) return null;
  const year = toCommonEraYear(yearBE);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
