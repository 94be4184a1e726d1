/** The English of a namespace: the same keys as the Thai, each a string (or a list, or a section). */
export type Texts<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { [K in keyof T]: Texts<T[K]> };

/** The namespaces loaded with a feature's pages, each from `features/<namespace>/i18n/<language>.ts`. */
export const FEATURE_NAMESPACES = [
  'geo',
  'org',
  'users',
  'audit',
  'modules',
  'registry',
  'training',
  'credentials',
  'employment',
  'enterprise',
  'funding',
  'marketplace',
  'monitoring',
  'notifications',
  'selfservice',
] as const;
export type FeatureNamespace = (typeof FEATURE_NAMESPACES)[number];
export type Language = 'th' | 'en';
export const LANGUAGES: readonly Language[] = ['th', 'en'];
