// The integrator integrates sequenced entries into each site's tree and seals the result in a
// signed C2SP checkpoint. Its whole state is in the store (tree size, nodes, checkpoints), so it
// resumes exactly where it stopped; the store's compare-and-set on the tree size keeps two
// integrators from ever writing the same step twice.
import {
  base64urlEncode,
  checkpointBody,
  integrate,
  type NodeReader,
  signNote,
  type TreeNode,
  treeRoot,
} from '@consent-ledger/protocol';
import type { CollectorKey } from './keys';
import type { LedgerStore, LogState } from './store/types';

/** Leaves hashed between two turns of the event loop (about a millisecond of SHA-256 here). */
const INTEGRATE_SLICE = 256;

export interface IntegratorOptions {
  store: LedgerStore;
  key: CollectorKey;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Pause between integration rounds (ms). */
  intervalMs: number;
  /** Most entries integrated into one checkpoint, so one step never holds the store for long. */
  maxStep: number;
  /** Where a failed round is reported (the next round retries). */
  log?: (message: string, error: unknown) => void;
  /** Called after a round that signed new checkpoints (the cosigner then asks witnesses at once). */
  onCheckpoints?: () => void;
}

/** A site log's checkpoint origin: `<collector name>/sites/<site>`. */
export function checkpointOrigin(name: string, site: string): string {
  return `${name}/sites/${site}`;
}

/** Periodically integrates every site log that has new entries. */
export class Integrator {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private round: Promise<number> | null = null;
  private stopped = true;

  constructor(private readonly options: IntegratorOptions) {}

  /** Starts the periodic rounds. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.plan();
  }

  /** Stops the rounds, waiting for a running one to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.round) await this.round.catch(() => undefined);
  }

  /** Integrates everything pending in every log now; resolves with the number of entries integrated. */
  runOnce(): Promise<number> {
    if (!this.round)
      this.round = this.integrateAll()
        .then((total) => {
          if (total > 0) this.options.onCheckpoints?.();
          return total;
        })
        .finally(() => (this.round = null));
    return this.round;
  }

  /**
   * Integrates what is pending now when this process runs the integrator (started, not stopped: with
   * several collectors, the one holding the lock); otherwise resolves at once and the holder's next round does it.
   */
  async catchUp(): Promise<void> {
    if (!this.stopped) await this.runOnce();
  }

  private plan(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error) => (this.options.log ?? console.error)('integrator round failed:', error))
        .finally(() => this.plan());
    }, this.options.intervalMs);
    this.timer.unref?.();
  }

  private async integrateAll(): Promise<number> {
    let total = 0;
    for (const log of await this.options.store.listLogs()) {
      let state: LogState | null = log;
      while (state && state.size > state.treeSize) {
        const done = await this.step(state);
        total += done;
        state = done > 0 ? { ...state, treeSize: state.treeSize + done } : null;
      }
    }
    return total;
  }

  /** One checkpoint: integrates up to `maxStep` entries after the tree; 0 when another integrator got there first. */
  private async step(log: LogState): Promise<number> {
    const { store, key } = this.options;
    const leaves = await store.readLeafHashes(
      log.site,
      log.treeSize,
      Math.min(this.options.maxStep, log.size - log.treeSize),
    );
    if (leaves.length === 0) return 0;
    const stored: NodeReader = (level, index) => store.readNode(log.site, level, index);
    const created = new Map<string, Uint8Array>();
    const read: NodeReader = (level, index) => created.get(`${level}/${index}`) ?? stored(level, index);
    const nodes: TreeNode[] = [];
    // Hashing is synchronous: integrate a slice at a time and let waiting requests in between, so a
    // round never stalls ingest for long (appending leaves slice by slice makes the same nodes).
    for (let from = 0; from < leaves.length; from += INTEGRATE_SLICE) {
      if (from > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const node of await integrate(log.treeSize + from, leaves.slice(from, from + INTEGRATE_SLICE), read)) {
        nodes.push(node);
        created.set(`${node.level}/${node.index}`, node.hash);
      }
    }
    const size = log.treeSize + leaves.length;
    const root = await treeRoot(size, read);
    const note = await signNote(checkpointBody(checkpointOrigin(key.name, log.site), size, root), key);
    const checkpoint = {
      site: log.site,
      size,
      rootHash: base64urlEncode(root),
      note,
      createdAt: new Date(this.options.clock()).toISOString(),
    };
    return (await store.integrate({ site: log.site, fromSize: log.treeSize, nodes, checkpoint })) ? leaves.length : 0;
  }
}
