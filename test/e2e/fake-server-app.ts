// The e2e files' one per-test setup: what a test starts (fake NocoDB servers, app launches) is closed
// after it, the app before its server, and the harness's browser after the file.
import { afterAll, afterEach, beforeEach } from 'vitest';
import { startFakeNocodb, type FakeNocodb, type FakeNocodbOptions } from '../support/fake-nocodb.ts';
import { launchApp, shutdownHarness, type LaunchedApp, type LaunchOptions } from './harness.ts';

/** Starts servers and apps that the hooks close after the test that started them. */
export interface PerTest {
  server(options?: FakeNocodbOptions): Promise<FakeNocodb>;
  app(options?: LaunchOptions): Promise<LaunchedApp>;
}

/** Registers the hooks in the calling test file; start a test's servers and apps through the answer. */
export function closedAfterEachTest(): PerTest {
  let started: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    // Last started first: an app goes before the server it talks to.
    const closing = started.toReversed();
    started = [];
    for (const thing of closing) await thing.close();
  });
  afterAll(() => shutdownHarness());
  const keep = <T extends { close(): Promise<void> }>(thing: T) => (started.push(thing), thing);
  return {
    server: async (options) => keep(await startFakeNocodb(options)),
    app: async (options) => keep(await launchApp(options)),
  };
}

export interface FakeServerApp {
  server: FakeNocodb;
  app: LaunchedApp;
}

/**
 * For tests where the server does not matter to what is checked: before each, a fake NocoDB and the
 * app launched against it with memory keychain and clipboard (`launch` adds or overrides options).
 * Read `server` and `app` inside the tests.
 */
export function setUpFakeServerApp(launch: Omit<LaunchOptions, 'serverUrl'> = {}): FakeServerApp {
  const perTest = closedAfterEachTest();
  const current = {} as FakeServerApp;
  beforeEach(async () => {
    current.server = await perTest.server();
    current.app = await perTest.app({ serverUrl: current.server.url, secretStore: 'memory', clipboard: 'memory', ...launch });
  });
  return current;
}
