/**
 * The Thai government fiscal year (ปีงบประมาณ) runs 1 October – 30 September and is named by the
 * Buddhist-era year it ends in: 1 Oct 2026 – 30 Sep 2027 is FY 2570. Instants are placed in
 * Asia/Bangkok (UTC+7 all year, no daylight saving) before the date is read, so a record made at
 * 00:30 on 1 October in Bangkok (17:30 UTC on 30 September) counts in the new year.
 */

const BANGKOK_OFFSET_MS = 7 * 3600_000;
const BE_OFFSET = 543;

/** The civil date in Bangkok of an instant, as YYYY-MM-DD. Throws RangeError for an invalid Date. */
export function bangkokDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date: cannot place it in Bangkok time');
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The hour (0–23) in Bangkok of an instant. */
export const bangkokHour = (instant: Date): number => new Date(instant.getTime() + BANGKOK_OFFSET_MS).getUTCHours();

/** Reminders go out from 08:00 in Bangkok: nobody is woken by an SMS at midnight. */
export const REMINDERS_FROM_HOUR = 8;

/**
 * The fiscal year (B.E.) of a civil date given as YYYY-MM-DD (Gregorian): '2025-03-31' → 2568.
 * Throws RangeError for anything that is not a real date in that form.
 */
export function fiscalYearOfDate(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${isoDate}`);
  }
  return (month >= 10 ? year + 1 : year) + BE_OFFSET;
}

/** The fiscal year (B.E.) in which an instant falls, in Bangkok time. */
export function fiscalYearOf(instant: Date): number {
  return fiscalYearOfDate(bangkokDate(instant));
}

/**
 * First and last civil dates (Gregorian YYYY-MM-DD, both inclusive) of a fiscal year named in
 * B.E.: 2568 → { start: '2024-10-01', end: '2025-09-30' }.
 */
export function fiscalYearRange(fiscalYearBE: number): { start: string; end: string } {
  if (!Number.isInteger(fiscalYearBE) || fiscalYearBE < 2400 || fiscalYearBE > 9999) {
    throw new RangeError(`Not a Buddhist-era fiscal year: ${fiscalYearBE}`);
  }
  const endYear = fiscalYearBE - BE_OFFSET;
  return { start: `${endYear - 1}-10-01`, end: `${endYear}-09-30` };
}
