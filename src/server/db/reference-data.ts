import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** A short fingerprint of reference data, so a start-up reloads a set only when it changed. */
export const fingerprint = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);

/**
 * Loads a reference data set once per version, in one transaction: a crash half-way leaves the
 * previous version whole, and the next start tries again.
 */
export async function loadReferenceSet(db: Kysely<DB>, name: string, version: string, load: (trx: Transaction<DB>) => Promise<void>): Promise<boolean> {
  const current = await db.selectFrom('reference_data_version').select('version').where('name', '=', name).executeTakeFirst();
  if (current?.version === version) return false;
  await db.transaction().execute(async (trx) => {
    await load(trx);
    await trx
      .insertInto('reference_data_version')
      .values({ name, version })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version, loaded_at: new Date() }))
      .execute();
  });
  return true;
}
