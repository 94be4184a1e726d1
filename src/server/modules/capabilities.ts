import type { Capability } from '../../shared/capabilities';
import type { Actor } from '../platform/auth/actor';
import { auditPolicy } from '../platform/audit/audit.policy';
import { competencyPolicy } from './competency/competency.policy';
import { credentialsPolicy } from './credentials/credentials.policy';
import { employmentPolicy } from './employment/employment.policy';
import { enterprisePolicy } from './enterprise/enterprise.policy';
import { fundingPolicy } from './funding/funding.policy';
import { marketplacePolicy } from './marketplace/marketplace.policy';
import { identityPolicy } from './identity/identity.policy';
import { monitoringPolicy } from './monitoring/monitoring.policy';
import { notificationsPolicy } from './notifications/notifications.policy';
import { orgPolicy } from './org/org.policy';
import { registryPolicy } from './registry/registry.policy';
import { planningPolicy } from './training/planning/planning.policy';
import { trainingPolicy } from './training/training.policy';
import { selfservicePolicy } from './selfservice/selfservice.policy';

/**
 * Each capability the web app shows an entry for, asked of the policy function its service
 * enforces: a capability is true when the service would serve the actor somewhere. The list is
 * sent with `GET /api/auth/me`; test/journeys/navigation.journey.test.ts opens every entry the
 * navigation and home page show for each demo role and finds no refusal.
 */
const CHECKS: Record<Capability, (actor: Actor) => boolean> = {
  'own-records': (actor) => actor.personId !== null,
  employer: (actor) => employmentPolicy.isEmployer(actor),
  programme: (actor) => identityPolicy.worksForProgramme(actor),
  'employment.read': (actor) => employmentPolicy.readScope(actor).kind !== 'none',
  'enterprise.read': (actor) => enterprisePolicy.readScope(actor).kind !== 'none',
  'funding.read': (actor) => fundingPolicy.readScope(actor).kind !== 'none',
  'marketplace.read': (actor) => marketplacePolicy.readScope(actor).kind !== 'none',
  'marketplace.check': (actor) => marketplacePolicy.writeScope(actor).kind !== 'none',
  'marketplace.partner': (actor) => marketplacePolicy.isPartner(actor),
  'monitoring.read': (actor) => monitoringPolicy.readScope(actor).kind !== 'none',
  'people.read': (actor) => registryPolicy.readScope(actor).kind !== 'none',
  'people.write': (actor) => registryPolicy.writeScope(actor).kind !== 'none',
  'sessions.organise': (actor) => trainingPolicy.officerScope(actor).kind !== 'none' || trainingPolicy.providesForAny(actor),
  'planning.read': (actor) => planningPolicy.readScope(actor).kind !== 'none',
  'assessments.read': (actor) => competencyPolicy.readScope(actor).kind !== 'none' || competencyPolicy.isAssessor(actor),
  'assessments.organise': (actor) => competencyPolicy.officerScope(actor).kind !== 'none',
  'keys.manage': (actor) => credentialsPolicy.managesKeys(actor),
  'units.read': (actor) => orgPolicy.unitReadScope(actor).kind !== 'none',
  'users.read': (actor) => identityPolicy.canReadUsers(actor),
  'users.manage': (actor) => identityPolicy.canManageUsers(actor),
  'users.second-factor-reset': (actor) => identityPolicy.resetsSecondFactors(actor),
  'audit.read': (actor) => auditPolicy.reads(actor),
  'monitoring.targets': (actor) => monitoringPolicy.setsTargets(actor),
  'notifications.outbox': (actor) => notificationsPolicy.outboxScope(actor).kind !== 'none',
  'selfservice.queues': (actor) => selfservicePolicy.readScope(actor).kind !== 'none',
};

export const capabilitiesOf = (actor: Actor): Capability[] => (Object.keys(CHECKS) as Capability[]).filter((c) => CHECKS[c](actor));
