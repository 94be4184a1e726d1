/**
 * The Thai government fiscal year runs 1 October – 30 September and is named by the Buddhist-era
 * year it ends in: 1 Oct 2026 – 30 Sep 2027 is FY 2570. Instants are placed in Asia/Bangkok
 * (UTC+7 all year, no daylight saving) before the date is read.
 */

const BANGKOK_OFFSET_MS = 7 * 3600_000;
const BE_OFFSET = 543;

/** The civil date in Bangkok of an instant, as YYYY-MM-DD. */
export function bangkokDate(instant: Date): string {
  return new Date(instant.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The fiscal year (B.E.) of a civil date given as YYYY-MM-DD (Gregorian). */
export function fiscalYearOfDate(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return (month >= 10 ? year + 1 : year) + BE_OFFSET;
}

/** The fiscal year (B.E.) in which an instant falls, in Bangkok time. */
export function fiscalYearOf(instant: Date): number {
  return fiscalYearOfDate(bangkokDate(instant));
}

/** First and last civil dates (Gregorian YYYY-MM-DD) of a fiscal year named in B.E. */
export function fiscalYearRange(fiscalYearBE: number): { start: string; end: string } {
  const endYear = fiscalYearBE - BE_OFFSET;
  return { start: `${endYear - 1}-10-01`, end: `${endYear}-09-30` };
}
