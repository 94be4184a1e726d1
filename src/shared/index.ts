export * from './national-id';
export * from './fiscal-year';
export * from './thai-date';
export * from './money';
