/**
 * What the signed-in actor may use, named for the web app: the server computes the list from the
 * same policy functions its services enforce (src/server/modules/capabilities.ts) and sends it in
 * `GET /api/auth/me`; the navigation and the home page show an entry only when its capability is
 * in the list, so no entry leads to a refusal.
 */
export const CAPABILITIES = [
  /** The actor's own person record: my courses, certificates and qualifications (a citizen). */
  'own-records',
  /** Acts for an employer: its vacancies and the candidates referred to it. */
  'employer',
  /** Works for the programme (any government role): its modules, targets and area of work. */
  'programme',
  /** Reads employment (employers, vacancies, job seekers) somewhere. */
  'employment.read',
  /** Reads the group programmes (One Tambon One Group and others) somewhere. */
  'enterprise.read',
  /** Reads the revolving funds (funds, applications, loans, the collection queue) somewhere. */
  'funding.read',
  /** Reads the marketplace (listing queue, groups' channels and sales, summaries) somewhere. */
  'marketplace.read',
  /** Checks listings and records groups' channels and sales somewhere (officers). */
  'marketplace.check',
  /** Advises groups for a marketplace partner (e.g. Lazada): the groups that consented to it. */
  'marketplace.partner',
  /** Reads the indicators against their targets (monitoring) somewhere. */
  'monitoring.read',
  /** Reads people and occupation groups somewhere. */
  'people.read',
  /** Registers people, imports files, reviews duplicates somewhere. */
  'people.write',
  /** Organises training sessions (officers; course providers for their unit). */
  'sessions.organise',
  /** Reads the training planning view (labour demand). */
  'planning.read',
  /** Reads assessment events (officers and executives in their area, assessors their own). */
  'assessments.read',
  /** Organises assessment events. */
  'assessments.organise',
  /** Manages the credential issuers' signing keys. */
  'keys.manage',
  /** Reads agencies' units. */
  'units.read',
  /** Reads accounts. */
  'users.read',
  /** Creates and changes accounts. */
  'users.manage',
  /** Resets another account's second factor (TOTP), with a reason: administrators. */
  'users.second-factor-reset',
  /** Reads the audit trail. */
  'audit.read',
  /** Sets indicator targets (monitoring): headquarters. */
  'monitoring.targets',
  /** Reads the notification outbox of an area (officers, executives, administrators). */
  'notifications.outbox',
  /** Answers citizens' PDPA requests and grievances (officers; executives read the escalated). */
  'selfservice.queues',
] as const;
export type Capability = (typeof CAPABILITIES)[number];
