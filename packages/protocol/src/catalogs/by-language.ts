// Each language's catalog alone (`@consent-ledger/protocol/catalogs`), for a bundle that needs a few of
// them only (the auditor UI's four languages): unlike index.ts's `catalogs`, naming one brings no other.
export * from './bg';
export * from './cs';
export * from './da';
export * from './de';
export * from './el';
export * from './en';
export * from './es';
export * from './et';
export * from './fi';
export * from './fr';
export * from './ga';
export * from './hr';
export * from './hu';
export * from './it';
export * from './lt';
export * from './lv';
export * from './mt';
export * from './nl';
export * from './pl';
export * from './pt';
export * from './ro';
export * from './sk';
export * from './sl';
export * from './sv';
