import type { Choice, ReceiptInput } from '@consent-ledger/protocol';
import type { AskReason, ConfigDocument, ConsentSnapshot } from '../types';
import { isExpired } from './expiry';

/** A receipt decided but not signed yet: everything it will say but its chain link and subject. */
export type OwedReceipt = Omit<ReceiptInput, 'prev'> & { id: string; issuedAt: string };

/** A decision as stored on the device. */
export interface StoredDecision {
  choices: Record<string, Choice>;
  decidedAt: string;
  revision: number;
  /** Its receipt, while not signed yet (write-ahead: signed on the next page when this one could not). */
  owed?: OwedReceipt;
}

/** The purposes a notice asks about, in order (never `necessary`). */
export const askedOf = (doc: ConfigDocument): string[] =>
  doc.notice.purposes.map((p) => p.id).filter((id) => id !== 'necessary');

/** Every asked purpose with its value in `from`, or denied. */
export function fillChoices(asked: string[], from: Record<string, Choice> = {}): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const id of asked) out[id] = from[id] === 'granted' ? 'granted' : 'denied';
  return out;
}

/** Why the visitor must be asked, or null when the stored decision still holds. */
export function askReason(
  doc: ConfigDocument,
  decision: StoredDecision | undefined,
  now = Date.now(),
): AskReason | null {
  if (!askedOf(doc).length) return null;
  if (!decision) return 'first-visit';
  if (decision.revision !== doc.config.revision) return 'revision';
  return isExpired(decision.decidedAt, doc.config.expiresAfterDays, now) ? 'expired' : null;
}

/** The status, reason and choices for a config and a stored decision (previous choices pre-filled when asked again). */
export function evaluate(
  doc: ConfigDocument,
  decision: StoredDecision | undefined,
  now = Date.now(),
): Pick<ConsentSnapshot, 'status' | 'reason' | 'choices' | 'decidedAt'> {
  const reason = askReason(doc, decision, now);
  return {
    status: reason ? 'needs-decision' : 'decided',
    reason,
    choices: fillChoices(askedOf(doc), decision?.choices),
    decidedAt: decision?.decidedAt ?? null,
  };
}

/** True when `purpose` may run now: `necessary` always, others only under a decision in force. */
export const isGranted = (snapshot: ConsentSnapshot, purpose: string): boolean =>
  purpose === 'necessary' || (snapshot.status === 'decided' && snapshot.choices[purpose] === 'granted');
