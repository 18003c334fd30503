// Capabilities at start-up: no state answer asks a server or waits for one, so a launch, a switch and
// a sign-in wait for no other account's server; an account's capabilities become known with its
// first token page (which asks the v3 tokens route beside its own request) and go with its session.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../main/create-handlers.ts';
import type { Handlers } from '../../main/ipc-router.ts';
import type { AppPorts } from '../../main/ports.ts';
import { NO_CAPABILITIES, type SessionState } from '../../preload/contract.ts';
import { startFakeNocodb, type FakeGeneration, type FakeNocodb } from '../support/fake-nocodb.ts';
import { memoryPorts } from '../support/memory-ports.ts';
import { idByEmail, shownId } from '../support/shown-account.ts';
import { answeredSoon } from '../support/answered-soon.ts';

const servers: FakeNocodb[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serverOf(generation: FakeGeneration = '0.301.3'): Promise<FakeNocodb> {
  const server = await startFakeNocodb({ generation });
  servers.push(server);
  return server;
}

/** A new main on the same ports, as after a restart, restoring at once. */
function launch(ports: AppPorts): Handlers {
  const app = createApp(ports);
  app.launch();
  return app.handlers;
}

const entryOf = (state: SessionState, accountId: string) => state.accounts.find((entry) => entry.id === accountId);

/** What an April 2026 server with its v3 tokens open offers a user who is not a super admin. */
const APRIL_2026 = {
  ...NO_CAPABILITIES,
  showsTokenOnce: true,
  tracksLastUse: true,
  hasExpiry: true,
  revokesAtOnce: true,
  expiryAtCreation: true,
  noExpiry: true,
  enableDisable: true,
};

describe('state answers wait for no server', () => {
  it('a launch, a switch and the shown account’s list answer while another account’s server never answers its token routes', async () => {
    const home = await serverOf();
    const away = await serverOf();
    const { ports } = memoryPorts();
    const first = launch(ports);
    await first['session:sign-in']({ serverUrl: away.url, ...away.admin });
    const signedIn = await first['session:sign-in']({ serverUrl: home.url, ...home.admin });
    const homeId = shownId(signedIn);
    const awayId = idByEmail(signedIn, away.admin.email);
    away.faults.inject({ kind: 'hang' }, { route: 'tokens.list', times: Infinity });
    away.faults.inject({ kind: 'hang' }, { route: 'v3.tokens', times: Infinity });
    const asked = { list: away.calls['tokens.list'], v3: away.calls['v3.tokens'] };

    const handlers = launch(ports);
    const boot = await answeredSoon(handlers['app:boot']({ showsTokens: true }));
    const state = await answeredSoon(handlers['session:get']());

    expect(boot).toMatchObject({ session: { status: 'signed_in' }, firstPage: { accountId: homeId, page: { ok: true } } });
    expect(state).toMatchObject({ status: 'signed_in' });
    expect(await answeredSoon(handlers['accounts:switch']({ accountId: awayId }))).toMatchObject({ status: 'signed_in' });
    expect(await answeredSoon(handlers['tokens:list']({ accountId: homeId, page: 1, pageSize: 10 }))).toMatchObject({ page: 1 });
    expect(await answeredSoon(handlers['accounts:switch']({ accountId: homeId }))).toMatchObject({ status: 'signed_in' });
    // Nothing but a page of the account itself asks its server about tokens.
    expect({ list: away.calls['tokens.list'], v3: away.calls['v3.tokens'] }).toEqual(asked);
  });

  it('a sign-in answers without asking the server about tokens', async () => {
    const server = await serverOf('april-2026');
    const handlers = launch(memoryPorts().ports);

    const state = await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin });

    expect(state).toMatchObject({ status: 'signed_in' });
    expect({ list: server.calls['tokens.list'], v3: server.calls['v3.tokens'] }).toEqual({ list: 0, v3: 0 });
  });
});

describe('capabilities: unknown, then known with the first page', () => {
  it('the first page carries them (the v3 route asked once, beside it), and the account’s entry from then on', async () => {
    const server = await serverOf('april-2026');
    const user = { email: 'grace@example.com', password: 'another password' };
    server.addUser(user);
    server.addToken(user.email, { description: 'ci', expiry: null });
    const handlers = launch(memoryPorts().ports);

    const signedIn = await handlers['session:sign-in']({ serverUrl: server.url, ...user });
    const accountId = shownId(signedIn);
    // Unknown yet: no capabilities at all, not a guess.
    expect(entryOf(signedIn, accountId)).not.toHaveProperty('capabilities');

    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });
    expect(page.capabilities).toEqual(APRIL_2026);
    expect(entryOf(await handlers['session:get'](), accountId)?.capabilities).toEqual(APRIL_2026);

    // Later pages, All tokens' scan and a create ask the route no more.
    await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });
    expect((await handlers['tokens:scan']({ accountId, offset: 0 })).capabilities).toEqual(APRIL_2026);
    await handlers['tokens:create']({ accountId, name: 'later', expiry: { days: 30 } });
    expect(server.calls['v3.tokens']).toBe(1);
  });

  it('a v3 route slower than the list: the page waits for it and never offers less than the server has', async () => {
    const server = await serverOf('april-2026');
    const handlers = launch(memoryPorts().ports);
    const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    server.faults.inject({ kind: 'slow', ms: 300 }, { route: 'v3.tokens' });

    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });

    expect(page.capabilities).toMatchObject({ expiryAtCreation: true, noExpiry: true, enableDisable: true, listsOthersTokens: true });
  });

  it('a create before any page asks the route first, so an expiry is kept where the server takes one', async () => {
    const server = await serverOf('april-2026');
    const handlers = launch(memoryPorts().ports);
    const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }));

    const created = await handlers['tokens:create']({ accountId, name: 'first', expiry: { days: 30 } });

    expect(created.expiry).toEqual(expect.any(String));
    expect(server.calls['v3.tokens']).toBe(1);
  });

  it('signing in again forgets them: unknown until the new session’s first page asks again', async () => {
    const server = await serverOf('april-2026');
    const handlers = launch(memoryPorts().ports);
    const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });

    const again = await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin });
    expect(entryOf(again, accountId)).not.toHaveProperty('capabilities');
    expect((await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 })).capabilities.enableDisable).toBe(true);
    expect(server.calls['v3.tokens']).toBe(2);
  });

  it('an account logged out while its question was on its way does not come back with its answer', async () => {
    const server = await serverOf('april-2026');
    const other = await serverOf();
    const handlers = launch(memoryPorts().ports);
    const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    await handlers['session:sign-in']({ serverUrl: other.url, ...other.admin });
    server.faults.inject({ kind: 'slow', ms: 300 }, { route: 'v3.tokens' });

    const page = Promise.resolve(handlers['tokens:list']({ accountId, page: 1, pageSize: 10 })).catch(() => 'refused');
    const loggedOut = await handlers['accounts:remove']({ accountId });
    await page;
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(loggedOut.accounts.map((entry) => entry.id)).not.toContain(accountId);
    const state = await handlers['session:get']();
    expect(state.accounts.map((entry) => entry.id)).not.toContain(accountId);
    // Signed in again, it starts unknown: the late answer of the ended session was not kept for it.
    const back = await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin });
    expect(entryOf(back, idByEmail(back, server.admin.email))).not.toHaveProperty('capabilities');
  });
});

describe('capabilities of a session that was replaced', () => {
  it('signed in again while the old session’s question is on its way: the new session asks its own', async () => {
    const server = await serverOf('april-2026');
    const handlers = launch(memoryPorts().ports);
    const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    server.faults.inject({ kind: 'slow', ms: 300 }, { route: 'v3.tokens' });
    const oldPage = Promise.resolve(handlers['tokens:list']({ accountId, page: 1, pageSize: 10 })).catch(() => 'refused');

    await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin });
    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });
    await oldPage;

    expect(page.capabilities).toMatchObject({ expiryAtCreation: true, noExpiry: true, enableDisable: true });
    expect(server.calls['v3.tokens']).toBe(2);
  });
});
