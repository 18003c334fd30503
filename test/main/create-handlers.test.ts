import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../preload/contract.ts';
import { createHandlers } from '../../main/create-handlers.ts';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { memoryPorts } from '../support/memory-ports.ts';
import { shownId } from '../support/shown-account.ts';

describe('createHandlers', () => {
  it('has one handler for every channel of the contract, and nothing else', () => {
    const handlers = createHandlers(memoryPorts().ports);

    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel]).toBe('function');
  });

  describe('against the fake NocoDB server', () => {
    let server: FakeNocodb;
    beforeEach(async () => {
      server = await startFakeNocodb();
    });
    afterEach(() => server.close());

    it('signs in, creates, lists, copies, deletes and signs out, logging no secret', async () => {
      const { ports, clipboard, logs } = memoryPorts();
      const handlers = createHandlers(ports);
      const { email, password } = server.admin;

      const state = await handlers['session:sign-in']({ serverUrl: server.url, email, password });
      expect(state).toMatchObject({ status: 'signed_in', persistence: 'memory', account: { email } });
      const accountId = shownId(state);

      const created = await handlers['tokens:create']({ accountId, name: 'wired' });
      const value = await handlers['tokens:reveal']({ accountId, id: created.id });
      const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });
      expect(page.tokens.map((token) => token.name)).toEqual(['wired']);

      expect(await handlers['tokens:copy']({ accountId, id: created.id })).toEqual({ clearAfterSeconds: 30 });
      expect(clipboard.text).toBe(value);

      expect(await handlers['tokens:delete']({ accountId, id: created.id })).toEqual({ revocation: 'revoked' });
      expect(await handlers['accounts:remove']({ accountId })).toMatchObject({ status: 'signed_out', prefill: { email } });

      expect(await ports.secretStore.entries()).toEqual([]);
      expect(logs.join('\n')).not.toContain(value);
      expect(logs.join('\n')).not.toContain(password);
    });

    it('drops the cached token values when the user signs out', async () => {
      const { ports } = memoryPorts();
      const handlers = createHandlers(ports);
      const { email, password } = server.admin;
      const first = shownId(await handlers['session:sign-in']({ serverUrl: server.url, email, password }));
      const { id } = await handlers['tokens:create']({ accountId: first, name: 'forget me' });

      await handlers['accounts:remove']({ accountId: first });
      const again = shownId(await handlers['session:sign-in']({ serverUrl: server.url, email, password }));

      await expect(handlers['tokens:reveal']({ accountId: again, id })).rejects.toMatchObject({ code: 'not_found' });
      await expect(handlers['tokens:reveal']({ accountId: first, id })).rejects.toMatchObject({ code: 'unknown_account' });
    });

    it('reads and updates the settings', async () => {
      const handlers = createHandlers(memoryPorts().ports);

      expect(await handlers['settings:get']()).toEqual({
        clipboardClearSeconds: 30,
        keepTokenCopies: true,
        expiryReminders: true,
        language: null,
      });
      expect(await handlers['settings:update']({ clipboardClearSeconds: 0 })).toEqual({
        clipboardClearSeconds: 0,
        keepTokenCopies: true,
        expiryReminders: true,
        language: null,
      });
      expect(await handlers['settings:get']()).toEqual({
        clipboardClearSeconds: 0,
        keepTokenCopies: true,
        expiryReminders: true,
        language: null,
      });
    });
  });

  describe("against the fake of today's NocoDB (tokens shown once)", () => {
    let server: FakeNocodb;
    beforeEach(async () => {
      server = await startFakeNocodb({ generation: '2026' });
    });
    afterEach(() => server.close());

    async function signedIn() {
      const { ports } = memoryPorts();
      const handlers = createHandlers(ports);
      const { email, password } = server.admin;
      const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, email, password }));
      return { ports, handlers, accountId };
    }

    it('a JWT the server refuses at launch (`me` answers 401): one refresh, one retry, still signed in', async () => {
      const { ports, accountId } = await signedIn();
      server.expireJwts();
      const refreshesBefore = server.calls.refresh;

      // A restart on the same keychain and settings.
      const restarted = createHandlers(ports);
      expect(await restarted['session:get']()).toMatchObject({ status: 'signed_in' });
      expect(server.calls.refresh - refreshesBefore).toBe(1);
      expect(await restarted['tokens:list']({ accountId, page: 1, pageSize: 10 })).toMatchObject({ tokens: [] });
    });

    it("signing out forgets the account's token copies", async () => {
      const { ports, handlers, accountId } = await signedIn();
      const { id } = await handlers['tokens:create']({ accountId, name: 'kept' });
      expect([...(await ports.tokenVault.load(accountId, [id])).keys()]).toEqual([id]);

      await handlers['accounts:remove']({ accountId });

      expect(await ports.tokenVault.load(accountId, [id])).toEqual(new Map());
    });

    it("with two accounts, Log Out of either (menu or overview) forgets that account's copies only", async () => {
      const { ports, handlers, accountId: adaId } = await signedIn();
      const grace = { serverUrl: server.url, email: 'grace@example.com' };
      server.addUser({ email: grace.email, password: 'grace-password' });
      const adaToken = await handlers['tokens:create']({ accountId: adaId, name: 'ada kept' });
      const graceId = shownId(await handlers['session:sign-in']({ ...grace, password: 'grace-password' }));
      const graceToken = await handlers['tokens:create']({ accountId: graceId, name: 'grace kept' });
      const copies = async (accountId: string) => [...(await ports.tokenVault.load(accountId, [adaToken.id, graceToken.id])).keys()];
      expect(await copies(adaId)).toEqual([adaToken.id]);
      expect(await copies(graceId)).toEqual([graceToken.id]);

      // Ada is not the active account: removed from the overview.
      await handlers['accounts:remove']({ accountId: adaId });
      expect(await copies(adaId)).toEqual([]);
      expect(await copies(graceId)).toEqual([graceToken.id]);
      await expect(handlers['tokens:reveal']({ accountId: graceId, id: graceToken.id })).resolves.toMatch(/\S{20}/);

      await handlers['accounts:remove']({ accountId: graceId });
      expect(await copies(graceId)).toEqual([]);
    });

    it('turning the setting off forgets every copy; saving another setting leaves them alone', async () => {
      const { ports, handlers, accountId } = await signedIn();
      const kept = await handlers['tokens:create']({ accountId, name: 'kept' });
      await handlers['settings:update']({ clipboardClearSeconds: 5 });
      expect((await ports.tokenVault.load(accountId, [kept.id])).size).toBe(1);

      await handlers['settings:update']({ keepTokenCopies: false, expiryReminders: true });

      expect(await ports.tokenVault.load(accountId, [kept.id])).toEqual(new Map());
      const notKept = await handlers['tokens:create']({ accountId, name: 'not kept' });
      expect(await ports.tokenVault.load(accountId, [notKept.id])).toEqual(new Map());
    });
  });
});
