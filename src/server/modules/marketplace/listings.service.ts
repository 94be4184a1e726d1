import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import { systemContext, type ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import type { MarketplaceAccess } from './marketplace.access';
import { presentListing, type PhotoRow } from './marketplace.present';
import * as repository from './marketplace.repository';
import { approvalReasons, bangkokToday, lapsedMarks, listingSearchText, MARK_NAMES, type Reason, type ListingStatus } from './marketplace.rules';
import { resizePhoto } from './photos';

type Ctx = ActorContext;

export interface ListingInput {
  productId: number;
  titleTh: string;
  titleEn?: string | null;
  descriptionTh: string;
  descriptionEn?: string | null;
  /** The catalogue's price; the product's unit price when not given. */
  priceSatang?: number;
  requiredMarks?: string[];
  stock?: number | null;
  packageWeightGrams?: number | null;
  packageCm?: number[] | null;
  contactPhone?: string | null;
  lineId?: string | null;
}
export type ListingPatch = Partial<Omit<ListingInput, 'productId'>>;

const MAX_PHOTOS = 8;
const asErrors = (reasons: Reason[], field: string): FieldError[] => reasons.map((r) => ({ field, code: r.code, message: r.en, messageTh: r.th }));

/** Listings: a group proposes, an officer approves or returns with reasons, a lapsed mark unlists. */
export function createListingsService(access: MarketplaceAccess) {
  const { db, enterprise, registry, guardGroup, readScope, pages } = access;

  const requireListing = async (id: number) => {
    const l = await repository.findListing(db, id);
    if (!l) throw problems.notFound({ en: `No listing has id ${id}.`, th: `ไม่พบรายการสินค้ารหัส ${id}` });
    return l;
  };
  const describe = async (rows: repository.ListingRow[]) => {
    const photos = (await repository.photosOf(
      db,
      rows.map((r) => r.id),
    )) as PhotoRow[];
    return rows.map((r) =>
      presentListing(
        r,
        photos.filter((p) => p.listing_id === r.id),
      ),
    );
  };
  const one = async (id: number) => (await describe([(await repository.findListing(db, id))!]))[0]!;

  const standingMarks = async (productId: number) => (await enterprise.productFacts([productId])).get(productId)?.marks ?? [];

  /** Refuses claimed marks the product does not hold today, naming each. */
  const checkMarks = async (productId: number, required: readonly string[]) => {
    const lapsed = lapsedMarks(required, await standingMarks(productId));
    if (lapsed.length)
      throw problems.unprocessable(
        {
          en: 'The listing claims marks the product holds no valid certificate for; see errors.',
          th: 'รายการอ้างเครื่องหมายที่ผลิตภัณฑ์ไม่มีใบรับรองที่ยังมีผล ดูรายละเอียดใน errors',
        },
        lapsed.map((m) => ({
          field: 'body.requiredMarks',
          code: 'mark-not-valid',
          message: `No valid ${MARK_NAMES[m]?.en ?? m} certificate for this product.`,
          messageTh: `ผลิตภัณฑ์นี้ไม่มีใบรับรอง ${MARK_NAMES[m]?.th ?? m} ที่ยังมีผล`,
        })),
      );
  };

  const groupEvent = (trx: Transaction<DB>, ctx: { actor: { userId: string } | null }, groupId: number, kind: string, th: string, en: string, data: unknown) =>
    registry.addTimelineEvent(trx, { groupId, module: 'marketplace', kind, summaryTh: th, summaryEn: en, data, actorUserId: ctx.actor?.userId ?? null });

  const service = {
    async propose(ctx: Ctx, input: ListingInput) {
      const product = (await enterprise.productFacts([input.productId])).get(input.productId);
      if (!product) throw problems.notFound({ en: `No product has id ${input.productId}.`, th: `ไม่พบผลิตภัณฑ์รหัส ${input.productId}` });
      const { group } = await guardGroup(ctx, product.groupId, 'act', {
        en: 'propose this group’s products for the catalogue',
        th: 'เสนอสินค้าของกลุ่มนี้เข้าแคตตาล็อก',
      });
      if (await repository.listingOfProduct(db, product.id))
        throw problems.conflict({
          en: `Product ${product.id} already has a listing; change that one.`,
          th: `ผลิตภัณฑ์รหัส ${product.id} มีรายการสินค้าอยู่แล้ว กรุณาแก้ไขรายการเดิม`,
        });
      const required = [...new Set(input.requiredMarks ?? [])];
      await checkMarks(product.id, required);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repository.insertListing(trx, {
          product_id: product.id,
          group_id: group.id,
          province_code: group.provinceCode,
          status: 'proposed',
          title_th: input.titleTh,
          title_en: input.titleEn ?? null,
          description_th: input.descriptionTh,
          description_en: input.descriptionEn ?? null,
          price_satang: input.priceSatang ?? product.unitPriceSatang,
          category: product.category,
          required_marks: required,
          stock: input.stock ?? null,
          package_weight_grams: input.packageWeightGrams ?? null,
          package_cm: input.packageCm ?? null,
          contact_phone: input.contactPhone ?? null,
          line_id: input.lineId ?? null,
          search_text: listingSearchText({ ...input, groupName: group.name }),
          proposed_by: ctx.actor.userId,
          updated_at: new Date(),
        });
        await groupEvent(trx, ctx, group.id, 'listing-proposed', `เสนอสินค้าเข้าแคตตาล็อก: ${input.titleTh}`, `Listing proposed: ${input.titleTh}`, {
          listingId: id,
        });
        await recordAudit(trx, ctx, {
          action: 'listing.propose',
          entityType: 'listing',
          entityId: String(id),
          provinceCode: group.provinceCode,
          after: { productId: product.id, required },
        });
        return id;
      });
      return one(id);
    },

    /** Changes a listing; a changed listing is checked again (approved, returned or unlisted → proposed). */
    async update(ctx: Ctx, id: number, patch: ListingPatch) {
      const before = await requireListing(id);
      const { group } = await guardGroup(ctx, before.group_id, 'act', { en: 'change this group’s listings', th: 'แก้ไขรายการสินค้าของกลุ่มนี้' });
      if (patch.requiredMarks) await checkMarks(before.product_id, patch.requiredMarks);
      const merged = {
        titleTh: patch.titleTh ?? before.title_th,
        titleEn: patch.titleEn !== undefined ? patch.titleEn : before.title_en,
        descriptionTh: patch.descriptionTh ?? before.description_th,
        descriptionEn: patch.descriptionEn !== undefined ? patch.descriptionEn : before.description_en,
      };
      await db.transaction().execute(async (trx) => {
        await repository.updateListing(trx, id, {
          title_th: merged.titleTh,
          title_en: merged.titleEn,
          description_th: merged.descriptionTh,
          description_en: merged.descriptionEn,
          ...(patch.priceSatang !== undefined && { price_satang: patch.priceSatang }),
          ...(patch.requiredMarks !== undefined && { required_marks: [...new Set(patch.requiredMarks)] }),
          ...(patch.stock !== undefined && { stock: patch.stock }),
          ...(patch.packageWeightGrams !== undefined && { package_weight_grams: patch.packageWeightGrams }),
          ...(patch.packageCm !== undefined && { package_cm: patch.packageCm }),
          ...(patch.contactPhone !== undefined && { contact_phone: patch.contactPhone }),
          ...(patch.lineId !== undefined && { line_id: patch.lineId }),
          search_text: listingSearchText({ ...merged, groupName: group.name }),
          status: 'proposed',
          proposed_at: new Date(),
          proposed_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'listing.update',
          entityType: 'listing',
          entityId: String(id),
          provinceCode: before.province_code,
          before: { status: before.status },
          after: patch,
        });
      });
      pages.forget(id);
      return one(id);
    },

    /** An officer of the area approves (every claimed mark standing, a photo) or returns it with reasons. */
    async decide(ctx: Ctx, id: number, input: { decision: 'approve' | 'return'; reasons?: { code: string; note: string }[] }) {
      const listing = await requireListing(id);
      const { group } = await guardGroup(ctx, listing.group_id, 'officer', { en: 'check listings of this group', th: 'ตรวจรายการสินค้าของกลุ่มนี้' });
      if (listing.status !== 'proposed')
        throw problems.conflict({
          en: `Listing ${id} is ${listing.status}, not waiting for a decision.`,
          th: `รายการสินค้า ${id} อยู่ในสถานะ ${listing.status} ไม่ได้รอการพิจารณา`,
        });
      if (input.decision === 'return' && !input.reasons?.length)
        throw problems.validation([
          { field: 'body.reasons', code: 'reasons-required', message: 'Say why the listing is returned.', messageTh: 'กรุณาระบุเหตุผลที่ส่งกลับ' },
        ]);
      if (input.decision === 'approve') {
        const reasons = approvalReasons(
          { requiredMarks: listing.required_marks, photos: await repository.countPhotos(db, id) },
          await standingMarks(listing.product_id),
        );
        if (reasons.length)
          throw problems.unprocessable(
            { en: 'The listing cannot be approved yet; see errors.', th: 'ยังอนุมัติรายการสินค้านี้ไม่ได้ ดูรายละเอียดใน errors' },
            asErrors(reasons, 'listing'),
          );
      }
      await db.transaction().execute(async (trx) => {
        const locked = await repository.lockListing(trx, id);
        if (locked?.status !== 'proposed') throw problems.conflict({ en: `Listing ${id} was decided meanwhile.`, th: `รายการสินค้า ${id} ได้รับการพิจารณาไปแล้ว` });
        const approved = input.decision === 'approve';
        await repository.updateListing(trx, id, {
          status: approved ? 'approved' : 'returned',
          decided_at: new Date(),
          decided_by: ctx.actor.userId,
          ...(approved ? { approved_at: new Date(), return_reasons: '[]', unlisted_reason: null } : { return_reasons: JSON.stringify(input.reasons) }),
        });
        const notes = (input.reasons ?? []).map((r) => r.note).join('; ');
        await groupEvent(
          trx,
          ctx,
          listing.group_id,
          approved ? 'listing-approved' : 'listing-returned',
          approved ? `สินค้าได้รับอนุมัติขึ้นแคตตาล็อก: ${listing.title_th}` : `สินค้าถูกส่งกลับให้แก้ไข: ${listing.title_th} (${notes})`,
          approved ? `Listing approved: ${listing.title_th}` : `Listing returned: ${listing.title_th} (${notes})`,
          { listingId: id, reasons: input.reasons ?? [] },
        );
        // The group's leader hears of the approval in its transaction (issue 21 §5); one message per approval.
        if (approved) {
          const leaders = ((await registry.currentMemberRoles([listing.group_id], trx)).get(listing.group_id) ?? []).filter((m) => m.role === 'leader');
          const decidedAt = Date.now();
          await access.notify(
            trx,
            leaders.map((m) => ({
              personId: m.personId,
              kind: 'listing-approved',
              eventKey: `marketplace.listing-approved:${id}:${decidedAt}:${m.personId}`,
              provinceCode: listing.province_code,
              params: { productTh: listing.title_th, productEn: listing.title_en ?? listing.title_th, group: group.name },
            })),
          );
        }
        await recordAudit(trx, ctx, {
          action: `listing.${input.decision}`,
          entityType: 'listing',
          entityId: String(id),
          provinceCode: listing.province_code,
          after: { reasons: input.reasons ?? [] },
        });
      });
      pages.forget(id);
      return one(id);
    },

    /** Takes a listing out of the catalogue (an officer, or the group). */
    async unlist(ctx: Ctx, id: number, reason: string) {
      const listing = await requireListing(id);
      await guardGroup(ctx, listing.group_id, 'act', { en: 'unlist this group’s products', th: 'นำสินค้าของกลุ่มนี้ออกจากแคตตาล็อก' });
      if (listing.status === 'unlisted') throw problems.conflict({ en: `Listing ${id} is already unlisted.`, th: `รายการสินค้า ${id} ถูกนำออกแล้ว` });
      await db.transaction().execute(async (trx) => {
        await repository.updateListing(trx, id, { status: 'unlisted', unlisted_reason: reason });
        await groupEvent(
          trx,
          ctx,
          listing.group_id,
          'listing-unlisted',
          `นำสินค้าออกจากแคตตาล็อก: ${listing.title_th} (${reason})`,
          `Listing unlisted: ${listing.title_th} (${reason})`,
          { listingId: id },
        );
        await recordAudit(trx, ctx, {
          action: 'listing.unlist',
          entityType: 'listing',
          entityId: String(id),
          provinceCode: listing.province_code,
          after: { reason },
        });
      });
      pages.forget(id);
      return one(id);
    },

    /**
     * Unlists every approved listing whose claimed mark no longer stands (its certificate expired
     * or was withdrawn), telling the group on its timeline. The catalogue already hides such a
     * listing at read time; this makes it the group's record and its news.
     */
    async unlistLapsed(now: Date = new Date()) {
      const listings = await repository.approvedListings(db);
      // A statement takes at most 65,535 parameters: the products' facts are asked 10,000 at a time.
      const facts = new Map<number, Awaited<ReturnType<typeof enterprise.productFacts>> extends Map<number, infer F> ? F : never>();
      for (let i = 0; i < listings.length; i += 10_000) {
        const some = await enterprise.productFacts(
          listings.slice(i, i + 10_000).map((l) => l.product_id),
          now,
        );
        for (const [id, f] of some) facts.set(id, f);
      }
      const lapsed = listings
        .map((l) => ({ ...l, lapsed: lapsedMarks(l.required_marks, facts.get(l.product_id)?.marks ?? []) }))
        .filter((l) => l.lapsed.length > 0);
      if (lapsed.length === 0) return 0;
      const ctx = systemContext('marketplace-sweep');
      await db.transaction().execute(async (trx) => {
        for (const l of lapsed) {
          const marks = l.lapsed.map((m) => MARK_NAMES[m] ?? { th: m, en: m });
          const reason = `mark-lapsed:${l.lapsed.join(',')}`;
          await repository.updateListing(trx, l.id, { status: 'unlisted', unlisted_reason: reason });
          await groupEvent(
            trx,
            ctx,
            l.group_id,
            'listing-unlisted',
            `นำสินค้าออกจากแคตตาล็อกโดยอัตโนมัติ: ${l.title_th} เพราะใบรับรอง ${marks.map((m) => m.th).join(', ')} หมดอายุ ต่ออายุแล้วเสนอใหม่ได้`,
            `Listing unlisted automatically: ${l.title_th}, because its ${marks.map((m) => m.en).join(', ')} certificate expired; renew it and propose again.`,
            { listingId: l.id, marks: l.lapsed },
          );
          await recordAudit(trx, ctx, {
            action: 'listing.unlist',
            entityType: 'listing',
            entityId: String(l.id),
            provinceCode: l.province_code,
            after: { reason },
          });
        }
      });
      for (const l of lapsed) pages.forget(l.id);
      return lapsed.length;
    },

    /** Once a day, whichever process gets there first: the sweep above, recorded in its ledger. */
    async dailySweep(now: Date = new Date()) {
      const day = bangkokToday(now);
      const mine = await db.transaction().execute((trx) => repository.claimSweep(trx, day));
      if (!mine) return null;
      const unlisted = await service.unlistLapsed(now);
      await db.transaction().execute((trx) => repository.recordSweep(trx, day, unlisted));
      return unlisted;
    },

    async addPhoto(ctx: Ctx, id: number, bytes: Buffer) {
      const listing = await requireListing(id);
      await guardGroup(ctx, listing.group_id, 'act', { en: 'add photos to this group’s listings', th: 'เพิ่มรูปภาพสินค้าของกลุ่มนี้' });
      const count = await repository.countPhotos(db, id);
      if (count >= MAX_PHOTOS)
        throw problems.conflict({ en: `A listing has at most ${MAX_PHOTOS} photos.`, th: `รายการสินค้าหนึ่งรายการมีรูปภาพได้ไม่เกิน ${MAX_PHOTOS} รูป` });
      const photo = await resizePhoto(bytes);
      const photoId = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repository.insertPhoto(
          trx,
          { id: photoId, listing_id: id, position: count, original_width: photo.originalWidth, original_height: photo.originalHeight },
          photo.sizes,
        );
        await recordAudit(trx, ctx, {
          action: 'listing.photo',
          entityType: 'listing',
          entityId: String(id),
          provinceCode: listing.province_code,
          after: { photoId, widths: photo.sizes.map((s) => s.width) },
        });
      });
      pages.forget(id);
      return one(id);
    },

    async getListing(ctx: Ctx, id: number) {
      const listing = await requireListing(id);
      await guardGroup(ctx, listing.group_id, 'read', { en: 'read this group’s listings', th: 'ดูรายการสินค้าของกลุ่มนี้' });
      return one(id);
    },
    async listingsOfGroup(ctx: Ctx, groupId: number) {
      await guardGroup(ctx, groupId, 'read', { en: 'read this group’s listings', th: 'ดูรายการสินค้าของกลุ่มนี้' });
      return describe(await repository.listingsOfGroup(db, groupId));
    },
    /** The officers' queue in their area: proposed listings oldest first (or another status). */
    async queue(ctx: Ctx, query: { status?: ListingStatus; limit: number; offset: number }) {
      const scope = await readScope(ctx, { en: 'reading the listing queue', th: 'ดูคิวตรวจรายการสินค้า' });
      const rows = await repository.listingQueue(db, {
        status: query.status ?? 'proposed',
        provinces: provincesOf(scope),
        limit: query.limit,
        offset: query.offset,
      });
      return describe(rows);
    },
  };
  return service;
}
