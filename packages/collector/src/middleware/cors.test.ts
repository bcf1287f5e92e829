import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { siteCors } from './cors';

const SITE_ORIGIN = 'https://www.example.fr';

function app(): Hono<AppEnv> {
  const a = new Hono<AppEnv>();
  a.use(
    '*',
    siteCors({
      allowed: async (origin) => origin === SITE_ORIGIN,
      allowMethods: ['POST', 'GET'],
      exposeHeaders: ['ETag'],
      maxAge: 60,
    }),
  );
  a.post('/json', (c) => c.json({ ok: true }, 201));
  a.get('/own', () => new Response('own', { headers: { Vary: 'Accept-Encoding' } }));
  return a;
}

describe('siteCors', () => {
  it('gives a site origin its headers on a handler answer', async () => {
    const res = await app().request('/json', { method: 'POST', headers: { Origin: SITE_ORIGIN } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('adds them to a Response a handler built itself, keeping its own Vary', async () => {
    const res = await app().request('/own', { headers: { Origin: SITE_ORIGIN } });
    expect(await res.text()).toBe('own');
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const res = await app().request('/json', {
      method: 'OPTIONS',
      headers: { Origin: SITE_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('POST,GET');
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type');
    expect(res.headers.get('access-control-max-age')).toBe('60');
    expect(res.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers');
  });

  it('gives any other origin, or none, no Access-Control-Allow-Origin', async () => {
    const other = await app().request('/json', { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toBe('Origin');
    const none = await app().request('/json', { method: 'POST' });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app().request('/json', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
