/**
 * Competency's rules, free of the database: where a person stands against a standard's units,
 * what a decision over their results is, and which units a re-assessment covers.
 */
export type UnitResult = 'competent' | 'not-yet-competent';

/** Each unit's latest result across every assessment for the standard; null where never assessed. */
export function standing(unitCodes: readonly string[], results: readonly { unit_code: string; result: UnitResult }[]): Map<string, UnitResult | null> {
  const latest = new Map<string, UnitResult | null>(unitCodes.map((u) => [u, null]));
  // Results arrive oldest first, so the last one written for a unit is its standing.
  for (const r of results) if (latest.has(r.unit_code)) latest.set(r.unit_code, r.result);
  return latest;
}

/** Competent on the standard only when every one of its units stands competent. */
export function overallOf(units: Map<string, UnitResult | null>): UnitResult {
  return [...units.values()].every((r) => r === 'competent') ? 'competent' : 'not-yet-competent';
}

/**
 * What a new referral assesses: the units not yet competent (all of them, the first time). Someone
 * whose every unit stands competent yet holds no valid qualification (it was revoked) is assessed
 * on every unit again: a revoked qualification is never re-issued on old results.
 */
export function unitsToAssess(units: Map<string, UnitResult | null>): string[] {
  const open = [...units].filter(([, r]) => r !== 'competent').map(([u]) => u);
  return open.length ? open : [...units.keys()];
}

/** The units of a candidacy still without a result; a decision waits for none. */
export function missingResults(candidateUnits: readonly string[], recorded: readonly { unit_code: string }[]): string[] {
  const have = new Set(recorded.map((r) => r.unit_code));
  return candidateUnits.filter((u) => !have.has(u));
}

/** The last day a qualification awarded on `awardedOn` is valid, or null without expiry. */
export function expiryOf(awardedOn: string, validityYears: number | null): string | null {
  if (validityYears === null) return null;
  const [y, m, d] = awardedOn.split('-').map(Number) as [number, number, number];
  // The day before the anniversary (an award on 29 February runs to 28 February).
  const end = new Date(Date.UTC(y + validityYears, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Where an eligible person stands for a standard. */
export type Standing = 'qualified' | 'referred' | 'revoked' | 'not-yet-competent' | 'not-assessed';

/**
 * Qualified (a valid qualification for the standard), referred (to an event still open), revoked
 * (their qualification for it was revoked and none valid remains), not yet competent (their last
 * decision), or not assessed. A decision of not yet competent taken after the revocation says
 * more than the revocation, so it wins; the competent decision that led to the revoked
 * qualification does not make the person "not assessed".
 */
export function eligibleStanding(x: {
  qualificationCode: string | null;
  /** When their newest revoked qualification for the standard was revoked (ISO), or null. */
  revokedAt?: string | null;
  candidateStatus: string | null;
  eventStatus: string | null;
  overall: UnitResult | null;
  /** The day of their last assessment (YYYY-MM-DD), or null. */
  assessedOn?: string | null;
}): Standing {
  if (x.qualificationCode !== null) return 'qualified';
  if (x.candidateStatus === 'referred' && x.eventStatus === 'open') return 'referred';
  const decidedSince = x.overall === 'not-yet-competent' && x.assessedOn != null && x.revokedAt != null && x.assessedOn > x.revokedAt.slice(0, 10);
  if (x.revokedAt != null && !decidedSince) return 'revoked';
  if (x.overall === 'not-yet-competent') return 'not-yet-competent';
  return 'not-assessed';
}

/** The eligible list's order: by province, then Thai first and last name (code-point order, as the database's `collate "C"`), then id. */
export function byProvinceAndName(
  a: { province_code: string; first_name_th: string; last_name_th: string; person_id: number },
  b: { province_code: string; first_name_th: string; last_name_th: string; person_id: number },
): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.province_code, b.province_code) || cmp(a.first_name_th, b.first_name_th) || cmp(a.last_name_th, b.last_name_th) || a.person_id - b.person_id;
}
