import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { personSearchText } from './import/people-rows';
import type { PersonLinks } from './links/person-links';
import type { RegistryAccess } from './registry.access';
import { presentConsent, presentEvent } from './registry.present';
import * as repository from './registry.repository';
import type { ConsentPurpose } from './registry.service';

type Ctx = ActorContext;

/** The fields a citizen may ask to have corrected (issue 21 §4), as the API names them, with their column. */
export const CORRECTABLE_FIELDS = {
  firstNameTh: 'first_name_th',
  lastNameTh: 'last_name_th',
  firstNameEn: 'first_name_en',
  lastNameEn: 'last_name_en',
  phone: 'phone',
  houseNo: 'house_no',
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;

/**
 * The registry's part of a citizen's self-service (issue 21 §3, §4): her own record, timeline,
 * export and consents (the account's `personId` is the only person these reach), and for the
 * officer deciding her requests, a correction applied inside the request's transaction and the
 * legal hold that blocks an erasure.
 */
export function createOwnRecordService(access: RegistryAccess, links: PersonLinks) {
  const { db, requirePerson, writablePerson, personDetail } = access;

  const ownId = (ctx: Ctx): number => {
    if (!ctx.actor.personId) throw problems.forbidden({ en: 'This account is not linked to a registered person.', th: 'บัญชีนี้ไม่ได้เชื่อมกับระเบียนบุคคล' });
    return ctx.actor.personId;
  };

  const ownTimeline = async (personId: number) => {
    const person = await requirePerson(personId);
    const items = (await access.eventsOf({ personId })).map(presentEvent);
    if (!items.some((e) => e.kind === 'registered')) {
      items.push({
        id: 0,
        occurredAt: new Date(person.created_at).toISOString(),
        module: 'registry',
        kind: 'registered',
        summaryTh: person.source === 'import' ? 'ลงทะเบียนจากการนำเข้าไฟล์' : 'ลงทะเบียน',
        summaryEn: person.source === 'import' ? 'Registered by file import' : 'Registered',
        actorName: null,
        data: null,
      });
    }
    return items;
  };

  const consentChange = async (ctx: Ctx, kind: 'give' | 'withdraw', purpose: ConsentPurpose) => {
    const id = ownId(ctx);
    const person = await requirePerson(id);
    if (person.status !== 'active') throw problems.conflict({ en: 'Your record is no longer active.', th: 'ระเบียนของคุณไม่อยู่ในสถานะใช้งานแล้ว' });
    const r = await access.ref();
    await db.transaction().execute(async (trx) => {
      if (kind === 'give') {
        if (await repository.standingConsent(trx, id, purpose))
          throw problems.conflict({ en: `A consent for ${purpose} already stands.`, th: `มีความยินยอมสำหรับ ${purpose} อยู่แล้ว` });
        await repository.insertConsent(trx, {
          person_id: id,
          purpose,
          lawful_basis: purpose === 'sensitive-data' ? 'explicit-consent' : 'consent',
          evidence: 'ให้ความยินยอมด้วยตนเองผ่านบัญชีของตน (given by the person through their own account)',
          recorded_by: ctx.actor.userId,
          unit_code: null,
        });
      } else {
        const withdrawn = await repository.withdrawConsent(trx, id, purpose);
        if (withdrawn.length === 0) throw problems.notFound({ en: `No standing consent for ${purpose}.`, th: `ไม่มีความยินยอมสำหรับ ${purpose} ที่ยังมีผล` });
        // Withdrawing consent to sensitive data also removes that data: it may no longer be kept.
        if (purpose === 'sensitive-data') {
          await access.tellingPeopleDifference(trx, [id], () =>
            repository.updatePerson(trx, id, {
              disability_type: null,
              disability_card_no: null,
              target_groups: person.target_groups.filter((g) => !r.sensitiveTargetGroups.has(g)),
            }),
          );
          await access.peopleChanged(trx, [id]);
        }
      }
      await repository.addEvent(trx, {
        personId: id,
        module: 'registry',
        kind: kind === 'give' ? 'consent-given' : 'consent-withdrawn',
        summaryTh: `${kind === 'give' ? 'ให้ความยินยอม' : 'ถอนความยินยอม'}ด้วยตนเอง: ${purpose}`,
        summaryEn: `${kind === 'give' ? 'Consent given' : 'Consent withdrawn'} by the person: ${purpose}`,
        data: { purpose, self: true },
        actorUserId: ctx.actor.userId,
      });
      await recordAudit(trx, ctx, {
        action: kind === 'give' ? 'consent.give' : 'consent.withdraw',
        entityType: 'person',
        entityId: String(id),
        provinceCode: person.province_code,
        after: { purpose, self: true },
      });
    });
    return (await repository.consentsOf(db, id)).map(presentConsent);
  };

  return {
    /** The signed-in citizen's own person id (403 for an account without one). */
    ownPersonId: ownId,
    /** Her own timeline, newest first (what `/api/people/:id/timeline` shows an officer). */
    async myTimeline(ctx: Ctx) {
      return ownTimeline(ownId(ctx));
    },
    async myConsents(ctx: Ctx) {
      return (await repository.consentsOf(db, ownId(ctx))).map(presentConsent);
    },
    giveOwnConsent: (ctx: Ctx, purpose: ConsentPurpose) => consentChange(ctx, 'give', purpose),
    withdrawOwnConsent: (ctx: Ctx, purpose: ConsentPurpose) => consentChange(ctx, 'withdraw', purpose),
    /**
     * Everything the registry holds about her, unmasked (her own numbers), for her access request
     * (PDPA s.30): the record, identities, memberships, consents and timeline. Audited.
     */
    async ownExport(ctx: Ctx) {
      const id = ownId(ctx);
      const person = await requirePerson(id);
      const [detail, identities, timeline, groups] = await Promise.all([
        personDetail(ctx, id),
        repository.identitiesOf(db, id),
        ownTimeline(id),
        access.org.targetGroups(),
      ]);
      await db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, ctx, { action: 'person.self_export', entityType: 'person', entityId: String(id), provinceCode: person.province_code }),
        );
      const { canEdit: _e, canReveal: _r, citizenAccount: _a, ...record } = detail as typeof detail & Record<string, unknown>;
      return {
        person: {
          ...record,
          disabilityType: person.disability_type,
          disabilityCardNo: person.disability_card_no,
          houseNo: person.house_no,
          villageNo: person.village_no,
          phone: person.phone,
          identities: identities.map((i) => ({ docType: i.doc_type, docNumber: i.doc_number })),
        },
        timeline,
        targetGroupNames: groups.filter((g) => person.target_groups.includes(g.code)).map((g) => ({ code: g.code, nameTh: g.nameTh, nameEn: g.nameEn })),
      };
    },
    /** The values a correction request names, as held now (for the request's record). */
    async correctableValues(personId: number) {
      const p = await requirePerson(personId);
      return {
        provinceCode: p.province_code,
        status: p.status,
        values: Object.fromEntries(Object.entries(CORRECTABLE_FIELDS).map(([k, col]) => [k, (p[col] as string | null) ?? null])) as Record<
          CorrectableField,
          string | null
        >,
      };
    },
    /** 403/404 unless the officer may change this person (before a decision's transaction opens). */
    async requireWritable(ctx: Ctx, personId: number, verb?: { en: string; th: string }) {
      return writablePerson(ctx, personId, verb);
    },
    /**
     * Applies one requested correction inside the caller's transaction (the request's decision):
     * the value changes, the timeline says so and the audit names the field, not its values.
     * Call `requireWritable` first, outside the transaction.
     */
    async applyCorrection(trx: Transaction<DB>, ctx: Ctx, personId: number, field: CorrectableField, value: string | null, requestId: number) {
      const column = CORRECTABLE_FIELDS[field];
      const locked = await repository.lockPerson(trx, personId);
      if (!locked || locked.status !== 'active')
        throw problems.conflict({ en: `Person ${personId} is no longer active.`, th: `บุคคลรหัส ${personId} ไม่อยู่ในสถานะใช้งานแล้ว` });
      const current = (await repository.peopleByIds(trx, [personId]))[0]!;
      const next = { ...current, [column]: value };
      if ((field === 'firstNameTh' || field === 'lastNameTh') && !value)
        throw problems.conflict({ en: 'A Thai name cannot be empty.', th: 'ชื่อหรือนามสกุลภาษาไทยต้องไม่ว่าง' });
      await repository.updatePerson(trx, personId, {
        [column]: value,
        search_text: personSearchText({
          firstNameTh: next.first_name_th,
          lastNameTh: next.last_name_th,
          firstNameEn: next.first_name_en,
          lastNameEn: next.last_name_en,
        }),
      });
      await repository.addEvent(trx, {
        personId,
        module: 'registry',
        kind: 'corrected',
        summaryTh: 'แก้ไขข้อมูลตามคำขอของเจ้าของข้อมูล (1 รายการ)',
        summaryEn: 'Record corrected at the person’s request (1 field)',
        data: { fields: [column], requestId },
        actorUserId: ctx.actor.userId,
      });
      await recordAudit(trx, ctx, {
        action: 'person.update',
        entityType: 'person',
        entityId: String(personId),
        provinceCode: locked.province_code,
        after: { fields: [column], pdpaRequestId: requestId },
      });
    },
    /** The duty that keeps the record (a loan still owed), or null when it may be erased. */
    async erasureHold(personId: number) {
      return links.erasureRefusal(db, personId);
    },
  };
}
