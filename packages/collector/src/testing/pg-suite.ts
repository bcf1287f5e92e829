// One throwaway PostgreSQL cluster per test file, started before its tests and removed after them.
import { afterAll, beforeAll } from 'vitest';
import { type PgCluster, startPgCluster } from './pg-cluster';

/**
 * Registers the cluster's start and stop hooks and answers a handle to it. fsync is off: these tests
 * crash collectors, never the database server, and measure nothing.
 */
export function clusterForThisFile(): Pick<PgCluster, 'createDatabase' | 'dropDatabase'> {
  let cluster: PgCluster | undefined;
  beforeAll(async () => {
    cluster = await startPgCluster({ fsync: false });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  const started = (): PgCluster => {
    if (!cluster) throw new Error('the PostgreSQL cluster is started by beforeAll');
    return cluster;
  };
  return {
    createDatabase: (name) => started().createDatabase(name),
    dropDatabase: (name) => started().dropDatabase(name),
  };
}
