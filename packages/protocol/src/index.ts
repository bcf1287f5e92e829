/// <reference path="./crypto-key.ts" preserve="true" />
// (CryptoKey declared for projects compiled without the DOM library: see crypto-key.ts.)

export * from './ack';
// The /v1 wire contract: its types and plain constants here; its schemas from `@consent-ledger/protocol/api`.
export type * from './api';
export * from './api/constants';
export * from './catalogs';
export * from './checkpoint';
export * from './collector-jws';
export * from './config';
export * from './consent-cookie';
export * from './cosignature';
export * from './dpop';
export * from './encoding';
export * from './export';
export * from './export-statement';
export * from './ids';
export * from './ijson';
export * from './inclusion';
export * from './jcs';
export * from './jwk';
export * from './jws';
export * from './languages';
export * from './match';
export * from './merkle';
export * from './note-key';
export * from './notice';
export * from './proof';
export * from './proof-document';
export * from './receipt';
export * from './redaction';
export * from './resolve-notice';
export * from './result';
export * from './revision';
export * from './sha256';
export * from './texts';
export * from './tlog-witness';
export * from './uuid';
