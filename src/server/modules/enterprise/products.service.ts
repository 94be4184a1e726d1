import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { fiscalYearOf, fiscalYearRange } from '../../../shared/fiscal-year';
import { NEW_GROUPS_PER_YEAR_TARGET } from './data/programmes';
import type { EnterpriseAccess } from './enterprise.access';
import { reasonErrors } from './enterprise.access';
import { enterprisePolicy } from './enterprise.policy';
import { presentProduct } from './enterprise.present';
import * as repository from './enterprise.repository';
import {
  bangkokToday,
  canMoveTo,
  ceNumberReasons,
  daysBetween,
  expiryAfter,
  fdaNumberReasons,
  marksOf,
  normalizeFdaNumber,
  tcpsStandardReasons,
  validityOf,
  VALIDITY_YEARS,
  type CertKind,
  type CertStatus,
} from './enterprise.rules';

type Ctx = ActorContext;

export interface ProductInput {
  name: string;
  category: string;
  description?: string;
  unitPriceSatang: number;
  capacityPerMonth?: number;
  ingredients?: string;
}
export interface CertificationInput {
  kind: CertKind;
  status: CertStatus;
  number?: string;
  standardNo?: string;
  issuer?: string;
  issuedOn?: string;
  expiresOn?: string;
  stars?: number;
  documents?: { name: string; ref: string }[];
}

const productData = (p: {
  name: string;
  category: string;
  description: string | null;
  unit_price_satang: number;
  capacity_per_month: number | null;
  ingredients: string | null;
}) => ({
  name: p.name,
  category: p.category,
  description: p.description,
  unitPriceSatang: p.unit_price_satang,
  capacityPerMonth: p.capacity_per_month,
  ingredients: p.ingredients,
});

/** Products with versions, their standards and certifications, and community enterprise registration. */
export function createProductsService(access: EnterpriseAccess) {
  const { db, geo, requireGroup, guardRead, guardWrite, readScope } = access;

  const requireProduct = async (id: number) => {
    const p = await repository.findProduct(db, id);
    if (!p) throw problems.notFound({ en: `No product has id ${id}.`, th: `ไม่พบผลิตภัณฑ์รหัส ${id}` });
    return p;
  };
  const describe = async (p: NonNullable<Awaited<ReturnType<typeof repository.findProduct>>>) => {
    const [certs, versions] = await Promise.all([repository.certificationsOf(db, [p.id]), repository.versionsOf(db, p.id)]);
    return presentProduct(p, certs, versions, new Date());
  };

  /** Why a certification's details do not hold (the number's format, the standard number, the dates). */
  const certificationErrors = async (input: Partial<CertificationInput>, kind: CertKind): Promise<FieldError[]> => {
    const errors: FieldError[] = [];
    if (kind === 'fda' && input.number !== undefined) {
      const provinces = new Set((await geo.provinces()).map((p) => p.code));
      errors.push(...reasonErrors(fdaNumberReasons(input.number, provinces), 'body.number'));
    }
    if (kind === 'tcps' && input.standardNo !== undefined) errors.push(...reasonErrors(tcpsStandardReasons(input.standardNo), 'body.standardNo'));
    if (input.status === 'certified' && !input.issuedOn)
      errors.push({
        field: 'body.issuedOn',
        code: 'issued-on-required',
        message: 'A certified application needs its issue date.',
        messageTh: 'ใบรับรองที่ได้รับแล้วต้องระบุวันที่ออก',
      });
    if (input.issuedOn && input.expiresOn && input.expiresOn < input.issuedOn)
      errors.push({
        field: 'body.expiresOn',
        code: 'expires-before-issue',
        message: 'The expiry date is before the issue date.',
        messageTh: 'วันหมดอายุอยู่ก่อนวันที่ออก',
      });
    if (input.issuedOn && input.issuedOn > bangkokToday(new Date()))
      errors.push({ field: 'body.issuedOn', code: 'issued-in-future', message: 'The issue date is in the future.', messageTh: 'วันที่ออกเป็นวันในอนาคต' });
    return errors;
  };
  const refuseIf = (errors: FieldError[]) => {
    if (errors.length)
      throw problems.validation(errors, { en: 'The certification’s details do not hold; see errors.', th: 'ข้อมูลใบรับรองไม่ถูกต้อง ดูรายละเอียดใน errors' });
  };

  return {
    /**
     * For the marketplace: each product's group, place, text, price and the marks standing today
     * in Bangkok (with the certificate that gives each, for the public page). No scope check: the
     * caller checks its own.
     */
    async productFacts(ids: readonly number[], now: Date = new Date()) {
      const products = await repository.productsByIds(db, ids);
      const certs = await repository.certificationsOf(
        db,
        products.map((p) => p.id),
      );
      return new Map(
        products.map((p) => {
          const own = certs.filter((c) => c.product_id === p.id);
          const marks = marksOf(
            own.map((c) => ({ kind: c.kind, status: c.status, issuedOn: c.issued_on, expiresOn: c.expires_on })),
            now,
          );
          const standing = own.filter(
            (c) =>
              marks.includes(c.kind) &&
              ['valid', 'expiring'].includes(validityOf({ status: c.status, issuedOn: c.issued_on, expiresOn: c.expires_on }, now).validity),
          );
          return [
            p.id,
            {
              id: p.id,
              groupId: p.group_id,
              provinceCode: p.province_code,
              name: p.name,
              category: p.category,
              description: p.description,
              unitPriceSatang: p.unit_price_satang,
              marks,
              certificates: standing.map((c) => ({ kind: c.kind, number: c.number ?? c.standard_no, expiresOn: c.expires_on })),
            },
          ];
        }),
      );
    },
    async productsOfGroup(groupId: number) {
      const rows = await repository.productsOfGroup(db, groupId);
      return Promise.all(rows.map(describe));
    },
    async getProduct(ctx: Ctx, id: number) {
      const p = await requireProduct(id);
      await guardRead(ctx, p.province_code, { en: 'read this product', th: 'ดูข้อมูลผลิตภัณฑ์นี้' });
      return describe(p);
    },
    async createProduct(ctx: Ctx, groupId: number, input: ProductInput) {
      const group = await requireGroup(groupId);
      await guardWrite(ctx, group.provinceCode, { en: 'record this group’s products', th: 'บันทึกผลิตภัณฑ์ของกลุ่มนี้' });
      const id = await db.transaction().execute(async (trx) => {
        const values = {
          group_id: groupId,
          province_code: group.provinceCode,
          name: input.name,
          category: input.category,
          description: input.description ?? null,
          unit_price_satang: input.unitPriceSatang,
          capacity_per_month: input.capacityPerMonth ?? null,
          ingredients: input.ingredients ?? null,
        };
        const { id } = await repository.insertProduct(trx, values);
        await repository.insertProductVersion(trx, { product_id: id, version: 1, data: JSON.stringify(productData(values)), actor_user_id: ctx.actor.userId });
        await recordAudit(trx, ctx, {
          action: 'product.create',
          entityType: 'product',
          entityId: String(id),
          provinceCode: group.provinceCode,
          after: productData(values),
        });
        return id;
      });
      return describe((await repository.findProduct(db, id))!);
    },
    async updateProduct(ctx: Ctx, id: number, patch: Partial<ProductInput>) {
      const before = await requireProduct(id);
      await guardWrite(ctx, before.province_code, { en: 'change this product', th: 'แก้ไขผลิตภัณฑ์นี้' });
      await db.transaction().execute(async (trx) => {
        const set = {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.category !== undefined && { category: patch.category }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.unitPriceSatang !== undefined && { unit_price_satang: patch.unitPriceSatang }),
          ...(patch.capacityPerMonth !== undefined && { capacity_per_month: patch.capacityPerMonth }),
          ...(patch.ingredients !== undefined && { ingredients: patch.ingredients }),
        };
        const { version } = await repository.updateProduct(trx, id, set);
        const after = { ...productData(before), ...productData({ ...before, ...set }) };
        await repository.insertProductVersion(trx, { product_id: id, version, data: JSON.stringify(after), actor_user_id: ctx.actor.userId });
        await recordAudit(trx, ctx, {
          action: 'product.update',
          entityType: 'product',
          entityId: String(id),
          provinceCode: before.province_code,
          before: productData(before),
          after,
        });
      });
      return describe((await repository.findProduct(db, id))!);
    },

    /** Records a certificate or an application for one; a มผช. certificate without an expiry stands 3 years. */
    async addCertification(ctx: Ctx, productId: number, input: CertificationInput) {
      const p = await requireProduct(productId);
      await guardWrite(ctx, p.province_code, { en: 'record this product’s certifications', th: 'บันทึกการรับรองมาตรฐานของผลิตภัณฑ์นี้' });
      refuseIf(await certificationErrors(input, input.kind));
      const years = VALIDITY_YEARS[input.kind];
      const expiresOn = input.expiresOn ?? (input.issuedOn && years ? expiryAfter(input.issuedOn, years) : null);
      await db.transaction().execute(async (trx) => {
        const { id } = await access.telling(trx, [p.group_id], () =>
          repository.insertCertification(trx, {
            product_id: productId,
            kind: input.kind,
            status: input.status,
            number: input.kind === 'fda' && input.number ? normalizeFdaNumber(input.number) : (input.number ?? null),
            standard_no: input.standardNo ?? null,
            issuer: input.issuer ?? null,
            issued_on: input.issuedOn ?? null,
            expires_on: expiresOn,
            stars: input.stars ?? null,
            documents: JSON.stringify(input.documents ?? []),
          }),
        );
        await recordAudit(trx, ctx, {
          action: 'certification.create',
          entityType: 'certification',
          entityId: String(id),
          provinceCode: p.province_code,
          after: { ...input, expiresOn },
        });
      });
      return describe(p);
    },

    /** The application tracker: preparing → submitted → inspected → certified / rejected. */
    async updateCertification(
      ctx: Ctx,
      id: number,
      input: { status: CertStatus; number?: string; issuedOn?: string; expiresOn?: string; documents?: { name: string; ref: string }[] },
    ) {
      const c = await repository.findCertification(db, id);
      if (!c) throw problems.notFound({ en: `No certification has id ${id}.`, th: `ไม่พบการรับรองรหัส ${id}` });
      const p = await requireProduct(c.product_id);
      await guardWrite(ctx, p.province_code, { en: 'change this product’s certifications', th: 'แก้ไขการรับรองมาตรฐานของผลิตภัณฑ์นี้' });
      if (input.status !== c.status && !canMoveTo(c.status as CertStatus, input.status))
        throw problems.unprocessable({
          en: `An application cannot go from ${c.status} to ${input.status}.`,
          th: `เปลี่ยนสถานะคำขอจาก ${c.status} เป็น ${input.status} ไม่ได้`,
        });
      const kind = c.kind as CertKind;
      const merged = {
        status: input.status,
        number: input.number,
        issuedOn: input.issuedOn ?? c.issued_on ?? undefined,
        expiresOn: input.expiresOn ?? c.expires_on ?? undefined,
      };
      refuseIf(await certificationErrors(merged, kind));
      const years = VALIDITY_YEARS[kind];
      const expiresOn = merged.expiresOn ?? (merged.issuedOn && years ? expiryAfter(merged.issuedOn, years) : null);
      await db.transaction().execute(async (trx) => {
        await access.telling(trx, [p.group_id], () =>
          repository.updateCertification(trx, id, {
            status: input.status,
            ...(input.number !== undefined && { number: kind === 'fda' ? normalizeFdaNumber(input.number) : input.number }),
            issued_on: merged.issuedOn ?? null,
            expires_on: expiresOn,
            ...(input.documents && { documents: JSON.stringify(input.documents) }),
          }),
        );
        await recordAudit(trx, ctx, {
          action: 'certification.update',
          entityType: 'certification',
          entityId: String(id),
          provinceCode: p.province_code,
          before: { status: c.status },
          after: { status: input.status, expiresOn },
        });
      });
      return describe(p);
    },

    /** The office's queue: certificates expiring within `within` days, each with its 90- or 30-day reminder. */
    async expiring(ctx: Ctx, within: number) {
      const scope =
        enterprisePolicy.writeScope(ctx.actor).kind === 'none'
          ? await readScope(ctx, { en: 'reading expiring certificates', th: 'ดูใบรับรองที่ใกล้หมดอายุ' })
          : enterprisePolicy.writeScope(ctx.actor);
      const today = bangkokToday(new Date());
      const until = new Date(Date.parse(`${today}T00:00:00Z`) + within * 86_400_000).toISOString().slice(0, 10);
      const rows = await repository.expiringCertifications(db, today, until, provincesOf(scope));
      return rows.map((r) => {
        const daysLeft = daysBetween(today, r.expires_on!);
        return {
          id: r.id,
          kind: r.kind,
          number: r.number,
          standardNo: r.standard_no,
          expiresOn: r.expires_on!,
          daysLeft,
          reminder: daysLeft <= 30 ? ('30-days' as const) : ('90-days' as const),
          productId: r.product_id,
          productName: r.product_name,
          groupId: r.group_id,
          provinceCode: r.province_code,
        };
      });
    },

    async development(groupId: number) {
      const d = await repository.findDevelopment(db, groupId);
      return d ? { groupId, ceRegistrationNo: d.ce_registration_no, ceRegisteredOn: d.ce_registered_on, note: d.note } : null;
    },
    /** Community enterprise registration (the Department of Agricultural Extension's number). */
    async setDevelopment(ctx: Ctx, groupId: number, input: { ceRegistrationNo: string | null; ceRegisteredOn: string | null; note?: string }) {
      const group = await requireGroup(groupId);
      await guardWrite(ctx, group.provinceCode, { en: 'record this group’s development', th: 'บันทึกการพัฒนากลุ่มนี้' });
      const errors: FieldError[] = input.ceRegistrationNo ? reasonErrors(ceNumberReasons(input.ceRegistrationNo), 'body.ceRegistrationNo') : [];
      if (Boolean(input.ceRegistrationNo) !== Boolean(input.ceRegisteredOn))
        errors.push({
          field: 'body.ceRegisteredOn',
          code: 'both-or-neither',
          message: 'Give the registration number and its date together.',
          messageTh: 'กรุณาระบุเลขทะเบียนพร้อมวันที่จดทะเบียน',
        });
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        await access.telling(trx, [groupId], () =>
          repository.upsertDevelopment(trx, {
            group_id: groupId,
            ce_registration_no: input.ceRegistrationNo,
            ce_registered_on: input.ceRegisteredOn,
            note: input.note ?? null,
          }),
        );
        await recordAudit(trx, ctx, {
          action: 'group_development.update',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.provinceCode,
          after: input,
        });
      });
      return (await this.development(groupId))!;
    },
    /** New community enterprises registered in a fiscal year in the reader's area, against seed 000's 140 a year. */
    async developmentSummary(ctx: Ctx, fiscalYear?: number) {
      const scope = await readScope(ctx, { en: 'reading group development', th: 'ดูข้อมูลการพัฒนากลุ่ม' });
      const fy = fiscalYear ?? fiscalYearOf(new Date());
      const { start, end } = fiscalYearRange(fy);
      const rows = await repository.registeredBetween(db, start, end);
      const places = await access.registry.groupPlaces(rows.map((r) => r.group_id));
      const registered = rows.filter((r) => scopeIncludes(scope, places.get(r.group_id)?.provinceCode ?? null)).length;
      return { fiscalYear: fy, registered, target: NEW_GROUPS_PER_YEAR_TARGET, targetSource: 'seed 000: over 140 new entrepreneur groups a year (nationwide)' };
    },
  };
}
