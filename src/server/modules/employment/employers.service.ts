import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext, RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { EmploymentAccess } from './employment.access';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import { normalizeTaxId, taxIdProblem } from './employment.rules';

type Ctx = ActorContext;

export interface EmployerInput {
  taxId: string;
  nameTh: string;
  nameEn?: string | null;
  tsicCode: string;
  size: 'micro' | 'small' | 'medium' | 'large';
  address?: string | null;
  subdistrictCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
  homeWorkRegistrationNo?: string | null;
}

/** Employers: registration with an account of their own, verification by an employment office in their province. */
export function createEmployersService(access: EmploymentAccess) {
  const { db, geo, identity, requireEmployer, presentEmployer, outOfArea, ownEmployerId } = access;

  async function checkEmployer(input: EmployerInput) {
    const errors = [];
    const problem = taxIdProblem(input.taxId);
    if (problem) errors.push({ field: 'body.taxId', code: problem.code, message: problem.en, messageTh: problem.th });
    const area = (await geo.subdistrictAreas()).get(input.subdistrictCode);
    if (!area)
      errors.push({
        field: 'body.subdistrictCode',
        code: 'unknown',
        message: `No sub-district has code ${input.subdistrictCode}.`,
        messageTh: `ไม่พบตำบลรหัส ${input.subdistrictCode}`,
      });
    if (errors.length) throw problems.validation(errors);
    return area!;
  }

  return {
    /** An employer registers itself and its first account; its vacancies wait for verification. */
    async applyAsEmployer(ctx: RequestContext, input: EmployerInput & { username: string; password: string }) {
      const area = await checkEmployer(input);
      const taxId = normalizeTaxId(input.taxId);
      const created = await db.transaction().execute(async (trx) => {
        if (await repository.findEmployerByTaxId(trx, taxId))
          throw problems.conflict({ en: `An employer with number ${taxId} is registered already.`, th: `มีนายจ้างเลขทะเบียน ${taxId} อยู่ในระบบแล้ว` }, [
            { field: 'body.taxId', code: 'taken', message: 'This number is registered already.', messageTh: 'เลขนี้ลงทะเบียนไว้แล้ว' },
          ]);
        const employer = await repository.insertEmployer(trx, {
          tax_id: taxId,
          name_th: input.nameTh,
          name_en: input.nameEn ?? null,
          tsic_code: input.tsicCode,
          size: input.size,
          address: input.address ?? null,
          subdistrict_code: input.subdistrictCode,
          district_code: area.districtCode,
          province_code: area.provinceCode,
          contact_name: input.contactName,
          contact_phone: input.contactPhone,
          contact_email: input.contactEmail ?? null,
          home_work_registration_no: input.homeWorkRegistrationNo ?? null,
          status_reason: null,
          verified_by: null,
          verified_unit_code: null,
          verified_at: null,
        });
        const account = await identity.createEmployerAccount(trx, ctx, {
          username: input.username,
          displayName: input.nameTh,
          email: input.contactEmail,
          password: input.password,
        });
        await repository.insertEmployerAccount(trx, account.id, employer.id);
        await recordAudit(trx, ctx, {
          action: 'employer.register',
          entityType: 'employer',
          entityId: String(employer.id),
          provinceCode: employer.province_code,
          after: { taxId, nameTh: input.nameTh, username: input.username },
        });
        return employer;
      });
      return presentEmployer(created);
    },

    async listEmployers(ctx: Ctx, query: { status?: string; q?: string; limit: number; offset: number }) {
      const scope = employmentPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await outOfArea({ en: 'see employers', th: 'ดูข้อมูลนายจ้าง' }, '', scope);
      const found = await repository.listEmployers(db, { provinces: provincesOf(scope), ...query });
      return { items: await Promise.all(found.items.map(presentEmployer)), total: found.total };
    },

    async getEmployer(ctx: Ctx, id: number) {
      const e = await requireEmployer(id);
      const own = employmentPolicy.isEmployer(ctx.actor) && (await access.employerIdOf(ctx)) === id;
      if (!own && !employmentPolicy.reads(ctx.actor, e.province_code)) throw problems.notFound({ en: `No employer has id ${id}.`, th: `ไม่พบนายจ้างรหัส ${id}` });
      return presentEmployer(e);
    },

    /** The signed-in employer account's own employer. */
    async myEmployer(ctx: Ctx) {
      return presentEmployer(await requireEmployer(await ownEmployerId(ctx)));
    },

    /** An employment officer of the employer's province verifies (or rejects, or suspends) it. */
    async verifyEmployer(ctx: Ctx, id: number, input: { decision: 'verified' | 'rejected' | 'suspended'; reason?: string | null }) {
      const e = await requireEmployer(id);
      if (!employmentPolicy.acts(ctx.actor, e.province_code))
        throw await outOfArea({ en: 'verify this employer', th: 'ตรวจสอบนายจ้างรายนี้' }, e.province_code, employmentPolicy.officerScope(ctx.actor));
      if (input.decision !== 'verified' && !input.reason)
        throw problems.validation([
          { field: 'body.reason', code: 'required', message: 'Say why the employer is rejected or suspended.', messageTh: 'กรุณาระบุเหตุผลที่ไม่รับรองหรือระงับนายจ้าง' },
        ]);
      if (e.status === input.decision) throw problems.conflict({ en: `The employer is ${e.status} already.`, th: `นายจ้างอยู่ในสถานะ ${e.status} อยู่แล้ว` });
      const unit =
        ctx.actor.grants.find((g) => g.role === 'officer' && (g.provinceCodes === null || g.provinceCodes.includes(e.province_code)))?.unitCode ?? null;
      const updated = await db.transaction().execute(async (trx) => {
        const after = await repository.updateEmployer(trx, id, {
          status: input.decision,
          status_reason: input.reason ?? null,
          verified_by: ctx.actor.userId,
          verified_unit_code: unit,
          verified_at: input.decision === 'verified' ? new Date() : e.verified_at,
        });
        await recordAudit(trx, ctx, {
          action: 'employer.verify',
          entityType: 'employer',
          entityId: String(id),
          provinceCode: e.province_code,
          before: { status: e.status },
          after: { status: input.decision, reason: input.reason ?? null },
        });
        return after;
      });
      return presentEmployer(updated);
    },
  };
}
