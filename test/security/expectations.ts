/**
 * THE AUTHORISATION MATRIX: who gets what answer from every operation of the API.
 *
 * One row per operation of the OpenAPI document (`METHOD /path` exactly as /api/docs lists it),
 * one column per identity (test/security/world.ts):
 *
 *   anonymous  no session
 *   admin      system_admin, nationwide
 *   executive  executive, nationwide (reads)
 *   officer    officer of DSD-PSDO-40 (Khon Kaen)
 *   hqOfficer  officer of DWF-HQ (headquarters)
 *   provider   course_provider of ETDA-HQ
 *   assessor   assessor of TPQI-AC-NE (north-east assessment centre)
 *   fundMaker  fund_maker of DOE-PEO-40 (Khon Kaen)
 *   fundChecker fund_checker of DOE-PEO-40 (Khon Kaen)
 *   employer   employer
 *   partner    marketplace_partner
 *   citizen    citizen account of the `own` person
 *
 * A cell is the HTTP status expected. Where the operation is about a record (a path id, or a body
 * naming a person, group…), it is called three times, for the `own` record (Khon Kaen; the
 * citizen's own), the `same` record (another in Khon Kaen) and the `other` record (Phuket), and
 * a cell that differs between them is written 'own/same/other', e.g. '200/200/403'.
 *
 * Cells run in one fixed order (reads, then changes, then what ends a record or session), so a
 * change's answer is deterministic (201 the first time, 409 for the next caller…).
 *
 * TO ADD A ROUTE: run `npx vitest run test/security/authorization-matrix.test.ts`. It fails naming
 * the operations without a row and prints the row it observed. Add the call's body, query or
 * record ids to test/security/requests.ts if the route needs them to reach its authorisation
 * check (a body its schema refuses is answered 400 for everyone: that row says nothing), then
 * copy the printed row here ONLY after checking every cell is what the policy should be: this
 * table is the review, the reviewer reads it, not the code. A row for an operation the API no
 * longer has fails too.
 *
 * Statuses: 200/201/202/204 done; 400 refused input; 401 sign in first; 403 not allowed (role or
 * area); 404 no such record (or hidden); 409 state conflict; 415 wrong body type; 422 rule not met.
 */
export type Cell = number | `${number}/${number}/${number}`;

// prettier-ignore
export const EXPECTATIONS: Record<string, Cell[]> = {
  //                                                         anon  admin          exec           officer        hq             prov           asses          fundM          fundC          empl           partn          citizen
  'GET /api/health':                                        [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/geo/regions':                                   [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/geo/provinces':                                 [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/geo/provinces/{code}/districts':                [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/geo/districts/{code}/subdistricts':             [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/geo/search':                                    [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/geo/provinces.geojson':                         [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/agencies':                                      [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/target-groups':                                 [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/units':                                         [401,  200,           200,           200,           200,           200,           200,           200,           200,           403,           403,           403],
  'GET /api/units/{code}':                                  [401,  200,           200,           '200/200/403', 200,           200,           '200/200/403', '200/200/403', '200/200/403', 403,           403,           403],
  'PATCH /api/units/{code}':                                [401,  200,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/auth/sign-in':                                 [401,  401,           401,           401,           401,           401,           401,           401,           401,           401,           401,           401],
  'POST /api/auth/sign-out':                                [401,  204,           204,           204,           204,           204,           204,           204,           204,           204,           204,           204],
  'GET /api/auth/me':                                       [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'POST /api/auth/password':                                [401,  400,           400,           400,           400,           400,           400,           400,           400,           400,           400,           400],
  'GET /api/users':                                         [401,  200,           200,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/users':                                        [401,  201,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/users/{id}':                                    [401,  200,           200,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'PATCH /api/users/{id}':                                  [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/users/{id}/reset-password':                    [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/audit-events':                                  [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/audit-events/verify':                           [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/audit/status':                                  [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/audit/checkpoints':                             [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/people':                                        [401,  403,           200,           200,           200,           403,           403,           200,           200,           403,           403,           403],
  'POST /api/people':                                       [401,  403,           403,           '201/201/403', 201,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/people/export':                                 [401,  403,           200,           200,           200,           403,           403,           200,           200,           403,           403,           403],
  'GET /api/people/stats':                                  [401,  403,           200,           200,           200,           403,           403,           200,           200,           403,           403,           403],
  'GET /api/people/duplicates':                             [401,  403,           403,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/people/{id}':                                   [401,  403,           200,           '200/200/403', 200,           403,           403,           '200/200/403', '200/200/403', 403,           403,           403],
  'PUT /api/people/{id}':                                   [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/people/{id}/citizen-account':                  [401,  403,           403,           '409/201/403', '409/409/201', 403,           403,           403,           403,           403,           403,           403],
  'GET /api/my/record':                                     [401,  403,           403,           403,           403,           403,           403,           403,           403,           403,           403,           200],
  'GET /api/people/{id}/identity':                          [401,  403,           403,           '200/200/403', 200,           403,           403,           '200/200/403', '200/200/403', 403,           403,           403],
  'GET /api/people/{id}/timeline':                          [401,  403,           200,           '200/200/403', 200,           403,           403,           '200/200/403', '200/200/403', 403,           403,           403],
  'POST /api/people/{id}/consents':                         [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'DELETE /api/people/{id}/consents/{purpose}':             [401,  403,           403,           '200/200/403', '404/404/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/people/{id}/merge':                            [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/people/{id}/erase':                            [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'GET /api/people/{id}/export':                            [401,  403,           403,           '200/200/403', 200,           403,           403,           '200/200/403', '200/200/403', 403,           403,           403],
  'GET /api/groups':                                        [401,  403,           200,           200,           200,           403,           403,           200,           200,           403,           403,           403],
  'POST /api/groups':                                       [401,  403,           403,           '201/201/403', 201,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/groups/{id}':                                   [401,  403,           200,           '200/200/403', 200,           403,           403,           '200/200/403', '200/200/403', 403,           403,           403],
  'POST /api/groups/{id}/members':                          [401,  403,           403,           '200/409/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/groups/{id}/members/{membershipId}/end':       [401,  403,           403,           '200/200/403', '404/404/200', 403,           403,           403,           403,           403,           403,           403],
  'GET /api/groups/{id}/timeline':                          [401,  403,           200,           '200/200/403', 200,           403,           403,           '200/200/403', '200/200/403', 403,           403,           403],
  'GET /api/registry/templates/{kind}':                     [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/registry/imports':                              [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'POST /api/registry/imports':                             [401,  403,           403,           400,           400,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/registry/imports/{id}':                         [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'PUT /api/registry/imports/{id}/mapping':                 [401,  403,           403,           404,           404,           403,           403,           403,           403,           403,           403,           403],
  'PUT /api/registry/imports/{id}/values':                  [401,  403,           403,           404,           404,           403,           403,           403,           403,           403,           403,           403],
  'PUT /api/registry/imports/{id}/lawful-basis':            [401,  403,           403,           404,           404,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/registry/imports/{id}/dry-run':                [401,  403,           403,           404,           404,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/registry/imports/{id}/commit':                 [401,  403,           403,           404,           404,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/registry/imports/{id}/errors':                  [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/registry/imports/{id}/error-report':            [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/verify/{code}':                                 [404,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'POST /api/verify':                                       [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/credentials/issuers/{agencyCode}':              [404,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/credentials/status-lists/{listId}':             [404,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/credentials/issuers/{agencyCode}/keys':         [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/credentials/issuers/{agencyCode}/keys/rotate': [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/credentials/mine':                              [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/people/{personId}/credentials':                 [401,  403,           200,           200,           200,           200,           403,           403,           403,           403,           403,           '200/403/403'],
  'GET /api/credentials/{code}':                            [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/credentials/{code}/pdf':                        [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/credentials/{code}/credential.json':            [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'POST /api/credentials/{code}/revoke':                    [401,  404,           404,           404,           404,           404,           404,           404,           404,           404,           404,           404],
  'GET /api/training/curricula':                            [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/training/curricula/{code}':                     [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/training/sessions':                             [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'POST /api/training/sessions':                            [401,  403,           403,           '201/201/403', 201,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/training/sessions/{id}':                        [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'POST /api/training/sessions/{id}/status':                [401,  403,           403,           '409/409/403', 409,           403,           403,           403,           403,           403,           403,           403],
  // Issue 15 finding 2: the officer enrolled a Phuket person (201) and then read her name on the roster.
  'POST /api/training/sessions/{id}/applications':          [401,  403,           403,           '201/409/403', '409/409/201', 403,           403,           403,           403,           403,           403,           '409/403/403'],
  'POST /api/training/sessions/{id}/group-enrolments':      [401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/training/enrolments/{id}/withdraw':            [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           '409/403/403'],
  'GET /api/training/sessions/{id}/roster':                 [401,  403,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/training/sessions/{id}/attendance/{day}':       [401,  403,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'PUT /api/training/sessions/{id}/attendance/{day}':       [401,  403,           403,           '200/400/400', '200/400/400', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/training/check-in':                            [401,  403,           403,           403,           403,           403,           403,           403,           403,           403,           403,           404],
  'PUT /api/training/sessions/{id}/scores':                 [401,  403,           403,           '200/400/400', '200/400/400', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/training/sessions/{id}/results':               [401,  403,           403,           '400/400/403', 400,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/training/sessions/{id}/evaluate':              [401,  403,           403,           '409/409/403', 409,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/training/enrolments/{id}/certificate':         [401,  403,           403,           '422/422/403', 422,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/training/sessions/{id}/certificates':          [401,  403,           403,           '202/202/403', 202,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/training/sessions/{id}/certificates/{jobId}':   [401,  403,           403,           '404/404/403', 404,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/my/enrolments':                                 [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/training/planning':                             [401,  403,           200,           200,           200,           200,           403,           403,           403,           403,           403,           403],
  'POST /api/training/labour-demand':                       [401,  403,           403,           400,           400,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/training/labour-demand/template':               [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/competency/standards':                          [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/competency/standards/{code}':                   [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/competency/standards/{code}/eligible':          [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/competency/standards/{code}/eligible/summary':  [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/competency/experience':                        [401,  403,           403,           '201/201/403', '409/409/201', 403,           403,           403,           403,           403,           403,           403],
  'GET /api/people/{personId}/experience':                  [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           404,           404,           '200/404/404'],
  'GET /api/assessments/assessors':                         [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/assessments':                                   [401,  403,           200,           200,           200,           403,           200,           403,           403,           403,           403,           403],
  'POST /api/assessments':                                  [401,  403,           403,           '201/201/403', 201,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/assessments/{id}':                              [401,  404,           '200/200/404', '200/200/404', '200/200/404', 404,           '200/200/404', 404,           404,           404,           404,           404],
  'POST /api/assessments/{id}/status':                      [401,  '403/403/404', '403/403/404', '200/409/404', '409/409/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404'],
  // Issue 15 finding 2: a Phuket person was refused as ineligible (400), not as out of the officer's area.
  'POST /api/assessments/{id}/candidates':                  [401,  403,           403,           '200/400/403', '400/400/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/assessments/candidates/{id}/withdraw':         [401,  '403/403/404', '403/403/404', '200/409/404', '409/409/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404'],
  'PUT /api/assessments/candidates/{id}/results':           [401,  '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '409/409/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404'],
  'POST /api/assessments/candidates/{id}/decide':           [401,  '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '409/409/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404', '403/403/404'],
  'GET /api/assessments/mine':                              [401,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  // employment (issue 16): officers of the area act, executives read; an employer sees only its own
  // employer, vacancies and the referrals to them (another's are 404, as a draft is nobody's business);
  // a citizen their own card, profile and follow-ups. 409/422 cells show the caller passed the check.
  // POST vacancies: `same` is a Khon Kaen employer's vacancy placed in Phuket (the officer: 403, found by this matrix).
  'GET /api/employment/board':                              [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/employment/board/{id}':                         [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/employment/indicator':                          [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'POST /api/employment/employers/apply':                   [201,  409,           409,           409,           409,           409,           409,           409,           409,           409,           409,           409],
  'GET /api/employment/employers':                          [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/employment/employers/mine':                     [401,  403,           403,           403,           403,           403,           403,           403,           403,           200,           403,           403],
  'GET /api/employment/employers/{id}':                     [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           '200/404/404', 404,           404],
  'POST /api/employment/employers/{id}/verify':             [401,  403,           403,           '409/409/403', 409,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/employment/vacancies':                          [401,  403,           200,           200,           200,           403,           403,           403,           403,           200,           403,           403],
  'POST /api/employment/vacancies':                         [401,  403,           403,           '201/403/403', 201,           403,           403,           403,           403,           '201/403/403', 403,           403],
  'POST /api/employment/vacancies/import':                  [401,  403,           403,           400,           400,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/employment/vacancies/{id}':                     [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           '200/404/404', 404,           404],
  'POST /api/employment/vacancies/{id}/status':             [401,  404,           403,           '422/422/404', 422,           404,           404,           404,           404,           '422/404/404', 404,           404],
  'GET /api/employment/vacancies/{id}/candidates':          [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           '403/404/404', 404,           404],
  'GET /api/employment/vacancies/{id}/referrals':           [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           '200/404/404', 404,           404],
  'POST /api/employment/referrals':                         [401,  404,           403,           '201/201/404', '409/409/201', 404,           404,           404,           404,           404,           404,           404],
  'POST /api/employment/referrals/{id}/answer':             [401,  404,           403,           '200/200/404', '409/409/200', 404,           404,           404,           404,           '409/404/404', 404,           404],
  'GET /api/employment/follow-ups':                         [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/employment/follow-ups/{id}':                   [401,  404,           403,           '200/200/404', '409/409/200', 404,           404,           404,           404,           404,           404,           '409/404/404'],
  'GET /api/employment/placements':                         [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/employment/placements/export':                  [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/employment/summary':                            [401,  403,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/people/{personId}/employment':                  [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           404,           404,           '200/404/404'],
  'PUT /api/people/{personId}/job-seeker':                  [401,  404,           403,           '200/200/404', 200,           404,           404,           404,           404,           404,           404,           '200/404/404'],
  'POST /api/people/{personId}/job-seeker/withdraw':        [401,  404,           403,           '200/200/404', '404/404/200', 404,           404,           404,           404,           404,           404,           404],
  'GET /api/people/{personId}/vacancies':                   [401,  404,           200,           '200/200/404', 200,           404,           404,           404,           404,           404,           404,           '200/404/404'],
  'POST /api/people/{personId}/guidance':                   [401,  404,           403,           '201/201/404', 201,           404,           404,           404,           404,           404,           404,           '403/404/404'],
  'GET /api/me/employment':                                 [401,  403,           403,           403,           403,           403,           403,           403,           403,           403,           403,           200],
  // enterprise (issue 17): provincial offices nominate, record and visit in their provinces (Phuket: 403);
  // headquarters (DWF-HQ) selects prototypes and may act nationwide; executives and administrators read.
  'GET /api/enterprise/programmes':                         [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/programmes/{code}':                  [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/programmes/{code}/funnel':           [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/programmes/{code}/late':             [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/programmes/{code}/participants':     [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/programmes/{code}/participants':    [401,  403,           403,           '201/201/403', 403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/participations/{id}':                [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/participations/{id}/select':        [401,  403,           403,           403,           200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/participations/{id}/advance':       [401,  403,           403,           '422/422/403', 422,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/participations/{id}/regress':       [401,  403,           403,           '200/200/403', '422/422/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/participations/{id}/exit':          [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/groups/{groupId}':                   [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/groups/{groupId}/products':         [401,  403,           403,           '201/201/403', 201,           403,           403,           403,           403,           403,           403,           403],
  'PUT /api/enterprise/groups/{groupId}/development':       [401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/development':                        [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/products/{id}':                      [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'PATCH /api/enterprise/products/{id}':                    [401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/products/{id}/certifications':      [401,  403,           403,           '201/201/403', 201,           403,           403,           403,           403,           403,           403,           403],
  'PATCH /api/enterprise/certifications/{id}':              [401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/certifications/expiring':            [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'POST /api/enterprise/visits/sync':                       [401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/visits/{id}':                        [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/photos/{id}':                        [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/enterprise/obstacles':                          [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  // marketplace (issue 19): the public catalogue for anyone; officers of the area check listings and record channels,
  // consents and sales; the citizen leads the `own` group; the partner (Lazada's advisor) sees only `own`, which consented
  'GET /api/marketplace/catalogue':                         [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/marketplace/catalogue/{id}':                    [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /api/marketplace/photos/{id}/{width}':               [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /shop/products/{id}':                                [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'GET /sitemap.xml':                                       [200,  200,           200,           200,           200,           200,           200,           200,           200,           200,           200,           200],
  'POST /api/marketplace/listings':                         [401,  403,           403,           '201/201/403', '409/409/201', 403,           403,           403,           403,           403,           403,           '409/403/403'],
  'GET /api/marketplace/listings':                          [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/marketplace/listings/{id}':                     [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           '200/403/403', '200/403/403'],
  'PATCH /api/marketplace/listings/{id}':                   [401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           '200/403/403'],
  'POST /api/marketplace/listings/{id}/decision':           [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           403],
  'POST /api/marketplace/listings/{id}/unlist':             [401,  403,           403,           '200/200/403', '409/409/200', 403,           403,           403,           403,           403,           403,           '409/403/403'],
  'POST /api/marketplace/listings/{id}/photos':             [401,  403,           403,           '400/400/403', 400,           403,           403,           403,           403,           403,           403,           '400/403/403'],
  'GET /api/marketplace/groups/{groupId}/listings':         [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           '200/403/403', '200/403/403'],
  'GET /api/marketplace/groups/{groupId}/channels':         [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           '200/403/403', '200/403/403'],
  'PUT /api/marketplace/groups/{groupId}/channels/{channel}':[401,  403,           403,           '200/422/403', '200/422/422', 403,           403,           403,           403,           403,           '200/403/403', '200/403/403'],
  'POST /api/marketplace/groups/{groupId}/consents':        [401,  403,           403,           '201/201/403', '409/409/201', 403,           403,           403,           403,           403,           403,           '409/403/403'],
  'POST /api/marketplace/groups/{groupId}/consents/{channel}/withdraw':[401,  403,           403,           '200/404/403', 404,           403,           403,           403,           403,           403,           403,           '404/403/403'],
  'GET /api/marketplace/partner/groups':                    [401,  403,           403,           403,           403,           403,           403,           403,           403,           403,           200,           403],
  'PUT /api/marketplace/partner-advisors/{userId}':         [401,  200,           403,           403,           403,           403,           403,           403,           403,           403,           403,           403],
  'GET /api/marketplace/groups/{groupId}/feeds/{format}':   [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           '200/403/403', '200/403/403'],
  'GET /api/marketplace/groups/{groupId}/sales':            [401,  200,           200,           '200/200/403', 200,           403,           403,           403,           403,           403,           '200/403/403', '200/403/403'],
  'PUT /api/marketplace/groups/{groupId}/sales/{channel}/{month}':[401,  403,           403,           '200/200/403', 200,           403,           403,           403,           403,           403,           403,           '200/403/403'],
  'POST /api/marketplace/groups/{groupId}/sales/import':    [401,  403,           403,           '400/400/403', 400,           403,           403,           403,           403,           403,           403,           '400/403/403'],
  'GET /api/marketplace/sales/summary':                     [401,  200,           200,           200,           200,           403,           403,           403,           403,           403,           403,           403],
};
