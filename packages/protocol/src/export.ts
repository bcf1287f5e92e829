// Offline verification of an NDJSON export (docs/design.md, Wire formats, Export): what the CLI's
// `verify`, the auditor UI and anyone holding an export run, trusting nothing but the keys given.
// Memory stays O(log n + subjects): the root is folded from a frontier of complete subtrees as lines
// stream by, and only each subject's last leaf hash and granted purposes are kept for the chain.
// A partial export (format 2) ends with the collector's signed statement of what it holds.

import { type Checkpoint, type NoteKey, verifyCheckpoint } from './checkpoint';
import { type Cosignature, quorumProblem, verifyCosignatures } from './cosignature';
import { base64urlEncode } from './encoding';
import { type CheckedLine, checkLine, type ExportFailure, type ExportFailureCode } from './export-line';
import {
  type ExportRange,
  type ExportStatement,
  isExportRange,
  LineChain,
  verifyExportStatement,
} from './export-statement';
import { noteKeysOf } from './inclusion';
import { canonicalize } from './jcs';
import type { Jwks, OkpPublicJwk } from './jwk';
import { nodeHash, verifyInclusion } from './merkle';
import type { ExportHeader, PartialExportHeader } from './proof';
import type { KeyCache } from './receipt';
import { rangesCover } from './redaction';
import { sha256 } from './sha256';

export type { ExportFailure, ExportFailureCode } from './export-line';

/** The export format versions `verifyExport` reads: 1 (no `v` in the header) and 2. */
export const EXPORT_VERSIONS = [1, 2] as const;

/** The members an export header may have: all of these but `v` (format 2) and `range` (partial exports) are required. */
export const EXPORT_HEADER_MEMBERS = ['v', 'site', 'checkpoint', 'treeSize', 'keys', 'range'];

/** What the export holds. Dates are the collector's `receivedAt` from the receipts' acks. */
export interface ExportSummary {
  entries: number;
  receipts: number;
  notices: number;
  redacted: number;
  subjects: number;
  /** Receipts that deny a purpose the same subject's previous receipt granted. */
  withdrawals: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** The outcome of `verifyExport`. */
export interface ExportReport {
  ok: boolean;
  /** The header's format version (1 when it names none). */
  version: number | null;
  site: string | null;
  treeSize: number | null;
  /** The root recomputed from the entries (full export) or the checkpoint's (partial), base64url. */
  rootHash: string | null;
  /** False when no keys were given: the checkpoint and acks were checked against the export's own keys, which only proves self-consistency. */
  trustedKeys: boolean;
  partial: boolean;
  /** A partial export's range, as its signed statement gives it. */
  range: ExportRange | null;
  /** The signed statement closing a partial export, once it checked. */
  statement: ExportStatement | null;
  summary: ExportSummary;
  /** Redaction entries: the collector's signed statements of what it redacted. */
  redactions: number;
  /**
   * Redacted entries: how many per reason, the first indexes, and how many of them only a legacy
   * attestation covers (redacted before redaction entries existed: the collector's word alone).
   */
  redacted: { byReason: Record<string, number>; indexes: number[]; legacy: number };
  /** The first failures found, in order; `failureCount` counts them all. */
  failures: ExportFailure[];
  failureCount: number;
  /** With `witnesses`: the checkpoint's valid cosignatures by them, and how many were required. */
  witnessed: { quorum: number; cosignatures: Cosignature[] } | null;
}

/** Options of `verifyExport`. */
export interface VerifyExportOptions {
  /** The collector keys trusted (`GET /v1/keys`); else the export's own. */
  keys?: Jwks;
  /** Witnesses whose cosignatures of the checkpoint are required (`verify --witness`). */
  witnesses?: NoteKey[];
  /** How many of them (default: all). */
  witnessQuorum?: number;
  /** Milliseconds since the epoch: cosignatures dated well after it are invalid. */
  now?: number;
}

/** Failures and redacted indexes listed in a report; counts go on beyond. */
export const MAX_LISTED = 1000;
/** Lines whose signatures are checked concurrently (WebCrypto runs them off the main thread). */
const CHUNK = 256;
const KEY_CACHE_SIZE = 10_000;

/** True when `jwk` is one of `trusted`, member for member. */
function isTrusted(jwk: OkpPublicJwk, trusted: Jwks): boolean {
  try {
    const text = canonicalize(jwk);
    return trusted.keys.some((k) => canonicalize(k) === text);
  } catch {
    return false;
  }
}

/** What the chain check remembers of a subject. */
interface SubjectState {
  leaf: string;
  index: number;
  granted: string[];
}

class ExportVerifier {
  readonly report: ExportReport;
  private header: PartialExportHeader | ExportHeader | null = null;
  private keys: Jwks = { keys: [] };
  private checkpoint: Checkpoint | null = null;
  private readonly frontier: Array<{ level: number; hash: Uint8Array }> = [];
  private lastIndex = -1;
  private readonly subjects = new Map<string, SubjectState>();
  private readonly notices = new Set<string>();
  /** Leaf hashes of redacted receipts not yet named as a `prev`, with their index. */
  private readonly redactedLeaves = new Map<string, number>();
  private readonly keyCache: KeyCache = new Map();
  private readonly chain = new LineChain();
  /** Redacted lines' indexes, and the ranges redaction entries cover, by reason and time. */
  private readonly stubs = new Map<string, number[]>();
  private readonly covers = new Map<string, Array<{ ranges: Array<[number, number]>; legacy: boolean }>>();
  /** The statement line's JWS, and whether a line came after it. */
  private statement: string | null = null;
  private afterStatement = false;
  private readonly trusted: Jwks | undefined;

  constructor(private readonly options: VerifyExportOptions) {
    this.trusted = options.keys;
    this.report = {
      ok: false,
      version: null,
      site: null,
      treeSize: null,
      rootHash: null,
      trustedKeys: options.keys !== undefined,
      partial: false,
      range: null,
      statement: null,
      summary: {
        entries: 0,
        receipts: 0,
        notices: 0,
        redacted: 0,
        subjects: 0,
        withdrawals: 0,
        firstDate: null,
        lastDate: null,
      },
      redactions: 0,
      redacted: { byReason: {}, indexes: [], legacy: 0 },
      failures: [],
      failureCount: 0,
      witnessed: null,
    };
  }

  /** Records a failure: counted always, listed up to MAX_LISTED. */
  failure(index: number | null, code: ExportFailureCode, message: string): void {
    this.report.failureCount += 1;
    if (this.report.failures.length < MAX_LISTED) this.report.failures.push({ index, code, message });
  }

  /** Reads the header line; false when nothing after it can be checked. */
  async readHeader(line: string): Promise<boolean> {
    let header: Partial<PartialExportHeader>;
    try {
      header = JSON.parse(line);
    } catch {
      this.failure(null, 'bad-header', 'the first line is not JSON');
      return false;
    }
    const members = typeof header === 'object' && header !== null ? Object.keys(header) : [];
    if (
      typeof header !== 'object' ||
      header === null ||
      typeof header.site !== 'string' ||
      typeof header.checkpoint !== 'string' ||
      !Number.isSafeInteger(header.treeSize) ||
      typeof header.keys !== 'object' ||
      header.keys === null ||
      !Array.isArray(header.keys.keys) ||
      !members.every((m) => EXPORT_HEADER_MEMBERS.includes(m))
    ) {
      this.failure(
        null,
        'bad-header',
        'the first line is not an export header { v, site, checkpoint, treeSize, keys, range? } (no other member)',
      );
      return false;
    }
    const version = header.v === undefined ? 1 : header.v;
    if (!EXPORT_VERSIONS.includes(version as 1 | 2)) {
      this.failure(
        null,
        'bad-header',
        `export format ${JSON.stringify(header.v)} is not one this verifier reads (1, 2)`,
      );
      return false;
    }
    this.report.version = version;
    this.header = header as ExportHeader;
    this.report.site = header.site;
    this.report.treeSize = header.treeSize!;
    this.report.partial = header.range !== undefined;
    if (this.report.partial && !isExportRange(header.range)) {
      this.failure(null, 'bad-header', 'range must be { from, to }, each an ISO 8601 timestamp or null');
      return false;
    }
    this.keys = this.trusted ?? (header.keys as Jwks);
    if (this.trusted)
      for (const jwk of header.keys.keys)
        if (!isTrusted(jwk, this.trusted))
          this.failure(
            null,
            'bad-header',
            `the export lists a key that is not one of the trusted keys (kid ${String(jwk?.kid)})`,
          );
    const checkpoint = await verifyCheckpoint(header.checkpoint, noteKeysOf(this.keys));
    if (!checkpoint.ok) {
      this.failure(null, 'bad-checkpoint', checkpoint.error.message);
      return true;
    }
    this.checkpoint = checkpoint.value;
    if (!checkpoint.value.origin.endsWith(`/sites/${header.site}`))
      this.failure(
        null,
        'bad-checkpoint',
        `checkpoint origin ${checkpoint.value.origin} is not the log of ${header.site}`,
      );
    if (checkpoint.value.size !== header.treeSize)
      this.failure(
        null,
        'size-mismatch',
        `the header says ${header.treeSize} entries, its checkpoint ${checkpoint.value.size}`,
      );
    if (this.report.partial) this.report.rootHash = base64urlEncode(checkpoint.value.rootHash);
    if (this.options.witnesses) await this.checkWitnesses(header.checkpoint, this.options.witnesses);
    return true;
  }

  /** The checkpoint's cosignatures by the required witnesses. */
  private async checkWitnesses(note: string, witnesses: NoteKey[]): Promise<void> {
    const quorum = this.options.witnessQuorum ?? witnesses.length;
    const report = await verifyCosignatures(note, witnesses, { now: this.options.now });
    if (!report.ok) return;
    this.report.witnessed = { quorum, cosignatures: report.value.cosignatures };
    const problem = quorumProblem(report.value, witnesses, quorum);
    if (problem) this.failure(null, problem.code === 'no-quorum' ? 'no-quorum' : 'bad-cosignature', problem.message);
  }

  /** The checks of one line that need nothing from other lines. */
  check(line: string, position: number): Promise<CheckedLine> {
    return checkLine(line, position, {
      site: this.header!.site,
      keys: this.keys,
      partial: this.report.partial,
      keyCache: this.keyCache.size < KEY_CACHE_SIZE ? this.keyCache : undefined,
    });
  }

  /** The checks that need order: indexes, tree, chain links, notice references, proofs; then the summary. */
  fold(line: CheckedLine): void {
    for (const f of line.failures) this.failure(f.index, f.code, f.message);
    if (this.statement !== null && !this.afterStatement) {
      this.afterStatement = true;
      this.failure(line.index, 'bad-statement', 'a line follows the signed statement, which must be the last');
    }
    if (line.statement !== undefined) {
      if (this.statement !== null) this.failure(null, 'bad-statement', 'the export has two statement lines');
      this.statement = line.statement;
      return;
    }
    const s = this.report.summary;
    const index = line.index;
    if (index === null) return;
    if (line.leaf) this.chain.add(index, line.leaf);
    s.entries += 1;
    const treeSize = this.report.treeSize!;
    if (this.report.partial) {
      if (index <= this.lastIndex || index >= treeSize)
        this.failure(index, 'bad-index', `index ${index} is out of order or beyond the tree`);
      else if (
        line.leaf &&
        line.proof &&
        this.checkpoint &&
        !verifyInclusion(line.leaf, index, treeSize, line.proof, this.checkpoint.rootHash)
      ) {
        this.failure(index, 'bad-proof', `entry ${index} is not included in the checkpoint's tree`);
      }
    } else {
      if (index !== this.lastIndex + 1)
        this.failure(index, 'bad-index', `expected index ${this.lastIndex + 1}, got ${index}`);
      if (line.leaf) this.append(line.leaf);
    }
    this.lastIndex = Math.max(this.lastIndex, index);
    if (line.redacted) {
      s.redacted += 1;
      const by = this.report.redacted.byReason;
      by[line.redacted.reason] = (by[line.redacted.reason] ?? 0) + 1;
      if (this.report.redacted.indexes.length < MAX_LISTED) this.report.redacted.indexes.push(index);
      if (line.leaf) this.redactedLeaves.set(base64urlEncode(line.leaf), index);
      const key = redactionKey(line.redacted);
      const stubs = this.stubs.get(key);
      if (stubs) stubs.push(index);
      else this.stubs.set(key, [index]);
      return;
    }
    if (line.redaction) {
      const { indexes } = line.redaction;
      if (indexes[indexes.length - 1][1] > index)
        this.failure(index, 'bad-redaction', 'a redaction entry covers only entries before it');
      const key = redactionKey(line.redaction);
      this.covers.set(key, [...(this.covers.get(key) ?? []), { ranges: indexes, legacy: !!line.redaction.legacy }]);
      this.report.redactions += 1;
      return;
    }
    if (line.noticeHash) {
      s.notices += 1;
      this.notices.add(line.noticeHash);
      return;
    }
    const r = line.receipt;
    if (!r || !line.leaf) return;
    s.receipts += 1;
    const range = (this.header as PartialExportHeader).range;
    if (range && line.receivedAt && !inRange(line.receivedAt, range))
      this.failure(index, 'out-of-range', `received ${line.receivedAt}, outside the export's range`);
    if (!this.notices.has(r.textHash))
      this.failure(index, 'unknown-notice', `textHash ${r.textHash} names no earlier notice`);
    const state = this.subjects.get(r.subject);
    let previouslyGranted = state?.granted ?? [];
    if (r.prev !== (state?.leaf ?? null)) {
      const redactedAt = r.prev === null ? undefined : this.redactedLeaves.get(r.prev);
      if (redactedAt !== undefined && redactedAt > (state?.index ?? -1)) {
        // The previous receipt was redacted: the link holds, what it granted is gone.
        this.redactedLeaves.delete(r.prev!);
        previouslyGranted = [];
      } else if (!(this.report.partial && !state)) {
        this.failure(
          index,
          'prev-mismatch',
          state
            ? `prev is not the leaf hash of entry ${state.index}, the subject's previous receipt`
            : 'prev names no earlier receipt of this subject',
        );
      }
    }
    if (previouslyGranted.some((p) => r.choices[p] === 'denied')) s.withdrawals += 1;
    this.subjects.set(r.subject, {
      leaf: base64urlEncode(line.leaf),
      index,
      granted: Object.keys(r.choices).filter((p) => r.choices[p] === 'granted'),
    });
    s.subjects = this.subjects.size;
    if (line.receivedAt) {
      if (s.firstDate === null || line.receivedAt < s.firstDate) s.firstDate = line.receivedAt;
      if (s.lastDate === null || line.receivedAt > s.lastDate) s.lastDate = line.receivedAt;
    }
  }

  /** A partial export's closing statement: signed, and saying exactly what the lines and header say. */
  private async checkStatement(): Promise<void> {
    const header = this.header as PartialExportHeader;
    if (this.statement === null) {
      this.failure(
        null,
        'bad-statement',
        this.report.version === 1
          ? 'a partial export of format 1 carries no signed statement, so nothing shows that no line is missing: export the range again'
          : 'the export ends without its signed statement: lines may be missing at its end',
      );
      return;
    }
    const verified = await verifyExportStatement(this.statement, this.keys);
    if (!verified.ok) {
      this.failure(null, 'bad-statement', verified.error.message);
      return;
    }
    const st = verified.value;
    const mismatch = (what: string) =>
      this.failure(null, 'bad-statement', `the signed statement gives another ${what}`);
    if (st.site !== header.site) mismatch('site');
    if (st.treeSize !== header.treeSize || st.rootHash !== this.report.rootHash) mismatch('checkpoint');
    if (st.range.from !== header.range.from || st.range.to !== header.range.to) mismatch('range than the header');
    if (st.lines !== this.chain.count) mismatch(`line count (${st.lines}, the export has ${this.chain.count})`);
    else if (st.lineHash !== this.chain.value) mismatch('line hash: a line was changed, removed, added or moved');
    this.report.statement = st;
    this.report.range = st.range;
  }

  /** Every redacted line must be covered by a redaction entry of the same reason and time. */
  private checkRedactions(): void {
    for (const [key, indexes] of this.stubs) {
      const covers = this.covers.get(key) ?? [];
      const [reason, at] = key.split('\n');
      for (const index of indexes) {
        const covering = covers.filter((c) => rangesCover(c.ranges, index));
        if (covering.length === 0)
          this.failure(
            index,
            'unproven-redaction',
            `entry ${index} is redacted (${reason}, ${at}) but no signed redaction entry in the export covers it (redacted after its checkpoint? export again once the log has integrated the redaction entry; redacted before redaction entries existed? \`consent-ledger purge\` on the collector attests it)`,
          );
        else if (covering.every((c) => c.legacy)) this.report.redacted.legacy += 1;
      }
    }
  }

  /** Adds a leaf to the frontier, merging the complete subtrees it closes. */
  private append(leaf: Uint8Array): void {
    let node = { level: 0, hash: leaf };
    while (this.frontier.length > 0 && this.frontier[this.frontier.length - 1].level === node.level) {
      const left = this.frontier.pop()!;
      node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
    }
    this.frontier.push(node);
  }

  /** Final checks: size and root of a full export, the statement of a partial one, then the verdict. */
  async finish(): Promise<ExportReport> {
    this.checkRedactions();
    if (this.header && this.report.partial) await this.checkStatement();
    else if (this.statement !== null) this.failure(null, 'bad-statement', 'a full export has no statement line');
    if (this.header && !this.report.partial) {
      const size = this.lastIndex + 1;
      if (this.report.summary.entries !== this.header.treeSize)
        this.failure(
          null,
          'size-mismatch',
          `the header says ${this.header.treeSize} entries, the export holds ${this.report.summary.entries}`,
        );
      let root: Uint8Array = sha256(new Uint8Array(0));
      if (this.frontier.length > 0) {
        root = this.frontier[this.frontier.length - 1].hash;
        for (let i = this.frontier.length - 2; i >= 0; i--) root = nodeHash(this.frontier[i].hash, root);
      }
      this.report.rootHash = base64urlEncode(root);
      if (
        this.checkpoint &&
        size === this.checkpoint.size &&
        base64urlEncode(this.checkpoint.rootHash) !== this.report.rootHash
      ) {
        this.failure(null, 'root-mismatch', "the entries' root is not the checkpoint's");
      }
    }
    this.report.ok = this.header !== null && this.report.failureCount === 0;
    return this.report;
  }
}

/**
 * Verifies an NDJSON export line by line (blank lines ignored): the checkpoint's signature against
 * `options.keys` (else the export's own keys, reported as `trustedKeys: false`), the recomputed root
 * (full export) or each entry's inclusion proof and the signed statement (partial export: range,
 * line count and line hash), every device signature, every ack (signature, index, leafHash), every
 * `prev` link, that every `textHash` names an earlier notice, and that no line has a member it
 * should not. With trusted keys, every key the export lists must be one of them; with `witnesses`,
 * the checkpoint's cosignatures (quorum). Redacted entries are counted and listed, not failed.
 * Never throws on bad input.
 */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyExportOptions = {},
): Promise<ExportReport> {
  const verifier = new ExportVerifier(options);
  let headerRead = false;
  let position = 0;
  let pending: Array<Promise<CheckedLine>> = [];
  const drain = async () => {
    for (const checked of await Promise.all(pending)) verifier.fold(checked);
    pending = [];
  };
  for await (const line of lines) {
    // Not trimmed: JSON.parse takes JSON's own whitespace around a value and nothing else, so a
    // changed byte between lines (a newline turned into a vertical tab) is not silently dropped.
    if (line === '') continue;
    if (!headerRead) {
      headerRead = true;
      if (!(await verifier.readHeader(line))) break;
      continue;
    }
    pending.push(verifier.check(line, position++));
    if (pending.length >= CHUNK) await drain();
  }
  await drain();
  if (!headerRead) verifier.failure(null, 'bad-header', 'the export is empty');
  return verifier.finish();
}

/** What a redacted line and the redaction entry covering it share: reason and time. */
function redactionKey(r: { reason: string; at: string }): string {
  return `${r.reason}\n${r.at}`;
}

/** True when `at` lies in [from, to). */
function inRange(at: string, range: ExportRange): boolean {
  return (range.from === null || at >= range.from) && (range.to === null || at < range.to);
}
