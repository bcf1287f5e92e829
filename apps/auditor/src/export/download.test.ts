import { describe, expect, it } from 'vitest';
import { attachmentName, readWithProgress } from './download';

const streamOf = (parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });

describe('readWithProgress', () => {
  it('counts bytes and lines chunk by chunk, lines split across chunks included', async () => {
    const seen: Array<[number, number]> = [];
    const result = await readWithProgress(streamOf(['{"a":1}\n{"b"', ':"é"}\n', '{"c":3}\n']), (p) =>
      seen.push([p.bytes, p.lines]),
    );
    expect(seen).toEqual([
      [12, 1],
      [19, 2],
      [27, 3],
    ]);
    expect(result.lines).toBe(3);
    expect(result.bytes).toBe(27);
    expect(new TextDecoder().decode(new Uint8Array(await new Blob(result.chunks as BlobPart[]).arrayBuffer()))).toBe(
      '{"a":1}\n{"b":"é"}\n{"c":3}\n',
    );
  });
});

describe('attachmentName', () => {
  it('reads the file name of Content-Disposition, refusing paths', () => {
    expect(attachmentName('attachment; filename="clikodoc-12.ndjson"', 'x')).toBe('clikodoc-12.ndjson');
    expect(attachmentName('attachment; filename="../etc/passwd"', 'x')).toBe('x');
    expect(attachmentName(null, 'site.csv')).toBe('site.csv');
  });
});
