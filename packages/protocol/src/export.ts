// Offline verification of an NDJSON export (DESIGN.md, Wire formats, Export): what the CLI's
// `verify`, the auditor UI and anyone holding an export run, trusting nothing but the keys given.
// Memory stays O(log n + subjects): the root is folded from a frontier of complete subtrees as lines
// stream by, and only each subject's last leaf hash and granted purposes are kept for the chain.

import { verifyAck } from './ack';
import { type Checkpoint, type NoteKey, verifyCheckpoint } from './checkpoint';
import { type Cosignature, quorumProblem, verifyCosignatures } from './cosignature';
import { base64urlDecode, base64urlEncode, isHash64u } from './encoding';
import { parseIJsonBytes } from './ijson';
import { decodeHashes, noteKeysOf } from './inclusion';
import type { Jwks } from './jwk';
import { decodeJws, verifyDecodedJws } from './jws';
import { leafHash as hashLeaf, nodeHash, verifyInclusion } from './merkle';
import { NOTICE_TYP, type Notice } from './notice';
import type { ExportHeader, PartialExportHeader } from './proof';
import { type KeyCache, type ReceiptPayload, verifyReceipt } from './receipt';
import { fail, ok, type Result } from './result';
import { sha256, sha256b64u } from './sha256';

export type ExportFailureCode =
  | 'malformed'
  | 'bad-header'
  | 'bad-checkpoint'
  | 'bad-index'
  | 'wrong-site'
  | 'bad-signature'
  | 'bad-ack'
  | 'bad-notice'
  | 'prev-mismatch'
  | 'unknown-notice'
  | 'bad-proof'
  | 'root-mismatch'
  | 'size-mismatch'
  | 'bad-cosignature'
  | 'no-quorum';

/** One problem; `index` is the entry's log index, null for the header or the export as a whole. */
export interface ExportFailure {
  index: number | null;
  code: ExportFailureCode;
  message: string;
}

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
  site: string | null;
  treeSize: number | null;
  /** The root recomputed from the entries (full export) or the checkpoint's (partial), base64url. */
  rootHash: string | null;
  /** False when no keys were given: the checkpoint and acks were checked against the export's own keys, which only proves self-consistency. */
  trustedKeys: boolean;
  partial: boolean;
  summary: ExportSummary;
  /** Redacted entries: how many per reason, and the first indexes. */
  redacted: { byReason: Record<string, number>; indexes: number[] };
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

/** A notice entry checked: its hash (what receipts name as textHash) and its content. */
export interface VerifiedNotice {
  textHash: string;
  notice: Notice;
}

/**
 * Verifies a notice entry: typ, EdDSA, signature by the key of `kid` in `keys`, a JSON payload.
 * Its textHash is SHA-256 of the payload bytes. Never throws.
 */
export async function verifyNotice(jws: string, keys: Jwks): Promise<Result<VerifiedNotice>> {
  try {
    const decoded = decodeJws(jws);
    if (!decoded.ok) return decoded;
    const { header, payload } = decoded.value;
    if (header.typ !== NOTICE_TYP) return fail('bad-typ', `notice: typ must be ${NOTICE_TYP}`);
    if (header.alg !== 'EdDSA') return fail('unsupported-alg', 'notice: alg must be EdDSA');
    const jwk = keys.keys.find((k) => k.kid !== undefined && k.kid === header.kid);
    if (!jwk) return fail('bad-signature', `notice: no key with kid ${String(header.kid)}`);
    const verified = await verifyDecodedJws(decoded.value, { kty: 'OKP', crv: 'Ed25519', x: jwk.x });
    if (!verified.ok) return verified;
    const parsed = parseIJsonBytes(payload);
    if (!parsed.ok) return fail('malformed', `notice: payload is ${parsed.error.message}`);
    const notice = parsed.value as Notice;
    if (typeof notice !== 'object' || notice === null || typeof notice.site !== 'string')
      return fail('malformed', 'notice: payload is not a notice');
    return ok({ textHash: sha256b64u(payload), notice });
  } catch {
    return fail('malformed', 'notice: cannot be verified');
  }
}

/** A line after its independent checks (signatures), before the checks that need order. */
interface CheckedLine {
  index: number | null;
  leaf: Uint8Array | null;
  failures: ExportFailure[];
  receipt?: ReceiptPayload;
  receivedAt?: string;
  noticeHash?: string;
  redacted?: { at: string; reason: string; kind: string };
  proof?: Uint8Array[] | null;
}

/** What the chain check remembers of a subject. */
interface SubjectState {
  leaf: string;
  index: number;
  granted: string[];
}

class ExportVerifier {
  readonly report: ExportReport;
  private header: ExportHeader | null = null;
  private keys: Jwks = { keys: [] };
  private checkpoint: Checkpoint | null = null;
  private readonly frontier: Array<{ level: number; hash: Uint8Array }> = [];
  private lastIndex = -1;
  private readonly subjects = new Map<string, SubjectState>();
  private readonly notices = new Set<string>();
  /** Leaf hashes of redacted receipts not yet named as a `prev`, with their index. */
  private readonly redactedLeaves = new Map<string, number>();
  private readonly keyCache: KeyCache = new Map();
  private readonly trusted: Jwks | undefined;

  constructor(private readonly options: VerifyExportOptions) {
    this.trusted = options.keys;
    this.report = {
      ok: false,
      site: null,
      treeSize: null,
      rootHash: null,
      trustedKeys: options.keys !== undefined,
      partial: false,
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
      redacted: { byReason: {}, indexes: [] },
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
    if (
      typeof header !== 'object' ||
      header === null ||
      typeof header.site !== 'string' ||
      typeof header.checkpoint !== 'string' ||
      !Number.isSafeInteger(header.treeSize) ||
      typeof header.keys !== 'object' ||
      header.keys === null ||
      !Array.isArray(header.keys.keys)
    ) {
      this.failure(null, 'bad-header', 'the first line is not an export header { site, checkpoint, treeSize, keys }');
      return false;
    }
    this.header = header as ExportHeader;
    this.report.site = header.site;
    this.report.treeSize = header.treeSize!;
    this.report.partial = typeof header.range === 'object' && header.range !== null;
    this.keys = this.trusted ?? (header.keys as Jwks);
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
  async check(line: string, position: number): Promise<CheckedLine> {
    const out: CheckedLine = { index: null, leaf: null, failures: [] };
    const bad = (code: ExportFailureCode, message: string) => out.failures.push({ index: out.index, code, message });
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line);
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new TypeError();
    } catch {
      out.index = this.report.partial ? null : position;
      bad('malformed', `line ${position + 2} is not a JSON object`);
      return out;
    }
    if (!Number.isSafeInteger(entry.index) || (entry.index as number) < 0) {
      bad('malformed', `line ${position + 2} has no valid index`);
      return out;
    }
    out.index = entry.index as number;
    if (entry.proof !== undefined) {
      out.proof = decodeHashes(entry.proof);
      if (!out.proof) bad('bad-proof', 'proof is not a list of hashes');
    }
    const site = this.header!.site;
    if (entry.redacted !== undefined) {
      const r = entry.redacted as Record<string, unknown>;
      if (
        !isHash64u(entry.leafHash) ||
        typeof r !== 'object' ||
        r === null ||
        typeof r.at !== 'string' ||
        typeof r.reason !== 'string' ||
        (entry.kind !== 'receipt' && entry.kind !== 'notice')
      ) {
        bad('malformed', 'a redacted entry needs kind, leafHash and redacted { at, reason }');
        return out;
      }
      out.leaf = base64urlDecode(entry.leafHash);
      out.redacted = { at: r.at, reason: r.reason, kind: entry.kind };
      return out;
    }
    if (typeof entry.jws !== 'string') {
      bad('malformed', 'an entry needs a jws (or leafHash and redacted)');
      return out;
    }
    out.leaf = hashLeaf(entry.jws);
    if (entry.kind === 'notice') {
      const notice = await verifyNotice(entry.jws, this.keys);
      if (!notice.ok) bad(notice.error.code === 'malformed' ? 'malformed' : 'bad-notice', notice.error.message);
      else if (notice.value.notice.site !== site) bad('wrong-site', `notice of site ${notice.value.notice.site}`);
      else out.noticeHash = notice.value.textHash;
      return out;
    }
    if (entry.kind !== 'receipt') {
      bad('malformed', `unknown kind ${JSON.stringify(entry.kind)}`);
      return out;
    }
    const [receipt, ack] = await Promise.all([
      verifyReceipt(entry.jws, {
        cache: this.keyCache.size < KEY_CACHE_SIZE ? this.keyCache : undefined,
        rules: 'logged',
      }),
      typeof entry.ack === 'string' ? verifyAck(entry.ack, this.keys) : Promise.resolve(null),
    ]);
    if (!receipt.ok) {
      bad(receipt.error.code === 'malformed' ? 'malformed' : 'bad-signature', receipt.error.message);
      return out;
    }
    const r = receipt.value.payload;
    out.receipt = r;
    if (r.site !== site) bad('wrong-site', `receipt of site ${r.site}`);
    if (!ack) bad('bad-ack', 'the receipt has no ack');
    else if (!ack.ok) bad('bad-ack', ack.error.message);
    else {
      const a = ack.value;
      const leaf = receipt.value.leafHash;
      if (a.id !== r.id || a.site !== r.site || a.subject !== r.subject)
        bad('bad-ack', 'the ack is about another receipt');
      else if (a.index !== out.index) bad('bad-ack', `the ack gives index ${a.index}`);
      else if (a.leafHash !== leaf) bad('bad-ack', 'the ack gives another leaf hash');
      else out.receivedAt = a.receivedAt;
    }
    return out;
  }

  /** The checks that need order: indexes, tree, chain links, notice references, proofs; then the summary. */
  fold(line: CheckedLine): void {
    for (const f of line.failures) this.failure(f.index, f.code, f.message);
    const s = this.report.summary;
    const index = line.index;
    if (index === null) return;
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
      } else if (line.leaf && line.proof === undefined)
        this.failure(index, 'bad-proof', `entry ${index} of a partial export has no inclusion proof`);
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
      if (line.redacted.kind === 'receipt' && line.leaf) this.redactedLeaves.set(base64urlEncode(line.leaf), index);
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

  /** Adds a leaf to the frontier, merging the complete subtrees it closes. */
  private append(leaf: Uint8Array): void {
    let node = { level: 0, hash: leaf };
    while (this.frontier.length > 0 && this.frontier[this.frontier.length - 1].level === node.level) {
      const left = this.frontier.pop()!;
      node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
    }
    this.frontier.push(node);
  }

  /** Final checks: size and root of a full export, then the verdict. */
  finish(): ExportReport {
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
 * (full export) or each entry's inclusion proof (partial export), every device signature, every ack
 * (signature, index, leafHash), every `prev` link and that every `textHash` names an earlier notice;
 * with `witnesses`, the checkpoint's cosignatures (quorum). Redacted entries are counted and listed,
 * not failed. Never throws on bad input.
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
  for await (const raw of lines) {
    const line = raw.trim();
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
