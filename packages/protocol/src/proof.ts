// Shapes the collector serves and auditors verify offline (docs/design.md, Wire formats): proofs and
// the export's header are defined with the rest of the wire contract (api/public.ts); an export's lines here.
export type {
  ConsistencyProofBundle,
  ExportHeader,
  InclusionProofBundle,
  PartialExportHeader,
} from './api/public';

/** A receipt (device-signed), a notice or a redaction entry (both collector-signed). */
export type EntryKind = 'receipt' | 'notice' | 'redaction';
/** One line after the header: an entry in index order, whole or redacted. */
export type ExportLine =
  | { index: number; kind: 'receipt'; jws: string; ack: string; proof?: string[] }
  | { index: number; kind: 'notice' | 'redaction'; jws: string; proof?: string[] }
  | { index: number; kind: EntryKind; leafHash: string; redacted: { at: string; reason: string }; proof?: string[] };
