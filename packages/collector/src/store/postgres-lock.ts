// The integrator lock on PostgreSQL: a session-level advisory lock on a dedicated connection.
// PostgreSQL releases it the moment that session ends, so a killed holder (its socket closed by
// the kernel) frees it at once; a holder that vanishes from the network is dropped by the
// server's TCP keepalives, set short on this session. The holder checks its session every
// interval and gives the lock up when the check fails or does not answer in time.
import pg from 'pg';
import type { IntegratorLock, IntegratorLockHandlers } from '../integrator-lock';
import { ADVISORY_NAMESPACE, INTEGRATOR_LOCK } from './postgres-schema';

/** Timing of the PostgreSQL integrator lock. */
export interface PostgresIntegratorLockOptions {
  /** How often a process without the lock tries to take it, and a holder checks its session (ms, default 1000). */
  intervalMs?: number;
  /** A connection or check that does not answer within this long counts as lost (ms, default 3000). */
  timeoutMs?: number;
}

/** A session-level advisory lock, taken with pg_try_advisory_lock on its own connection. */
export class PostgresIntegratorLock implements IntegratorLock {
  private client: pg.Client | null = null;
  private handlers: IntegratorLockHandlers | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticking: Promise<void> | null = null;
  private closed = false;
  private holding = false;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly url: string,
    options: PostgresIntegratorLockOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  get held(): boolean {
    return this.holding;
  }

  start(handlers: IntegratorLockHandlers): void {
    this.handlers = handlers;
    this.tick();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    this.holding = false;
    const client = this.client;
    this.client = null;
    // Ending the session releases the lock.
    await client?.end().catch(() => undefined);
  }

  private tick(): void {
    this.timer = null;
    if (this.closed) return;
    this.ticking = this.attempt().finally(() => {
      this.ticking = null;
      if (!this.closed) {
        this.timer = setTimeout(() => this.tick(), this.intervalMs);
        this.timer.unref?.();
      }
    });
  }

  private async attempt(): Promise<void> {
    try {
      const client = this.client ?? (await this.connect());
      if (this.holding) {
        await client.query('SELECT 1');
      } else {
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
          ADVISORY_NAMESPACE,
          INTEGRATOR_LOCK,
        ]);
        if (rows[0].ok && !this.closed && this.client === client) {
          this.holding = true;
          this.handlers?.onHeld();
        }
      }
    } catch {
      this.drop();
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      // The pid lets an operator (and the takeover test) see which process sequences.
      application_name: `consent-ledger integrator pid=${process.pid}`,
      keepAlive: true,
      connectionTimeoutMillis: this.timeoutMs,
      query_timeout: this.timeoutMs,
    });
    const lost = () => {
      if (this.client === client) this.drop();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      // The server notices a holder gone from the network after about 2 + 3 x 1 s, and frees the lock.
      await client.query('SET tcp_keepalives_idle = 2; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3');
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  /** Forgets the session (its lock is gone with it) and tells the owner if it held the lock. */
  private drop(): void {
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
    if (this.holding) {
      this.holding = false;
      this.handlers?.onLost();
    }
  }
}
