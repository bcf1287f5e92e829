// How consent.js loads its lazily loaded chunks (consent-<name>.<hash>.js, see build.mjs): as classic
// scripts from where consent.js came from, so the page's CSP applies to them as to consent.js (same
// origin, the page's nonce), and without adding anything to the page. Both sides are one closed world:
// what the chunk shares with the bundle (one Preact, for instance) and the function it hands its
// exports to travel on its own <script> element.

/** What a chunk's <script> element carries for it. */
export interface ChunkHandoff<T = unknown> {
  /** What the chunk takes from the bundle instead of a copy of its own. */
  shared: Record<string, unknown>;
  /** Takes the chunk's exports. */
  resolve(exports: T): void;
}

/** The <script> element a chunk runs in. */
export type ChunkScript = HTMLScriptElement & { consentLedgerChunk: ChunkHandoff };

/** The handoff of the chunk running now (to be read while its script runs, synchronously). */
export const currentHandoff = (): ChunkHandoff => (document.currentScript as ChunkScript).consentLedgerChunk;

const source = { assets: location.href, nonce: undefined as string | undefined };

/** Where consent.js's chunks are (its own folder) and the page's CSP nonce: set once by the script tag. */
export function chunkSource(assets: string, nonce?: string): void {
  Object.assign(source, { assets, nonce });
}

/** Loads the chunk `file` (relative to the chunk source) with what it shares; a failed load may be tried again. */
export function loadChunk<T>(file: string, shared: Record<string, unknown> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script') as ChunkScript;
    script.src = new URL(file, source.assets).href;
    if (source.nonce) script.nonce = source.nonce;
    script.consentLedgerChunk = { shared, resolve: resolve as (exports: unknown) => void };
    script.onerror = () => {
      script.remove();
      reject(new Error(`chunk: ${script.src}`));
    };
    document.head.append(script);
  });
}

/** Memoises a chunk's loading: once loaded it stays; a failed load is tried again on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error) => {
      loading = undefined;
      throw error;
    }));
}
