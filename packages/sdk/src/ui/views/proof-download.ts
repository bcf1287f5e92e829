import type { ConsentRuntime } from '../../types';

/** Saves the runtime's proof document as a JSON file the visitor keeps (the link lives in `parent` for the click). */
export async function downloadProof(rt: ConsentRuntime, parent: Node): Promise<void> {
  const proof = await rt.exportProof();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(proof, null, 2)], { type: 'application/json' }));
  link.download = `consent-proof-${proof.site}-${proof.exportedAt.slice(0, 10)}.json`;
  parent.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
