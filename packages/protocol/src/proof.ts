// Shapes the collector serves and auditors verify offline (DESIGN.md, Wire formats).

/** `GET /v1/sites/:site/log/proof/:id`: an entry's inclusion in the latest checkpoint. Hashes base64url. */
export interface InclusionProofBundle {
  site: string;
  id: string;
  index: number;
  leafHash: string;
  treeSize: number;
  hashes: string[];
  checkpoint: string;
}

/** `GET /v1/sites/:site/log/consistency?from=&to=`. */
export interface ConsistencyProofBundle {
  site: string;
  from: number;
  to: number;
  hashes: string[];
}

/** First line of an NDJSON export. */
export interface ExportHeader {
  site: string;
  checkpoint: string;
  treeSize: number;
  keys: import('./jwk').Jwks;
}

export type EntryKind = 'receipt' | 'notice';
/** One line after the header: an entry in index order, whole or redacted. */
export type ExportLine =
  | { index: number; kind: 'receipt'; jws: string; ack: string; proof?: string[] }
  | { index: number; kind: 'notice'; jws: string; proof?: string[] }
  | { index: number; kind: EntryKind; leafHash: string; redacted: { at: string; reason: string }; proof?: string[] };
