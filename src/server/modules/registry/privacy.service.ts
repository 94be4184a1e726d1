import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit, shredAuditSubject } from '../../platform/audit/audit.service';
import { purgeImportsHolding } from './import/import.purge';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { PersonLinks } from './links/person-links';
import type { RegistryAccess } from './registry.access';
import { field } from './registry.access';
import { provincesOf, registryPolicy } from './registry.policy';
import { maskDocument } from './registry.present';
import * as repository from './registry.repository';
import type { ConsentPurpose } from './registry.service';

type Ctx = ActorContext;

/** PDPA and record keeping: consents, duplicates and merges, erasure. */
export function createPrivacyService(access: RegistryAccess, links: PersonLinks) {
  const { db, ref, refuse, findPerson, writablePerson, unitOf, personDetail, identity, peopleChanged, registrationsChanged, tellingPeopleDifference } = access;

  const service = {
    /** For other modules: does a standing consent for this purpose exist? */
    async hasConsent(personId: number, purpose: ConsentPurpose) {
      return Boolean(await repository.standingConsent(db, personId, purpose));
    },
    /** For other modules: of these people, those whose consent for this purpose stands. */
    async consentingPeople(personIds: readonly number[], purpose: ConsentPurpose) {
      return new Set(await repository.consentingPeople(db, personIds, purpose));
    },
    async giveConsent(ctx: Ctx, id: number, input: { purpose: ConsentPurpose; evidence?: string | null }) {
      const person = await writablePerson(ctx, id, { en: 'record consent for this person', th: 'บันทึกความยินยอมของบุคคลนี้' });
      if (await repository.standingConsent(db, id, input.purpose)) {
        throw problems.conflict({ en: `A consent for ${input.purpose} already stands.`, th: `มีความยินยอมสำหรับ ${input.purpose} อยู่แล้ว` });
      }
      await db.transaction().execute(async (trx) => {
        await repository.insertConsent(trx, {
          person_id: id,
          purpose: input.purpose,
          lawful_basis: input.purpose === 'sensitive-data' ? 'explicit-consent' : 'consent',
          evidence: input.evidence ?? null,
          recorded_by: ctx.actor.userId,
          unit_code: unitOf(ctx.actor),
        });
        await repository.addEvent(trx, {
          personId: id,
          module: 'registry',
          kind: 'consent-given',
          summaryTh: `ให้ความยินยอม: ${input.purpose}`,
          summaryEn: `Consent given: ${input.purpose}`,
          data: { purpose: input.purpose },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'consent.give',
          entityType: 'person',
          entityId: String(id),
          provinceCode: person.province_code,
          after: { purpose: input.purpose },
        });
      });
      return personDetail(ctx, id);
    },
    /** Withdrawing consent to sensitive data also removes that data: it may no longer be kept. */
    async withdrawConsent(ctx: Ctx, id: number, purpose: ConsentPurpose) {
      const person = await writablePerson(ctx, id, { en: 'record consent for this person', th: 'บันทึกความยินยอมของบุคคลนี้' });
      const r = await ref();
      await db.transaction().execute(async (trx) => {
        const withdrawn = await repository.withdrawConsent(trx, id, purpose);
        if (withdrawn.length === 0) throw problems.notFound({ en: `No standing consent for ${purpose}.`, th: `ไม่มีความยินยอมสำหรับ ${purpose} ที่ยังมีผล` });
        if (purpose === 'sensitive-data') {
          await tellingPeopleDifference(trx, [id], () =>
            repository.updatePerson(trx, id, {
              disability_type: null,
              disability_card_no: null,
              target_groups: person.target_groups.filter((g) => !r.sensitiveTargetGroups.has(g)),
            }),
          );
          await peopleChanged(trx, [id]);
        }
        await repository.addEvent(trx, {
          personId: id,
          module: 'registry',
          kind: 'consent-withdrawn',
          summaryTh: `ถอนความยินยอม: ${purpose}`,
          summaryEn: `Consent withdrawn: ${purpose}`,
          data: { purpose },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'consent.withdraw',
          entityType: 'person',
          entityId: String(id),
          provinceCode: person.province_code,
          after: { purpose },
        });
      });
      return personDetail(ctx, id);
    },
    async duplicates(ctx: Ctx, options: { limit: number; personId?: number }) {
      const scope = registryPolicy.writeScope(ctx.actor);
      if (scope.kind === 'none') throw await refuse({ en: 'reviewing duplicates', th: 'ตรวจสอบระเบียนซ้ำ' }, '', scope);
      const pairs = await repository.duplicateCandidates(db, provincesOf(scope), options.limit, options.personId);
      const ids = [...new Set(pairs.flatMap((p) => [p.a_id, p.b_id]))];
      const people = new Map((await Promise.all(ids.map((id) => findPerson(id)))).filter(Boolean).map((p) => [p!.id, p!]));
      const brief = (id: number) => {
        const p = people.get(id)!;
        return {
          id,
          docNumberMasked: maskDocument(p.doc_type, p.doc_number),
          title: p.title,
          firstNameTh: p.first_name_th,
          lastNameTh: p.last_name_th,
          birthDate: p.birth_date,
          districtNameTh: p.district_name_th,
          districtNameEn: p.district_name_en,
          source: p.source,
          createdAt: new Date(p.created_at).toISOString(),
        };
      };
      return pairs.map((p) => ({ a: brief(p.a_id), b: brief(p.b_id), score: Math.round(p.score * 100) / 100, sameName: p.same_name }));
    },
    /** Folds `duplicateId` into `survivorId`: every link moves, the duplicate points to the survivor. */
    async mergePeople(ctx: Ctx, survivorId: number, duplicateId: number) {
      if (survivorId === duplicateId)
        throw problems.validation([field('duplicateId', 'same-person', 'A record cannot be merged into itself.', 'รวมระเบียนเข้ากับตัวเองไม่ได้')]);
      const survivor = await writablePerson(ctx, survivorId, { en: 'merge records', th: 'รวมระเบียน' });
      const duplicate = await writablePerson(ctx, duplicateId, { en: 'merge records', th: 'รวมระเบียน' });
      const today = bangkokDate(new Date());
      await db.transaction().execute(async (trx) => {
        // Lock both, in id order, so two merges of the same pair cannot interleave.
        const locked = new Map<number, { province_code: string; created_at: Date }>();
        for (const id of [survivorId, duplicateId].sort((a, b) => a - b)) {
          const row = await repository.lockPerson(trx, id);
          if (row?.status !== 'active') throw problems.conflict({ en: `Person ${id} is no longer active.`, th: `บุคคลรหัส ${id} ไม่อยู่ในสถานะใช้งานแล้ว` });
          locked.set(id, row);
        }
        // The duplicate was counted once when registered; the merged person is one person.
        const gone = locked.get(duplicateId)!;
        await registrationsChanged(trx, [{ on: bangkokDate(new Date(gone.created_at)), provinceCode: gone.province_code, delta: -1 }]);
        // Every module's rows follow their declarations (`<module>.contract.ts`): memberships, consents, timeline, enrolments, …
        // Its breakdown facts (and those of its completions, placements, … that move to the survivor) follow.
        await tellingPeopleDifference(trx, [survivorId, duplicateId], async () => {
          await links.merge(trx, 'person', duplicateId, survivorId, today);
          await repository.updatePerson(trx, duplicateId, { status: 'merged', merged_into: survivorId });
          await repository.updatePerson(trx, survivorId, { target_groups: [...new Set([...survivor.target_groups, ...duplicate.target_groups])] });
        });
        await peopleChanged(trx, [survivorId, duplicateId]);
        await repository.addEvent(trx, {
          personId: survivorId,
          module: 'registry',
          kind: 'merged',
          summaryTh: `รวมระเบียนซ้ำ (รหัส ${duplicateId}) เข้ากับระเบียนนี้`,
          summaryEn: `Duplicate record ${duplicateId} merged into this one`,
          data: { duplicateId },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'person.merge',
          entityType: 'person',
          entityId: String(survivorId),
          provinceCode: survivor.province_code,
          after: { survivorId, duplicateId },
        });
      });
      return personDetail(ctx, survivorId);
    },
    /**
     * Erasure (PDPA s.33): names, numbers, contact and sensitive data are removed; what remains
     * (year of birth, area, target groups, group history) no longer identifies anyone and keeps
     * the statistics true. Refused while another module holds a legal duty to keep the record.
     * `alongside` runs in the erasure's own transaction, after it: a caller whose record of the
     * erasure must stand or fall with it (self-service's request) writes it there, so a death
     * between the two leaves neither.
     */
    async erasePerson(ctx: Ctx, id: number, reason: string, alongside?: (trx: Transaction<DB>) => Promise<void>) {
      const person = await writablePerson(ctx, id, { en: 'erase this person', th: 'ลบข้อมูลบุคคลนี้' });
      const duty = await links.erasureRefusal(db, id);
      if (duty) throw problems.conflict({ en: `The record must be kept: ${duty.en}`, th: `ต้องเก็บข้อมูลนี้ไว้: ${duty.th}` });
      const r = await ref();
      const documents = (await repository.identitiesOf(db, id)).map((d) => d.doc_number);
      const closed = await db.transaction().execute(async (trx) => {
        // Sensitive target groups go: the person's breakdown facts move to the groups that remain.
        await tellingPeopleDifference(trx, [id], () =>
          repository.updatePerson(trx, id, {
            status: 'erased',
            doc_type: 'other',
            doc_number: `erased-${id}`,
            title: 'other',
            first_name_th: 'ลบข้อมูลแล้ว',
            last_name_th: '-',
            first_name_en: null,
            last_name_en: null,
            birth_date: `${person.birth_date.slice(0, 4)}-01-01`,
            phone: null,
            house_no: null,
            village_no: null,
            disability_type: null,
            disability_card_no: null,
            target_groups: person.target_groups.filter((g) => !r.sensitiveTargetGroups.has(g)),
            monthly_income_satang: null,
            household_size: null,
            search_text: '',
          }),
        );
        // Every module's rows follow their declarations: consents end, the timeline goes, credentials are revoked, …
        await links.erase(trx, id);
        await peopleChanged(trx, [id]);
        // Her accounts close, the stored import files that hold her are purged, and her personal
        // values in the audit trail become unreadable (her key is destroyed; the chain still verifies).
        const accounts = await identity.closeAccountsOf(trx, id);
        const imports = await purgeImportsHolding(trx, documents);
        await shredAuditSubject(trx, id);
        await repository.addEvent(trx, {
          personId: id,
          module: 'registry',
          kind: 'erased',
          summaryTh: 'ลบข้อมูลส่วนบุคคลตามคำขอ',
          summaryEn: 'Personal data erased on request',
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'person.erase',
          entityType: 'person',
          entityId: String(id),
          provinceCode: person.province_code,
          subjectPersonId: id,
          // Not sealed: a key made now would outlive the erasure that destroyed hers.
          after: { reason, accountsClosed: accounts.length, importsPurged: imports },
        });
        await alongside?.(trx);
        return accounts;
      });
      identity.forgetAccounts(closed);
      return personDetail(ctx, id);
    },
  };

  return service;
}
