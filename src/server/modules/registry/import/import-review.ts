import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, ImportFileRow } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { ActorContext } from '../../../platform/context';
import type { JobRunner } from '../../../platform/jobs/jobs';
import { problems } from '../../../platform/problem';
import { csvCell } from '../../../platform/files/csv';
import { openTable } from '../../../platform/files/table';
import { headerKey } from '../../../platform/files/rows';
import { writeXlsx } from '../../../platform/files/xlsx';
import { referenceKey, type ReferenceValue } from '../../../../shared/reference-match';
import type { RegistryService } from '../registry.service';
import { columnsOf, type ImportActor, type ImportKind, type ImportSummary } from './columns';
import * as repository from './import.repository';
import { purgedRefusal, subjectsOf } from './import.purge';
import { reasonText } from './reasons';
import { referenceValues, rememberedKey, unmatchedCollector, VALUE_FIELDS, type UnmatchedValue } from './values';

type Ctx = ActorContext;
type Phase = 'dry-run' | 'import';

/** Whose memory of hand-made mappings an import uses: the officer's unit, or the officer alone. */
export const ownerKeyOf = (actor: Pick<ImportActor, 'unitCode' | 'userId'>) => actor.unitCode ?? `user:${actor.userId}`;

/** A header set's key for the remembered column mapping: the cells as matched, in order. */
export const headerSetKey = (header: readonly string[]) =>
  createHash('sha256')
    .update(JSON.stringify(header.map((h) => headerKey(h))))
    .digest('hex');

/** Columns whose cells may hold sensitive data (PDPA s.26): a file that has them may declare a lawful basis. */
const SENSITIVE_COLUMNS = ['disability_type', 'disability_card_no', 'target_groups'];

export const emptySummary = (): ImportSummary => ({
  rows: 0,
  valid: 0,
  rejected: 0,
  errors: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  existing: 0,
  warned: 0,
  warnings: 0,
  duplicates: 0,
});

/**
 * The steps between reading a file and importing it, and what the officer sees of a run: the
 * column mapping (remembered per unit and header set), the value mapping (remembered per unit),
 * the lawful basis of sensitive data, the counts with a summary by reason, the paged row report
 * and the downloadable report that carries each problem row as it was.
 */
export function createImportReview(deps: { db: Kysely<DB>; registry: RegistryService; jobs: JobRunner; importActor: (ctx: Ctx) => ImportActor }) {
  const { db, registry, jobs } = deps;

  const requireImport = async (ctx: Ctx, id: string) => {
    const file = await repository.findImport(db, id);
    // Imports are private to the officer who uploaded them (they hold whole files of personal data).
    if (!file || file.uploaded_by !== ctx.actor.userId) throw problems.notFound({ en: `No import ${id} of yours.`, th: `ไม่พบการนำเข้ารหัส ${id} ของคุณ` });
    return file;
  };
  const requireChangeable = (file: ImportFileRow) => {
    if (file.purged_at) throw purgedRefusal();
    if (file.status === 'importing' || file.status === 'completed' || file.status === 'validating')
      throw problems.conflict({ en: 'This import has started; its mapping is fixed.', th: 'การนำเข้านี้เริ่มแล้ว เปลี่ยนการจับคู่ไม่ได้' });
  };

  /** The file's distinct unmatched values under a mapping (one pass over the stored file). */
  async function scanValues(content: Uint8Array, kind: ImportKind, mapping: Record<string, number>): Promise<UnmatchedValue[]> {
    const collector = unmatchedCollector(kind, mapping, await registry.targetGroupValues());
    for await (const record of openTable(content).records) if (record.line > 1) collector.add(record.cells);
    return collector.result();
  }

  async function present(file: ImportFileRow, ownerKey: string | null) {
    const job = file.job_id ? await jobs.get(db, file.job_id) : undefined;
    const columns = columnsOf(file.kind);
    const unmatched = file.unmatched_values ?? [];
    const fields = [...new Set(unmatched.map((v) => v.field))];
    const remembered = ownerKey ? await repository.rememberedValues(db, ownerKey, fields) : [];
    const mapped = new Map(remembered.map((r) => [`${r.field}\u0000${r.value_key}`, r.code]));
    const targetGroups = fields.includes('target_groups') ? await registry.targetGroupValues() : [];
    const phase: Phase = file.result ? 'import' : 'dry-run';
    const reasons = file.result || file.dry_run ? await repository.reasonsOf(db, file.id, phase) : [];
    return {
      id: file.id,
      kind: file.kind,
      fileName: file.file_name,
      format: file.format,
      encoding: file.encoding,
      byteSize: file.byte_size,
      rowCount: file.row_count,
      header: file.header,
      mapping: file.mapping,
      mappingSource: file.mapping_source,
      missingColumns: columns.filter((c) => c.required && file.mapping[c.key] === undefined).map((c) => c.key),
      values: unmatched.map((v) => {
        const key = rememberedKey(v.field, v.value);
        return { field: v.field, value: v.value, count: v.count, mapped: mapped.has(key), code: mapped.get(key) ?? null };
      }),
      valueChoices: Object.fromEntries(
        fields.map((f) => [f, referenceValues(f, targetGroups).map((r: ReferenceValue) => ({ code: r.code, th: r.th, en: r.en }))]),
      ),
      sensitiveColumns: SENSITIVE_COLUMNS.filter((c) => file.mapping[c] !== undefined),
      lawfulBasis: file.lawful_basis
        ? { basis: file.lawful_basis, evidence: file.lawful_basis_evidence ?? '', declaredAt: new Date(file.lawful_basis_at!).toISOString() }
        : null,
      status: file.status,
      dryRun: (file.dry_run ?? null) as ImportSummary | null,
      result: (file.result ?? null) as ImportSummary | null,
      reasons: reasons.map((r) => {
        const column = columns.find((c) => c.key === r.column_key);
        const text = reasonText(r.code);
        return {
          severity: r.severity,
          code: r.code,
          column: r.column_key,
          rows: Number(r.rows),
          th: column ? `${column.th}: ${text.th}` : text.th,
          en: column ? `${column.en}: ${text.en}` : text.en,
        };
      }),
      progress: job ? { done: job.progress_done, total: job.progress_total ?? file.row_count, status: job.status, error: job.error } : null,
      createdAt: new Date(file.created_at).toISOString(),
    };
  }

  const presentFor = async (ctx: Ctx, file: ImportFileRow) => present(file, ownerKeyOf({ unitCode: unitOf(ctx), userId: ctx.actor.userId }));
  const unitOf = (ctx: Ctx) => ctx.actor.grants.find((g) => g.role === 'officer')?.unitCode ?? null;

  return {
    requireImport,
    presentFor,
    scanValues,

    async get(ctx: Ctx, id: string) {
      return presentFor(ctx, await requireImport(ctx, id));
    },

    async list(ctx: Ctx) {
      const rows = await repository.importsOf(db, ctx.actor.userId, 50);
      return Promise.all(rows.map((r) => present(r, null)));
    },

    /** Sets which column of the file feeds which field, and remembers it for the unit's next file with this header. */
    async setMapping(ctx: Ctx, id: string, mapping: Record<string, number>) {
      const actor = deps.importActor(ctx);
      const file = await requireImport(ctx, id);
      requireChangeable(file);
      const keys = new Set(columnsOf(file.kind).map((c) => c.key));
      const errors = Object.entries(mapping).flatMap(([key, index]) =>
        !keys.has(key)
          ? [
              {
                field: `body.mapping.${key}`,
                code: 'unknown-column',
                message: `${key} is not a column of the template.`,
                messageTh: `${key} ไม่ใช่คอลัมน์ของแบบฟอร์ม`,
              },
            ]
          : index < 0 || index >= file.header.length
            ? [
                {
                  field: `body.mapping.${key}`,
                  code: 'no-such-column',
                  message: `The file has no column ${index + 1}.`,
                  messageTh: `ไฟล์ไม่มีคอลัมน์ที่ ${index + 1}`,
                },
              ]
            : [],
      );
      if (errors.length) throw problems.validation(errors);
      const unmatched = await scanValues(file.content, file.kind, mapping);
      // The documents column may have moved: the erasure index follows it.
      const subjects = await subjectsOf(openTable(file.content, { fromLine: 2 }).records, file.kind, mapping);
      await db.transaction().execute(async (trx) => {
        await repository.replaceImportSubjects(trx, id, subjects);
        await repository.updateImport(trx, id, {
          mapping: JSON.stringify(mapping),
          mapping_source: 'officer',
          unmatched_values: JSON.stringify(unmatched),
          status: 'uploaded',
          dry_run: null,
        });
        await repository.rememberColumns(trx, {
          ownerKey: ownerKeyOf(actor),
          kind: file.kind,
          headerKey: headerSetKey(file.header),
          mapping,
          userId: actor.userId,
        });
        await recordAudit(trx, ctx, { action: 'import.mapping', entityType: 'import_file', entityId: id, after: { mapping } });
      });
      return presentFor(ctx, await requireImport(ctx, id));
    },

    /**
     * Maps values of coded columns that match no reference value to a reference code, or to
     * "leave empty" (null); remembered for the unit's next file.
     */
    async setValues(ctx: Ctx, id: string, values: readonly { field: string; value: string; code: string | null }[]) {
      const actor = deps.importActor(ctx);
      const file = await requireImport(ctx, id);
      requireChangeable(file);
      const targetGroups = await registry.targetGroupValues();
      const errors = values.flatMap((v, i) => {
        if (!VALUE_FIELDS[file.kind].includes(v.field))
          return [
            {
              field: `body.values[${i}].field`,
              code: 'not-a-coded-column',
              message: `${v.field} is not a column whose values are mapped.`,
              messageTh: `${v.field} ไม่ใช่คอลัมน์ที่จับคู่ค่าได้`,
            },
          ];
        if (v.code !== null && !referenceValues(v.field, targetGroups).some((r) => r.code === v.code))
          return [
            {
              field: `body.values[${i}].code`,
              code: 'unknown-code',
              message: `${v.code} is not a value of ${v.field}.`,
              messageTh: `${v.code} ไม่ใช่ค่าของคอลัมน์ ${v.field}`,
            },
          ];
        if (!referenceKey(v.value)) return [{ field: `body.values[${i}].value`, code: 'empty-value', message: 'The value is empty.', messageTh: 'ค่าว่างเปล่า' }];
        return [];
      });
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        await repository.rememberValues(
          trx,
          ownerKeyOf(actor),
          actor.userId,
          values.map((v) => ({ field: v.field, valueKey: referenceKey(v.value), text: v.value.slice(0, 200), code: v.code })),
        );
        await repository.updateImport(trx, id, { status: 'uploaded', dry_run: null });
        await recordAudit(trx, ctx, { action: 'import.value-mapping', entityType: 'import_file', entityId: id, after: { values } });
      });
      return presentFor(ctx, await requireImport(ctx, id));
    },

    /**
     * Declares the lawful basis of the file's sensitive data once for the whole file (PDPA s.26):
     * explicit consent on paper forms, or a duty in law such as the disability register. Each
     * person imported with sensitive data gets it recorded with this evidence.
     */
    async setLawfulBasis(ctx: Ctx, id: string, input: { basis: 'explicit-consent' | 'legal-obligation' | null; evidence?: string }) {
      deps.importActor(ctx);
      const file = await requireImport(ctx, id);
      requireChangeable(file);
      const evidence = input.evidence?.trim() ?? '';
      if (input.basis && evidence.length < 5)
        throw problems.validation([
          {
            field: 'body.evidence',
            code: 'evidence-required',
            message: 'Say where the evidence is: the law and register, or where the signed consent forms are kept (at least 5 characters).',
            messageTh: 'กรุณาระบุหลักฐาน: กฎหมายและทะเบียนที่ใช้ หรือที่เก็บแบบฟอร์มความยินยอมที่ลงนามแล้ว (อย่างน้อย 5 ตัวอักษร)',
          },
        ]);
      await db.transaction().execute(async (trx) => {
        await repository.updateImport(trx, id, {
          lawful_basis: input.basis,
          lawful_basis_evidence: input.basis ? evidence.slice(0, 500) : null,
          lawful_basis_by: input.basis ? ctx.actor.userId : null,
          lawful_basis_at: input.basis ? new Date() : null,
          status: 'uploaded',
          dry_run: null,
        });
        await recordAudit(trx, ctx, {
          action: 'import.lawful-basis',
          entityType: 'import_file',
          entityId: id,
          before: { basis: file.lawful_basis, evidence: file.lawful_basis_evidence },
          after: { basis: input.basis, evidence: input.basis ? evidence : null },
        });
      });
      return presentFor(ctx, await requireImport(ctx, id));
    },

    async errors(ctx: Ctx, id: string, phase: Phase, page: { limit: number; offset: number; severity?: 'error' | 'warning' }) {
      await requireImport(ctx, id);
      const [rows, total] = await Promise.all([repository.rowErrorsOf(db, id, phase, page), repository.countRowErrors(db, id, phase, page.severity)]);
      return {
        total,
        items: rows.map((e) => ({
          line: e.line,
          column: e.column_key,
          value: e.value,
          code: e.code,
          severity: e.severity,
          messageTh: e.message_th,
          messageEn: e.message_en,
        })),
      };
    },

    /**
     * The problem rows as a file an officer opens in Excel, fixes and uploads again: each row as
     * it was in the file (its own columns, under its own header), after its line and its reasons.
     */
    async errorReport(ctx: Ctx, id: string, phase: Phase, format: 'csv' | 'xlsx', severity: 'error' | 'warning' = 'error') {
      const file = await requireImport(ctx, id);
      const problemsOf = new Map<number, { th: string[]; en: string[] }>();
      for (const e of await repository.rowErrorsOf(db, id, phase, { limit: 1_000_000, offset: 0, severity })) {
        const entry = problemsOf.get(e.line) ?? { th: [], en: [] };
        entry.th.push(e.message_th);
        entry.en.push(e.message_en);
        problemsOf.set(e.line, entry);
      }
      const header = ['บรรทัด (line)', 'ปัญหา', 'Problem', ...file.header];
      const body: unknown[][] = [];
      for await (const record of openTable(file.content).records) {
        const found = problemsOf.get(record.line);
        if (found) body.push([record.line, found.th.join('; '), found.en.join('; '), ...record.cells]);
      }
      if (format === 'xlsx') return writeXlsx([{ name: severity === 'error' ? 'rejected' : 'warnings', header, rows: body }]);
      return Buffer.from('\uFEFF' + [header, ...body].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
    },
  };
}
