import type { ReferenceValue } from '../../../shared/reference-match';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { scopeIncludes, type Actor, type Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { normalizeDocumentNumber } from '../../../shared/national-id';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { GeoService, SubdistrictPlace } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import { IGNORE_FACTS, factDifference, tellingDifference, type FactSink, type FactTally } from '../../platform/facts';
import { personSearchText } from './import/people-rows';
import { normalizePhone } from '../../platform/files/rows';
import { registryPolicy } from './registry.policy';
import { maskDocument, presentConsent, presentMembershipOfPerson, presentPerson, type Viewer } from './registry.present';
import * as groups from './groups.repository';
import * as repository from './registry.repository';
import type { PersonInput } from './registry.service';

type Ctx = ActorContext;

export const field = (name: string, code: string, en: string, th: string): FieldError => ({ field: `body.${name}`, code, message: en, messageTh: th });

const NO_SUBDISTRICT: SubdistrictPlace = {
  subdistrict_name_th: '',
  subdistrict_name_en: '',
  postcode: null,
  district_name_th: '',
  district_name_en: '',
  province_name_th: '',
  province_name_en: '',
};

/**
 * Told, inside the transaction that changed them, whose status or target groups changed (a
 * correction, a withdrawn consent to sensitive data, a merge, an erasure): another module that
 * keeps a copy of those facts (employment's matching) rebuilds it in the same transaction.
 */
/** The indicator the registry publishes: people registered (a merged duplicate no longer counts; an erased person does, by area). */
export const REGISTERED_INDICATOR = 'registry.registered';

/** A module's breakdown facts of some people (all with null): `registry.registered`'s, `training.completed`'s, … */
export type PeopleTally = (executor: Executor, personIds: readonly number[] | null) => Promise<readonly FactTally[]>;

export type PeopleChangedListener = (trx: Transaction<DB>, personIds: readonly number[]) => Promise<void>;

/**
 * What the registry's use cases share: reference data, the reading and changing of a person
 * within the actor's scope, and the person's page. Each use-case file (people, groups, privacy)
 * takes what it needs from here.
 */
export function createRegistryAccess(deps: { db: Kysely<DB>; geo: GeoService; org: OrgService; identity: IdentityService; facts?: FactSink }) {
  const { db, geo, org, identity } = deps;
  const tellFacts = deps.facts ?? IGNORE_FACTS;
  /**
   * Tells monitoring, inside the change's transaction, how people registered per province and
   * Bangkok day changed (`registry.registered`): a registration adds one on the day it was made,
   * a merge takes the duplicate away, a corrected address moves the person to another province.
   */
  const registrationsChanged = (trx: Transaction<DB>, changes: readonly { on: string; provinceCode: string; delta: number }[]) =>
    tellFacts(
      trx,
      changes.filter((c) => c.delta !== 0).map((c) => ({ indicator: REGISTERED_INDICATOR, ...c })),
    );
  /**
   * The breakdown facts that follow a person's record (district, target groups): the registry's
   * own and those modules register (a completion's, a placement's target group). A write that may
   * change them (registration, correction, merge, erasure, import) reads them for its people
   * before and after, in its transaction, and tells monitoring the difference.
   */
  const peopleTallies: PeopleTally[] = [(executor, ids) => repository.registrationBreakdown(executor, ids)];
  const onPeopleTallies = (tally: PeopleTally) => void peopleTallies.push(tally);
  const tallyPeople = async (executor: Transaction<DB>, personIds: readonly number[]) => {
    const rows: FactTally[] = [];
    for (const tally of peopleTallies) rows.push(...(await tally(executor, personIds)));
    return rows;
  };
  /**
   * Runs `write` between two readings of the people's breakdown facts and tells the difference;
   * the people may be read each time (an import's batch: its new people exist only after).
   */
  const tellingPeopleDifference = <T>(trx: Transaction<DB>, personIds: readonly number[] | (() => Promise<readonly number[]>), write: () => Promise<T>) =>
    tellingDifference(trx, tellFacts, async (t) => tallyPeople(t, typeof personIds === 'function' ? await personIds() : personIds), write);
  /** Tells new people's breakdown facts (nothing was counted for them before). */
  const tellPeopleAdded = async (trx: Transaction<DB>, personIds: readonly number[]) => {
    const changes = factDifference([], await tallyPeople(trx, personIds));
    if (changes.length) await tellFacts(trx, changes);
  };
  const changeListeners: PeopleChangedListener[] = [];
  /** Registers a module's reaction to people's changes (called once, when the services are wired). */
  const onPeopleChanged = (listener: PeopleChangedListener) => void changeListeners.push(listener);
  /** Tells every listener, inside the change's transaction. */
  const peopleChanged = async (trx: Transaction<DB>, personIds: readonly number[]) => {
    for (const listener of changeListeners) await listener(trx, personIds);
  };
  let reference: Promise<{
    areas: Map<string, { districtCode: string; provinceCode: string }>;
    targetGroups: Map<string, { code: string; sensitive: boolean }>;
    sensitiveTargetGroups: Set<string>;
    /** Target groups as reference values for the import's matcher (names and synonyms). */
    targetGroupValues: ReferenceValue[];
  }> | null = null;

  /** Sub-districts and target groups, read once: they change only with a new release. */
  const ref = () =>
    (reference ??= (async () => {
      const [areas, groups] = await Promise.all([geo.subdistrictAreas(), org.targetGroups()]);
      return {
        areas,
        targetGroups: new Map(groups.map((g) => [g.code, { code: g.code, sensitive: g.sensitive }])),
        sensitiveTargetGroups: new Set(groups.filter((g) => g.sensitive).map((g) => g.code)),
        targetGroupValues: groups.map((g) => ({ code: g.code, th: g.nameTh, en: g.nameEn, aliases: g.aliases })),
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

  /** 403 naming the record's province and the actor's area (`geo.outOfScope`, as every module refuses). */
  const refuse = (what: { en: string; th: string }, provinceCode: string, scope: Scope) => geo.outOfScope(what, provinceCode ? [provinceCode] : [], scope);

  /** A person row with the names of their sub-district, district and province (geography's). */
  const withPlace = async <T extends { subdistrict_code: string }>(row: T) => {
    const place = (await geo.placeIndex()).subdistricts.get(row.subdistrict_code);
    return { ...row, ...(place ?? NO_SUBDISTRICT) };
  };
  const findPerson = async (id: number): Promise<repository.PersonRow | undefined> => {
    const row = await repository.findPerson(db, id);
    return row && withPlace(row);
  };

  const requirePerson = async (id: number) => {
    const person = await findPerson(id);
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
  async function checkPersonInput(ctx: Ctx, input: PersonInput, sensitiveConsent: boolean, options: { self?: boolean } = {}) {
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
    // A citizen registering herself (issue 21 §2) lives anywhere: her record is her scope.
    if (options.self) return area!;
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

  const normalizeDoc = normalizeDocumentNumber;

  const duplicateDocument = async (ctx: Ctx, existingId: number) => {
    const existing = await findPerson(existingId);
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
      groups.membershipsOf(db, id),
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

  /** A person's or group's timeline, newest first, with the names of who acted (identity's). */
  const eventsOf = async (subject: { personId: number } | { groupId: number }) => {
    const events = await repository.eventsOf(db, subject, 200);
    const names = await identity.displayNames(events.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])));
    return events.map((e) => ({ ...e, actor_name: e.actor_user_id ? (names.get(e.actor_user_id) ?? null) : null }));
  };

  return {
    eventsOf,
    db,
    geo,
    org,
    identity,
    onPeopleChanged,
    peopleChanged,
    registrationsChanged,
    onPeopleTallies,
    tallyPeople,
    tellingPeopleDifference,
    tellPeopleAdded,
    ref,
    viewerFor,
    refuse,
    withPlace,
    findPerson,
    requirePerson,
    readablePerson,
    writablePerson,
    unitOf,
    checkPersonInput,
    personColumns,
    normalizeDoc,
    duplicateDocument,
    personDetail,
  };
}

export type RegistryAccess = ReturnType<typeof createRegistryAccess>;
