// Ports for main's real handlers in an integration test, as main.ts builds them: JSON files in a
// data folder, Node's fetch and timers; the secrets go where the test says; nothing on a clipboard.
import path from 'node:path';
import type { AppPorts } from '../../main/ports.ts';
import { createJsonFile } from '../../main/settings/json-file.ts';

export function desktopAppPorts(
  dataDir: string,
  secrets: Pick<AppPorts, 'secretStore' | 'fallbackSecretStore' | 'tokenVault'> & Partial<AppPorts>,
): AppPorts {
  return {
    clipboard: { readText: () => '', writeText: () => {} },
    settingsFile: createJsonFile(path.join(dataDir, 'settings.json')),
    logOutFile: createJsonFile(path.join(dataDir, 'logging-out.json')),
    httpConsentFile: createJsonFile(path.join(dataDir, 'plain-http-servers.json')),
    fetch: globalThis.fetch,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    now: Date.now,
    requestTimeoutMs: 15_000,
    log: () => {},
    ...secrets,
  };
}
