// The log health view's witnesses: pin keys, see each pinned witness's cosignature of the current
// checkpoint (checked in the browser), set the quorum; pins are kept per collector in localStorage.
import { appendSignatures, cosign, generateCollectorKey, witnessVerifierKey } from '@consent-ledger/protocol';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../api';
import { click, flush, mount, texts, until } from '../test-dom';
import { testLog, withdrawalStory } from '../test-log';
import { LogView } from './log-view';
import { useLogHealth } from './use-log-health';

const COLLECTOR = 'http://collector.test';

async function witness(name: string) {
  const pair = await generateCollectorKey();
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { name, privateKey: pair.privateKey, publicKey, vkey: witnessVerifierKey(name, publicKey) };
}

let note: string;
let a: Awaited<ReturnType<typeof witness>>;
let b: Awaited<ReturnType<typeof witness>>;

beforeEach(async () => {
  localStorage.clear();
  const { log } = await withdrawalStory();
  [a, b] = await Promise.all([witness('a.example/w'), witness('b.example/w')]);
  const body = log.checkpoint.slice(0, log.checkpoint.indexOf('\n\n') + 1);
  note = appendSignatures(log.checkpoint, [await cosign(body, a, Math.floor(Date.now() / 1000) - 60)]);
  const keys = log.keys;
  fetcher = async (input) => {
    const url = new URL(String(input));
    if (url.pathname === '/v1/keys') return Response.json(keys);
    if (url.pathname.endsWith('/log/checkpoint')) return new Response(note);
    return Response.json({ error: { code: 'not-found', message: url.pathname } }, { status: 404 });
  };
});
afterEach(() => {
  // Unmount, so no effect of this test runs once its environment is gone.
  for (const root of document.body.children) render(null, root);
  localStorage.clear();
});

let fetcher: (input: RequestInfo | URL) => Promise<Response>;

function Harness() {
  const api = createApi({ base: COLLECTOR, token: 'clt_x', site: 'demo-site', fetch: (i) => fetcher(i) });
  return <LogView log={useLogHealth(api, COLLECTOR)} />;
}

/** Types a key into the pin form and submits it. */
async function pin(root: HTMLElement, vkey: string) {
  const input = root.querySelector<HTMLInputElement>('#witness-key')!;
  input.value = vkey;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
  root.querySelector('form.witness-pin')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await flush();
}

const rows = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-witness]')].map((r) => [
    r.getAttribute('data-witness'),
    r.getAttribute('data-state'),
  ]);

describe('the witnesses of the log health view', () => {
  it('pins keys, checks each cosignature in the browser, and applies the quorum', async () => {
    const root = await mount(<Harness />);
    await until(() => root.querySelector('[data-size]'));
    expect(root.querySelector('[data-witnesses]')!.textContent).toContain('No witness pinned in this browser.');
    // A line by a witness nobody pinned is named, and said to be unchecked.
    expect(texts(root, '[data-unpinned]')).toEqual([
      'Also cosigned by (not checked: pin their keys to check them): a.example/w',
    ]);

    await pin(root, 'not a key');
    expect(root.querySelector('#witness-key-problem')!.textContent).toContain('Not a witness verifier key');

    await pin(root, a.vkey);
    await until(() => rows(root).length === 1);
    expect(rows(root)).toEqual([['a.example/w', 'cosigned']]);
    expect(root.querySelector('[data-witness="a.example/w"]')!.textContent).toContain('Cosigned on');
    expect(root.querySelector('[data-quorum]')!.getAttribute('data-quorum')).toBe('met');
    expect(root.querySelector('[data-unpinned]')).toBeNull();

    // A second pinned witness is required too by default: it did not cosign.
    await pin(root, b.vkey);
    await until(() => rows(root).length === 2);
    expect(rows(root)).toEqual([
      ['a.example/w', 'cosigned'],
      ['b.example/w', 'missing'],
    ]);
    expect(texts(root, '[data-quorum]')).toEqual([
      '✗ Only 1 of the 2 required cosignatures: this checkpoint is not witnessed as you require.',
    ]);
    const quorum = root.querySelector<HTMLInputElement>('input[type=number]')!;
    quorum.value = '1';
    quorum.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => root.querySelector('[data-quorum="met"]'));
    expect(JSON.parse(localStorage.getItem(`cl-auditor:witnesses:${COLLECTOR}`)!)).toEqual({
      vkeys: [a.vkey, b.vkey],
      quorum: 1,
    });

    await click(root.querySelector('[data-witness="a.example/w"] button')!);
    await until(() => rows(root).length === 1);
    expect(rows(root)).toEqual([['b.example/w', 'missing']]);
    expect(root.querySelector('[data-quorum]')!.getAttribute('data-quorum')).toBe('not-met');
  });

  it('flags a pinned witness whose cosignature line does not verify', async () => {
    localStorage.setItem(`cl-auditor:witnesses:${COLLECTOR}`, JSON.stringify({ vkeys: [a.vkey], quorum: 1 }));
    // The line's signature no longer covers the checkpoint: one byte of it changed.
    const line = note.slice(note.lastIndexOf('\u2014 a.example/w'));
    const sig = line.slice(line.lastIndexOf(' ') + 1, -1);
    const bytes = Uint8Array.from(atob(sig), (c) => c.charCodeAt(0));
    bytes[40] ^= 1;
    note = note.replace(sig, btoa(String.fromCharCode(...bytes)));
    const root = await mount(<Harness />);
    await until(() => rows(root).length === 1);
    expect(rows(root)).toEqual([['a.example/w', 'invalid']]);
    expect(root.querySelector('[data-witness="a.example/w"]')!.textContent).toContain(
      'Its cosignature does not verify',
    );
  });

  it('raises the alarm when a witness that stopped cosigning had cosigned a longer log: rolled back', async () => {
    localStorage.setItem(`cl-auditor:witnesses:${COLLECTOR}`, JSON.stringify({ vkeys: [b.vkey], quorum: 1 }));
    // b cosigned this log at 9 entries; the collector now shows fewer (an old database restored).
    const longer = await testLog();
    for (let i = 0; i < 9; i++) longer.tree.append(new Uint8Array(32).fill(i));
    const older = await longer.seal();
    const cosigned = appendSignatures(older, [
      await cosign(older.slice(0, older.indexOf('\n\n') + 1), b, Math.floor(Date.now() / 1000) - 600),
    ]);
    const served = fetcher;
    fetcher = async (input) =>
      new URL(String(input)).pathname.endsWith('/log/witnesses')
        ? Response.json({
            site: 'demo-site',
            size: 5,
            quorum: 1,
            quorumReached: false,
            witnesses: [{ vkey: b.vkey, name: b.name, cosignedSize: 9, behind: 0, checkpoint: cosigned }],
          })
        : served(input);
    const root = await mount(<Harness />);
    await until(() => rows(root).length === 1);
    expect(rows(root)).toEqual([['b.example/w', 'rewritten']]);
    expect(root.querySelector('[data-witness="b.example/w"]')!.textContent).toMatch(
      /Log rewritten or rolled back: this witness cosigned the log at 9 entries on .*\(the log shrank from 9 to \d entries\)/,
    );
    expect(root.querySelector('[data-quorum]')!.getAttribute('data-quorum')).toBe('not-met');
  });
});
