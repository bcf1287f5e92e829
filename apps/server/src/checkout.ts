// Paths of the checkout the server's tests run in. The server itself never walks up to the
// repository: it finds its files through the packages' exports (assets.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in it (apps/server/src). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** The built `consent-ledger` command. */
export const CLI = join(REPO, 'apps/server/dist/cli.js');
/** The fixture site configs (fixtures/sites). */
export const FIXTURE_SITES = join(REPO, 'fixtures/sites');
