import { describe, expect, it } from 'vitest';
import { addDays, daysLate, isLate } from './selfservice.rules';

describe('self-service periods', () => {
  it('counts 30 calendar days for a PDPA request', () => {
    expect(addDays('2026-12-04', 30)).toBe('2027-01-03');
  });
  it('is late only while open and past the due date', () => {
    expect(isLate('open', '2026-12-03', '2026-12-04')).toBe(true);
    expect(isLate('open', '2026-12-04', '2026-12-04')).toBe(false);
    expect(isLate('answered', '2026-12-01', '2026-12-04')).toBe(false);
    expect(daysLate('open', '2026-12-01', '2026-12-04')).toBe(3);
  });
});
