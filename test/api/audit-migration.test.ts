import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPGlite } from '../../src/server/db/engine';
import { migrate, readMigrations } from '../../src/server/db/migrator';
import { GENESIS_HASH, auditHash, type HashedAuditFields } from '../../src/server/platform/audit/audit.hash';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.service';

describe('migration 0006 on a trail chained the old way', () => {
  it('moves the chain the events carried into seals that verify, and a changed old event is still found', async () => {
    const database = await openPGlite(null);
    try {
      await migrate(
        database,
        readMigrations().filter((m) => m.version <= 5),
      );
      // Three events as recordAudit wrote them before 0006: each row with its own link and hash.
      let prev = GENESIS_HASH;
      for (let i = 0; i < 3; i++) {
        const fields: HashedAuditFields = {
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          actorUserId: null,
          actorUsername: 'legacy',
          action: 'test.legacy',
          entityType: 'test',
          entityId: String(i),
          provinceCode: null,
          before: null,
          after: { i, name: 'สมชาย' },
          requestId: `legacy-${i}`,
          ip: null,
        };
        const hash = auditHash(prev, fields);
        await sql`insert into audit_event (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, province_code, before, after, request_id, ip, prev_hash, hash)
                  values (${fields.occurredAt}, null, 'legacy', 'test.legacy', 'test', ${String(i)}, null, null, ${JSON.stringify(fields.after)}, ${fields.requestId}, null, ${prev}, ${hash})`.execute(
          database.db,
        );
        prev = hash;
      }
      await migrate(database);

      const verdict = await verifyAuditChain(database.db, { boundMs: 300_000 });
      expect(verdict).toMatchObject({ ok: true, events: 3, sealedPosition: 3, lastHash: prev, unsealed: 0 });

      await sql`alter table audit_event disable trigger audit_event_no_update`.execute(database.db);
      await sql`update audit_event set after = jsonb_set(after, '{name}', '"สมหญิง"') where entity_id = '1'`.execute(database.db);
      expect(await verifyAuditChain(database.db, { boundMs: 300_000 })).toMatchObject({ ok: false, reason: 'hash-mismatch', firstBadPosition: 2 });
    } finally {
      await database.close();
    }
  });
});
