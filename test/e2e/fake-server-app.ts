// For tests where the server does not matter to what is checked (accessibility, keyboard): a fake
// NocoDB per test and the app launched against it, with memory keychain and clipboard.
import { afterAll, afterEach, beforeEach } from 'vitest';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';

export interface FakeServerApp {
  server: FakeNocodb;
  app: LaunchedApp;
}

/** Registers the hooks in the calling test file; read `server` and `app` inside the tests. */
export function setUpFakeServerApp(): FakeServerApp {
  const current = {} as FakeServerApp;
  beforeEach(async () => {
    current.server = await startFakeNocodb();
    current.app = await launchApp({ serverUrl: current.server.url, secretStore: 'memory', clipboard: 'memory' });
  });
  afterEach(async () => {
    await current.app.close();
    await current.server.close();
  });
  afterAll(() => shutdownHarness());
  return current;
}
