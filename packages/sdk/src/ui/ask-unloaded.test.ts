// ask() when the prompt's code cannot load (the views chunk unreachable): the promise rejects, so
// the page's "Start the call" button is never left waiting, and no answer is recorded for the visitor.
import { afterEach, expect, it, vi } from 'vitest';
import { fakeRuntime, testDocument } from './fake-runtime';
import { mountUI } from './mount';
import { resetPage } from './test-dom';

vi.mock('./load-views', () => ({ loadViews: () => Promise.reject(new Error('chunk unreachable')) }));

afterEach(resetPage);

it('rejects ask() when the prompt cannot be drawn, and records nothing', async () => {
  const rt = fakeRuntime(testDocument(), {
    status: 'decided',
    reason: null,
    choices: { analytics: 'granted', marketing: 'denied', maps: 'denied', audiovideo: 'denied' },
  });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // Not the test helpers' mount: they wait for the views themselves.
  mountUI(rt, {});
  await expect(rt.ask('audiovideo')).rejects.toThrow('chunk unreachable');
  expect(document.getElementById('consent-ledger')!.shadowRoot!.querySelector('[role=dialog]')).toBeNull();
  expect(rt.get().choices.audiovideo).toBe('denied');
  expect(warn).toHaveBeenCalledWith('consent-ledger:', 'views', expect.any(Error));
  warn.mockRestore();
});
