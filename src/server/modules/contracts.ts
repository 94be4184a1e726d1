import { PLATFORM_CONTRACTS, type ModuleContract } from '../platform/contract';
import { competencyContract } from './competency/competency.contract';
import { employmentContract } from './employment/employment.contract';
import { enterpriseContract } from './enterprise/enterprise.contract';
import { marketplaceContract } from './marketplace/marketplace.contract';
import { fundingContract } from './funding/funding.contract';
import { monitoringContract } from './monitoring/monitoring.contract';
import { credentialsContract } from './credentials/credentials.contract';
import { geoContract } from './geo/geo.contract';
import { identityContract } from './identity/identity.contract';
import { orgContract } from './org/org.contract';
import { registryContract } from './registry/registry.contract';
import { trainingContract } from './training/training.contract';
import { notificationsContract } from './notifications/notifications.contract';
import { selfserviceContract } from './selfservice/selfservice.contract';

/**
 * Every module's declaration of its tables and its links to people and groups. A new module adds
 * its `<name>.contract.ts` here; the registry's merge and erasure and the architecture test read
 * this list.
 */
export const MODULE_CONTRACTS: readonly ModuleContract[] = [
  geoContract,
  orgContract,
  identityContract,
  registryContract,
  trainingContract,
  credentialsContract,
  competencyContract,
  employmentContract,
  enterpriseContract,
  marketplaceContract,
  fundingContract,
  monitoringContract,
  notificationsContract,
  selfserviceContract,
];

/** Modules and the platform together: every table of the database has exactly one owner here. */
export const ALL_CONTRACTS: readonly ModuleContract[] = [...PLATFORM_CONTRACTS, ...MODULE_CONTRACTS];

/** Table → owning module. */
export const tableOwners = (contracts: readonly ModuleContract[] = ALL_CONTRACTS) =>
  new Map(contracts.flatMap((c) => c.tables.map((t) => [t, c.module] as const)));
