// @consent-ledger/scanner: does a site keep the promises its Consent Ledger config makes? Scans it
// in the system Chromium and writes what it found: findings, a report, a cookie declaration.
export { type Attributor, attributor, CONSENT_LEDGER } from './attribute';
export { CHROMIUM_ARGS, findChromium } from './browser';
export { fetchConfig, type LoadedConfig, readConfigFile } from './config-source';
export { type Declaration, declaration } from './declaration';
export { declarationHtml, declarationMarkdown } from './declaration-render';
export { ScanError } from './errors';
export { failing, findings } from './findings';
export { htmlReport } from './html-report';
export * from './report';
export { type ScanOptions, type ScanResult, scanSite } from './scan';
export { summary } from './summary';
export { isReportLanguage, REPORT_LANGUAGES, type ReportLanguage } from './texts';
