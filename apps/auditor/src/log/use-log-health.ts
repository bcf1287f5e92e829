// Runs the log health check when a site is opened (so a rewritten log is flagged on every view),
// and remembers each verified, consistent checkpoint for the next visit.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Api } from '../api';
import { loadSeenCheckpoint, saveSeenCheckpoint } from '../session';
import { checkHealth, type Health } from './log-health';

/** The health of one site's log, with the time it was checked and when its checkpoint was signed. */
export interface LogHealth {
  /** Null while checking; `signedAt` is null when the collector did not send Last-Modified. */
  health: (Health & { checkedAt: string; signedAt: string | null }) | null;
  refresh(): void;
  /** Takes the current checkpoint as the reference, after the auditor kept the evidence of a rewrite. */
  reset(): void;
}

/** The log health of `api`'s site as seen from `collector` (the origin the UI talks to). */
export function useLogHealth(api: Api, collector: string): LogHealth {
  const [health, setHealth] = useState<LogHealth['health']>(null);
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
        if (live) setHealth({ ok: false, reason, checkedAt, signedAt: null });
        return;
      }
      const previous = loadSeenCheckpoint(collector, api.site);
      const { note: text, signedAt } = note.value;
      const result = await checkHealth(text, keys.value, api.site, previous, async (from, to) => {
        const proof = await api.consistency(from, to);
        if (!proof.ok) throw new Error(proof.error.message);
        return proof.value.hashes;
      });
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
      if (live) setHealth({ ...result, checkedAt, signedAt });
    })();
    return () => {
      live = false;
    };
  }, [api, collector, round]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
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
  return { health, refresh, reset };
}
