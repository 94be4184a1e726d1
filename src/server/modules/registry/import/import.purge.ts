import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { systemContext } from '../../../platform/context';
import { problems } from '../../../platform/problem';
import { openTable } from '../../../platform/files/table';
import { mapHeader } from '../../../platform/files/rows';
import { columnsOf, importSubjectHash, subjectHashOf, type ImportKind } from './columns';
import * as repository from './import.repository';

/**
 * Stored import files hold whole files of personal data (issue 15 §1). They are kept for the job
 * and its error report, then purged: after `IMPORT_RETENTION_DAYS`, and at once when someone they
 * hold is erased. A purge drops the bytes, the file's name and the cell values quoted in row
 * errors; the counts, the SHA-256 and the audit events stay.
 */

export const purgedRefusal = () =>
  problems.conflict({
    en: 'This file was purged (its retention period ended, or someone it holds was erased); upload it again to import it.',
    th: 'ไฟล์นี้ถูกลบแล้ว (พ้นระยะเวลาเก็บรักษา หรือมีการลบข้อมูลของบุคคลในไฟล์) กรุณาอัปโหลดใหม่หากต้องการนำเข้า',
  });

/** An uploaded file read once: its format, header, mapping, row count and documents' hashes. */
export async function surveyUpload(bytes: Buffer, kind: ImportKind) {
  const table = openTable(bytes);
  let header: string[] | null = null;
  let mapping: Record<string, number> = {};
  let rowCount = 0;
  const subjects = new Set<string>();
  for await (const record of table.records) {
    if (header === null) {
      header = record.cells.map((c) => c.trim());
      mapping = mapHeader(header, columnsOf(kind)).mapping as Record<string, number>;
      continue;
    }
    rowCount++;
    const subject = subjectHashOf(kind, record.cells, mapping);
    if (subject) subjects.add(subject);
  }
  return { format: table.format, encoding: table.encoding, header, mapping, rowCount, subjects: [...subjects] };
}

/** The hashes of the documents the records name, under this mapping. */
export async function subjectsOf(
  records: AsyncIterable<{ cells: string[] }> | Iterable<{ cells: string[] }>,
  kind: ImportKind,
  mapping: Record<string, number>,
): Promise<string[]> {
  const subjects = new Set<string>();
  for await (const record of records) {
    const subject = subjectHashOf(kind, record.cells, mapping);
    if (subject) subjects.add(subject);
  }
  return [...subjects];
}

/** Files uploaded more than `retentionDays` before `now` lose what they hold about people. */
export async function purgeExpiredImports(db: Kysely<DB>, retentionDays: number, now = new Date()): Promise<number> {
  const ids = await repository.expiredImports(db, new Date(now.getTime() - retentionDays * 86_400_000));
  if (ids.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    await repository.purgeImports(trx, ids);
    await recordAudit(trx, systemContext('import-retention'), {
      action: 'import.purge',
      entityType: 'import_file',
      after: { reason: 'retention', retentionDays, imports: ids },
    });
  });
  return ids.length;
}

/**
 * In an erasure's transaction: purges every stored file that holds one of the person's documents.
 * Returns the imports purged (their ids, no personal data), for the erasure's audit event.
 */
export async function purgeImportsHolding(trx: Transaction<DB>, docNumbers: readonly string[]): Promise<string[]> {
  const hashes = docNumbers.flatMap((d) => importSubjectHash(d) ?? []);
  const ids = await repository.importsHolding(trx, hashes);
  await repository.purgeImports(trx, ids);
  return ids;
}
