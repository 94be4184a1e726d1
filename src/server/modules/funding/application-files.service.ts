import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import * as files from './application-files.repository';
import type { FundingAccess } from './funding.access';
import { documentKind } from './funding.rules';

type Ctx = ActorContext;

/** A document may be at most 10 MB (a phone's photo of a bank book, a scanned quotation). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Files an application may carry. */
export const MAX_FILES = 20;

export const presentFile = (f: Awaited<ReturnType<typeof files.filesOf>>[number]) => ({
  id: f.id,
  name: f.name,
  contentType: f.content_type as 'application/pdf' | 'image/jpeg' | 'image/png',
  sizeBytes: f.size_bytes,
  uploadedAt: new Date(f.created_at).toISOString(),
});

/** Documents uploaded with a loan application: by its applicant while it is open to change, read like the application. */
export function createApplicationFilesService(access: FundingAccess) {
  const { db, requireApplication, guardApplicant, guardRecord } = access;

  return {
    /** Stores a PDF, JPEG or PNG (known by its first bytes) with a submitted or returned application. */
    async addApplicationFile(ctx: Ctx, applicationId: number, input: { name: string; bytes: Buffer }) {
      const a = await requireApplication(applicationId);
      await guardApplicant(ctx, a.group_id, a.province_code, { en: 'add a document to this application', th: 'แนบเอกสารในคำขอกู้นี้' });
      if (a.status !== 'submitted' && a.status !== 'returned')
        throw problems.conflict({
          en: `The application is ${a.status}: documents are added while it is submitted or returned for correction.`,
          th: `คำขออยู่ในสถานะ ${a.status} แนบเอกสารได้เฉพาะเมื่อยื่นแล้วหรือถูกส่งกลับให้แก้ไข`,
        });
      const contentType = documentKind(input.bytes);
      if (!contentType)
        throw problems.unprocessable({ en: 'The document is not a PDF, JPEG or PNG file.', th: 'เอกสารต้องเป็นไฟล์ PDF, JPEG หรือ PNG' }, [
          { field: 'body', code: 'file-type', message: 'Send a PDF, JPEG or PNG file.', messageTh: 'ส่งไฟล์ PDF, JPEG หรือ PNG' },
        ]);
      if (input.bytes.length > MAX_FILE_BYTES)
        throw problems.unprocessable({ en: 'The document is larger than 10 MB.', th: 'เอกสารมีขนาดเกิน 10 MB' }, [
          { field: 'body', code: 'file-size', message: 'At most 10 MB.', messageTh: 'ไม่เกิน 10 MB' },
        ]);
      if ((await files.countFiles(db, applicationId)) >= MAX_FILES)
        throw problems.conflict({ en: `An application carries at most ${MAX_FILES} documents.`, th: `คำขอหนึ่งแนบเอกสารได้ไม่เกิน ${MAX_FILES} ไฟล์` });
      const row = await db.transaction().execute(async (trx) => {
        const file = await files.insertFile(trx, {
          application_id: applicationId,
          name: input.name,
          content_type: contentType,
          size_bytes: input.bytes.length,
          data: input.bytes,
          uploaded_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'loan_application.file',
          entityType: 'loan_application',
          entityId: String(applicationId),
          provinceCode: a.province_code,
          after: { fileId: file.id, name: input.name, contentType, sizeBytes: input.bytes.length },
        });
        return file;
      });
      return presentFile(row);
    },

    async applicationFiles(applicationId: number) {
      return (await files.filesOf(db, applicationId)).map(presentFile);
    },

    /** One document's bytes, for whoever may read the application. */
    async applicationFile(ctx: Ctx, applicationId: number, fileId: number) {
      const a = await requireApplication(applicationId);
      await guardRecord(ctx, a, { en: 'read this application’s documents', th: 'ดูเอกสารของคำขอกู้นี้' });
      const file = await files.findFile(db, applicationId, fileId);
      if (!file) throw problems.notFound({ en: `Application ${applicationId} has no document ${fileId}.`, th: `คำขอ ${applicationId} ไม่มีเอกสารรหัส ${fileId}` });
      return { name: file.name, contentType: file.content_type, bytes: file.data };
    },
  };
}
