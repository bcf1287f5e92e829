export { type Collector, type CollectorOptions, createCollector } from './app';
export {
  type Encoded,
  type EncodedAnswer,
  type Encoding,
  encodeAll,
  preferredEncoding,
  sendEncoded,
} from './compression';
export { notModified, type Validators } from './conditional';
export { type CollectorContext, DEFAULT_LIMITS, type Limits } from './context';
export { Cosigner, type CosignerOptions, type CosignerStore } from './cosigner';
export { contentAddressed } from './embed-files';
export type { AppEnv, AppVariables } from './env';
export { ApiError, type ApiErrorCode, errorBody, errorResponse } from './errors';
export {
  type ExportRange,
  type ExportSigner,
  type PreparedExport,
  prepareCsvExport,
  prepareNdjsonExport,
  streamOf,
} from './export-stream';
export { grantTimeline, subjectHistory } from './history';
export { checkpointOrigin, Integrator } from './integrator';
export type { IntegratorLock, IntegratorLockHandlers } from './integrator-lock';
export { parseAddress, rateKey, storedIp } from './ip';
export { type CollectorKey, collectorJwks, createCollectorKeyJwk, loadCollectorKey, type PrivateOkpJwk } from './keys';
export { type AttestedCount, attestLegacyRedactions } from './legacy-redactions';
export { Metrics } from './metrics';
export { openApiDocument } from './openapi';
export { parsePublicUrl } from './public-url';
export { eraseSubject, purgeExpired, type RedactedCount, redactWithEntry, startRetentionJob } from './retention';
export {
  type Published,
  type PublishFailure,
  type PublishOptions,
  type PublishResult,
  publishSite,
  signNotices,
} from './sites';
export { openSqliteStore } from './store/sqlite';
export type * from './store/types';
export { ALL_SITES, hashToken, issueToken, publicToken, TOKEN_PREFIX, TOKEN_ROLES, tokenExpired } from './tokens';
export {
  type ForwardingOptions,
  forwardedClient,
  PROXY_HEADERS,
  type ProxyHeader,
  parseTrustedProxies,
  type TrustedProxies,
} from './trusted-proxies';
export { createVerifier, DeviceKeys, type ReceiptVerifier } from './verifier';
export { createVerifyPool, type VerifyPool, type VerifyPoolOptions } from './verify-pool';
export { parseWitnessEndpoint, submitCheckpoint, type WitnessEndpoint, type WitnessReply } from './witness-client';
