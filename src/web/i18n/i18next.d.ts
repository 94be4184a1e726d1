import 'i18next';
import type audit from '../features/audit/i18n/th';
import type credentials from '../features/credentials/i18n/th';
import type employment from '../features/employment/i18n/th';
import type enterprise from '../features/enterprise/i18n/th';
import type funding from '../features/funding/i18n/th';
import type marketplace from '../features/marketplace/i18n/th';
import type geo from '../features/geo/i18n/th';
import type modules from '../features/modules/i18n/th';
import type monitoring from '../features/monitoring/i18n/th';
import type notifications from '../features/notifications/i18n/th';
import type org from '../features/org/i18n/th';
import type registry from '../features/registry/i18n/th';
import type training from '../features/training/i18n/th';
import type users from '../features/users/i18n/th';
import type selfservice from '../features/selfservice/i18n/th';
import type common from './common/th';

/** Typed keys: `t('people.title')` compiles only if the Thai texts have it. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      geo: typeof geo;
      org: typeof org;
      users: typeof users;
      audit: typeof audit;
      modules: typeof modules;
      registry: typeof registry;
      training: typeof training;
      credentials: typeof credentials;
      employment: typeof employment;
      enterprise: typeof enterprise;
      funding: typeof funding;
      marketplace: typeof marketplace;
      monitoring: typeof monitoring;
      notifications: typeof notifications;
      selfservice: typeof selfservice;
    };
  }
}
