import { bangkokDate } from '../../../shared/fiscal-year';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { recordAudit } from '../../platform/audit/audit.service';
import { scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { normalizeDocumentNumber, normalizeNationalId } from '../../../shared/national-id';
import { fullName } from '../../../shared/person-fields';
import { normalizePhone } from '../../platform/files/rows';
import type { PlaceNames } from '../geo/geo.service';
import type { RegistryAccess } from './registry.access';
import { field } from './registry.access';
import { provincesOf, registryPolicy } from './registry.policy';
import { maskDocument, presentEvent, presentPerson, presentPersonListItem, type Viewer } from './registry.present';
import * as repository from './registry.repository';
import type { ConsentPurpose, PersonInput } from './registry.service';

type Ctx = ActorContext;

/** The most rows one list export holds; a larger list is narrowed by area first. */
export const EXPORT_CAP = 50_000;

/**
 * A list filter as the append-only trail keeps it: the search text may be a national ID, a phone
 * or a name, so only what kind of text it was is kept (issue 15 §1); the other filters are codes.
 */
export const auditedFilter = <T extends { q?: string }>(query: T) => {
  const { q, ...rest } = query;
  if (q === undefined || q.trim() === '') return rest;
  const digits = q.replace(/[\s-]/g, '');
  const kind = /^\d{13}$/.test(digits) ? 'national-id' : /^\+?\d{9,12}$/.test(digits) ? 'phone-or-number' : 'name-or-text';
  return { ...rest, q: { withheld: kind, length: q.length } };
};

const NO_PLACE: PlaceNames = { district_name_th: '', district_name_en: '', province_name_th: '', province_name_en: '' };
const placeNamesOf = (places: ReadonlyMap<string, PlaceNames>, districtCode: string) => places.get(districtCode) ?? NO_PLACE;

/** What the search box holds: a document number, a phone number, or words of a name. */
export function parseQuery(q: string | undefined): repository.PeopleFilter['q'] {
  const text = q?.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (!text) return undefined;
  const digits = normalizeNationalId(text);
  if (/^\d{13}$/.test(digits)) return { kind: 'document', docNumber: digits };
  const phone = normalizePhone(text);
  if (phone && /^[\d\s\-+()]+$/.test(text)) return { kind: 'phone', phone };
  // Other documents are stored as their letters and digits (a dashed passport number finds its record).
  const document = normalizeDocumentNumber('passport', text);
  if (/^[A-Z]{1,3}\d{5,}$/.test(document)) return { kind: 'document', docNumber: document };
  return { kind: 'name', parts: text.split(' '), text };
}

/** People: registering, correcting, finding and reading them, their timelines and exports. */
export function createPeopleService(access: RegistryAccess) {
  const {
    db,
    geo,
    identity,
    ref,
    refuse,
    viewerFor,
    requirePerson,
    readablePerson,
    writablePerson,
    unitOf,
    checkPersonInput,
    personColumns,
    normalizeDoc,
    duplicateDocument,
    personDetail,
    registrationsChanged,
  } = access;

  /** Writes a new person with their consents, timeline event and audit: an officer's registration or a citizen's own. */
  const insertRegistered = async (
    trx: Transaction<DB>,
    ctx: Ctx,
    input: PersonInput & { consents: { purpose: ConsentPurpose; evidence?: string | null }[] },
    area: { districtCode: string; provinceCode: string },
    source: 'officer' | 'self',
  ): Promise<number | null> => {
    const unitCode = source === 'officer' ? unitOf(ctx.actor) : null;
    const inserted = await repository.insertPerson(trx, {
      doc_type: input.docType,
      doc_number: input.docNumber,
      ...personColumns(input, area),
      registered_unit_code: unitCode,
      source,
    });
    if (!inserted) return null;
    const newId = inserted.id;
    await registrationsChanged(trx, [{ on: bangkokDate(new Date(inserted.created_at)), provinceCode: area.provinceCode, delta: 1 }]);
    await access.tellPeopleAdded(trx, [newId]);
    for (const c of input.consents) {
      await repository.insertConsent(trx, {
        person_id: newId,
        purpose: c.purpose,
        lawful_basis: c.purpose === 'sensitive-data' ? 'explicit-consent' : 'consent',
        evidence: c.evidence ?? (source === 'self' ? 'Given by the person herself, signed in with ThaiD' : null),
        recorded_by: ctx.actor.userId,
        unit_code: unitCode,
      });
    }
    await repository.addEvent(trx, {
      personId: newId,
      module: 'registry',
      kind: 'registered',
      summaryTh: source === 'self' ? 'ลงทะเบียนด้วยตนเอง (ยืนยันตัวตนด้วย ThaiD)' : `ลงทะเบียนโดย ${ctx.actor.displayName}`,
      summaryEn: source === 'self' ? 'Registered themself (identity proven with ThaiD)' : `Registered by ${ctx.actor.displayName}`,
      actorUserId: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: String(newId),
      provinceCode: area.provinceCode,
      after: { source, consents: input.consents.map((c) => c.purpose) },
      ...(source === 'self' ? { subjectPersonId: newId } : {}),
    });
    return newId;
  };

  const service = {
    /**
     * For another module about to write rows that point at these people (inside its transaction):
     * takes, in id order, the lock its foreign keys would take anyway, so that its own locks come
     * after the registry's and never in the opposite order to a registry change under way.
     */
    async holdPeople(trx: Executor, personIds: readonly number[]) {
      await repository.holdPeople(
        trx,
        [...new Set(personIds)].sort((a, b) => a - b),
      );
    },

    /**
     * What other modules' rules need of people (eligibility, names on certificates), read without
     * a scope check: the caller has checked its own. Inside the caller's transaction, pass it.
     */
    async facts(personIds: readonly number[], executor: Executor = db) {
      const rows = await repository.peopleByIds(executor, [...personIds]);
      return new Map(
        rows.map((p) => [
          p.id,
          {
            id: p.id,
            status: p.status,
            targetGroups: p.target_groups,
            birthDate: p.birth_date,
            provinceCode: p.province_code,
            districtCode: p.district_code,
            phone: p.phone,
            monthlyIncomeSatang: p.monthly_income_satang,
            title: p.title,
            nameTh: fullName({ title: p.title, first: p.first_name_th, last: p.last_name_th }, 'th'),
            nameEn: p.first_name_en && p.last_name_en ? fullName({ title: p.title, first: p.first_name_en, last: p.last_name_en }, 'en') : null,
            docNumberMasked: maskDocument(p.doc_type, p.doc_number),
            firstNameTh: p.first_name_th,
            lastNameTh: p.last_name_th,
            firstNameEn: p.first_name_en,
            lastNameEn: p.last_name_en,
            docType: p.doc_type,
            docNumber: p.doc_number,
          },
        ]),
      );
    },

    /**
     * For other modules, before acting on a person named in a request (enrolment, referral,
     * membership): refuses as reading the person's page would (404 when there is no such person,
     * 403 out-of-scope when the caller may not read them), so no route reaches a person its
     * caller could not look up.
     */
    async requireReadablePerson(ctx: Ctx, personId: number): Promise<void> {
      await service.requireReadablePeople(ctx, [personId]);
    },
    /** The same for several people in one query: the first missing or unreadable one is refused. */
    async requireReadablePeople(ctx: Ctx, personIds: readonly number[]): Promise<void> {
      const rows = new Map((await repository.peopleByIds(db, [...new Set(personIds)])).map((p) => [p.id, p]));
      const scope = registryPolicy.readScope(ctx.actor);
      for (const id of personIds) {
        const person = rows.get(id);
        if (!person) throw problems.notFound({ en: `No person has id ${id}.`, th: `ไม่พบบุคคลรหัส ${id}` });
        if (!scopeIncludes(scope, person.province_code)) throw await refuse({ en: 'read this person', th: 'ดูข้อมูลบุคคลนี้' }, person.province_code, scope);
      }
    },

    /**
     * For other modules: who holds each of these document numbers (as normalised), a merged
     * record answering with its survivor; documents nobody holds are absent.
     */
    async personIdsByDocuments(docNumbers: readonly string[]) {
      const rows = await repository.peopleByDocuments(db, [...new Set(docNumbers)]);
      return new Map(rows.map((r) => [r.doc_number, r.merged_into ?? r.id]));
    },

    /** For other modules: locks the people's rows in id order inside the caller's transaction (no deadlock between overlapping sets). */
    lockPeople: (trx: Transaction<DB>, personIds: readonly number[]) => repository.lockPeople(trx, personIds),
    /** Gives a registered person their own citizen account; the officer hands over its one-time password. */
    async createCitizenAccount(ctx: Ctx, personId: number, input: { username: string }) {
      const person = await writablePerson(ctx, personId, { en: 'open an account for this person', th: 'สร้างบัญชีผู้ใช้ให้บุคคลนี้' });
      const created = await identity.createCitizenAccount(ctx, {
        personId,
        username: input.username,
        displayName: `${person.first_name_th} ${person.last_name_th}`,
      });
      await db.transaction().execute((trx) =>
        repository.addEvent(trx, {
          personId,
          module: 'registry',
          kind: 'account-opened',
          summaryTh: `เปิดบัญชีผู้ใช้ ${input.username} สำหรับเข้าใช้งานด้วยตนเอง`,
          summaryEn: `Citizen account ${input.username} opened`,
          actorUserId: ctx.actor.userId,
        }),
      );
      return { username: created.user.username, oneTimePassword: created.oneTimePassword };
    },
    /** The signed-in citizen's own record (PDPA right of access), never another's. */
    async myRecord(ctx: Ctx) {
      if (!ctx.actor.personId) throw problems.forbidden({ en: 'This account is not linked to a registered person.', th: 'บัญชีนี้ไม่ได้เชื่อมกับระเบียนบุคคล' });
      const person = await requirePerson(ctx.actor.personId);
      const viewer: Viewer = {
        sensitive: true,
        phone: true,
        sensitiveConsent: Boolean(await repository.standingConsent(db, person.id, 'sensitive-data')),
        sensitiveTargetGroups: (await ref()).sensitiveTargetGroups,
      };
      return presentPerson(person, viewer);
    },
    async listPeople(
      ctx: Ctx,
      query: { q?: string; province?: string; district?: string; targetGroup?: string; status?: 'active' | 'merged' | 'erased'; limit: number; offset: number },
    ) {
      const scope = registryPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await refuse({ en: 'reading the registry', th: 'ดูทะเบียนบุคคล' }, '', scope);
      const r = await ref();
      const filter: repository.PeopleFilter = {
        provinces: provincesOf(scope),
        provinceCode: query.province,
        districtCode: query.district,
        targetGroup: query.targetGroup,
        status: query.status,
        limit: query.limit,
        offset: query.offset,
        q: parseQuery(query.q),
      };
      // A sensitive target group is a filter on disability; only those who may see it may filter by it.
      if (query.targetGroup && r.sensitiveTargetGroups.has(query.targetGroup) && !registryPolicy.seesSensitive(ctx.actor)) {
        throw problems.forbidden({ en: 'Your role may not filter people by sensitive data.', th: 'บทบาทของคุณไม่มีสิทธิ์ค้นหาบุคคลตามข้อมูลอ่อนไหว' });
      }
      const [found, places] = await Promise.all([repository.searchPeople(db, filter), geo.districtNames()]);
      const phone = registryPolicy.seesPhone(ctx.actor);
      return {
        items: found.items.map((p) =>
          presentPersonListItem({ ...p, ...placeNamesOf(places, p.district_code) }, { phone, sensitiveTargetGroups: r.sensitiveTargetGroups }),
        ),
        total: found.total,
        totalIsCapped: found.totalIsCapped,
      };
    },
    /** How many people the actor's area holds, by province and target group (sensitive groups only for those who see them). */
    async stats(ctx: Ctx) {
      const scope = registryPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await refuse({ en: 'reading the registry', th: 'ดูทะเบียนบุคคล' }, '', scope);
      const r = await ref();
      const stats = await repository.peopleStats(db, provincesOf(scope));
      const sees = registryPolicy.seesSensitive(ctx.actor);
      return {
        total: stats.byProvince.reduce((sum, p) => sum + p.n, 0),
        byProvince: stats.byProvince.map((p) => ({ provinceCode: p.province_code, count: p.n })).sort((a, b) => b.count - a.count),
        byTargetGroup: stats.byTargetGroup
          .filter((g) => sees || !r.sensitiveTargetGroups.has(g.code))
          .map((g) => ({ code: g.code, count: g.n }))
          .sort((a, b) => b.count - a.count),
      };
    },
    async getPerson(ctx: Ctx, id: number) {
      await readablePerson(ctx, id);
      return personDetail(ctx, id);
    },
    /** The full identity document; audited, because a masked number is what most work needs. */
    /**
     * The full identity numbers: the documents and, for viewers of sensitive data while the
     * consent stands, the disability card number (issue 15 §3). Each call is audited with the
     * reason given, which is kept encrypted under the person's key (it may name her).
     */
    async revealDocument(ctx: Ctx, id: number, reason: string) {
      const person = await requirePerson(id);
      const scope = registryPolicy.revealScope(ctx.actor);
      if (!scopeIncludes(scope, person.province_code))
        throw await refuse({ en: 'see full identity numbers', th: 'ดูเลขประจำตัวแบบเต็ม' }, person.province_code, scope);
      const identities = await repository.identitiesOf(db, id);
      const viewer = await viewerFor(ctx.actor, id);
      const card = viewer.sensitive && viewer.sensitiveConsent ? person.disability_card_no : null;
      await db.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          action: 'person.reveal_document',
          entityType: 'person',
          entityId: String(id),
          provinceCode: person.province_code,
          subjectPersonId: id,
          after: { reason, documents: identities.length, disabilityCard: card !== null },
          personal: ['reason'],
        }),
      );
      return { personId: id, identities: identities.map((i) => ({ docType: i.doc_type, docNumber: i.doc_number })), disabilityCardNo: card };
    },
    async registerPerson(ctx: Ctx, input: PersonInput & { consents?: { purpose: ConsentPurpose; evidence?: string | null }[] }) {
      const consents = input.consents ?? [];
      const area = await checkPersonInput(
        ctx,
        input,
        consents.some((c) => c.purpose === 'sensitive-data'),
      );
      const docNumber = normalizeDoc(input.docType, input.docNumber);
      const existing = await repository.personIdByDocument(db, input.docType, docNumber);
      if (existing !== null) throw await duplicateDocument(ctx, existing);
      const id = await db.transaction().execute((trx) => insertRegistered(trx, ctx, { ...input, docNumber, consents }, area, 'officer'));
      // Another officer registered the same document a moment earlier.
      if (id === null) throw await duplicateDocument(ctx, (await repository.personIdByDocument(db, input.docType, docNumber))!);
      return personDetail(ctx, id);
    },
    /**
     * Issue 21 §2: a citizen signed in with ThaiD registers herself, on the registry's form with her
     * national ID and name fixed from the verified token (the caller, identity's sign-in, fixes
     * them). The same checks and records as an officer's registration (consents with their lawful
     * basis, the timeline, the audit), source `self`, no unit and no area scope: she registers
     * only herself. `link` runs in the same transaction (her account gets its person). Answers
     * the new person's id, or the existing one when her ID was registered meanwhile (then linked).
     */
    async registerSelf(
      ctx: Ctx,
      input: PersonInput & { consents?: { purpose: ConsentPurpose; evidence?: string | null }[] },
      link: (trx: Transaction<DB>, personId: number) => Promise<void>,
    ): Promise<{ personId: number; created: boolean }> {
      const consents = input.consents ?? [];
      const area = await checkPersonInput(
        ctx,
        input,
        consents.some((c) => c.purpose === 'sensitive-data'),
        { self: true },
      );
      const docNumber = normalizeDoc(input.docType, input.docNumber);
      return db.transaction().execute(async (trx) => {
        const existing = await repository.personIdByDocument(trx, input.docType, docNumber);
        if (existing !== null) {
          await link(trx, existing);
          return { personId: existing, created: false };
        }
        const id = await insertRegistered(trx, ctx, { ...input, docNumber, consents }, area, 'self');
        if (id === null) {
          // Registered by someone else a moment earlier: hers is that record.
          const winner = (await repository.personIdByDocument(trx, input.docType, docNumber))!;
          await link(trx, winner);
          return { personId: winner, created: false };
        }
        await link(trx, id);
        return { personId: id, created: true };
      });
    },
    /** A correction. `version` is the one the officer saw: a change made meanwhile is not overwritten. */
    async updatePerson(ctx: Ctx, id: number, input: PersonInput & { version: number }) {
      const current = await writablePerson(ctx, id);
      const consent = await repository.standingConsent(db, id, 'sensitive-data');
      const area = await checkPersonInput(ctx, input, Boolean(consent));
      const docNumber = normalizeDoc(input.docType, input.docNumber);
      const columns = personColumns(input, area);
      const changed = Object.entries(columns)
        .filter(([k, v]) => k !== 'search_text' && JSON.stringify(v) !== JSON.stringify((current as unknown as Record<string, unknown>)[k]))
        .map(([k]) => k);
      const docChanged = docNumber !== current.doc_number || input.docType !== current.doc_type;
      await db.transaction().execute(async (trx) => {
        const locked = await repository.lockPerson(trx, id);
        if (!locked || locked.version !== input.version) {
          throw problems.conflict({
            en: 'Someone changed this record after you opened it. Reload and try again.',
            th: 'มีผู้อื่นแก้ไขข้อมูลนี้หลังจากที่คุณเปิด กรุณาโหลดใหม่แล้วลองอีกครั้ง',
          });
        }
        if (docChanged && (await repository.personIdByDocument(trx, input.docType, docNumber)) !== null) {
          throw problems.conflict({ en: 'The corrected document is already registered to another person.', th: 'เลขเอกสารที่แก้ไขลงทะเบียนไว้กับบุคคลอื่นแล้ว' }, [
            field('docNumber', 'duplicate-document', 'Already registered.', 'ลงทะเบียนไว้แล้ว'),
          ]);
        }
        await access.tellingPeopleDifference(trx, [id], () => repository.updatePerson(trx, id, { ...columns, doc_type: input.docType, doc_number: docNumber }));
        if (locked.province_code !== area.provinceCode) {
          const on = bangkokDate(new Date(locked.created_at));
          await registrationsChanged(trx, [
            { on, provinceCode: locked.province_code, delta: -1 },
            { on, provinceCode: area.provinceCode, delta: 1 },
          ]);
        }
        if (changed.includes('target_groups')) await access.peopleChanged(trx, [id]);
        const fields = [...changed, ...(docChanged ? ['doc_number'] : [])];
        await repository.addEvent(trx, {
          personId: id,
          module: 'registry',
          kind: 'corrected',
          summaryTh: `แก้ไขข้อมูล (${fields.length} รายการ)`,
          summaryEn: `Record corrected (${fields.length} fields)`,
          data: { fields },
          actorUserId: ctx.actor.userId,
        });
        // The audit trail names the fields, not their values: it must not keep what an erasure removes.
        await recordAudit(trx, ctx, {
          action: 'person.update',
          entityType: 'person',
          entityId: String(id),
          provinceCode: area.provinceCode,
          after: { fields },
        });
      });
      return personDetail(ctx, id);
    },
    async timeline(ctx: Ctx, id: number) {
      const person = await readablePerson(ctx, id);
      const events = await access.eventsOf({ personId: id });
      const items = events.map(presentEvent);
      // People registered by import have no event row each (a million rows, a million events):
      // their registration is told from the record itself.
      if (!events.some((e) => e.kind === 'registered')) {
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
    },
    /** A filtered list as CSV or XLSX rows (masked IDs); the export itself is audited. */
    async exportPeople(ctx: Ctx, query: { q?: string; province?: string; district?: string; targetGroup?: string; status?: 'active' | 'merged' | 'erased' }) {
      const rows: Awaited<ReturnType<typeof service.listPeople>>['items'] = [];
      for (let offset = 0; offset < EXPORT_CAP; offset += 1000) {
        const page = await service.listPeople(ctx, { ...query, limit: 1000, offset });
        rows.push(...page.items);
        if (page.items.length < 1000) break;
      }
      await db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, ctx, { action: 'person.export_list', entityType: 'person', after: { filter: auditedFilter(query), rows: rows.length } }),
        );
      return rows;
    },
    /** Everything held about a person, for their access request (PDPA s.30); the request is audited. */
    async exportPerson(ctx: Ctx, id: number) {
      const person = await readablePerson(ctx, id);
      if (!scopeIncludes(registryPolicy.revealScope(ctx.actor), person.province_code)) {
        throw await refuse({ en: "export a person's whole record", th: 'ส่งออกข้อมูลทั้งหมดของบุคคล' }, person.province_code, registryPolicy.revealScope(ctx.actor));
      }
      const [detail, identities, events, groups] = await Promise.all([
        personDetail(ctx, id),
        repository.identitiesOf(db, id),
        service.timeline(ctx, id),
        access.org.targetGroups(),
      ]);
      await db
        .transaction()
        .execute((trx) => recordAudit(trx, ctx, { action: 'person.export', entityType: 'person', entityId: String(id), provinceCode: person.province_code }));
      return {
        exportedAt: new Date().toISOString(),
        controller: 'Archeep — Department of Women’s Affairs and Family Development and partner agencies',
        person: { ...detail, identities: identities.map((i) => ({ docType: i.doc_type, docNumber: i.doc_number })) },
        timeline: events,
        /** The target groups' names, so a reader sees words rather than codes. */
        targetGroupNames: groups.filter((g) => detail.targetGroups.includes(g.code)).map((g) => ({ code: g.code, nameTh: g.nameTh, nameEn: g.nameEn })),
      };
    },
  };

  return service;
}
