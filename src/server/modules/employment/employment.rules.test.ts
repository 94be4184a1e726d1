import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageOn,
  countedPlacements,
  effectiveStatus,
  employerView,
  followUpsFor,
  incomeChange,
  isOverdue,
  matchScore,
  mayAnswer,
  needsCourseFollowUp,
  occupationKeys,
  publishProblem,
  taxIdProblem,
  type MatchFacts,
} from './employment.rules';

const withCheck = (first12: string) => {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return first12 + String((11 - (sum % 11)) % 10);
};

describe('the 13-digit juristic-person / tax number', () => {
  it('accepts a right check digit (juristic numbers start with 0), and names what is wrong otherwise', () => {
    const good = withCheck('010555812345');
    expect(taxIdProblem(good)).toBeNull();
    expect(taxIdProblem(`${good.slice(0, 4)}-${good.slice(4)}`)).toBeNull();
    expect(taxIdProblem(good.slice(0, 12) + ((Number(good[12]) + 1) % 10))?.code).toBe('checksum');
    expect(taxIdProblem('01055581234')).toMatchObject({ code: 'length', th: expect.stringContaining('13 หลัก') });
    expect(taxIdProblem('01055581234x5')?.code).toBe('digits');
  });
});

describe('publishing', () => {
  const draft = { kind: 'employment' as const, status: 'draft' as const, closesOn: '2026-12-31', openings: 2, placedCount: 0 };
  const verified = { status: 'verified', homeWorkRegistrationNo: null };
  it('needs a verified employer, a Home Workers Act registration for home-based work, a draft still open', () => {
    expect(publishProblem(draft, verified, '2026-12-01')).toBeNull();
    expect(publishProblem(draft, { ...verified, status: 'pending' }, '2026-12-01')?.en).toContain('not yet verified');
    expect(publishProblem({ ...draft, kind: 'home-based' }, verified, '2026-12-01')?.en).toContain('Home Workers');
    expect(publishProblem({ ...draft, kind: 'home-based' }, { ...verified, homeWorkRegistrationNo: 'HW-1' }, '2026-12-01')).toBeNull();
    expect(publishProblem({ ...draft, status: 'closed' }, verified, '2026-12-01')).not.toBeNull();
    expect(publishProblem(draft, verified, '2027-01-01')?.en).toContain('closing date');
  });
  it('reads a published vacancy as filled when every opening is taken, expired after its closing date', () => {
    const v = { ...draft, status: 'published' as const };
    expect(effectiveStatus(v, '2026-12-01')).toBe('published');
    expect(effectiveStatus({ ...v, placedCount: 2 }, '2026-12-01')).toBe('filled');
    expect(effectiveStatus(v, '2027-01-01')).toBe('expired');
  });
});

describe('matching', () => {
  const base: MatchFacts = {
    requiredStandard: 'TPQI-ECW',
    holdsRequired: true,
    course: { code: 'SOCIAL-COMMERCE', nameTh: 'Social Commerce For Business', nameEn: 'Social Commerce For Business' },
    vacancy: { remote: false, kind: 'employment', provinceCode: '40', districtCode: '4001', occupationCode: '5244', wageSatang: 1_200_000, wageUnit: 'month' },
    seeker: { provinceCode: '40', districtCode: '4001', desiredOccupations: ['52'], acceptsHomeBased: true, minWageSatang: 1_000_000 },
    priorityGroups: [{ code: 'single-parent', nameTh: 'พ่อหรือแม่เลี้ยงเดี่ยว', nameEn: 'Single parents' }],
  };
  it('scores with a readable reason for every point', () => {
    const m = matchScore(base);
    expect(m.reasons.map((r) => r.en)).toEqual([
      'holds TPQI-ECW',
      'completed Social Commerce For Business',
      'same district',
      'wants work as 5244',
      'priority group: Single parents',
      'wage meets what they ask',
    ]);
    expect(m.score).toBe(50 + 25 + 20 + 15 + 10 + 5);
    expect(m.reasons.reduce((s, r) => s + r.points, 0)).toBe(m.score);
  });
  it('ranks the holder of the qualification above a neighbour without it, and says what is missing', () => {
    const without = matchScore({ ...base, holdsRequired: false, course: null });
    expect(without.reasons[0]).toMatchObject({ code: 'lacks-credential', points: 0, th: 'ยังไม่มีคุณวุฒิ TPQI-ECW' });
    expect(matchScore(base).score).toBeGreaterThan(without.score);
  });
  it('weighs place: district over province; home-based work counts for those who accept it', () => {
    expect(matchScore({ ...base, seeker: { ...base.seeker, districtCode: '4002' } }).reasons.map((r) => r.code)).toContain('same-province');
    const home = { ...base, vacancy: { ...base.vacancy, kind: 'home-based' as const, wageUnit: 'piece' } };
    expect(matchScore(home).reasons.map((r) => r.code)).toContain('home-based');
    expect(matchScore({ ...home, seeker: { ...home.seeker, acceptsHomeBased: false } }).reasons.map((r) => r.code)).not.toContain('home-based');
    // A piece rate is not compared with a monthly wage asked.
    expect(matchScore(home).reasons.map((r) => r.code)).not.toContain('wage-fit');
  });

  it('states the wanted-occupation rule for SQL exactly as matchScore applies it', () => {
    // Every wanted code of 1–4 digits against a few vacancy codes: the overlap with occupationKeys is matchScore's decision.
    const wanted = ['5', '52', '524', '5244', '5245', '53', '9', '93', '932', '9321', '7318', '731'];
    for (const occupationCode of ['5244', '9321', '7318']) {
      for (const o of wanted) {
        const m = matchScore({ ...base, vacancy: { ...base.vacancy, occupationCode }, seeker: { ...base.seeker, desiredOccupations: [o] } });
        expect(occupationKeys(occupationCode).includes(o), `${o} for ${occupationCode}`).toBe(m.reasons.some((r) => r.code === 'desired-occupation'));
      }
    }
  });
});

describe('what an employer sees', () => {
  it('only the consented fields, nothing else', () => {
    const p = {
      nameTh: 'มะลิ',
      nameEn: 'Mali',
      phone: '0812345678',
      age: 38,
      districtNameTh: 'เมืองขอนแก่น',
      districtNameEn: 'Mueang Khon Kaen',
      qualifications: ['TPQI-ECW'],
      courses: ['SOCIAL-COMMERCE'],
    };
    const seen = employerView(['name', 'qualifications'], p);
    expect(seen).toEqual({
      nameTh: 'มะลิ',
      nameEn: 'Mali',
      phone: null,
      age: null,
      districtNameTh: null,
      districtNameEn: null,
      qualifications: ['TPQI-ECW'],
      courses: null,
    });
    expect(JSON.stringify(employerView([], p))).not.toContain('0812345678');
  });
});

describe('referrals, follow-ups and counting', () => {
  it('moves a referral forward only', () => {
    expect(mayAnswer('referred', 'hired')).toBe(true);
    expect(mayAnswer('interview', 'hired')).toBe(true);
    expect(mayAnswer('hired', 'rejected')).toBe(false);
    expect(mayAnswer('rejected', 'hired')).toBe(false);
  });
  it('schedules one follow-up at 3, 6 and 12 months, month ends clamped', () => {
    expect(followUpsFor('2026-01-31')).toEqual([
      { months: 3, dueOn: '2026-04-30' },
      { months: 6, dueOn: '2026-07-31' },
      { months: 12, dueOn: '2027-01-31' },
    ]);
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(isOverdue({ dueOn: '2026-03-01', doneAt: null }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-03-01', doneAt: new Date() }, '2026-03-02')).toBe(false);
  });
  it('follows up a course only for people not placed around it', () => {
    expect(needsCourseFollowUp('2026-06-30', [])).toBe(true);
    // Placed after the course, or in the year before it ended: the placement's follow-ups ask.
    expect(needsCourseFollowUp('2026-06-30', ['2026-08-01'])).toBe(false);
    expect(needsCourseFollowUp('2026-06-30', ['2025-06-30'])).toBe(false);
    // A placement more than a year before the course is another story: follow the course up.
    expect(needsCourseFollowUp('2026-06-30', ['2025-06-29'])).toBe(true);
  });
  it('counts a person once per fiscal year per centre', () => {
    expect(
      countedPlacements([
        { personId: 1, fiscalYear: 2570, centreUnitCode: 'DWF-LC-NE' },
        { personId: 1, fiscalYear: 2570, centreUnitCode: 'DWF-LC-NE' },
        { personId: 1, fiscalYear: 2569, centreUnitCode: 'DWF-LC-NE' },
        { personId: 1, fiscalYear: 2570, centreUnitCode: 'DWF-LC-N' },
        { personId: 2, fiscalYear: 2570, centreUnitCode: 'DWF-LC-NE' },
      ]),
    ).toBe(4);
  });
  it('computes the income change and age', () => {
    expect(incomeChange(450_000, 1_250_000)).toBe(800_000);
    expect(incomeChange(null, 1)).toBeNull();
    expect(ageOn('1985-12-04', '2026-12-03')).toBe(40);
    expect(ageOn('1985-12-03', '2026-12-03')).toBe(41);
  });
});
