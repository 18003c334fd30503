// keytar in a worker process: a native crash there (findCredentials on a locked keyring) ends one
// call, answered as a failure, never the app; the next call gets a fresh worker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../main/keychain/keychain.ts';
import { createKeytarWorker } from '../../../main/keychain/keytar-worker.ts';
import { startNodeWorker } from '../../support/keychain-worker.ts';

// A keytar stand-in module for the worker: entries in memory; listing 'crash' dies like keytar#477.
const folder = mkdtempSync(path.join(tmpdir(), 'keytar-worker-'));
const fakeModule = path.join(folder, 'fake-keytar.cjs');
writeFileSync(
  fakeModule,
  `const entries = new Map();
module.exports = {
  getPassword: async (service, name) => entries.get(service + '/' + name) ?? null,
  setPassword: async (service, name, value) => void entries.set(service + '/' + name, value),
  deletePassword: async (service, name) => entries.delete(service + '/' + name),
  findCredentials: async (service) => {
    if (service === 'crash') process.kill(process.pid, 'SIGSEGV');
    return [...entries.keys()].filter((key) => key.startsWith(service + '/')).map((key) => ({ account: key.slice(service.length + 1), password: '' }));
  },
};`,
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('keytar worker', () => {
  it('answers getPassword, setPassword, deletePassword and listing names from its own process', async () => {
    const worker = createKeytarWorker(startNodeWorker(fakeModule));
    await worker.setPassword('svc', 'a', 'secret-a');
    expect(await worker.getPassword('svc', 'a')).toBe('secret-a');
    expect(await worker.names('svc')).toEqual(['a']);
    expect(await worker.deletePassword('svc', 'a')).toBe(true);
    expect(await worker.getPassword('svc', 'a')).toBeNull();
    worker.reset();
  });

  it('a crash in the worker fails that call only (typed, through the keychain queue); the next call gets a fresh worker', async () => {
    const worker = createKeytarWorker(startNodeWorker(fakeModule));
    const keychain = createKeychain({ canaryService: 'svc', loadKeytar: async () => worker });

    await expect(keychain.names('crash')).rejects.toMatchObject({ code: 'keychain_stopped' });

    await keychain.set('svc', 'b', 'secret-b');
    expect(await keychain.get('svc', 'b')).toBe('secret-b');
    worker.reset();
  });
});
