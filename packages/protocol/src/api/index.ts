// The wire contract of `/v1`, defined once: valibot schemas (for the collector, which checks
// requests with them and generates /openapi.json from them) and the types inferred from them (for
// every client: `@consent-ledger/protocol` re-exports the types only, so no schema reaches a browser).
export * from './admin';
export * from './audit';
export * from './constants';
export * from './documents';
export * from './errors';
export * from './public';
export * from './visitor';
