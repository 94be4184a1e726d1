import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/server/platform/audit/audit.service';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';

describe.each(ENGINES)('audit trail on %s', (engine) => {
  let t: TestApp;
  let admin: StaffAccount;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('records who, what, before and after, and the request id of a change', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-request-id': 'req-audit-test-1' },
      payload: { username: 'audited.one', displayName: 'ผู้ใช้ตรวจสอบ', roles: [{ role: 'executive' }] },
    });
    expect(response.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/audit-events?action=user.create&limit=5', headers: { cookie: admin.cookie } });
    const event = list.json().items.find((e: { entityId: string }) => e.entityId === response.json().user.id);
    expect(event).toMatchObject({ actorUsername: admin.username, action: 'user.create', entityType: 'user', requestId: 'req-audit-test-1' });
    expect(event.after).toMatchObject({ username: 'audited.one', roles: [{ role: 'executive', unitCode: null }] });
    expect(JSON.stringify(event)).not.toContain('argon2');
  });

  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) await t.signIn(admin.username, admin.password);
    const first = (await t.app.inject({ method: 'GET', url: '/api/audit-events?limit=2', headers: { cookie: admin.cookie } })).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    expect(first.nextBefore).toBe(first.items[1].id);
    const next = (await t.app.inject({ method: 'GET', url: `/api/audit-events?limit=2&before=${first.nextBefore}`, headers: { cookie: admin.cookie } })).json();
    expect(next.items).toHaveLength(2);
    expect(next.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('is for administrators only', async () => {
    const executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-events', headers: { cookie: executive.cookie } })).statusCode).toBe(403);
  });

  it('keeps one unbroken chain when many changes commit at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, { actor: null, requestId: `parallel-${i}` }, { action: 'test.parallel', entityType: 'test', entityId: String(i), after: { i } }),
          ),
      ),
    );
    const verdict = await verifyAuditChain(t.database.db, 5);
    expect(verdict.ok).toBe(true);
  });

  it('refuses updates and deletes of audit rows from the application', async () => {
    await expect(sql`update audit_event set action = 'x' where id = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('finds the first tampered row', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-events/verify', headers: { cookie: admin.cookie } })).json().ok).toBe(true);
    const target = await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'user.create').orderBy('id').executeTakeFirstOrThrow();
    // Someone with the database owner's rights switches the guard off and rewrites history.
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(t.database.db);
    await sql`update audit_event set after = jsonb_set(after, '{displayName}', '"Mallory"') where id = ${target.id}`.execute(t.database.db);
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(t.database.db);
    const verdict = (await t.app.inject({ method: 'GET', url: '/api/audit-events/verify', headers: { cookie: admin.cookie } })).json();
    expect(verdict).toMatchObject({ ok: false, firstBadId: target.id, reason: 'hash-mismatch' });
  });
});
