import type { Kysely, Transaction } from 'kysely';
import type { LinkDeclaration } from '../../platform/contract';
import { createPersonLinks } from './links/person-links';
import type { DB } from '../../db/schema';
import type { Actor, Scope } from '../../platform/auth/actor';
import { scopeIncludes } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { normalizeNationalId } from '../../../shared/national-id';
import { fullName } from '../../../shared/person-fields';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { GeoService, PlaceNames } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import { personSearchText } from './import/people-rows';
import { normalizePhone } from '../../platform/files/rows';
import { provincesOf, registryPolicy } from './registry.policy';
import { maskDocument, presentGroup, presentPerson, presentPersonListItem, type Viewer } from './registry.present';
import * as repository from './registry.repository';

type Ctx = ActorContext;

export const CONSENT_PURPOSES = ['sensitive-data', 'share-lazada', 'share-gsb', 'share-partners', 'contact'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface PersonInput {
  docType: string;
  docNumber: string;
  title: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn?: string | null;
  lastNameEn?: string | null;
  sex: string;
  birthDate: string;
  phone?: string | null;
  houseNo?: string | null;
  villageNo?: number | null;
  subdistrictCode: string;
  targetGroups: string[];
  disability?: { type: string; cardNo?: string | null } | null;
  education?: string | null;
  workStatus?: string | null;
  monthlyIncomeSatang?: number | null;
  householdSize?: number | null;
}

export interface GroupInput {
  name: string;
  type: string;
  registrationNo?: string | null;
  occupation: string;
  subdistrictCode: string;
  foundedOn?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

const field = (name: string, code: string, en: string, th: string): FieldError => ({ field: `body.${name}`, code, message: en, messageTh: th });

export function createRegistryService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  identity: IdentityService;
  /** Every module's declared links to people and groups (`MODULE_CONTRACTS`): merges and erasures follow them. */
  links: readonly LinkDeclaration[];
}) {
  const { db, geo, org, identity } = deps;
  const links = createPersonLinks(deps.links);
  let reference: Promise<{
    areas: Map<string, { districtCode: string; provinceCode: string }>;
    targetGroups: Map<string, { code: string; sensitive: boolean }>;
    sensitiveTargetGroups: Set<string>;
  }> | null = null;

  /** Sub-districts and target groups, read once: they change only with a new release. */
  const ref = () =>
    (reference ??= (async () => {
      const [areas, groups] = await Promise.all([geo.subdistrictAreas(), org.targetGroups()]);
      return {
        areas,
        targetGroups: new Map(groups.map((g) => [g.code, { code: g.code, sensitive: g.sensitive }])),
        sensitiveTargetGroups: new Set(groups.filter((g) => g.sensitive).map((g) => g.code)),
      };
    })());

  const viewerFor = async (actor: Actor, personId: number): Promise<Viewer> => {
    const r = await ref();
    const sees = registryPolicy.seesSensitive(actor);
    return {
      sensitive: sees,
      phone: registryPolicy.seesPhone(actor),
      sensitiveConsent: sees ? Boolean(await repository.standingConsent(db, personId, 'sensitive-data')) : false,
      sensitiveTargetGroups: r.sensitiveTargetGroups,
    };
  };

  const areaNames = async (codes: string[]) => {
    const provinces = await geo.provincesByCode(codes.slice(0, 5));
    return { en: provinces.map((p) => p.nameEn).join(', ') || 'no area', th: provinces.map((p) => p.nameTh).join(', ') || 'ไม่มีพื้นที่' };
  };

  /** 403 naming the record's province and the actor's area. */
  const refuse = async (what: { en: string; th: string }, provinceCode: string, scope: Scope) => {
    if (scope.kind === 'none') {
      return problems.forbidden({ en: `Your role does not include ${what.en}.`, th: `บทบาทของคุณไม่มีสิทธิ์${what.th}` });
    }
    const [place] = await geo.provincesByCode([provinceCode]);
    const mine = await areaNames(scope.kind === 'provinces' ? [...scope.codes] : []);
    return problems.outOfScope({
      en: `You cannot ${what.en} here: the record is in ${place?.nameEn ?? provinceCode}, outside your area (${mine.en}).`,
      th: `คุณไม่สามารถ${what.th}ได้ เพราะข้อมูลอยู่ในจังหวัด${place?.nameTh ?? provinceCode} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ (${mine.th})`,
    });
  };

  const requirePerson = async (id: number) => {
    const person = await repository.findPerson(db, id);
    if (!person) throw problems.notFound({ en: `No person has id ${id}.`, th: `ไม่พบบุคคลรหัส ${id}` });
    return person;
  };
  const readablePerson = async (ctx: Ctx, id: number) => {
    const person = await requirePerson(id);
    const scope = registryPolicy.readScope(ctx.actor);
    if (!scopeIncludes(scope, person.province_code)) throw await refuse({ en: 'read this person', th: 'ดูข้อมูลบุคคลนี้' }, person.province_code, scope);
    return person;
  };
  const writablePerson = async (ctx: Ctx, id: number, verb = { en: 'change this person', th: 'แก้ไขข้อมูลบุคคลนี้' }) => {
    const person = await requirePerson(id);
    const scope = registryPolicy.writeScope(ctx.actor);
    if (!scopeIncludes(scope, person.province_code)) throw await refuse(verb, person.province_code, scope);
    if (person.status !== 'active') {
      throw problems.conflict({
        en: `Person ${id} is ${person.status}; only an active record can change.`,
        th: `บุคคลรหัส ${id} มีสถานะ${person.status === 'merged' ? 'รวมระเบียนแล้ว' : 'ลบข้อมูลแล้ว'} แก้ไขไม่ได้`,
      });
    }
    return person;
  };
  /** The unit an officer registers people for: the first unit of their officer grants. */
  const unitOf = (actor: Actor) => actor.grants.find((g) => g.role === 'officer')?.unitCode ?? null;

  /** Checks what a schema cannot: the place, the scope, target groups, and consent for sensitive data. */
  async function checkPersonInput(ctx: Ctx, input: PersonInput, sensitiveConsent: boolean) {
    const r = await ref();
    const errors: FieldError[] = [];
    const area = r.areas.get(input.subdistrictCode);
    if (!area)
      errors.push(
        field('subdistrictCode', 'unknown-subdistrict', `${input.subdistrictCode} is not a sub-district code.`, `${input.subdistrictCode} ไม่ใช่รหัสตำบล`),
      );
    for (const [i, g] of input.targetGroups.entries()) {
      if (!r.targetGroups.has(g)) errors.push(field(`targetGroups[${i}]`, 'unknown-target-group', `${g} is not a target group.`, `${g} ไม่ใช่กลุ่มเป้าหมาย`));
    }
    const sensitive = Boolean(input.disability) || input.targetGroups.some((g) => r.sensitiveTargetGroups.has(g));
    if (sensitive && !sensitiveConsent) {
      errors.push(
        field(
          input.disability ? 'disability' : 'targetGroups',
          'sensitive-without-consent',
          'Disability is sensitive data (PDPA s.26): record the person’s explicit consent first.',
          'ข้อมูลความพิการเป็นข้อมูลอ่อนไหว (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 26) ต้องบันทึกความยินยอมโดยชัดแจ้งของเจ้าของข้อมูลก่อน',
        ),
      );
    }
    if (input.phone && !normalizePhone(input.phone))
      errors.push(field('phone', 'invalid-phone', 'A Thai phone number has 9–10 digits and starts with 0.', 'หมายเลขโทรศัพท์ต้องมี 9–10 หลัก ขึ้นต้นด้วย 0'));
    if (input.birthDate > bangkokDate(new Date())) errors.push(field('birthDate', 'future-date', 'The birth date is in the future.', 'วันเกิดอยู่ในอนาคต'));
    if (errors.length) throw problems.validation(errors);
    const scope = registryPolicy.writeScope(ctx.actor);
    if (!scopeIncludes(scope, area!.provinceCode)) throw await refuse({ en: 'register people', th: 'ลงทะเบียนบุคคล' }, area!.provinceCode, scope);
    return area!;
  }

  const personColumns = (input: PersonInput, area: { districtCode: string; provinceCode: string }) => ({
    title: input.title,
    first_name_th: input.firstNameTh.trim(),
    last_name_th: input.lastNameTh.trim(),
    first_name_en: input.firstNameEn?.trim() || null,
    last_name_en: input.lastNameEn?.trim() || null,
    sex: input.sex,
    birth_date: input.birthDate,
    phone: input.phone ? normalizePhone(input.phone) : null,
    house_no: input.houseNo?.trim() || null,
    village_no: input.villageNo ?? null,
    subdistrict_code: input.subdistrictCode,
    district_code: area.districtCode,
    province_code: area.provinceCode,
    target_groups: input.targetGroups,
    disability_type: input.disability?.type ?? null,
    disability_card_no: input.disability?.cardNo?.trim() || null,
    education: input.education ?? null,
    work_status: input.workStatus ?? null,
    monthly_income_satang: input.monthlyIncomeSatang ?? null,
    household_size: input.householdSize ?? null,
    search_text: personSearchText({
      firstNameTh: input.firstNameTh.trim(),
      lastNameTh: input.lastNameTh.trim(),
      firstNameEn: input.firstNameEn?.trim() || null,
      lastNameEn: input.lastNameEn?.trim() || null,
    }),
  });

  const normalizeDoc = (docType: string, docNumber: string) =>
    docType === 'th-id' ? normalizeNationalId(docNumber) : docNumber.replace(/\s+/g, '').toUpperCase();

  const duplicateDocument = async (ctx: Ctx, existingId: number) => {
    const existing = await repository.findPerson(db, existingId);
    const visible = existing && scopeIncludes(registryPolicy.readScope(ctx.actor), existing.province_code);
    return problems.conflict(
      {
        en: `This document is already registered${visible ? ` to person ${existingId}` : ' (in another area)'}; one person has one record.`,
        th: `เอกสารนี้ลงทะเบียนไว้แล้ว${visible ? ` (บุคคลรหัส ${existingId})` : ' (ในพื้นที่อื่น)'} หนึ่งคนมีได้เพียงหนึ่งระเบียน`,
      },
      [field('docNumber', 'duplicate-document', 'Already registered.', 'ลงทะเบียนไว้แล้ว')],
    );
  };

  const personDetail = async (ctx: Ctx, id: number) => {
    const person = await requirePerson(id);
    const viewer = await viewerFor(ctx.actor, id);
    const [identities, memberships, consents] = await Promise.all([
      repository.identitiesOf(db, id),
      repository.membershipsOf(db, id),
      repository.consentsOf(db, id),
    ]);
    return {
      ...presentPerson(person, viewer),
      identities: identities.map((i) => ({ docType: i.doc_type, docNumberMasked: maskDocument(i.doc_type, i.doc_number), primary: i.id === person.id })),
      memberships: memberships.map(presentMembershipOfPerson),
      consents: consents.map(presentConsent),
      canReveal: scopeIncludes(registryPolicy.revealScope(ctx.actor), person.province_code),
      citizenAccount: await identity.citizenAccountOf(id),
      canEdit: person.status === 'active' && scopeIncludes(registryPolicy.writeScope(ctx.actor), person.province_code),
    };
  };

  const service = {
    links,
    reference: ref,

    /** A document number masked as every role that does not need it sees it. */
    maskDocument,

    /** Adds an event to a person's or group's timeline, inside the caller's transaction. */
    addTimelineEvent: (trx: Transaction<DB>, event: repository.TimelineEvent) => repository.addEvent(trx, event),

    /**
     * What other modules' rules need of people (eligibility, names on certificates), read without
     * a scope check: the caller has checked its own.
     */
    async facts(personIds: number[]) {
      const rows = await repository.peopleByIds(db, personIds);
      return new Map(
        rows.map((p) => [
          p.id,
          {
            id: p.id,
            status: p.status,
            targetGroups: p.target_groups,
            birthDate: p.birth_date,
            provinceCode: p.province_code,
            title: p.title,
            nameTh: fullName({ title: p.title, first: p.first_name_th, last: p.last_name_th }, 'th'),
            nameEn: p.first_name_en && p.last_name_en ? fullName({ title: p.title, first: p.first_name_en, last: p.last_name_en }, 'en') : null,
            docNumberMasked: maskDocument(p.doc_type, p.doc_number),
          },
        ]),
      );
    },

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
    async revealDocument(ctx: Ctx, id: number) {
      const person = await requirePerson(id);
      const scope = registryPolicy.revealScope(ctx.actor);
      if (!scopeIncludes(scope, person.province_code))
        throw await refuse({ en: 'see full identity numbers', th: 'ดูเลขประจำตัวแบบเต็ม' }, person.province_code, scope);
      const identities = await repository.identitiesOf(db, id);
      await db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, ctx, { action: 'person.reveal_document', entityType: 'person', entityId: String(id), provinceCode: person.province_code }),
        );
      return { personId: id, identities: identities.map((i) => ({ docType: i.doc_type, docNumber: i.doc_number })) };
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
      const unitCode = unitOf(ctx.actor);
      const id = await db.transaction().execute(async (trx) => {
        const inserted = await repository.insertPerson(trx, {
          doc_type: input.docType,
          doc_number: docNumber,
          ...personColumns(input, area),
          registered_unit_code: unitCode,
          source: 'officer',
        });
        if (!inserted) return null;
        const newId = inserted.id;
        for (const c of consents) {
          await trx
            .insertInto('consent')
            .values({
              person_id: newId,
              purpose: c.purpose,
              lawful_basis: c.purpose === 'sensitive-data' ? 'explicit-consent' : 'consent',
              evidence: c.evidence ?? null,
              recorded_by: ctx.actor.userId,
              unit_code: unitCode,
            })
            .execute();
        }
        await repository.addEvent(trx, {
          personId: newId,
          module: 'registry',
          kind: 'registered',
          summaryTh: `ลงทะเบียนโดย ${ctx.actor.displayName}`,
          summaryEn: `Registered by ${ctx.actor.displayName}`,
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'person.create',
          entityType: 'person',
          entityId: String(newId),
          provinceCode: area.provinceCode,
          after: { source: 'officer', consents: consents.map((c) => c.purpose) },
        });
        return newId;
      });
      // Another officer registered the same document a moment earlier.
      if (id === null) throw await duplicateDocument(ctx, (await repository.personIdByDocument(db, input.docType, docNumber))!);
      return personDetail(ctx, id);
    },

    /** A correction. `version` is the one the officer saw: a change made meanwhile is not overwritten. */
    async updatePerson(ctx: Ctx, id: number, input: PersonInput & { version: number }) {
      const current = await writablePerson(ctx, id);
      const consent = await repository.standingConsent(db, id, 'sensitive-data');
      const area = await checkPersonInput(ctx, input, Boolean(consent));
      const docNumber = normalizeDoc(input.docType, input.docNumber);
      const columns = personColumns(input, area);
      const changed = Object.entries(columns)
        .filter(([k, v]) => k !== 'search_text' && JSON.stringify(v) !== JSON.stringify((current as Record<string, unknown>)[k]))
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
        await repository.updatePerson(trx, id, { ...columns, doc_type: input.docType, doc_number: docNumber });
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
      const events = await repository.eventsOf(db, { personId: id }, 200);
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

    /** For other modules: does a standing consent for this purpose exist? */
    async hasConsent(personId: number, purpose: ConsentPurpose) {
      return Boolean(await repository.standingConsent(db, personId, purpose));
    },

    async giveConsent(ctx: Ctx, id: number, input: { purpose: ConsentPurpose; evidence?: string | null }) {
      const person = await writablePerson(ctx, id, { en: 'record consent for this person', th: 'บันทึกความยินยอมของบุคคลนี้' });
      if (await repository.standingConsent(db, id, input.purpose)) {
        throw problems.conflict({ en: `A consent for ${input.purpose} already stands.`, th: `มีความยินยอมสำหรับ ${input.purpose} อยู่แล้ว` });
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('consent')
          .values({
            person_id: id,
            purpose: input.purpose,
            lawful_basis: input.purpose === 'sensitive-data' ? 'explicit-consent' : 'consent',
            evidence: input.evidence ?? null,
            recorded_by: ctx.actor.userId,
            unit_code: unitOf(ctx.actor),
          })
          .execute();
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
        const withdrawn = await trx
          .updateTable('consent')
          .set({ withdrawn_at: new Date() })
          .where('person_id', '=', id)
          .where('purpose', '=', purpose)
          .where('withdrawn_at', 'is', null)
          .returning('id')
          .execute();
        if (withdrawn.length === 0) throw problems.notFound({ en: `No standing consent for ${purpose}.`, th: `ไม่มีความยินยอมสำหรับ ${purpose} ที่ยังมีผล` });
        if (purpose === 'sensitive-data') {
          await repository.updatePerson(trx, id, {
            disability_type: null,
            disability_card_no: null,
            target_groups: person.target_groups.filter((g) => !r.sensitiveTargetGroups.has(g)),
          });
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
      const people = new Map((await Promise.all(ids.map((id) => repository.findPerson(db, id)))).filter(Boolean).map((p) => [p!.id, p!]));
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
        for (const id of [survivorId, duplicateId].sort((a, b) => a - b)) {
          const row = await repository.lockPerson(trx, id);
          if (row?.status !== 'active') throw problems.conflict({ en: `Person ${id} is no longer active.`, th: `บุคคลรหัส ${id} ไม่อยู่ในสถานะใช้งานแล้ว` });
        }
        // Every module's rows follow their declarations (`<module>.contract.ts`): memberships, consents, timeline, enrolments, …
        await links.merge(trx, 'person', duplicateId, survivorId, today);
        await repository.updatePerson(trx, duplicateId, { status: 'merged', merged_into: survivorId });
        await repository.updatePerson(trx, survivorId, { target_groups: [...new Set([...survivor.target_groups, ...duplicate.target_groups])] });
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

    /** Everything held about a person, for their access request (PDPA s.30); the request is audited. */
    async exportPerson(ctx: Ctx, id: number) {
      const person = await readablePerson(ctx, id);
      if (!scopeIncludes(registryPolicy.revealScope(ctx.actor), person.province_code)) {
        throw await refuse({ en: "export a person's whole record", th: 'ส่งออกข้อมูลทั้งหมดของบุคคล' }, person.province_code, registryPolicy.revealScope(ctx.actor));
      }
      const [detail, identities, events] = await Promise.all([personDetail(ctx, id), repository.identitiesOf(db, id), service.timeline(ctx, id)]);
      await db
        .transaction()
        .execute((trx) => recordAudit(trx, ctx, { action: 'person.export', entityType: 'person', entityId: String(id), provinceCode: person.province_code }));
      return {
        exportedAt: new Date().toISOString(),
        controller: 'Archeep — Department of Women’s Affairs and Family Development and partner agencies',
        person: { ...detail, identities: identities.map((i) => ({ docType: i.doc_type, docNumber: i.doc_number })) },
        timeline: events,
      };
    },

    /**
     * Erasure (PDPA s.33): names, numbers, contact and sensitive data are removed; what remains
     * (year of birth, area, target groups, group history) no longer identifies anyone and keeps
     * the statistics true. Refused while another module holds a legal duty to keep the record.
     */
    async erasePerson(ctx: Ctx, id: number, reason: string) {
      const person = await writablePerson(ctx, id, { en: 'erase this person', th: 'ลบข้อมูลบุคคลนี้' });
      const duty = await links.erasureRefusal(db, id);
      if (duty) throw problems.conflict({ en: `The record must be kept: ${duty.en}`, th: `ต้องเก็บข้อมูลนี้ไว้: ${duty.th}` });
      const r = await ref();
      await db.transaction().execute(async (trx) => {
        await repository.updatePerson(trx, id, {
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
        });
        // Every module's rows follow their declarations: consents end, the timeline goes, credentials are revoked, …
        await links.erase(trx, id);
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
          after: { reason },
        });
      });
      return personDetail(ctx, id);
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
        .execute((trx) => recordAudit(trx, ctx, { action: 'person.export_list', entityType: 'person', after: { filter: query, rows: rows.length } }));
      return rows;
    },

    // ------------------------------------------------------------ groups
    async listGroups(ctx: Ctx, query: { q?: string; type?: string; province?: string; limit: number; offset: number }) {
      const scope = registryPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await refuse({ en: 'reading occupation groups', th: 'ดูข้อมูลกลุ่มอาชีพ' }, '', scope);
      const found = await repository.searchGroups(db, {
        provinces: provincesOf(scope),
        q: query.q?.trim() || undefined,
        type: query.type,
        provinceCode: query.province,
        limit: query.limit,
        offset: query.offset,
      });
      return { items: found.items.map(presentGroup), total: found.total, totalIsCapped: found.totalIsCapped };
    },

    async getGroup(ctx: Ctx, id: number) {
      const group = await repository.findGroup(db, id);
      if (!group) throw problems.notFound({ en: `No occupation group has id ${id}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${id}` });
      const scope = registryPolicy.readScope(ctx.actor);
      if (!scopeIncludes(scope, group.province_code)) throw await refuse({ en: 'read this group', th: 'ดูข้อมูลกลุ่มนี้' }, group.province_code, scope);
      const members = await repository.membersOf(db, id);
      return { ...presentGroup(group), members: members.map(presentMember), canEdit: scopeIncludes(registryPolicy.writeScope(ctx.actor), group.province_code) };
    },

    async createGroup(ctx: Ctx, input: GroupInput & { members?: { personId: number; role: string; joinedOn: string }[] }) {
      const r = await ref();
      const area = r.areas.get(input.subdistrictCode);
      if (!area)
        throw problems.validation([
          field('subdistrictCode', 'unknown-subdistrict', `${input.subdistrictCode} is not a sub-district code.`, `${input.subdistrictCode} ไม่ใช่รหัสตำบล`),
        ]);
      if (input.registrationNo && input.type !== 'community-enterprise') {
        throw problems.validation([
          field('registrationNo', 'not-community-enterprise', 'Only a community enterprise has a registration number.', 'เลขทะเบียนมีเฉพาะวิสาหกิจชุมชน'),
        ]);
      }
      const scope = registryPolicy.writeScope(ctx.actor);
      if (!scopeIncludes(scope, area.provinceCode)) throw await refuse({ en: 'register groups', th: 'ลงทะเบียนกลุ่ม' }, area.provinceCode, scope);
      for (const m of input.members ?? []) await writablePerson(ctx, m.personId, { en: 'add this person to a group', th: 'เพิ่มบุคคลนี้เข้ากลุ่ม' });
      const id = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('occupation_group')
          .values({
            name: input.name.trim(),
            type: input.type,
            registration_no: input.registrationNo?.trim() || null,
            occupation: input.occupation,
            subdistrict_code: input.subdistrictCode,
            district_code: area.districtCode,
            province_code: area.provinceCode,
            founded_on: input.foundedOn ?? null,
            contact_name: input.contactName?.trim() || null,
            contact_phone: input.contactPhone ? normalizePhone(input.contactPhone) : null,
            registered_unit_code: unitOf(ctx.actor),
            source: 'officer',
            search_text: groupSearchText(input),
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!created) {
          throw problems.conflict(
            {
              en: 'A group with this registration number, or this name in this sub-district, is already registered.',
              th: 'มีกลุ่มที่ใช้เลขทะเบียนนี้ หรือชื่อนี้ในตำบลนี้ลงทะเบียนไว้แล้ว',
            },
            [field(input.registrationNo ? 'registrationNo' : 'name', 'duplicate-group', 'Already registered.', 'ลงทะเบียนไว้แล้ว')],
          );
        }
        await repository.addEvent(trx, {
          groupId: created.id,
          module: 'registry',
          kind: 'registered',
          summaryTh: `ลงทะเบียนกลุ่มโดย ${ctx.actor.displayName}`,
          summaryEn: `Group registered by ${ctx.actor.displayName}`,
          actorUserId: ctx.actor.userId,
        });
        for (const m of input.members ?? []) await addMembership(trx, ctx, created.id, input.name, m);
        await recordAudit(trx, ctx, {
          action: 'group.create',
          entityType: 'occupation_group',
          entityId: String(created.id),
          provinceCode: area.provinceCode,
          after: { name: input.name, type: input.type, members: (input.members ?? []).length },
        });
        return created.id;
      });
      return service.getGroup(ctx, id);
    },

    async addMember(ctx: Ctx, groupId: number, member: { personId: number; role: string; joinedOn: string }) {
      const group = await writableGroup(ctx, groupId);
      await writablePerson(ctx, member.personId, { en: 'add this person to a group', th: 'เพิ่มบุคคลนี้เข้ากลุ่ม' });
      await db.transaction().execute(async (trx) => {
        await addMembership(trx, ctx, groupId, group.name, member);
        await recordAudit(trx, ctx, {
          action: 'group.add_member',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.province_code,
          after: member,
        });
      });
      return service.getGroup(ctx, groupId);
    },

    /** Ends a membership (leaving, or before a new role): the old row stays as history. */
    async endMembership(ctx: Ctx, groupId: number, membershipId: number, input: { leftOn: string; reason?: string | null; newRole?: string | null }) {
      const group = await writableGroup(ctx, groupId);
      await db.transaction().execute(async (trx) => {
        const m = await trx
          .selectFrom('group_membership')
          .selectAll()
          .where('id', '=', membershipId)
          .where('group_id', '=', groupId)
          .forUpdate()
          .executeTakeFirst();
        if (!m || m.left_on !== null)
          throw problems.notFound({ en: `No current membership ${membershipId} in this group.`, th: `ไม่พบสมาชิกภาพรหัส ${membershipId} ที่ยังมีผลในกลุ่มนี้` });
        if (input.leftOn < m.joined_on)
          throw problems.validation([field('leftOn', 'before-joined', 'The end date is before the member joined.', 'วันที่สิ้นสุดอยู่ก่อนวันที่เข้าร่วม')]);
        await trx
          .updateTable('group_membership')
          .set({ left_on: input.leftOn, left_reason: input.reason ?? (input.newRole ? `role changed to ${input.newRole}` : null) })
          .where('id', '=', membershipId)
          .execute();
        if (input.newRole) await addMembership(trx, ctx, groupId, group.name, { personId: m.person_id, role: input.newRole, joinedOn: input.leftOn });
        else
          await repository.addEvent(trx, {
            personId: m.person_id,
            groupId,
            module: 'registry',
            kind: 'left-group',
            summaryTh: `ออกจากกลุ่ม ${group.name}`,
            summaryEn: `Left group ${group.name}`,
            actorUserId: ctx.actor.userId,
          });
        await recordAudit(trx, ctx, {
          action: input.newRole ? 'group.change_role' : 'group.end_membership',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.province_code,
          after: { membershipId, ...input },
        });
      });
      return service.getGroup(ctx, groupId);
    },

    async groupTimeline(ctx: Ctx, id: number) {
      await service.getGroup(ctx, id);
      return (await repository.eventsOf(db, { groupId: id }, 200)).map(presentEvent);
    },
  };

  async function writableGroup(ctx: Ctx, id: number) {
    const group = await repository.findGroup(db, id);
    if (!group) throw problems.notFound({ en: `No occupation group has id ${id}.`, th: `ไม่พบกลุ่มอาชีพรหัส ${id}` });
    const scope = registryPolicy.writeScope(ctx.actor);
    if (!scopeIncludes(scope, group.province_code)) throw await refuse({ en: 'change this group', th: 'แก้ไขข้อมูลกลุ่มนี้' }, group.province_code, scope);
    return group;
  }

  async function addMembership(trx: Transaction<DB>, ctx: Ctx, groupId: number, groupName: string, m: { personId: number; role: string; joinedOn: string }) {
    const added = await trx
      .insertInto('group_membership')
      .values({ group_id: groupId, person_id: m.personId, role: m.role, joined_on: m.joinedOn })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!added) throw problems.conflict({ en: `Person ${m.personId} is already a member of this group.`, th: `บุคคลรหัส ${m.personId} เป็นสมาชิกกลุ่มนี้อยู่แล้ว` });
    const role = { leader: ['ประธานกลุ่ม', 'leader'], committee: ['กรรมการ', 'committee member'], member: ['สมาชิก', 'member'] }[m.role as 'leader'] ?? [
      m.role,
      m.role,
    ];
    await repository.addEvent(trx, {
      personId: m.personId,
      groupId,
      module: 'registry',
      kind: 'joined-group',
      summaryTh: `เข้าร่วมกลุ่ม ${groupName} ในฐานะ${role[0]}`,
      summaryEn: `Joined ${groupName} as ${role[1]}`,
      data: { role: m.role },
      actorUserId: ctx.actor.userId,
    });
  }

  return service;
}

/** The most rows one list export holds; a larger list is narrowed by area first. */
export const EXPORT_CAP = 50_000;

export type RegistryService = ReturnType<typeof createRegistryService>;

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
  if (/^[a-z]{1,3}\d{5,}$/i.test(text)) return { kind: 'document', docNumber: text.toUpperCase() };
  return { kind: 'name', parts: text.split(' '), text };
}

export const groupSearchText = (g: { name: string; registrationNo?: string | null }) => [g.name, g.registrationNo].filter(Boolean).join(' ').toLowerCase();

function presentEvent(e: Awaited<ReturnType<typeof repository.eventsOf>>[number]) {
  return {
    id: e.id,
    occurredAt: new Date(e.occurred_at).toISOString(),
    module: e.module,
    kind: e.kind,
    summaryTh: e.summary_th,
    summaryEn: e.summary_en,
    actorName: e.actor_name,
    data: (e.data ?? null) as Record<string, unknown> | null,
  };
}
function presentConsent(c: Awaited<ReturnType<typeof repository.consentsOf>>[number]) {
  return {
    id: c.id,
    purpose: c.purpose,
    lawfulBasis: c.lawful_basis,
    givenAt: new Date(c.given_at).toISOString(),
    withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null,
    evidence: c.evidence,
  };
}
function presentMembershipOfPerson(m: Awaited<ReturnType<typeof repository.membershipsOf>>[number]) {
  return {
    id: m.id,
    groupId: m.group_id,
    groupName: m.group_name,
    groupType: m.group_type,
    role: m.role,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    leftReason: m.left_reason,
  };
}
function presentMember(m: Awaited<ReturnType<typeof repository.membersOf>>[number]) {
  return {
    id: m.id,
    personId: m.person_id,
    title: m.title,
    firstNameTh: m.first_name_th,
    lastNameTh: m.last_name_th,
    firstNameEn: m.first_name_en,
    lastNameEn: m.last_name_en,
    role: m.role,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    leftReason: m.left_reason,
  };
}
