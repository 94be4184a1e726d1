import { createRegistryQuality } from './quality.service';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { LinkDeclaration } from '../../platform/contract';
import type { Executor } from '../../db/executor';
import type { FactSink } from '../../platform/facts';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import { createGroupsService } from './groups.service';
import { createPersonLinks } from './links/person-links';
import { createPeopleService } from './people.service';
import { createPrivacyService } from './privacy.service';
import { createOwnRecordService } from './own-record.service';
import { createRegistryAccess } from './registry.access';
import { maskDocument } from './registry.present';
import * as repository from './registry.repository';

export { EXPORT_CAP, parseQuery } from './people.service';
export { groupSearchText } from './groups.service';
export { CORRECTABLE_FIELDS, type CorrectableField } from './own-record.service';

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

/**
 * The registry: people, occupation groups, and what PDPA asks of their records. Its use cases live
 * in people, groups and privacy services over one shared access layer; merges and erasures follow
 * every module's declared links (`links`).
 */
export function createRegistryService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  identity: IdentityService;
  /** Every declared link to people and groups (`ALL_CONTRACTS`: the modules and the platform): merges and erasures follow them. */
  links: readonly LinkDeclaration[];
  /** Monitoring's recorder: registrations are told to it in their transactions. */
  facts?: FactSink;
}) {
  const links = createPersonLinks(deps.links);
  const access = createRegistryAccess(deps);
  return {
    links,
    reference: access.ref,
    onPeopleChanged: access.onPeopleChanged,
    /** People registered per province and Bangkok day, from the records: monitoring's rebuild reads it. */
    registrationTally: () => repository.registrationTally(deps.db),
    /** Per province, people without a usable sub-district or a target group (monitoring's data quality). */
    dataQuality: createRegistryQuality(deps).dataQuality,
    /** For imports: tells monitoring what a batch did to registrations, inside its transaction. */
    registrationsChanged: access.registrationsChanged,
    /** `registry.registered` by district and target group, of everyone (null) or some people: monitoring's rebuild. */
    breakdownTally: (personIds: readonly number[] | null) => repository.registrationBreakdown(deps.db, personIds),
    /** People's target groups, for other modules' target-group breakdowns (inside the caller's transaction when given). */
    targetGroupsOf: (personIds: readonly number[], executor: Executor = deps.db) => repository.targetGroupsOf(executor, personIds),
    /** A module's breakdown facts that follow people's records (their district, target groups), retold when a record changes. */
    onPeopleTallies: access.onPeopleTallies,
    /** For imports: runs a batch's write between two readings of its people's breakdown facts, telling the difference. */
    tellingPeopleDifference: access.tellingPeopleDifference,

    /** For imports: the target groups as reference values (names and synonyms) for the matcher. */
    targetGroupValues: async () => (await access.ref()).targetGroupValues,

    /** A document number masked as every role that does not need it sees it. */
    maskDocument,

    /** Adds an event to a person's or group's timeline, inside the caller's transaction. */
    addTimelineEvent: (trx: Transaction<DB>, event: repository.TimelineEvent) => repository.addEvent(trx, event),

    ...createPeopleService(access),
    ...createGroupsService(access),
    ...createPrivacyService(access, links),
    ...createOwnRecordService(access, links),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
