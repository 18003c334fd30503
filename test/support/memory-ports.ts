// AppPorts for tests that run main's real services without Electron or a keychain: memory secret
// stores, an in-memory clipboard and settings file, Node's fetch, timers that never fire.
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { createMemoryTokenVault } from '../../main/keychain/memory-token-vault.ts';
import type { AppPorts, ClipboardPort, JsonFile, JsonFileContent } from '../../main/ports.ts';

/** A clipboard in memory: `text` is what it holds now. */
export function memoryClipboard() {
  const clipboard = {
    text: '',
    readText: () => clipboard.text,
    writeText: (text: string) => void (clipboard.text = text),
  };
  return clipboard satisfies ClipboardPort;
}

/** A JSON file in memory; `status` makes it read as damaged or unreadable, `failWrites` makes writes fail. */
export function memoryJsonFile(initial?: unknown) {
  const file = {
    content: initial,
    status: (initial === undefined ? 'missing' : 'ok') as JsonFileContent['status'],
    failWrites: false,
    keptAside: [] as string[],
    async inspect(): Promise<JsonFileContent> {
      return file.status === 'ok' ? { status: 'ok', value: file.content } : { status: file.status };
    },
    async read() {
      if (file.status === 'unreadable') throw new Error('unreadable');
      return file.status === 'ok' ? file.content : undefined;
    },
    async keepAside(tag: string) {
      file.keptAside.push(tag);
      file.status = 'missing';
      return `settings.json.${tag}`;
    },
    async write(value: unknown) {
      if (file.failWrites) throw new Error('disk full');
      file.content = JSON.parse(JSON.stringify(value));
      file.status = 'ok';
    },
  };
  return file satisfies JsonFile;
}

export function memoryPorts(overrides: Partial<AppPorts> = {}) {
  const clipboard = memoryClipboard();
  const logs: string[] = [];
  const ports: AppPorts = {
    secretStore: createMemorySecretStore(),
    fallbackSecretStore: createMemorySecretStore(),
    tokenVault: createMemoryTokenVault(),
    clipboard,
    settingsFile: memoryJsonFile(),
    logOutFile: memoryJsonFile(),
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
