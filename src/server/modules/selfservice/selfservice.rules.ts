/** Dates of self-service's legal periods and service levels, as Bangkok calendar days (`YYYY-MM-DD`). */

/** PDPA s.30 and s.33: a data subject's request is answered within 30 days of receipt. */
export const PDPA_DAYS = 30;
/** The grievance service level: an answer within 15 working days (funding's holiday calendar: `funding.workingDaysAfter`). */
export const GRIEVANCE_WORKING_DAYS = 15;

const epochDay = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const ofEpochDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => ofEpochDay(epochDay(day) + n);

/** Open and past its due date: overdue (a request) or escalated (a grievance). */
export const isLate = (status: string, dueOn: string, today: string) => status === 'open' && dueOn < today;

/** Days an open item is past its due date (0 when not late). */
export const daysLate = (status: string, dueOn: string, today: string) => (isLate(status, dueOn, today) ? epochDay(today) - epochDay(dueOn) : 0);
