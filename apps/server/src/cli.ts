// Entry point of the `consent-ledger` command (bundled to dist/cli.js).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error('consent-ledger: unexpected error:', error);
    process.exit(1);
  },
);
