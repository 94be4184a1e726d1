import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, daysLate, isLate } from './selfservice.rules';

describe('self-service periods', () => {
  it('counts 30 calendar days for a PDPA request', () => {
    expect(addDays('2026-12-04', 30)).toBe('2027-01-03');
  });
  it('counts working days for a grievance, skipping weekends', () => {
    // Friday 4 December 2026 + 1 working day is Monday 7 December.
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 15)).toBe('2026-12-25');
  });
  it('is late only while open and past the due date', () => {
    expect(isLate('open', '2026-12-03', '2026-12-04')).toBe(true);
    expect(isLate('open', '2026-12-04', '2026-12-04')).toBe(false);
    expect(isLate('answered', '2026-12-01', '2026-12-04')).toBe(false);
    expect(daysLate('open', '2026-12-01', '2026-12-04')).toBe(3);
  });
});
