/**
 * Pacing of sign-in guesses (issue 15 §6), as pure rules. Failures are counted per address and
 * name pair, and per name over every address; known and unknown names are counted alike, so no
 * answer tells them apart, and no stranger can lock an account for its owner:
 *
 * - the pair: after `maxFailures` failures in a row, that address waits before trying that name
 *   again, 1, 2, 4, … minutes up to `lockMinutes` (429 with Retry-After); other addresses,
 *   the owner's included, are not held back by it;
 * - the name: once failures from every address reach `maxFailures × NAME_PACE_FACTOR` within
 *   `lockMinutes`, the name takes one attempt per `NAME_PACE_SECONDS` from anyone: guessing from
 *   many addresses slows to a crawl while the owner can still sign in.
 */
export const NAME_PACE_FACTOR = 4;
export const NAME_PACE_SECONDS = 10;

export interface PaceSettings {
  maxFailures: number;
  lockMinutes: number;
}

/** How long the address waits after its `failures`-th failure in a row on the name (ms; 0: none). */
export function pairBlockMs(failures: number, s: PaceSettings): number {
  if (failures < s.maxFailures) return 0;
  const minutes = Math.min(s.lockMinutes, 2 ** Math.min(failures - s.maxFailures, 20));
  return minutes * 60_000;
}

export interface PaceState {
  /** The pair's block, if any. */
  pairBlockedUntil: Date | null;
  /** Failures on the name from every address within the window, and the latest one's time. */
  nameFailures: number;
  nameLastFailedAt: Date | null;
}

/** Seconds to wait before this attempt may be tried (Retry-After), or 0 to go ahead. */
export function retryAfterSeconds(state: PaceState, now: Date, s: PaceSettings): number {
  const waits: number[] = [];
  if (state.pairBlockedUntil && state.pairBlockedUntil.getTime() > now.getTime()) waits.push(state.pairBlockedUntil.getTime() - now.getTime());
  if (state.nameFailures >= s.maxFailures * NAME_PACE_FACTOR && state.nameLastFailedAt) {
    const next = state.nameLastFailedAt.getTime() + NAME_PACE_SECONDS * 1000;
    if (next > now.getTime()) waits.push(next - now.getTime());
  }
  return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : 0;
}

/** The delay added to the answer of a failure (the same for known and unknown names). */
export const failureDelayMs = (failures: number, stepMs: number) => Math.min(failures * stepMs, 3000);
