import type { Transaction } from 'kysely';
import type { Executor } from '../../../db/executor';
import type { DB } from '../../../db/schema';
import type { Bilingual, LinkDeclaration } from '../../../platform/contract';
import { eraseLink, holdsErasure, mergeLink } from './links.repository';

/** What a module does after its declared erasure, with the `returning` columns of the rows it changed. */
export type ErasureFollowUp = (trx: Transaction<DB>, rows: Record<string, unknown>[]) => Promise<void>;

/**
 * Runs merges and erasures over every module's declared links (`ModuleContract.links`). The
 * registry holds no closures of other modules: only their declarations, and, for a declaration
 * that asks for it (`returning`), the owning module's follow-up.
 */
export function createPersonLinks(declarations: readonly LinkDeclaration[]) {
  const followUps = new Map<string, ErasureFollowUp>();
  const of = (refersTo: 'person' | 'group') => declarations.filter((d) => d.refersTo === refersTo);

  return {
    declarations,

    /** The owning module's work after its rows are anonymised (a credential is revoked in its status list). */
    followErasure(table: string, followUp: ErasureFollowUp) {
      if (!declarations.some((d) => d.table === table && d.erase.kind === 'anonymise' && d.erase.returning?.length))
        throw new Error(`No declared erasure of ${table} returns rows to follow up.`);
      followUps.set(table, followUp);
    },

    /** Moves every declared link from `fromId` to `toId`, inside the merge's transaction. */
    async merge(trx: Transaction<DB>, refersTo: 'person' | 'group', fromId: number, toId: number, today: string) {
      for (const link of of(refersTo)) await mergeLink(trx, link, fromId, toId, today);
    },

    /** The legal duty that forbids erasing this person now, if a module declares one and holds a matching row. */
    async erasureRefusal(db: Executor, personId: number): Promise<Bilingual | null> {
      for (const link of of('person')) {
        if (link.erase.kind === 'keep' && (await holdsErasure(db, link, personId))) return link.erase.duty;
      }
      return null;
    },

    /** Applies every declared erasure to the person's rows, inside the erasure's transaction. */
    async erase(trx: Transaction<DB>, personId: number) {
      for (const link of of('person')) {
        const rows = await eraseLink(trx, link, personId);
        if (link.erase.kind !== 'anonymise' || !link.erase.returning?.length) continue;
        const followUp = followUps.get(link.table);
        if (!followUp) throw new Error(`The erasure of ${link.table} needs its module's follow-up, and none was registered.`);
        if (rows.length) await followUp(trx, rows);
      }
    },
  };
}

export type PersonLinks = ReturnType<typeof createPersonLinks>;
