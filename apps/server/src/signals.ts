// Long-running commands (serve, witness) stop cleanly on SIGTERM or SIGINT.

/** Resolves once `close` has run after the first SIGTERM or SIGINT; `announce` says what happens meanwhile. */
export function closeOnSignal(close: () => Promise<void>, announce: (signal: NodeJS.Signals) => string): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      console.log(announce(signal));
      close().then(resolve, (error) => {
        console.error('consent-ledger: shutdown failed:', error);
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
