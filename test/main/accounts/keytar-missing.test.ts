// keytar is a native module: on a machine where it failed to build or load, the app must still
// start and sign in, keep the session in memory, and say why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/create-handlers.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createOsKeychain } from '../../../main/keychain/os-keychain.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import { memoryPorts } from '../../support/memory-ports.ts';
import { startNodeWorker } from '../../support/keychain-worker.ts';

const missingKeytar = () => Promise.reject(new Error("Cannot find module 'keytar' at /opt/app/node_modules"));
const keychainWithoutKeytar = () =>
  createOsKeychain({
    services: KEYCHAIN_SERVICES,
    startWorker: startNodeWorker(),
    loadKeytar: missingKeytar,
  });

describe('keytar missing', () => {
  let server: FakeNocodb;
  beforeEach(async () => {
    server = await startFakeNocodb();
  });
  afterEach(() => server.close());

  it('every keychain call refuses with keychain_unavailable, without the loader’s details', async () => {
    const { secretStore: store, tokenVault: vault } = keychainWithoutKeytar();
    for (const call of [
      () => store.entries(),
      () => store.load('a1'),
      () => store.save('a1', { serverUrl: 'http://x', email: 'a@b.c', jwt: 'j', refreshToken: 'r' }),
      () => store.remove('a1'),
      () => vault.load('a1', ['1']),
      () => vault.put('a1', '1', 'x'.repeat(40), async () => true),
      () => vault.clear('a1'),
    ]) {
      const failure = await call().catch((error: unknown) => error as { code: string; message: string });
      expect(failure).toMatchObject({ code: 'keychain_unavailable' });
      expect((failure as { message: string }).message).not.toMatch(/Cannot find module|node_modules/);
    }
  });

  it('the app starts signed out with a notice, signs in, and keeps the session in memory with a warning', async () => {
    const { ports } = memoryPorts({ secretStore: keychainWithoutKeytar().secretStore });
    const handlers = createHandlers(ports);

    expect(await handlers['session:get']()).toMatchObject({ status: 'signed_out', notice: { code: 'keychain_unavailable' } });
    const state = await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin });
    expect(state).toMatchObject({ status: 'signed_in', persistence: 'memory', persistenceProblem: { code: 'keychain_unavailable' } });
    const accountId = state.accounts[0]?.id ?? 'none';
    expect((await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 })).tokens).toEqual([]);
  });
});
