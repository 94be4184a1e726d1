import { describe, expect, it } from 'vitest';
import { byProvinceAndName, eligibleStanding, expiryOf, missingResults, overallOf, standing, unitsToAssess } from './competency.rules';

const UNITS = ['U1', 'U2', 'U3'];

describe('competency rules', () => {
  it('stands each unit at its latest result across assessments, null where never assessed', () => {
    const s = standing(UNITS, [
      { unit_code: 'U1', result: 'not-yet-competent' },
      { unit_code: 'U1', result: 'competent' },
      { unit_code: 'U2', result: 'not-yet-competent' },
      { unit_code: 'OTHER', result: 'competent' },
    ]);
    expect([...s]).toEqual([
      ['U1', 'competent'],
      ['U2', 'not-yet-competent'],
      ['U3', null],
    ]);
    expect(overallOf(s)).toBe('not-yet-competent');
    expect(unitsToAssess(s)).toEqual(['U2', 'U3']);
  });

  it('is competent only when every unit stands competent; then a new referral assesses every unit again', () => {
    const all = standing(
      UNITS,
      UNITS.map((unit_code) => ({ unit_code, result: 'competent' as const })),
    );
    expect(overallOf(all)).toBe('competent');
    expect(unitsToAssess(all)).toEqual(UNITS);
    expect(unitsToAssess(standing(UNITS, []))).toEqual(UNITS);
  });

  it('lists the units of a candidacy still without a result', () => {
    expect(missingResults(['U1', 'U2'], [{ unit_code: 'U2' }])).toEqual(['U1']);
    expect(missingResults(['U1'], [{ unit_code: 'U1' }])).toEqual([]);
  });

  it('ends a qualification the day before its anniversary, and never for a standard without validity', () => {
    expect(expiryOf('2026-03-10', 3)).toBe('2029-03-09');
    expect(expiryOf('2028-02-29', 1)).toBe('2029-02-28');
    expect(expiryOf('2026-01-01', null)).toBeNull();
  });

  it('ranks standing: a valid qualification first, then an open referral, then the last decision', () => {
    const none = { qualificationCode: null, candidateStatus: null, eventStatus: null, overall: null };
    expect(eligibleStanding(none)).toBe('not-assessed');
    expect(eligibleStanding({ ...none, candidateStatus: 'referred', eventStatus: 'open' })).toBe('referred');
    // A referral to an event that closed without a decision no longer stands.
    expect(eligibleStanding({ ...none, candidateStatus: 'referred', eventStatus: 'completed' })).toBe('not-assessed');
    expect(eligibleStanding({ ...none, candidateStatus: 'assessed', eventStatus: 'completed', overall: 'not-yet-competent' })).toBe('not-yet-competent');
    expect(eligibleStanding({ ...none, candidateStatus: 'assessed', eventStatus: 'completed', overall: 'competent' })).toBe('not-assessed');
    expect(eligibleStanding({ qualificationCode: 'ABCD', candidateStatus: 'referred', eventStatus: 'open', overall: 'not-yet-competent' })).toBe('qualified');
  });

  it('says "revoked" for a person whose qualification was revoked, until a later referral or decision', () => {
    const revoked = {
      qualificationCode: null,
      revokedAt: '2026-05-10T03:00:00.000Z',
      candidateStatus: 'assessed',
      eventStatus: 'completed',
      overall: 'competent' as const,
      assessedOn: '2026-04-01',
    };
    expect(eligibleStanding(revoked)).toBe('revoked');
    // A decision of not yet competent taken before the revocation does not hide it; one taken after does.
    expect(eligibleStanding({ ...revoked, overall: 'not-yet-competent', assessedOn: '2026-05-01' })).toBe('revoked');
    expect(eligibleStanding({ ...revoked, overall: 'not-yet-competent', assessedOn: '2026-06-01' })).toBe('not-yet-competent');
    expect(eligibleStanding({ ...revoked, candidateStatus: 'referred', eventStatus: 'open', overall: null, assessedOn: '2026-06-01' })).toBe('referred');
    // A valid qualification issued again wins over an older revoked one.
    expect(eligibleStanding({ ...revoked, qualificationCode: 'EFGH' })).toBe('qualified');
  });

  it('orders the eligible list by province, Thai first and last name in code-point order, then id', () => {
    const row = (province_code: string, first_name_th: string, last_name_th: string, person_id: number) => ({
      province_code,
      first_name_th,
      last_name_th,
      person_id,
    });
    const rows = [
      row('83', 'กมล', 'ใจดี', 1),
      row('40', 'สมศรี', 'ใจดี', 2),
      row('40', 'กมล', 'ใจงาม', 4),
      row('40', 'กมล', 'ใจงาม', 3),
      row('40', 'กมล', 'กล้า', 5),
    ];
    expect(rows.sort(byProvinceAndName).map((r) => r.person_id)).toEqual([5, 3, 4, 2, 1]);
  });
});
