import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/executor';
import type { EraseValue, LinkDeclaration, MoveOnMerge } from '../../../platform/contract';

/*
 * Generic SQL driven by the modules' link declarations (`<module>.contract.ts`): the registry runs
 * merges and erasures on every module's linked rows without naming their tables. Table and column
 * names come only from the declarations, which the architecture test checks against the catalogue.
 */

const T = (table: string) => sql.table(table);
const C = (column: string) => sql.ref(column);
const Q = (table: string, column: string) => sql.ref(`${table}.${column}`);

/** `o.k = t.k and …` plus "both current" for a partial unique key. */
function sameKey(link: LinkDeclaration & { merge: MoveOnMerge }, other: string): RawBuilder<unknown>[] {
  const unique = link.merge.unique!;
  const conditions = unique.columns.map((k) => sql`${Q(other, k)} = ${Q(link.table, k)}`);
  if (unique.whileNull) conditions.push(sql`${Q(other, unique.whileNull)} is null`, sql`${Q(link.table, unique.whileNull)} is null`);
  return conditions;
}

/** The survivor already holds a row that the duplicate's row would duplicate under the unique key. */
const survivorHolds = (link: LinkDeclaration & { merge: MoveOnMerge }, toId: number) =>
  sql`exists (select 1 from ${T(link.table)} as o where ${sql.join([sql`${Q('o', link.column)} = ${toId}`, ...sameKey(link, 'o')], sql` and `)})`;

/** Moves one declared link from the duplicate to the survivor, resolving unique-key conflicts as declared. */
export async function mergeLink(trx: Executor, declared: LinkDeclaration, fromId: number, toId: number, today: string) {
  if (declared.merge.kind === 'keep') return;
  const link = declared as LinkDeclaration & { merge: MoveOnMerge };
  const { merge } = link;
  const conflict = merge.unique && merge.onConflict;
  if (conflict && conflict.kind === 'close') {
    const value = conflict.at === 'now' ? sql`now()` : conflict.notBefore ? sql`greatest(${today}::date, ${C(conflict.notBefore)})` : sql`${today}::date`;
    const sets = [sql`${C(conflict.column)} = ${value}`];
    if (conflict.note) sets.push(sql`${C(conflict.note.column)} = ${conflict.note.text.replace('{survivor}', String(toId))}`);
    await sql`update ${T(link.table)} set ${sql.join(sets)} where ${C(link.column)} = ${fromId} and ${survivorHolds(link, toId)}`.execute(trx);
  }
  const sets = [sql`${C(link.column)} = ${toId}`];
  if (merge.touch) sets.push(sql`${C(merge.touch)} = now()`);
  const keep = conflict && conflict.kind === 'keep' ? sql` and not ${survivorHolds(link, toId)}` : sql``;
  await sql`update ${T(link.table)} set ${sql.join(sets)} where ${C(link.column)} = ${fromId}${keep}`.execute(trx);
}

const eraseValue = (column: string, value: EraseValue) => {
  if (value !== null && typeof value === 'object') {
    if ('now' in value) return sql`now()`;
    const fallback = typeof value.ifNull === 'object' ? sql`now()` : sql`${value.ifNull}`;
    return sql`coalesce(${C(column)}, ${fallback})`;
  }
  return sql`${value}`;
};

/** Applies one declared erasure to a person's rows; returns the `returning` columns of anonymised rows. */
export async function eraseLink(trx: Executor, link: LinkDeclaration, personId: number): Promise<Record<string, unknown>[]> {
  const { erase } = link;
  if (erase.kind === 'keep') return [];
  if (erase.kind === 'delete') {
    const except = erase.keepWhereSet ? sql` and ${C(erase.keepWhereSet.column)} is null` : sql``;
    await sql`delete from ${T(link.table)} where ${C(link.column)} = ${personId}${except}`.execute(trx);
    return [];
  }
  const sets = Object.entries(erase.set).map(([column, value]) => sql`${C(column)} = ${eraseValue(column, value)}`);
  const returning = erase.returning?.length ? sql` returning ${sql.join(erase.returning.map(C))}` : sql``;
  const result = await sql<Record<string, unknown>>`update ${T(link.table)} set ${sql.join(sets)} where ${C(link.column)} = ${personId}${returning}`.execute(
    trx,
  );
  return erase.returning?.length ? result.rows : [];
}

/** Does a row that a declaration keeps under a duty forbid erasing the person now? */
export async function holdsErasure(db: Executor, link: LinkDeclaration, personId: number) {
  if (link.erase.kind !== 'keep' || !link.erase.refusesWhile) return false;
  const { column, in: values } = link.erase.refusesWhile;
  const found = await sql`select 1 from ${T(link.table)} where ${C(link.column)} = ${personId} and ${C(column)} in (${sql.join(values)}) limit 1`.execute(db);
  return found.rows.length > 0;
}
