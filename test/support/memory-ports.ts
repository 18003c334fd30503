// AppPorts for tests that run main's real services without Electron or a keychain: memory secret
// stores, an in-memory clipboard and settings file, Node's fetch, timers that never fire.
import type { AppPorts, JsonFile } from '../../main/ports.ts';
import { createMemorySecretStore } from '../../main/session/memory-store.ts';
import { createMemoryTokenVault } from '../../main/session/memory-token-vault.ts';

export function memoryJsonFile(initial?: unknown): JsonFile & { content: unknown } {
  const file = {
    content: initial,
    read: async () => file.content,
    write: async (value: unknown) => {
      file.content = JSON.parse(JSON.stringify(value));
    },
  };
  return file;
}

export function memoryPorts(overrides: Partial<AppPorts> = {}) {
  const clipboard = { text: '', readText: () => clipboard.text, writeText: (text: string) => void (clipboard.text = text) };
  const logs: string[] = [];
  const ports: AppPorts = {
    secretStore: createMemorySecretStore(),
    fallbackSecretStore: createMemorySecretStore(),
    tokenVault: createMemoryTokenVault(),
    clipboard,
    settingsFile: memoryJsonFile(),
    httpConsentFile: memoryJsonFile(),
    fetch: globalThis.fetch,
    timers: { setTimeout: () => 0, clearTimeout: () => {} },
    now: () => Date.now(),
    requestTimeoutMs: 5_000,
    log: (line) => logs.push(line),
    ...overrides,
  };
  return { ports, clipboard, logs };
}
