import { describe, expect, it } from 'vitest';
import { ageOn, canMoveSession, completionReasons, eligibilityReasons, type EligibilityFacts } from './training.rules';

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  person: { status: 'active', targetGroups: ['single-parent'], birthDate: '1990-06-15' },
  curriculum: { targetGroups: ['single-parent', 'elderly'], prerequisites: [], minAge: null },
  completed: new Set(),
  startsOn: '2026-06-15',
  ...overrides,
});

describe('training rules', () => {
  it('counts age in whole years, turning on the birthday itself', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('finds a person eligible when every condition holds, and gives every reason otherwise', () => {
    expect(eligibilityReasons(facts())).toEqual([]);
    const reasons = eligibilityReasons(
      facts({
        person: { status: 'merged', targetGroups: ['youth'], birthDate: '2010-01-01' },
        curriculum: { targetGroups: ['elderly'], prerequisites: ['ETDA-EASY-ECOM'], minAge: 18 },
        groupNames: new Map([['elderly', { th: 'ผู้สูงอายุ', en: 'Older persons' }]]),
      }),
    );
    expect(reasons.map((r) => r.code)).toEqual(['person-inactive', 'target-group', 'prerequisite', 'age']);
    expect(reasons[1]!.en).toContain('Older persons');
    expect(reasons[1]!.th).toContain('ผู้สูงอายุ');
    expect(reasons[3]!.en).toContain('will be 16');
  });

  it('takes a course with no target groups from anyone, and a met prerequisite as met', () => {
    const open = facts({
      person: { status: 'active', targetGroups: [], birthDate: '1990-01-01' },
      curriculum: { targetGroups: [], prerequisites: ['A'], minAge: 18 },
      completed: new Set(['A']),
    });
    expect(eligibilityReasons(open)).toEqual([]);
  });

  it('applies the attendance share in whole minutes: 80% of 12 hours is 576 minutes, not 575', () => {
    const rule = { minAttendancePercent: 80, minPostTestScore: null };
    expect(completionReasons(rule, { attendedMinutes: 576, scheduledMinutes: 720, postTestScore: null })).toEqual([]);
    const short = completionReasons(rule, { attendedMinutes: 575, scheduledMinutes: 720, postTestScore: null });
    expect(short.map((r) => r.code)).toEqual(['attendance']);
    expect(short[0]!.en).toContain('9.6 hours');
  });

  it('needs the post-test mark where the course has one, and a recorded score', () => {
    const rule = { minAttendancePercent: 80, minPostTestScore: 60 };
    const full = { attendedMinutes: 720, scheduledMinutes: 720 };
    expect(completionReasons(rule, { ...full, postTestScore: 60 })).toEqual([]);
    expect(completionReasons(rule, { ...full, postTestScore: 59 }).map((r) => r.code)).toEqual(['post-test']);
    expect(completionReasons(rule, { ...full, postTestScore: null }).map((r) => r.code)).toEqual(['no-post-test']);
  });

  it('moves sessions only along planned → open → running → completed, or to cancelled before completion', () => {
    expect(canMoveSession('planned', 'open')).toBe(true);
    expect(canMoveSession('open', 'planned')).toBe(true);
    expect(canMoveSession('open', 'running')).toBe(true);
    expect(canMoveSession('running', 'completed')).toBe(true);
    expect(canMoveSession('planned', 'running')).toBe(false);
    expect(canMoveSession('planned', 'completed')).toBe(false);
    expect(canMoveSession('completed', 'cancelled')).toBe(false);
    expect(canMoveSession('cancelled', 'open')).toBe(false);
    for (const from of ['planned', 'open', 'running'] as const) expect(canMoveSession(from, 'cancelled')).toBe(true);
  });
});
