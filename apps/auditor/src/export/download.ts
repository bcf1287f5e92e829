// Streams an export response, counting bytes and lines as they arrive, so a large export shows its
// progress; the chunks are handed back for saving.

/** How far a download got. */
export interface DownloadProgress {
  bytes: number;
  lines: number;
}

/** Reads `body` to its end, calling `onProgress` after each chunk; returns the chunks and the totals. */
export async function readWithProgress(
  body: ReadableStream<Uint8Array>,
  onProgress: (p: DownloadProgress) => void,
): Promise<DownloadProgress & { chunks: Uint8Array[] }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  const progress = { bytes: 0, lines: 0 };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    progress.bytes += value.length;
    // Lines end with \n (0x0a) in NDJSON and CSV alike; UTF-8 never uses that byte inside a character.
    for (let i = 0; i < value.length; i++) if (value[i] === 0x0a) progress.lines += 1;
    onProgress({ ...progress });
  }
  return { ...progress, chunks };
}

/** The file name of a `Content-Disposition: attachment; filename="..."` header, else `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"\\/]+)"/.exec(header) : null;
  return match ? match[1] : fallback;
}
