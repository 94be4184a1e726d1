import type { Capability } from '../shared/capabilities';
import type common from './i18n/common/th';
import { BUILT_MODULES, MODULES, type ModuleName } from './features/modules/modules';

type NavKey = keyof (typeof common)['nav'];

/** One entry of the navigation: where it goes, its label (a key of the common texts), its section. */
export interface NavEntry {
  to: string;
  label: `nav.${NavKey}`;
  section: 'mine' | 'modules' | 'reference';
  /** Also offered among the home page's quick links. */
  quick?: boolean;
}

/**
 * What a module's entry needs: a built module's page answers only those its policy lets in; a
 * module not built yet shows what it will do, to anyone who works in the programme.
 */
const MODULE_NEEDS: Partial<Record<ModuleName, Capability>> = {
  registry: 'people.read',
  employment: 'employment.read',
  enterprise: 'enterprise.read',
  funding: 'funding.read',
  marketplace: 'marketplace.read',
  monitoring: 'monitoring.read',
};

/**
 * The navigation for an account, from the capabilities the server computed with the policies it
 * enforces (`GET /api/auth/me`): an entry is shown only where its page will not be refused. The
 * home page's quick links are the entries marked `quick`.
 */
export function navigation(capabilities: readonly Capability[]): NavEntry[] {
  const can = (c: Capability) => capabilities.includes(c);
  const entries: NavEntry[] = [];
  if (can('own-records')) {
    entries.push(
      { to: '/my/courses', label: 'nav.myCourses', section: 'mine', quick: true },
      { to: '/my/certificates', label: 'nav.myCertificates', section: 'mine', quick: true },
      { to: '/my/qualifications', label: 'nav.myQualifications', section: 'mine', quick: true },
      { to: '/my/employment', label: 'nav.myEmployment', section: 'mine', quick: true },
      { to: '/my/loans', label: 'nav.myLoans', section: 'mine', quick: true },
      { to: '/my/shop', label: 'nav.myShop', section: 'mine', quick: true },
      { to: '/my/notifications', label: 'nav.myNotifications', section: 'mine', quick: true },
      { to: '/my/archeep', label: 'nav.myArcheep', section: 'mine', quick: true },
      { to: '/my/data', label: 'nav.myData', section: 'mine', quick: true },
      { to: '/my/grievances', label: 'nav.myGrievances', section: 'mine', quick: true },
    );
  }
  if (can('marketplace.partner')) entries.push({ to: '/marketplace/partner', label: 'nav.partnerGroups', section: 'mine', quick: true });
  if (can('employer')) entries.push({ to: '/employment', label: 'nav.employerPortal', section: 'mine', quick: true });
  entries.push({ to: '/', label: 'nav.home', section: 'mine' });
  if (can('programme')) {
    for (const module of MODULES) {
      const needs = MODULE_NEEDS[module];
      if (needs && !can(needs)) continue;
      entries.push({ to: `/${module}`, label: `nav.${module}`, section: 'modules', quick: BUILT_MODULES.includes(module) });
    }
  } else {
    entries.push({ to: '/training/curricula', label: 'nav.curricula', section: 'modules', quick: true });
  }
  // Monitoring's reports and data quality answer the same readers as its overview.
  if (can('programme') && can('monitoring.read'))
    entries.push(
      { to: '/monitoring/reports', label: 'nav.monitoringReports', section: 'modules' },
      { to: '/monitoring/data-quality', label: 'nav.dataQuality', section: 'modules' },
    );
  entries.push({ to: '/areas', label: 'nav.areas', section: 'reference', quick: true });
  if (can('units.read')) entries.push({ to: '/org', label: 'nav.org', section: 'reference', quick: true });
  if (can('users.read')) entries.push({ to: '/users', label: 'nav.users', section: 'reference', quick: true });
  if (can('audit.read')) entries.push({ to: '/audit', label: 'nav.audit', section: 'reference' });
  if (can('notifications.outbox')) entries.push({ to: '/notifications/outbox', label: 'nav.notificationsOutbox', section: 'reference' });
  if (can('selfservice.queues'))
    entries.push(
      { to: '/selfservice/requests', label: 'nav.pdpaRequests', section: 'modules' },
      { to: '/selfservice/grievances', label: 'nav.grievances', section: 'modules' },
    );
  return entries;
}
