import { defineConfig } from 'vitest/config';

// Two projects: fast unit/contract tests (Node or happy-dom), and real-browser e2e tests that
// drive Debian's Chromium against the real server (run after the unit project, one file at a time).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/protocol/**/*.test.ts',
            'packages/collector/**/*.test.ts',
            'packages/witness/**/*.test.ts',
            'packages/scanner/**/*.test.ts',
            // Server rendering, where there is no window at all.
            'packages/react/**/*.server.test.{ts,tsx}',
            'apps/server/**/*.test.ts',
            'bench/**/*.test.ts',
            'reliability/**/*.test.ts',
            'docs/**/*.test.ts',
            'packaging/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: [
            'packages/sdk/**/*.test.{ts,tsx}',
            'packages/react/**/*.test.{ts,tsx}',
            'apps/auditor/**/*.test.{ts,tsx}',
            'apps/demo/**/*.test.ts',
            'contract/**/*.test.ts',
          ],
          exclude: ['**/*.server.test.*', '**/node_modules/**'],
          environment: 'happy-dom',
          // The test pages name real third-party resources (gtag.js, a Google Maps embed): happy-dom
          // fetches none of them, and treats each as a browser would treat one that arrived.
          environmentOptions: {
            happyDOM: {
              settings: {
                // A script with a src fires `load` without being fetched or run (happy-dom runs no
                // JavaScript anyway), instead of an `error` and a logged "loading is disabled" trace.
                disableJavaScriptFileLoading: true,
                handleDisabledFileLoadingAsSuccess: true,
                // An iframe gets its frame and its `load` (about:blank when it has no src, as a gated
                // embed does), at its URL but empty: child frames never navigate, so nothing is fetched.
                enableIframePageLoading: true,
                navigation: { disableChildFrameNavigation: true },
              },
            },
          },
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
