import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Four projects: fast unit tests (node), renderer component tests (jsdom), integration tests
// against a real keychain and a real NocoDB, and end-to-end tests in real Chromium. The real
// NocoDB is started once per run by the global setup and shared by integration and e2e, which also
// get a private X display, D-Bus session and keyring (desktop-setup.ts), never the user's own.
// An e2e poll waits like a user would (10 s, not 1 s): sign-in is two requests now, on a shared machine.
export default defineConfig({
  test: {
    globalSetup: ['test/support/desktop-setup.ts', 'test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/main/**/*.test.ts', 'test/preload/**/*.test.ts', 'test/config/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/require-test-desktop.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          setupFiles: ['test/support/require-test-desktop.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
