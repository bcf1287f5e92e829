// The SDK's build output as the collector serves it: every script and style sheet of the folder,
// read once and again only when it changes on disk (a rebuild while serving), each compressed once.
// A file named `<name>.<hash>.<ext>` (a middle part of 8 or more characters, as a bundler names a
// lazily loaded chunk) is content-addressed by its build; any other (`consent.js`) is a stable name
// that pages embed, also reachable at a versioned name `<name>.<first 12 hex of its SHA-256>.<ext>`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type Encoded, encodeAll } from './compression';

/** File types served from the build output (its metafile and source maps stay private). */
export const EMBED_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** `<name>.<ext>` or `<name>.<hash>.<ext>`: what a URL path may name in the build output. */
export const EMBED_FILE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?\.(js|mjs|css)$/;
const CONTENT_ADDRESSED = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8,}\.[a-z]+$/;

/** Whether a file name carries its content hash (`<name>.<hash>.<ext>`, as a bundler names a chunk): cacheable for good. */
export function contentAddressed(name: string): boolean {
  return CONTENT_ADDRESSED.test(name);
}

/** One file of the build output. */
export interface EmbedFile {
  name: string;
  body: Uint8Array;
  /** First 12 hex digits of its SHA-256: its ETag and versioned name. */
  version: string;
  contentType: string;
  /** True when its name already carries its content hash (served immutable under that name). */
  immutable: boolean;
  /** Every encoding, compressed once per version. */
  encoded(): Promise<Encoded>;
}

interface Loaded {
  mtimeMs: number;
  size: number;
  file: EmbedFile;
}

/** `consent.js` at version `v`: `consent.<v>.js`. */
export function versionedName(name: string, version: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${version}${name.slice(dot)}`;
}

/** The files of a build output folder. */
export class EmbedFiles {
  private readonly loaded = new Map<string, Loaded>();

  constructor(readonly dir: string) {}

  /** The file named `name`, as it is on disk now; null when missing or not servable. */
  get(name: string): EmbedFile | null {
    if (!EMBED_FILE.test(name)) return null;
    const path = join(this.dir, name);
    let stat: { mtimeMs: number; size: number; isFile(): boolean };
    try {
      stat = statSync(path);
    } catch {
      this.loaded.delete(name);
      return null;
    }
    if (!stat.isFile()) return null;
    const cached = this.loaded.get(name);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.file;
    const body = readFileSync(path);
    const file = embedFile(name, body);
    this.loaded.set(name, { mtimeMs: stat.mtimeMs, size: stat.size, file });
    return file;
  }

  /** The stable file whose versioned name is `name` (`consent.<12 hex>.js`) at that very version, or null. */
  versioned(name: string): EmbedFile | null {
    const match = /^([A-Za-z0-9_-]+)\.([0-9a-f]{12})(\.[a-z]+)$/.exec(name);
    if (!match) return null;
    const file = this.get(match[1] + match[3]);
    return file && !file.immutable && file.version === match[2] ? file : null;
  }

  /** Reads and compresses every servable file now, so the first visitors wait for neither. */
  async warm(): Promise<void> {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    await Promise.all(names.map((name) => this.get(name)?.encoded()));
  }
}

function embedFile(name: string, body: Uint8Array): EmbedFile {
  let encoded: Promise<Encoded> | null = null;
  return {
    name,
    body,
    version: createHash('sha256').update(body).digest('hex').slice(0, 12),
    contentType: EMBED_TYPES[extname(name)],
    immutable: contentAddressed(name),
    encoded: () => {
      encoded ??= encodeAll(body);
      return encoded;
    },
  };
}
