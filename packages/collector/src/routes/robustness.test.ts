// Nothing a client sends produces a 500: odd paths, encodings, methods and bodies on every public route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCollector } from '../testing';

describe('public routes under odd input', () => {
  let h: Awaited<ReturnType<typeof testCollector>>;
  beforeAll(async () => {
    h = await testCollector();
    await h.collector.context.integrator.runOnce();
  });
  afterAll(async () => {
    await h.dispose();
  });

  const requests: Array<[string, RequestInit?]> = [
    ['/v1/sites/%E0%A4%A/config'],
    ['/v1/sites/clikodoc/config?lang=%FF'],
    [`/v1/sites/clikodoc/config?lang=${'x'.repeat(5000)}`],
    [`/v1/sites/${'a'.repeat(3000)}/config`],
    ['/v1/sites/clikodoc/log/proof/%00'],
    [`/v1/sites/clikodoc/log/proof/${'z'.repeat(2000)}`],
    ['/v1/sites/clikodoc/log/consistency?from=99999999999999999999&to=1'],
    ['/v1/sites/clikodoc/log/consistency?from=1&to=1e3'],
    ['/v1/sites/clikodoc/log/consistency?from[]=1'],
    ['/v1/sites/../../etc/passwd/config'],
    ['/v1/receipts'],
    ['/v1/receipts', { method: 'PUT' }],
    [
      '/v1/receipts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', Origin: 'http://localhost:8080' },
        body: 'null',
      },
    ],
    [
      '/v1/receipts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' },
        body: '{"receipts":[null]}',
      },
    ],
    [
      '/v1/receipts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' },
        body: '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
      },
    ],
    [
      '/v1/receipts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' },
        body: '{"receipts":["..","a..b","....",".e30.","e30.e30.e30"]}',
      },
    ],
    [
      '/v1/receipts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'null' },
        body: '{"receipts":["a.b.c"]}',
      },
    ],
    [
      '/v1/receipts',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' },
        body: '\uFEFF{"receipts":[]}',
      },
    ],
    [
      '/v1/receipts',
      { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8080' } },
    ],
    ['/v1/keys', { method: 'DELETE' }],
  ];

  for (const [path, init] of requests) {
    it(`${init?.method ?? 'GET'} ${path.slice(0, 80)} answers JSON below 500`, async () => {
      const res = await h.collector.app.request(path, init);
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400)
        expect(((await res.json()) as { error: { code: string } }).error.code).toEqual(expect.any(String));
    });
  }
});
