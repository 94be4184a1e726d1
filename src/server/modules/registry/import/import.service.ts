import { createHash } from 'node:crypto';
import { createImportReview, emptySummary, headerSetKey, ownerKeyOf } from './import-review';
import { unmatchedCollector, valueResolver, VALUE_FIELDS } from './values';
import type { Kysely, Transaction } from 'kysely';
import type { CopyData, Database } from '../../../db/engine';
import type { DB, ImportFileRow } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { ActorContext, RequestContext } from '../../../platform/context';
import type { JobContext, JobRunner } from '../../../platform/jobs/jobs';
import { SimulatedCrash } from '../../../platform/jobs/jobs';
import { problems } from '../../../platform/problem';
import { bangkokDate } from '../../../../shared/fiscal-year';
import { provincesOf, registryPolicy } from '../registry.policy';
import type { RegistryService } from '../registry.service';
import { columnsOf, documentKey, optionalKey, subjectHashOf, type ImportActor, type ImportKind, type ImportOptions, type ImportSummary } from './columns';
import { csvCell } from '../../../platform/files/csv';
import { FileProblem } from '../../../platform/files/decode';
import { openTable } from '../../../platform/files/table';
import * as repository from './import.repository';
import { purgedRefusal, purgeExpiredImports } from './import.purge';
import {
  findExisting,
  insertRowErrors,
  OPTIONAL_PERSON_COLUMNS,
  personIdsOfDocuments,
  recordSensitiveConsents,
  stagePeople,
  upsertPeople,
} from './import.repository';
import { importGroupBatch, readGroupRow, type GroupRecord } from './group-rows';
import { readPersonRow, type PeopleRowContext, type PersonRecord } from './people-rows';
import { mapHeader, type RowError } from '../../../platform/files/rows';
import { templateXlsx } from '../../../platform/files/xlsx';

type Ctx = ActorContext;
export type { ImportKind, ImportOptions, ImportSummary } from './columns';

export const IMPORT_VALIDATE_JOB = 'registry.import.validate';
export const IMPORT_COMMIT_JOB = 'registry.import.commit';

/** A file problem as an API problem, naming what is wrong with the file. */
const fileRefused = (e: FileProblem) => problems.validation([{ field: 'body', code: e.code, message: e.en, messageTh: e.th }], { en: e.en, th: e.th });

/** The stored file's records from `fromLine`, read by the one table reader (`openTable`). */
const recordsOf = (file: Pick<ImportFileRow, 'content'>, fromLine = 1) => openTable(file.content, { fromLine }).records;

export function createImportService(deps: {
  db: Kysely<DB>;
  registry: RegistryService;
  jobs: JobRunner;
  withCopy?: Database['withCopy'];
  options?: ImportOptions;
}) {
  const { db, registry, jobs } = deps;
  /** A batch's transaction: on PostgreSQL pinned to a connection that can COPY, elsewhere a plain one. */
  const inBatchTransaction = <T>(work: (trx: Transaction<DB>, copyIn: ((statement: string, data: CopyData) => Promise<void>) | null) => Promise<T>) =>
    deps.withCopy
      ? deps.withCopy((pinned, copyIn) => pinned.transaction().execute((trx) => work(trx, copyIn)))
      : db.transaction().execute((trx) => work(trx, null));
  const options = deps.options ?? {};
  const batchSize = options.batchSize ?? 5000;
  const concurrency = options.concurrency ?? 1;

  /** What reading a row needs: reference data, the unit's remembered value mappings, the file's lawful basis. */
  async function rowContext(actor: ImportActor, file: ImportFileRow): Promise<PeopleRowContext> {
    const ref = await registry.reference();
    const remembered = await repository.rememberedValues(db, ownerKeyOf(actor), VALUE_FIELDS[file.kind]);
    return {
      subdistricts: ref.areas,
      values: valueResolver(await registry.targetGroupValues(), new Map(remembered.map((r) => [`${r.field}\u0000${r.value_key}`, r.code]))),
      lawfulBasis: file.lawful_basis ? { basis: file.lawful_basis, evidence: file.lawful_basis_evidence ?? '' } : null,
      sensitiveTargetGroups: ref.sensitiveTargetGroups,
      scope: actor.provinces ? new Set(actor.provinces) : null,
      today: bangkokDate(new Date()),
    };
  }

  const auditCtx = (actor: ImportActor, jobId: string): RequestContext => ({
    actor: { userId: actor.userId, username: actor.username, displayName: actor.displayName, mustChangePassword: false, grants: [], personId: null },
    requestId: `job:${jobId}`,
  });

  /**
   * Reads the file from `fromLine`, validating rows in batches. Each batch goes to `onBatch` with
   * its valid records and its problems (errors and warnings); a document repeated within the file
   * is an error on the later line, naming the line it repeats.
   */
  async function walk(
    file: ImportFileRow,
    actor: ImportActor,
    committed: (line: number) => boolean,
    onBatch: (batch: { records: (PersonRecord | GroupRecord)[]; errors: RowError[]; firstLine: number; lastLine: number; rows: number }) => Promise<void>,
  ) {
    const ctx = await rowContext(actor, file);
    const seen = new Map<string, number>();
    const mapping = file.mapping as Record<string, number>;
    let records: (PersonRecord | GroupRecord)[] = [];
    let errors: RowError[] = [];
    let rows = 0;
    let firstLine = 0;
    let lastLine = 1;
    for await (const record of recordsOf(file)) {
      if (record.line === 1) continue; // the header
      const key = documentKey(file.kind, record.cells, mapping);
      const repeats = key !== null ? seen.get(key) : undefined;
      if (key !== null && repeats === undefined) seen.set(key, record.line);
      if (committed(record.line)) continue; // committed before a restart; only its document is remembered
      rows++;
      if (firstLine === 0) firstLine = record.line;
      lastLine = record.line;
      const read = file.kind === 'people' ? readPersonRow(record.cells, record.line, mapping, ctx) : readGroupRow(record.cells, record.line, mapping, ctx);
      if ('errors' in read) errors.push(...read.errors);
      else if (repeats !== undefined) {
        errors.push({
          line: record.line,
          column: file.kind === 'people' ? 'id_number' : 'member_id_number',
          value: null,
          code: 'duplicate-in-file',
          en: `This document repeats line ${repeats} of the file; the row on line ${repeats} is kept.`,
          th: `เลขเอกสารนี้ซ้ำกับบรรทัดที่ ${repeats} ในไฟล์ ระบบใช้แถวบรรทัดที่ ${repeats}`,
        });
      } else {
        records.push(read.record);
        errors.push(...read.warnings);
      }
      if (rows % batchSize === 0) {
        await onBatch({ records, errors, firstLine, lastLine, rows });
        records = [];
        errors = [];
        firstLine = 0;
      }
    }
    if (firstLine !== 0) await onBatch({ records, errors, firstLine, lastLine, rows });
  }

  /** Removes rows whose person already exists in a province outside the officer's area. */
  async function dropExistingOutOfScope(records: PersonRecord[], actor: ImportActor, errors: RowError[], count = false) {
    // A nationwide officer may update anyone: nothing to look up unless the dry run counts them.
    if (!actor.provinces && !count) return { kept: records, existing: 0 };
    const existing = await findExisting(db, records);
    const outside = new Set<number>();
    if (actor.provinces) {
      const mine = new Set(actor.provinces);
      for (const e of existing) {
        if (!mine.has(e.provinceCode)) {
          outside.add(e.line);
          errors.push({
            line: e.line,
            column: 'id_number',
            value: null,
            code: 'out-of-scope',
            en: `This person is already registered in province ${e.provinceCode}, outside your area.`,
            th: `บุคคลนี้ลงทะเบียนไว้แล้วในจังหวัดรหัส ${e.provinceCode} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ`,
          });
        }
      }
    }
    return { kept: outside.size ? records.filter((r) => !outside.has(r.line)) : records, existing: existing.length - outside.size };
  }

  async function validateJob(job: JobContext) {
    const { importId, actor } = job.job.payload as { importId: string; actor: ImportActor };
    const file = (await repository.findImport(db, importId))!;
    await repository.deleteRowErrors(db, importId, 'dry-run');
    const summary = emptySummary();
    await walk(
      file,
      actor,
      () => false,
      async (batch) => {
        const errors = [...batch.errors];
        let kept = batch.records;
        if (file.kind === 'people') {
          const checked = await dropExistingOutOfScope(batch.records as PersonRecord[], actor, errors, true);
          kept = checked.kept;
          summary.existing += checked.existing;
        }
        await insertRowErrors(db, importId, 'dry-run', errors);
        const counts = problemCounts(errors);
        summary.errors += counts.errors;
        summary.rejected += counts.rejected;
        summary.warned += counts.warned;
        summary.warnings += counts.warnings;
        summary.duplicates += counts.duplicates;
        summary.valid += kept.length;
        summary.rows = batch.rows;
        await job.progress(batch.rows, file.row_count);
      },
    );
    await repository.updateImport(db, importId, { status: 'validated', dry_run: JSON.stringify(summary) });
    return summary;
  }

  async function commitJob(job: JobContext) {
    const { importId, actor } = job.job.payload as { importId: string; actor: ImportActor };
    const file = await repository.getImport(db, importId);
    // A restarted job skips the line ranges committed before; their counts are in their ledger rows.
    const done = await repository.batchesOf(db, importId);
    const committed = (line: number) => done.some((b) => line >= b.first_line && line <= b.last_line);
    const present = new Set(OPTIONAL_PERSON_COLUMNS.filter((c) => (file.mapping as Record<string, number>)[optionalKey(c)] !== undefined));
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    let batches = 0;
    let processed = (await summaryOf(importId)).rows;

    const commitBatch = async (batch: { records: (PersonRecord | GroupRecord)[]; errors: RowError[]; firstLine: number; lastLine: number }) => {
      const errors = [...batch.errors];
      // Read before the transaction opens (PGlite has one connection, held by the transaction).
      const kept = file.kind === 'people' ? (await dropExistingOutOfScope(batch.records as PersonRecord[], actor, errors)).kept : [];
      await inBatchTransaction(async (trx, copyIn) => {
        let counts: { inserted: number; updated: number; valid: number };
        if (file.kind === 'people') {
          if (copyIn && kept.length) await stagePeople(trx, copyIn, kept);
          // The batch's breakdown cells (district, target group) are told by difference over its people.
          const upsert = () => upsertPeople(trx, kept, { present, importId, unitCode: actor.unitCode, staged: Boolean(copyIn) });
          const { facts, ...written } = await registry.tellingPeopleDifference(trx, () => personIdsOfDocuments(trx, kept), upsert);
          await registry.registrationsChanged(trx, [
            ...facts.born.map((b) => ({ on: b.on, provinceCode: b.provinceCode, delta: b.count })),
            ...facts.moved.flatMap((m) => [
              { on: m.on, provinceCode: m.fromProvince, delta: -1 },
              { on: m.on, provinceCode: m.toProvince, delta: 1 },
            ]),
          ]);
          await recordSensitiveConsents(trx, kept, {
            importId,
            userId: actor.userId,
            unitCode: actor.unitCode,
            fileName: file.file_name,
            fileEvidence: file.lawful_basis ? `${file.lawful_basis}: ${file.lawful_basis_evidence ?? ''}` : null,
          });
          counts = { ...written, valid: kept.length };
        } else {
          counts = await importGroupBatch(trx, batch.records as GroupRecord[], { importId, unitCode: actor.unitCode, scope: actor.provinces, errors });
        }
        await insertRowErrors(trx, importId, 'import', errors);
        const problemsOfBatch = problemCounts(errors);
        // The ledger row commits with the rows it describes: a crash leaves both or neither.
        await repository.insertBatch(trx, {
          import_id: importId,
          first_line: batch.firstLine,
          last_line: batch.lastLine,
          counts: JSON.stringify({ ...counts, ...problemsOfBatch }),
        });
        processed += counts.valid + problemsOfBatch.rejected;
      });
      await job.progress(processed, file.row_count);
      batches++;
      if (options.crashAfterBatches !== undefined && batches >= options.crashAfterBatches) throw new SimulatedCrash();
    };

    await walk(file, actor, committed, async (batch) => {
      if (failure) throw failure;
      const running: Promise<void> = commitBatch(batch)
        .catch((error) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
      // Validation of the next batch overlaps the writing of this one; at most `concurrency` write at once.
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (failure) throw failure;
    }).catch((error) => {
      failure ??= error;
    });
    await Promise.all(inFlight);
    if (failure) throw failure;

    const summary = await summaryOf(importId);
    // A large import changes the table's shape: fresh statistics keep name search on its indexes
    // rather than waiting for autovacuum to notice.
    if (summary.inserted >= 10_000) await repository.analyzePeople(db);
    await db.transaction().execute(async (trx) => {
      await repository.updateImport(trx, importId, { status: 'completed', result: JSON.stringify(summary) });
      await recordAudit(trx, auditCtx(actor, job.job.id), {
        action: `import.${file.kind}`,
        entityType: 'import_file',
        entityId: importId,
        after: { sha256: file.sha256, ...summary },
      });
    });
    return summary;
  }

  /** The sum of the committed batches of an import. */
  async function summaryOf(importId: string): Promise<ImportSummary> {
    const rows = await repository.batchesOf(db, importId);
    const summary = emptySummary();
    for (const { counts } of rows) {
      const c = counts as Partial<ImportSummary> & { inserted: number; updated: number; valid: number; rejected: number; errors: number };
      summary.valid += c.valid;
      summary.rejected += c.rejected;
      summary.errors += c.errors;
      summary.warned += c.warned ?? 0;
      summary.warnings += c.warnings ?? 0;
      summary.duplicates += c.duplicates ?? 0;
      summary.inserted += c.inserted;
      summary.updated += c.updated;
      summary.unchanged += c.valid - c.inserted - c.updated;
    }
    summary.rows = summary.valid + summary.rejected;
    return summary;
  }

  /** A job that fails leaves its import 'failed', from which it can be checked or fixed and run again. */
  const markingFailure = (handler: (job: JobContext) => Promise<ImportSummary>) => async (job: JobContext) => {
    try {
      return await handler(job);
    } catch (error) {
      if (!(error instanceof SimulatedCrash)) {
        const { importId } = job.job.payload as { importId: string };
        await repository.updateImport(db, importId, { status: 'failed' });
      }
      throw error;
    }
  };
  jobs.register(IMPORT_VALIDATE_JOB, markingFailure(validateJob));
  jobs.register(IMPORT_COMMIT_JOB, markingFailure(commitJob));

  const importActor = (ctx: Ctx): ImportActor => {
    const scope = registryPolicy.writeScope(ctx.actor);
    if (scope.kind === 'none')
      throw problems.forbidden({ en: 'Your role does not include importing into the registry.', th: 'บทบาทของคุณไม่มีสิทธิ์นำเข้าข้อมูลทะเบียน' });
    return {
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      unitCode: ctx.actor.grants.find((g) => g.role === 'officer')?.unitCode ?? null,
      provinces: provincesOf(scope),
    };
  };
  const review = createImportReview({ db, registry, jobs, importActor });
  const { requireImport, presentFor } = review;

  return {
    get: review.get,
    list: review.list,
    setMapping: review.setMapping,
    setValues: review.setValues,
    setLawfulBasis: review.setLawfulBasis,
    errors: review.errors,
    errorReport: review.errorReport,

    async template(kind: ImportKind, format: 'csv' | 'xlsx', language: 'th' | 'en') {
      const columns = columnsOf(kind);
      if (format === 'xlsx') return templateXlsx(columns, language);
      return Buffer.from('\uFEFF' + columns.map((c) => csvCell(language === 'th' ? c.th : c.en)).join(',') + '\r\n', 'utf8');
    },

    /** The retention purge (`import.purge.ts`). */
    purgeExpired: (retentionDays: number, now?: Date) => purgeExpiredImports(db, retentionDays, now),

    /**
     * Stores the file, reads its header (mapped by the columns' names and aliases, or as the unit
     * mapped this header set before), counts its rows and lists the values of coded columns that
     * match no reference value; nothing is imported yet.
     */
    async upload(ctx: Ctx, input: { kind: ImportKind; fileName: string; bytes: Buffer }) {
      const actor = importActor(ctx);
      const targetGroups = await registry.targetGroupValues();
      let format: 'csv' | 'xlsx' = 'csv';
      let encoding: string | null = null;
      let header: string[] | null = null;
      let mapping: Record<string, number> = {};
      let mappingSource: 'automatic' | 'remembered' = 'automatic';
      let collector: ReturnType<typeof unmatchedCollector> | null = null;
      let rowCount = 0;
      // The documents the file holds, as hashes, so that an erasure finds and purges the file.
      const subjects = new Set<string>();
      try {
        const table = openTable(input.bytes);
        ({ format, encoding } = table);
        for await (const record of table.records) {
          if (header === null) {
            header = record.cells.map((c) => c.trim());
            mapping = mapHeader(header, columnsOf(input.kind)).mapping as Record<string, number>;
            const remembered = await repository.rememberedColumns(db, ownerKeyOf(actor), input.kind, headerSetKey(header));
            if (remembered && Object.values(remembered.mapping).every((i) => i < header!.length)) {
              mapping = remembered.mapping;
              mappingSource = 'remembered';
            }
            collector = unmatchedCollector(input.kind, mapping, targetGroups);
          } else {
            rowCount++;
            collector!.add(record.cells);
            const subject = subjectHashOf(input.kind, record.cells, mapping);
            if (subject) subjects.add(subject);
          }
        }
      } catch (error) {
        if (error instanceof FileProblem) throw fileRefused(error);
        throw error;
      }
      if (header === null || rowCount === 0) throw fileRefused(new FileProblem('no-rows', 'The file has no rows under its header.', 'ไฟล์ไม่มีข้อมูลใต้แถวหัวตาราง'));
      if (Object.keys(mapping).length === 0) {
        throw fileRefused(
          new FileProblem(
            'no-known-columns',
            `None of the file's columns is a column of the ${input.kind} template; the first row must be the header. Download the template to see them.`,
            'ไม่มีคอลัมน์ใดในไฟล์ตรงกับแบบฟอร์ม แถวแรกต้องเป็นหัวตาราง กรุณาดาวน์โหลดแบบฟอร์มเพื่อดูชื่อคอลัมน์',
          ),
        );
      }
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const id = await db.transaction().execute(async (trx) => {
        const row = await repository.insertImport(trx, {
          kind: input.kind,
          file_name: input.fileName.slice(0, 200),
          format,
          encoding,
          byte_size: input.bytes.length,
          sha256,
          content: input.bytes,
          header: JSON.stringify(header),
          mapping: JSON.stringify(mapping),
          mapping_source: mappingSource,
          unmatched_values: JSON.stringify(collector!.result()),
          row_count: rowCount,
          uploaded_by: ctx.actor.userId,
        });
        await repository.insertImportSubjects(trx, row.id, [...subjects]);
        // The file's name stays out of the append-only trail (officers name files after people); its SHA-256 identifies it.
        await recordAudit(trx, ctx, {
          action: 'import.upload',
          entityType: 'import_file',
          entityId: row.id,
          after: { kind: input.kind, format, sha256, rows: rowCount },
        });
        return row.id;
      });
      return presentFor(ctx, await repository.getImport(db, id));
    },

    /** Validates every row as a job; nothing is written to the registry. */
    async dryRun(ctx: Ctx, id: string) {
      return start(ctx, id, IMPORT_VALIDATE_JOB, ['uploaded', 'validated', 'failed'], 'validating');
    },

    /** Imports the valid rows as a job; after a failure, run again it continues past the committed batches. */
    async commit(ctx: Ctx, id: string) {
      return start(ctx, id, IMPORT_COMMIT_JOB, ['uploaded', 'validated', 'failed'], 'importing');
    },
  };

  async function start(ctx: Ctx, id: string, kind: string, from: string[], to: 'validating' | 'importing') {
    const actor = importActor(ctx);
    const file = await requireImport(ctx, id);
    if (file.purged_at) throw purgedRefusal();
    const missing = columnsOf(file.kind).filter((c) => c.required && (file.mapping as Record<string, number>)[c.key] === undefined);
    if (missing.length) {
      throw problems.validation(
        missing.map((c) => ({
          field: `mapping.${c.key}`,
          code: 'missing-column',
          message: `No column of the file is mapped to "${c.en}".`,
          messageTh: `ยังไม่ได้จับคู่คอลัมน์ "${c.th}"`,
        })),
        { en: 'Map every required column first.', th: 'กรุณาจับคู่คอลัมน์ที่ต้องกรอกให้ครบก่อน' },
      );
    }
    await db.transaction().execute(async (trx) => {
      // The status moves under a row lock, so a double-click starts one job, not two.
      const locked = await repository.lockImport(trx, id);
      if (!from.includes(locked.status)) {
        throw problems.conflict({
          en: `This import is ${locked.status}; it cannot be ${to === 'importing' ? 'imported' : 'checked'} now.`,
          th: `การนำเข้านี้อยู่ในสถานะ ${locked.status} ไม่สามารถ${to === 'importing' ? 'นำเข้า' : 'ตรวจสอบ'}ได้ในขณะนี้`,
        });
      }
      const jobId = await jobs.enqueue(trx, { kind, payload: { importId: id, actor }, createdBy: ctx.actor.userId, total: file.row_count });
      await repository.updateImport(trx, id, { status: to, job_id: jobId });
      if (to === 'importing') await recordAudit(trx, ctx, { action: 'import.start', entityType: 'import_file', entityId: id, after: { rows: file.row_count } });
    });
    return presentFor(ctx, await requireImport(ctx, id));
  }
}

/** A batch's problems counted: rejected rows (an error), warned rows (imported with a warning), duplicates. */
function problemCounts(problems: readonly RowError[]) {
  const rejectedLines = new Set<number>();
  const warnedLines = new Set<number>();
  let errors = 0;
  let warnings = 0;
  let duplicates = 0;
  for (const p of problems) {
    if (p.severity === 'warning') {
      warnings++;
      warnedLines.add(p.line);
    } else {
      errors++;
      rejectedLines.add(p.line);
      if (p.code === 'duplicate-in-file') duplicates++;
    }
  }
  for (const line of rejectedLines) warnedLines.delete(line);
  return { rejected: rejectedLines.size, errors, warned: warnedLines.size, warnings, duplicates };
}

export type ImportService = ReturnType<typeof createImportService>;
