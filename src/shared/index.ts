/**
 * Pure helpers shared by the server and the browser: no Node-only imports here, so Vite can bundle
 * them for the web app as they are.
 */
export * from './national-id';
export * from './fiscal-year';
export * from './thai-date';
export * from './money';
