import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { clusterForThisFile } from '../testing/pg-suite';
import { PostgresIntegratorLock } from './postgres-lock';
import { ADVISORY_NAMESPACE, INTEGRATOR_LOCK } from './postgres-schema';

const cluster = clusterForThisFile();

/** A lock with its handler calls recorded. */
function recorded(url: string) {
  const events: string[] = [];
  const lock = new PostgresIntegratorLock(url, { intervalMs: 50, timeoutMs: 2000 });
  lock.start({ onHeld: () => events.push('held'), onLost: () => events.push('lost') });
  return { lock, events };
}

/** The backend pids holding the integrator lock. */
async function holders(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted",
      [ADVISORY_NAMESPACE, INTEGRATOR_LOCK],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

const waitFor = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 25 });

describe('PostgresIntegratorLock', () => {
  it('is held by one process at a time, and passes on when the holder closes', async () => {
    const url = await cluster.createDatabase('lock_close');
    const a = recorded(url);
    await waitFor(() => expect(a.lock.held).toBe(true));
    const b = recorded(url);
    const c = recorded(url);
    // Let b and c try several times.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([b.lock.held, c.lock.held]).toEqual([false, false]);
    expect(await holders(url)).toHaveLength(1);
    await a.lock.close();
    await waitFor(() => expect(b.lock.held || c.lock.held).toBe(true));
    expect(b.lock.held && c.lock.held).toBe(false);
    expect(a.events).toEqual(['held']);
    await Promise.all([b.lock.close(), c.lock.close()]);
    await waitFor(async () => expect(await holders(url)).toEqual([]));
  });

  it('tells the holder it lost the lock when its session dies, and another process takes over', async () => {
    const url = await cluster.createDatabase('lock_lost');
    const a = recorded(url);
    await waitFor(() => expect(a.lock.held).toBe(true));
    const b = recorded(url);
    const [pid] = await holders(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    await waitFor(() => expect(a.events).toEqual(['held', 'lost']));
    await waitFor(() => expect(a.lock.held || b.lock.held).toBe(true));
    // Whoever holds it now holds it alone, on a new session.
    const now = await holders(url);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(pid);
    await Promise.all([a.lock.close(), b.lock.close()]);
  });
});
