// How far each of the collector's witnesses has cosigned a site's log, read from the store (so any
// collector on a shared database answers the same): what `/metrics` and the log-health route report.
import type { WitnessStatusAnswer } from '@consent-ledger/protocol';
import type { CheckpointRecord, LedgerStore } from './store/types';
import type { WitnessEndpoint } from './witness-client';

/** The witnesses of `checkpoint`'s log: the size each last cosigned, how many entries it lags, and whether the quorum cosigned this very checkpoint. */
export async function witnessStatus(
  store: Pick<LedgerStore, 'cosignedSizes' | 'checkpointAt'>,
  witnesses: { endpoints: WitnessEndpoint[]; quorum: number },
  checkpoint: CheckpointRecord,
): Promise<WitnessStatusAnswer> {
  const { site, size } = checkpoint;
  const sizes = await store.cosignedSizes(site);
  const rows = await Promise.all(
    witnesses.endpoints.map(async ({ vkey, key }) => {
      const cosignedSize = sizes.get(vkey) ?? null;
      // The cosigned checkpoint itself, so a client can check that witness's cosignature of it.
      const cosigned = cosignedSize === null ? null : await store.checkpointAt(site, cosignedSize);
      return {
        vkey,
        name: key.name,
        cosignedSize,
        behind: Math.max(0, size - (cosignedSize ?? 0)),
        checkpoint: cosigned?.note ?? null,
      };
    }),
  );
  const current = rows.filter((row) => row.cosignedSize === size).length;
  return {
    site,
    size,
    quorum: witnesses.quorum,
    quorumReached: witnesses.endpoints.length > 0 && current >= witnesses.quorum,
    witnesses: rows,
  };
}
