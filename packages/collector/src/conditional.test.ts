import { describe, expect, it } from 'vitest';
import { notModified } from './conditional';

const headers = (h: Record<string, string>) => (name: string) => h[name];
const current = { etag: '"abc"', lastModified: Date.parse('2026-12-01T10:00:00.750Z') };

describe('notModified', () => {
  it('matches If-None-Match by weak comparison, in a list, or *', () => {
    expect(notModified(headers({ 'if-none-match': '"abc"' }), current)).toBe(true);
    expect(notModified(headers({ 'if-none-match': 'W/"abc"' }), current)).toBe(true);
    expect(notModified(headers({ 'if-none-match': '"old", "abc"' }), current)).toBe(true);
    expect(notModified(headers({ 'if-none-match': '*' }), current)).toBe(true);
    expect(notModified(headers({ 'if-none-match': '"old"' }), current)).toBe(false);
    expect(notModified(headers({ 'if-none-match': 'abc' }), current)).toBe(false);
  });

  it('compares If-Modified-Since to the second, and ignores it when If-None-Match is sent', () => {
    expect(notModified(headers({ 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }), current)).toBe(true);
    expect(notModified(headers({ 'if-modified-since': 'Tue, 01 Dec 2026 09:59:59 GMT' }), current)).toBe(false);
    expect(notModified(headers({ 'if-modified-since': 'yesterday' }), current)).toBe(false);
    expect(notModified(headers({ 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }), { etag: '"abc"' })).toBe(
      false,
    );
    expect(
      notModified(headers({ 'if-none-match': '"old"', 'if-modified-since': 'Tue, 01 Dec 2026 11:00:00 GMT' }), current),
    ).toBe(false);
  });

  it('is false without conditional headers', () => {
    expect(notModified(headers({}), current)).toBe(false);
  });
});
