/** The roles of Archeep. An officer is scoped to a unit and that unit's provinces. */
export const ROLES = [
  'system_admin',
  'executive',
  'officer',
  'course_provider',
  'assessor',
  'fund_maker',
  'fund_checker',
  'fund_approver',
  'employer',
  'marketplace_partner',
  'citizen',
] as const;
export type Role = (typeof ROLES)[number];

/** A role held in a unit; `provinceCodes` null means nationwide. */
export interface RoleGrant {
  role: Role;
  unitCode: string | null;
  provinceCodes: string[] | null;
}

/** Who is making a request. Services and policies decide with this and nothing else. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  grants: RoleGrant[];
  /** A citizen account's own person record: its holder's records are its scope. */
  personId: number | null;
  /** A staff role requires a second factor (STAFF_TOTP_REQUIRED_ROLES) not yet set up: only that is allowed. */
  mustEnrolSecondFactor?: boolean;
}

/** Where an actor may act for some purpose: everywhere, some provinces, or nowhere. */
export type Scope = { kind: 'all' } | { kind: 'provinces'; codes: ReadonlySet<string> } | { kind: 'none' };

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** The union of the areas of the actor's grants among `roles`. */
export function scopeFor(actor: Actor, roles: readonly Role[]): Scope {
  const codes = new Set<string>();
  let any = false;
  for (const grant of actor.grants) {
    if (!roles.includes(grant.role)) continue;
    any = true;
    if (grant.provinceCodes === null) return { kind: 'all' };
    for (const code of grant.provinceCodes) codes.add(code);
  }
  if (!any) return { kind: 'none' };
  return { kind: 'provinces', codes };
}

export function scopeIncludes(scope: Scope, provinceCode: string | null): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none' || provinceCode === null) return false;
  return scope.codes.has(provinceCode);
}

/** True when every one of `provinceCodes` lies in scope (an empty list is nationwide, so needs 'all'). */
export function scopeCovers(scope: Scope, provinceCodes: readonly string[]): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none' || provinceCodes.length === 0) return false;
  return provinceCodes.every((code) => scope.codes.has(code));
}

/** True when some of `provinceCodes` lie in scope. */
export function scopeTouches(scope: Scope, provinceCodes: readonly string[]): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return provinceCodes.some((code) => scope.codes.has(code));
}

/** A scope as a SQL filter: null for all provinces, else the list (empty for none). */
export const provincesOf = (scope: Scope): string[] | null => (scope.kind === 'all' ? null : scope.kind === 'none' ? [] : [...scope.codes]);
