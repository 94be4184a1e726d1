/** The mission's modules, in the order of the journey from registration to income. */
export const MODULES = ['registry', 'training', 'credentials', 'employment', 'enterprise', 'funding', 'marketplace', 'monitoring'] as const;
export type ModuleName = (typeof MODULES)[number];

/** The modules built so far; the others show what they will do. */
export const BUILT_MODULES: readonly ModuleName[] = ['registry', 'training', 'credentials', 'employment', 'enterprise', 'funding', 'marketplace', 'monitoring'];
