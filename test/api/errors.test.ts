import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';

/** The fields of a problem document these tests read. */
interface ProblemBody {
  title?: string;
  titleTh?: string;
  detailTh?: string;
  errors: { field: string; messageTh: string }[];
  [key: string]: unknown;
}

describe.each(ENGINES)('bad requests on %s', (engine) => {
  let t: TestApp;
  let admin: StaffAccount;
  const counts = async () => {
    const users = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { users: Number(users.n), audit: Number(audit.n) };
  };
  const expectProblem = (response: { statusCode: number; headers: Record<string, unknown>; json(): ProblemBody }, status: number) => {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/archeep\.go\.th\/problems\//) });
    expect(body.title).toBeTruthy();
    expect(body.titleTh).toMatch(/[\u0E00-\u0E7F]/);
    expect(body.detailTh).toMatch(/[\u0E00-\u0E7F]/);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    return body;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { bodyLimitBytes: 4096 });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'content-type': contentType }, payload });

  it('answers malformed JSON with 400 and writes nothing', async () => {
    const before = await counts();
    const body = expectProblem(await post('{"username": "somchai", "displayName": '), 400);
    expect(body.type).toContain('malformed');
    expect(await counts()).toEqual(before);
  });

  it('names unknown fields and writes nothing', async () => {
    const before = await counts();
    const body = expectProblem(await post(JSON.stringify({ username: 'somchai', displayName: 'สมชาย', roles: [{ role: 'executive' }], isAdmin: true })), 400);
    expect(body.errors.map((e: { field: string }) => e.field).join(' ')).toContain('isAdmin');
    expect(await counts()).toEqual(before);
  });

  it('names each field of the wrong type, with Thai messages', async () => {
    const before = await counts();
    const body = expectProblem(await post(JSON.stringify({ username: 42, displayName: 'สมชาย', roles: 'officer' })), 400);
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.roles']));
    for (const error of body.errors) expect(error.messageTh).toMatch(/[\u0E00-\u0E7F]/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over the size limit with 413 and writes nothing', async () => {
    const before = await counts();
    const payload = JSON.stringify({ username: 'somchai', displayName: 'ส'.repeat(5000), roles: [{ role: 'executive' }] });
    expectProblem(await post(payload), 413);
    expect(await counts()).toEqual(before);
  });

  it('refuses a content type other than JSON with 415', async () => {
    expectProblem(await post('username=somchai', 'application/x-www-form-urlencoded'), 415);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/no-such-thing' }), 404);
  });

  it('answers a protected route without a session with 401', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/units' }), 401);
  });

  it('validates query strings and path parameters too', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/geo/provinces/4x/districts' }), 400);
    expect(body.errors[0]!.field).toBe('params.code');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/units?limit=100000', headers: { cookie: admin.cookie } }), 400);
  });

  it('still creates the account when the request is right', async () => {
    const before = await counts();
    const response = await post(JSON.stringify({ username: 'somchai.k', displayName: 'สมชาย ใจดี', roles: [{ role: 'executive' }] }));
    expect(response.statusCode).toBe(201);
    expect(await counts()).toEqual({ users: before.users + 1, audit: before.audit + 1 });
  });
});
