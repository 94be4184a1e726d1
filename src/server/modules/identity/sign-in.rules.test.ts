import { describe, expect, it } from 'vitest';
import { failureDelayMs, NAME_PACE_SECONDS, pairBlockMs, retryAfterSeconds } from './sign-in.rules';

const s = { maxFailures: 5, lockMinutes: 15 };
const now = new Date('2026-12-03T08:00:00Z');

describe('sign-in pacing', () => {
  it('blocks an address and name pair after the fifth failure, doubling up to the lock period', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 40].map((n) => pairBlockMs(n, s) / 60_000)).toEqual([0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it('asks to retry after the pair’s block, and paces a name guessed from many addresses', () => {
    const none = { pairBlockedUntil: null, nameFailures: 0, nameLastFailedAt: null };
    expect(retryAfterSeconds(none, now, s)).toBe(0);
    expect(retryAfterSeconds({ ...none, pairBlockedUntil: new Date(now.getTime() + 90_500) }, now, s)).toBe(91);
    expect(retryAfterSeconds({ ...none, pairBlockedUntil: new Date(now.getTime() - 1) }, now, s)).toBe(0);
    // 19 failures over every address: no pace yet; 20: one attempt per NAME_PACE_SECONDS.
    expect(retryAfterSeconds({ ...none, nameFailures: 19, nameLastFailedAt: now }, now, s)).toBe(0);
    expect(retryAfterSeconds({ ...none, nameFailures: 20, nameLastFailedAt: now }, now, s)).toBe(NAME_PACE_SECONDS);
    expect(retryAfterSeconds({ ...none, nameFailures: 20, nameLastFailedAt: new Date(now.getTime() - NAME_PACE_SECONDS * 1000) }, now, s)).toBe(0);
  });

  it('adds a delay growing with the failures in a row, at most 3 s', () => {
    expect([1, 2, 50].map((n) => failureDelayMs(n, 250))).toEqual([250, 500, 3000]);
  });
});
