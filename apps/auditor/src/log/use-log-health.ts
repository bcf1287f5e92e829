// Runs the log health check when a site is opened (so a rewritten log is flagged on every view),
// and remembers each verified, consistent checkpoint for the next visit.
import { noteKeysOf } from '@consent-ledger/protocol';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Api } from '../api';
import { loadPinnedWitnesses, loadSeenCheckpoint, savePinnedWitnesses, saveSeenCheckpoint } from '../session';
import { checkHealth, type Health } from './log-health';
import { checkWitnesses, type PinnedWitnesses, type WitnessCheck } from './witnesses';

/** The health of one site's log, with the time it was checked and when its checkpoint was signed. */
export interface LogHealth {
  /** Null while checking; `signedAt` is null when the collector did not send Last-Modified. */
  health: (Health & { checkedAt: string; signedAt: string | null; witnesses: WitnessCheck | null }) | null;
  /** The witness keys pinned in this browser for this collector. */
  pinned: PinnedWitnesses;
  /** Pins these witness keys (and quorum), then checks again. */
  pin(pinned: PinnedWitnesses): void;
  refresh(): void;
  /** Takes the current checkpoint as the reference, after the auditor kept the evidence of a rewrite. */
  reset(): void;
}

/** The log health of `api`'s site as seen from `collector` (the origin the UI talks to). */
export function useLogHealth(api: Api, collector: string): LogHealth {
  const [health, setHealth] = useState<LogHealth['health']>(null);
  const [pinned, setPinned] = useState(() => loadPinnedWitnesses(collector));
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setHealth(null);
    void (async () => {
      const checkedAt = new Date().toISOString();
      const [keys, note] = await Promise.all([api.keys(), api.checkpoint()]);
      if (!keys.ok || !note.ok) {
        const reason = !note.ok
          ? note.error.code === 'no-checkpoint'
            ? 'no-checkpoint'
            : note.error.message
          : !keys.ok
            ? keys.error.message
            : '';
        if (live) setHealth({ ok: false, reason, checkedAt, signedAt: null, witnesses: null });
        return;
      }
      const previous = loadSeenCheckpoint(collector, api.site);
      const { note: text, signedAt } = note.value;
      const proof = async (from: number, to: number) => {
        const answer = await api.consistency(from, to);
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value.hashes;
      };
      const result = await checkHealth(text, keys.value, api.site, previous, proof);
      // An unchanged checkpoint keeps the date it was first seen; a rewritten log keeps the evidence.
      if (result.ok && (result.consistency.state === 'first' || result.consistency.state === 'consistent')) {
        saveSeenCheckpoint(collector, api.site, {
          origin: result.checkpoint.origin,
          size: result.checkpoint.size,
          rootHash: result.rootHash,
          note: text,
          seenAt: checkedAt,
        });
      }
      // Cosignatures are checked only on a checkpoint the collector's key signed.
      // The collector's account of lagging witnesses is shown only where the pinned key's cosignature backs it,
      // and the older checkpoint it names must still be a prefix of this one.
      const status = result.ok && pinned.vkeys.length > 0 ? await api.witnesses() : null;
      const witnesses = result.ok
        ? await checkWitnesses(
            text,
            pinned,
            noteKeysOf(keys.value).map((k) => k.name),
            Date.now(),
            status?.ok ? status.value : null,
            proof,
          )
        : null;
      if (live) setHealth({ ...result, checkedAt, signedAt, witnesses });
    })();
    return () => {
      live = false;
    };
  }, [api, collector, round, pinned]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  const pin = useCallback(
    (next: PinnedWitnesses) => {
      savePinnedWitnesses(collector, next);
      setPinned(loadPinnedWitnesses(collector));
    },
    [collector],
  );
  const reset = useCallback(() => {
    if (health?.ok) {
      const c = health.checkpoint;
      saveSeenCheckpoint(collector, api.site, {
        origin: c.origin,
        size: c.size,
        rootHash: health.rootHash,
        note: '',
        seenAt: health.checkedAt,
      });
      setRound((r) => r + 1);
    }
  }, [health, api, collector]);
  return { health, pinned, pin, refresh, reset };
}
