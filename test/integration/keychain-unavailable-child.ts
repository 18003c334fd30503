// Runs in a child process started WITHOUT a D-Bus session, so libsecret cannot reach any Secret
// Service. It builds the app's handlers on the real keytar store, as main.ts does, signs in
// against the server the parent names, and reports back over the IPC channel (not stdout).
import path from 'node:path';
import { createHandlers } from '../../main/create-handlers.ts';
import type { KeychainServices } from '../../main/keychain/keychain-names.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { createOsKeychain } from '../../main/keychain/os-keychain.ts';
import { createJsonFile } from '../../main/settings/json-file.ts';
import { startNodeWorker } from '../support/keychain-worker.ts';

export interface ChildRequest {
  services: KeychainServices;
  dataDir: string;
  serverUrl: string;
  email: string;
  password: string;
}

process.once('message', async (request: ChildRequest) => {
  const keychain = createOsKeychain({
    services: request.services,
    startWorker: startNodeWorker(),
  });
  const fallback = createMemorySecretStore();
  const loadFailure = await keychain.secretStore.check().then(
    () => null,
    (error: unknown) => ({ name: (error as Error).name, code: (error as { code?: string }).code, message: (error as Error).message }),
  );
  let clipboardText = '';
  const handlers = createHandlers({
    ...keychain,
    fallbackSecretStore: fallback,
    // No Secret Service either: keeping a token copy fails too, and must not fail the create.
    clipboard: { readText: () => clipboardText, writeText: (text) => void (clipboardText = text) },
    settingsFile: createJsonFile(path.join(request.dataDir, 'settings.json')),
    logOutFile: createJsonFile(path.join(request.dataDir, 'logging-out.json')),
    httpConsentFile: createJsonFile(path.join(request.dataDir, 'plain-http-servers.json')),
    fetch: globalThis.fetch,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    now: Date.now,
    requestTimeoutMs: 10_000,
    log: () => {},
  });
  const launchState = await handlers['session:get']();
  const state = await handlers['session:sign-in']({ serverUrl: request.serverUrl, email: request.email, password: request.password });
  const accountId = state.accounts[0]?.id ?? 'none';
  const { id } = await handlers['tokens:create']({ accountId, name: 'memory-only' });
  const entry = await fallback.load(accountId);
  const session = entry.status === 'ok' ? entry.session : null;
  // The secrets go back to the parent only so it can scan the data folder for them.
  const secrets = [request.password, session?.jwt, session?.refreshToken, await handlers['tokens:reveal']({ accountId, id })];
  process.send?.({ loadFailure, launchState, state, secrets }, () => process.exit(0));
});
