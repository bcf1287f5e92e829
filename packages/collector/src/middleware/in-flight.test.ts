import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { inFlightLimit } from './in-flight';

describe('inFlightLimit', () => {
  it('answers 503 with Retry-After while the bodies being handled would pass the budget, and frees them once answered', async () => {
    const held: Array<() => void> = [];
    const app = new Hono<AppEnv>();
    app.post('/', inFlightLimit({ maxBytes: 250, streamedBytes: 200 }), async (c) => {
      await new Promise<void>((resolve) => held.push(resolve));
      return c.json({ ok: true });
    });
    const send = (body: string) =>
      app.request('/', { method: 'POST', body, headers: { 'Content-Length': String(body.length) } });
    const first = send('x'.repeat(100));
    const second = send('x'.repeat(100));
    while (held.length < 2) await new Promise((resolve) => setImmediate(resolve));
    // 200 bytes held: a third body of 100 would make 300.
    const refused = await send('x'.repeat(100));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'unavailable' } });
    // A smaller one still fits.
    const small = send('x'.repeat(50));
    while (held.length < 3) await new Promise((resolve) => setImmediate(resolve));
    for (const release of held.splice(0)) release();
    expect((await Promise.all([first, second, small])).map((r) => r.status)).toEqual([200, 200, 200]);
    // Everything was given back: a body as large as the budget is handled alone.
    const whole = send('x'.repeat(250));
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    held.pop()!();
    expect((await whole).status).toBe(200);
  });

  it('counts a body without Content-Length at the body limit, and always lets one request through', async () => {
    const held: Array<() => void> = [];
    const app = new Hono<AppEnv>();
    app.post('/', inFlightLimit({ maxBytes: 100, streamedBytes: 500 }), async (c) => {
      await new Promise<void>((resolve) => held.push(resolve));
      return c.json({ ok: true });
    });
    const streamed = app.request('/', { method: 'POST', body: 'abc' });
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    const refused = await app.request('/', { method: 'POST', body: 'x', headers: { 'Content-Length': '1' } });
    expect(refused.status).toBe(503);
    held.pop()!();
    expect((await streamed).status).toBe(200);
  });
});
