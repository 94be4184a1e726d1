import { createPublicKey, verify } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/server/db/schema';
import { checkpointFile, checkpointPayload } from '../../src/server/platform/audit/audit.checkpoints';
import { auditHash, hashedFieldsOf } from '../../src/server/platform/audit/audit.hash';
import { listAuditEvents, recordAudit, shredAuditSubject, verifyAuditChain, type ChainVerdict } from '../../src/server/platform/audit/audit.service';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';

const BOUND_MS = 300_000;
const event = (i: number | string) => ({ action: 'test.event', entityType: 'test', entityId: String(i), after: { i } });
const system = (requestId: string) => ({ actor: null, requestId });

/**
 * Acts out someone with the database owner's rights (triggers and foreign keys off) inside a
 * transaction that is rolled back afterwards, so every test starts from the same clean trail.
 */
async function tamperAndVerify(db: Kysely<DB>, tamper: (trx: Transaction<DB>) => Promise<void>, options: { now?: Date; file?: string } = {}) {
  const trx = await db.startTransaction().execute();
  try {
    await sql`set local session_replication_role = replica`.execute(trx);
    await tamper(trx);
    const external = options.file ? checkpointFile(options.file).read().checkpoints : [];
    return await verifyAuditChain(trx, { boundMs: BOUND_MS, externalCheckpoints: external, now: options.now });
  } finally {
    await trx.rollback().execute();
  }
}

const newestSealed = (db: Kysely<DB>, offset = 0) =>
  db.selectFrom('audit_seal').select(['event_id', 'position']).orderBy('position', 'desc').offset(offset).limit(1).executeTakeFirstOrThrow();

describe.each(ENGINES)('audit trail on %s', (engine) => {
  let t: TestApp;
  let admin: StaffAccount;
  const get = (url: string, cookie = admin.cookie) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const write = (i: number | string) => t.database.db.transaction().execute((trx) => recordAudit(trx, system(`r-${i}`), event(i)));

  beforeAll(async () => {
    // The background sealer is left idle: each test seals when it means to.
    t = await createTestApp(engine, {}, { services: { audit: { sealIntervalMs: 3_600_000 } } });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
  });
  afterAll(() => t?.dispose());

  it('records who, what, before and after and the request id, shown unsealed until the sealer links it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-request-id': 'req-audit-test-1' },
      payload: { username: 'audited.one', displayName: 'ผู้ใช้ตรวจสอบ', roles: [{ role: 'executive' }] },
    });
    expect(response.statusCode).toBe(201);
    const find = async () =>
      (await get('/api/audit-events?action=user.create&limit=5')).json().items.find((e: { entityId: string }) => e.entityId === response.json().user.id);
    const unsealed = await find();
    expect(unsealed).toMatchObject({ actorUsername: admin.username, action: 'user.create', entityType: 'user', requestId: 'req-audit-test-1', seal: null });
    expect(unsealed.after).toMatchObject({ username: 'audited.one', roles: [{ role: 'executive', unitCode: null }] });
    expect(JSON.stringify(unsealed)).not.toContain('argon2');
    expect((await get('/api/audit/status')).json()).toMatchObject({ unsealed: expect.any(Number), boundSeconds: 300 });
    expect((await get('/api/audit/status')).json().unsealed).toBeGreaterThan(0);

    await t.services.audit.sealNow();
    const sealed = await find();
    expect(sealed.seal).toMatchObject({ position: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await get('/api/audit/status')).json()).toMatchObject({ unsealed: 0, oldestUnsealedSeconds: null, sealedPosition: sealed.seal.position });
  });

  it('pages newest first with a cursor, for administrators only', async () => {
    for (let i = 0; i < 3; i++) await t.signIn(admin.username, admin.password);
    const first = (await get('/api/audit-events?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    expect(first.nextBefore).toBe(first.items[1].id);
    const next = (await get(`/api/audit-events?limit=2&before=${first.nextBefore}`)).json();
    expect(next.items[0].id).toBeLessThan(first.items[1].id);
    const executive = await t.createStaff({ roles: [{ role: 'executive' }] });
    expect((await get('/api/audit-events', executive.cookie)).statusCode).toBe(403);
  });

  it('seals events written at once into one chain, each once, in the order it seals them', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => write(`parallel-${i}`)));
    await t.services.audit.sealNow();
    const verdict = await t.services.audit.verify();
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
    const seals = await t.database.db.selectFrom('audit_seal').select(['position', 'event_id']).orderBy('position').execute();
    expect(seals.map((s) => s.position)).toEqual(seals.map((_, k) => k + 1));
    expect(new Set(seals.map((s) => s.event_id)).size).toBe(seals.length);
    expect(verdict.events).toBe(seals.length);
  });

  it('refuses updates and deletes of events, seals and checkpoints', async () => {
    await t.services.audit.checkpointNow();
    for (const table of ['audit_event', 'audit_seal', 'audit_checkpoint']) {
      await expect(sql`delete from ${sql.table(table)}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    }
    await expect(sql`update audit_event set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_seal set hash = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('names a sealed event changed by one byte, a removed one, and one inserted behind its back', async () => {
    await write('tamper');
    await t.services.audit.sealNow();
    const { event_id: id, position } = await newestSealed(t.database.db, 1);

    const changed = await tamperAndVerify(t.database.db, (trx) =>
      sql`update audit_event set entity_id = overlay(entity_id placing 'X' from 1 for 1) where id = ${id}`.execute(trx).then(() => undefined),
    );
    expect(changed).toMatchObject({ ok: false, reason: 'hash-mismatch', firstBadId: id, firstBadPosition: position });

    const removed = await tamperAndVerify(t.database.db, (trx) => sql`delete from audit_event where id = ${id}`.execute(trx).then(() => undefined));
    expect(removed).toMatchObject({ ok: false, reason: 'event-removed', firstBadId: id });
    const removedWithSeal = await tamperAndVerify(t.database.db, async (trx) => {
      await sql`delete from audit_seal where event_id = ${id}`.execute(trx);
      await sql`delete from audit_event where id = ${id}`.execute(trx);
    });
    expect(removedWithSeal).toMatchObject({ ok: false, reason: 'seal-removed', firstBadPosition: position });

    // A forged event dated yesterday: never queued, it is reported at once as added behind the
    // system's back; queued and sealed, it comes after seals made long after its date.
    const yesterday = new Date(Date.now() - 86_400_000);
    const forge = (trx: Transaction<DB>) =>
      trx
        .insertInto('audit_event')
        .values({ ...forged, occurred_at: yesterday })
        .returning('id')
        .executeTakeFirstOrThrow();
    const forged = {
      actor_user_id: null,
      actor_username: 'mallory',
      action: 'person.export',
      entity_type: 'person',
      entity_id: '1',
      province_code: null,
      before: null,
      after: null,
      request_id: null,
      ip: null,
      subject_person_id: null,
    };
    let forgedId = 0;
    const neverQueued = await tamperAndVerify(t.database.db, async (trx) => {
      forgedId = (await forge(trx)).id;
    });
    expect(neverQueued).toMatchObject({ ok: false, reason: 'unsealed-too-long', firstBadId: forgedId });
    expect(neverQueued.message?.en).toContain("behind the system's back");

    const sealedLate = await tamperAndVerify(t.database.db, async (trx) => {
      forgedId = (await forge(trx)).id;
      await sql`insert into audit_unsealed values (${forgedId})`.execute(trx);
      // What the sealer's next pass does with it (run here, inside the tampering transaction).
      const head = (await trx.selectFrom('audit_seal').select(['position', 'hash']).orderBy('position', 'desc').limit(1).executeTakeFirstOrThrow())!;
      const row = await trx.selectFrom('audit_event').selectAll().where('id', '=', forgedId).executeTakeFirstOrThrow();
      await trx
        .insertInto('audit_seal')
        .values({
          position: head.position + 1,
          event_id: forgedId,
          prev_hash: head.hash,
          hash: auditHash(head.hash, hashedFieldsOf(row)),
          sealed_at: new Date(Date.now() + 1000),
        })
        .execute();
    });
    expect(sealedLate).toMatchObject({ ok: false, reason: 'sealed-late', firstBadId: forgedId });
  });

  it('reports an event left unsealed longer than the bound, and its lag', async () => {
    await write('waiting');
    const waiting = await t.database.db.selectFrom('audit_unsealed').select('event_id').executeTakeFirstOrThrow();
    const now = await t.services.audit.verify();
    expect(now).toMatchObject({ ok: true, unsealed: 1 });
    expect(now.oldestUnsealedSeconds).toBeLessThan(BOUND_MS / 1000);
    const later = await t.services.audit.verify({ now: new Date(Date.now() + BOUND_MS + 60_000) });
    expect(later).toMatchObject({ ok: false, reason: 'unsealed-too-long', firstBadId: waiting.event_id, unsealed: 1 });
    expect(later.message?.en).toContain('no sealer is running');
    await t.services.audit.sealNow();
    expect(await t.services.audit.verify({ now: new Date(Date.now() + BOUND_MS + 60_000) })).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('finds a deleted tail from the signed checkpoint kept outside the database', async () => {
    for (let i = 0; i < 3; i++) await write(`tail-${i}`);
    const checkpoint = (await t.services.audit.checkpointNow())!;
    expect(checkpoint.position).toBe((await newestSealed(t.database.db)).position);
    const file = t.config.auditCheckpointDir;
    expect(checkpointFile(file).read().checkpoints.at(-1)).toEqual(checkpoint);

    const cut: ChainVerdict = await tamperAndVerify(
      t.database.db,
      async (trx) => {
        await sql`delete from audit_checkpoint`.execute(trx);
        await sql`delete from audit_seal where position > ${checkpoint.position - 2} returning event_id`.execute(trx).then(({ rows }) =>
          trx
            .deleteFrom('audit_event')
            .where(
              'id',
              'in',
              (rows as { event_id: number }[]).map((r) => r.event_id),
            )
            .execute(),
        );
      },
      { file },
    );
    expect(cut).toMatchObject({ ok: false, reason: 'tail-removed', sealedPosition: checkpoint.position - 2 });
    expect(cut.message?.en).toContain(`The chain ends at position ${checkpoint.position - 2}, but checkpoint #${checkpoint.seq}`);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('publishes the signed checkpoints to anyone, checkable with the published key alone', async () => {
    const published = (await get('/api/audit/checkpoints', '')).json();
    const latest = published.checkpoints.at(-1);
    const key = published.keys.find((k: { id: string }) => k.id === latest.keyId);
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
    expect(verify(null, checkpointPayload(latest), publicKey, Buffer.from(latest.signature, 'base64url'))).toBe(true);
    expect(verify(null, checkpointPayload({ ...latest, position: latest.position + 1 }), publicKey, Buffer.from(latest.signature, 'base64url'))).toBe(false);
  });

  it("keeps a person's values encrypted in the trail, and erased once their key is shredded, with the chain intact", async () => {
    const personId = 424242;
    await t.database.db.transaction().execute((trx) =>
      recordAudit(trx, system('personal'), {
        action: 'person.update',
        entityType: 'person',
        entityId: String(personId),
        subjectPersonId: personId,
        personal: ['firstNameTh', 'phone'],
        before: { firstNameTh: 'สมหญิง', phone: '0812345678', status: 'active' },
        after: { firstNameTh: 'สมศรี', phone: '0812345678', status: 'active' },
      }),
    );
    await t.services.audit.sealNow();
    const stored = await t.database.db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('subject_person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/สม|0812345678/);
    // The key opens them (the service's reading) …
    const shown = async () => (await listAuditEvents(t.database.db, { subjectPersonId: personId, limit: 1 }))[0];
    expect(await shown()).toMatchObject({ after: { firstNameTh: 'สมศรี', phone: '0812345678', status: 'active' }, personalErased: false });
    // … while administrators, who manage accounts and not people (issue 15 §4), see them withheld and no person id.
    const admins = (await get(`/api/audit-events?subjectPersonId=${personId}`)).json().items[0];
    expect(admins).toMatchObject({ after: { firstNameTh: { withheld: true }, status: 'active' }, subjectPersonId: null, entityId: null });
    expect(JSON.stringify(admins)).not.toMatch(/สม|0812345678|424242/);

    expect(await t.database.db.transaction().execute((trx) => shredAuditSubject(trx, personId))).toBe(true);
    expect(await shown()).toMatchObject({
      before: { firstNameTh: { erased: true }, phone: { erased: true }, status: 'active' },
      after: { firstNameTh: { erased: true }, status: 'active' },
      personalErased: true,
    });
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('answers the verify route with the first tampered event', async () => {
    expect((await get('/api/audit-events/verify')).json()).toMatchObject({ ok: true, reason: null });
    const target = await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'user.create').orderBy('id').executeTakeFirstOrThrow();
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(t.database.db);
    await sql`update audit_event set after = jsonb_set(after, '{displayName}', '"Mallory"') where id = ${target.id}`.execute(t.database.db);
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(t.database.db);
    const verdict = (await get('/api/audit-events/verify')).json();
    expect(verdict).toMatchObject({ ok: false, firstBadId: target.id, reason: 'hash-mismatch' });
    expect(verdict.message.en).toContain('altered after it was sealed');
  });
});
