// Start-up in one hop (main side): the boot answer carries the settings, the system's languages, the
// session, the words and — for a signed-in account on the Tokens tab — its first token page, fetched
// at launch. The cases that broke an earlier attempt come first: a session that ended at launch, a
// switch during start-up and signing in again must behave exactly as without a prefetched page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../main/create-handlers.ts';
import { FIRST_PAGE_WAIT_MS, PREFETCH_FRESH_MS } from '../../../main/boot/boot-service.ts';
import type { BootAnswer } from '../../../preload/contract.ts';
import type { AppPorts } from '../../../main/ports.ts';
import en from '../../../renderer/i18n/catalogs/en.json' with { type: 'json' };
import de from '../../../renderer/i18n/catalogs/de.json' with { type: 'json' };
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import { memoryPorts } from '../../support/memory-ports.ts';
import { idByEmail, shownId } from '../../support/shown-account.ts';
import { answeredSoon } from '../../support/answered-soon.ts';

let server: FakeNocodb;
beforeEach(async () => {
  server = await startFakeNocodb();
});
afterEach(() => server.close());

const GRACE = { email: 'grace@example.com', password: 'another password' };
const clock = { now: Date.parse('2026-01-01T00:00:00Z') };

/** Ports that outlive one launch (keychain and settings in memory), with a clock the test moves. */
function persistentPorts(overrides: Partial<AppPorts> = {}) {
  return memoryPorts({ now: () => clock.now, ...overrides });
}

/** A new main on the same ports, as after a restart; `launch` starts restoring before any window asks. */
function launch(ports: AppPorts) {
  const app = createApp(ports);
  app.launch();
  return app.handlers;
}

/** The names of the first page a boot answer carries ('no page' when it carries none or a failure). */
const names = (firstPage: BootAnswer['firstPage']) =>
  firstPage?.page.ok ? firstPage.page.value.tokens.map((token) => token.name) : 'no page';
const realTimers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

/** Waits until main's launch work (restores, capability checks, the prefetch) has sent its last token-list request. */
async function launchSettled(): Promise<number> {
  for (let seen = -1; seen !== server.calls['tokens.list'];) {
    seen = server.calls['tokens.list'];
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return server.calls['tokens.list'];
}

/** Ends a stored session on the server, as a password change elsewhere would: its JWT and refresh token die. */
async function endStoredSession(ports: AppPorts, accountId: string) {
  const entry = await ports.secretStore.load(accountId);
  if (entry.status !== 'ok') throw new Error(`no stored session for ${accountId}: ${entry.status}`);
  const stored = entry.session;
  await fetch(`${server.url}/api/v1/auth/user/signout`, {
    method: 'POST',
    headers: { cookie: `refresh_token=${stored.refreshToken}`, 'xc-auth': stored.jwt },
  });
  server.expireJwts(stored.email);
}

describe('the boot answer', () => {
  it('brings the settings, the system languages, the session and the words of the language the app speaks', async () => {
    const { ports } = persistentPorts({ locale: { preferredLanguages: () => ['de-AT', 'en-US'] } });
    const handlers = launch(ports);

    const answer = await handlers['app:boot']({ showsTokens: true });

    expect(answer.settings).toEqual(await handlers['settings:get']());
    expect(answer.systemLanguages).toEqual(['de-AT', 'en-US']);
    expect(answer.session).toMatchObject({ status: 'signed_out', accounts: [] });
    expect(answer.words).toEqual({ language: 'de', messages: de });
    expect(answer.firstPage).toBeNull();
  });

  it('speaks the language saved in Profile over the system’s', async () => {
    const { ports } = persistentPorts({ locale: { preferredLanguages: () => ['de-AT'] } });
    await launch(ports)['settings:update']({ language: 'en' });

    expect((await launch(ports)['app:boot']({ showsTokens: false })).words).toEqual({ language: 'en', messages: en });
  });

  it('hands over the first token page main fetched at launch, once, without asking the server again', async () => {
    const { ports } = persistentPorts();
    const first = launch(ports);
    const accountId = shownId(await first['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    await first['tokens:create']({ accountId, name: 'at launch' });
    const before = server.calls['tokens.list'];

    const handlers = launch(ports);
    const afterLaunch = await launchSettled(); // the page was fetched while the window loads
    const answer = await handlers['app:boot']({ showsTokens: true });

    expect(answer.session).toMatchObject({ status: 'signed_in' });
    expect(answer.firstPage?.accountId).toBe(accountId);
    expect(names(answer.firstPage)).toEqual(['at launch']);
    expect(answer.firstPage!.page).toMatchObject({ ok: true, value: { page: 1, pageSize: 10 } });
    expect(afterLaunch).toBeGreaterThan(before);
    expect(server.calls['tokens.list']).toBe(afterLaunch);
    // A second window (a reload) gets a page fetched for it, not the one already handed over.
    server.addToken(server.admin.email, { description: 'after launch' });
    expect(names((await handlers['app:boot']({ showsTokens: true })).firstPage)).toContain('after launch');
  });

  it('brings no token page to a window that does not open on the Tokens tab', async () => {
    const { ports } = persistentPorts();
    await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin });

    expect((await launch(ports)['app:boot']({ showsTokens: false })).firstPage).toBeNull();
  });

  it('fetches the page anew when the one from launch is no longer fresh', async () => {
    const { ports } = persistentPorts();
    const accountId = shownId(await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    const handlers = launch(ports);
    await launchSettled();

    server.addToken(server.admin.email, { description: 'made meanwhile' });
    clock.now += PREFETCH_FRESH_MS + 1;
    const answer = await handlers['app:boot']({ showsTokens: true });

    expect(answer.firstPage?.accountId).toBe(accountId);
    expect(names(answer.firstPage)).toContain('made meanwhile');
  });
});

describe('a server that fails or is slow at start-up', () => {
  it('a failure fetching the page travels in the answer, as the Tokens tab would have met it', async () => {
    const { ports } = persistentPorts();
    const accountId = shownId(await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    server.faults.inject({ kind: 'server-error' }, { route: 'tokens.list', times: Infinity });

    const answer = await launch(ports)['app:boot']({ showsTokens: true });

    expect(answer.session).toMatchObject({ status: 'signed_in' });
    expect(answer.firstPage).toMatchObject({ accountId, page: { ok: false, error: { code: 'server_error' } } });
  });

  it('a slow page is not waited for: the answer goes without it and the first list request joins it', async () => {
    const { ports } = persistentPorts({ timers: realTimers });
    const accountId = shownId(await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    await launch(ports)['tokens:create']({ accountId, name: 'slow' });
    const handlers = launch(ports);
    const before = await launchSettled();
    // The page from launch is no longer fresh: the boot answer asks the (now slow) server again.
    clock.now += PREFETCH_FRESH_MS + 1;
    server.faults.inject({ kind: 'slow', ms: FIRST_PAGE_WAIT_MS * 4 }, { route: 'tokens.list' });

    const started = performance.now();
    const answer = await handlers['app:boot']({ showsTokens: true });
    expect(performance.now() - started).toBeLessThan(FIRST_PAGE_WAIT_MS * 3);
    expect(answer.firstPage).toBeNull();
    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });

    expect(page.tokens.map((token) => token.name)).toEqual(['slow']);
    expect(server.calls['tokens.list']).toBe(before + 1);
  });
});

describe('what must behave as without a prefetched page', () => {
  it('a session that ended at launch: signed out with its notice, no page, and no token request for it', async () => {
    const { ports } = persistentPorts();
    const accountId = shownId(await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    await endStoredSession(ports, accountId);
    const before = server.calls['tokens.list'];

    const answer = await launch(ports)['app:boot']({ showsTokens: true });

    expect(answer.session).toMatchObject({ status: 'signed_out', prefill: { email: server.admin.email } });
    expect(answer.session.status === 'signed_out' && answer.session.notice).toMatchObject({ code: 'session_expired' });
    expect(answer.firstPage).toBeNull();
    expect(server.calls['tokens.list']).toBe(before);
  });

  it('signing in again after a session ended at launch lists what the server holds now', async () => {
    const { ports } = persistentPorts();
    const accountId = shownId(await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    await endStoredSession(ports, accountId);
    const handlers = launch(ports);
    await handlers['app:boot']({ showsTokens: true });
    server.addToken(server.admin.email, { description: 'made elsewhere' });

    const again = shownId(await handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    const page = await handlers['tokens:list']({ accountId: again, page: 1, pageSize: 10 });

    expect(again).toBe(accountId);
    expect(page.tokens.map((token) => token.name)).toEqual(['made elsewhere']);
    // And a window opening now (a reload) gets the page of the new session.
    expect(names((await handlers['app:boot']({ showsTokens: true })).firstPage)).toEqual(['made elsewhere']);
  });

  it('a session that ends after the page was fetched: the page is not handed over', async () => {
    const { ports } = persistentPorts();
    const accountId = shownId(await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin }));
    const handlers = launch(ports);
    await launchSettled();

    await endStoredSession(ports, accountId);
    // The account's next call finds the session ended (the server refuses its refresh).
    clock.now += 1;
    await expect(handlers['tokens:create']({ accountId, name: 'refused' })).rejects.toMatchObject({ code: 'session_expired' });
    const answer = await handlers['app:boot']({ showsTokens: true });

    expect(answer.session).toMatchObject({ status: 'signed_out' });
    expect(answer.firstPage).toBeNull();
  });

  it('a switch during start-up: the page is the shown account’s, never the one fetched for the other', async () => {
    server.addUser(GRACE);
    server.addToken(server.admin.email, { description: 'admin token' });
    server.addToken(GRACE.email, { description: 'grace token' });
    const { ports } = persistentPorts();
    const first = launch(ports);
    await first['session:sign-in']({ serverUrl: server.url, ...GRACE });
    const state = await first['session:sign-in']({ serverUrl: server.url, ...server.admin });
    const grace = idByEmail(state, GRACE.email);

    const handlers = launch(ports);
    await launchSettled(); // the admin's page, last opened, was fetched
    await handlers['accounts:switch']({ accountId: grace });
    const answer = await handlers['app:boot']({ showsTokens: true });

    expect(shownId(answer.session)).toBe(grace);
    expect(answer.firstPage?.accountId).toBe(grace);
    expect(names(answer.firstPage)).toEqual(['grace token']);
  });
});

describe('start-up waits for the shown account only', () => {
  /** Home (shown, opened last) and another account on a server that does not answer `me` at the next launch. */
  async function twoAccountsOneStuck() {
    const away = await startFakeNocodb();
    const { ports } = persistentPorts({ requestTimeoutMs: 60_000 });
    const first = launch(ports);
    await first['session:sign-in']({ serverUrl: away.url, ...away.admin });
    const state = await first['session:sign-in']({ serverUrl: server.url, ...server.admin });
    await first['tokens:create']({ accountId: shownId(state), name: 'home token' });
    away.faults.inject({ kind: 'hang' }, { route: 'me', times: Infinity });
    return { away, ports, homeId: shownId(state), awayId: idByEmail(state, away.admin.email) };
  }

  it('the boot answer brings the shown account and its page while another one is still restoring; session:get the rest once it settled', async () => {
    const { away, ports, homeId, awayId } = await twoAccountsOneStuck();
    const handlers = launch(ports);

    const answer = await answeredSoon(handlers['app:boot']({ showsTokens: true }));
    const rest = Promise.resolve(handlers['session:get']());

    expect(answer).not.toBe('still waiting');
    const { session, firstPage } = answer as BootAnswer;
    expect(shownId(session)).toBe(homeId);
    expect(session.accounts.find((entry) => entry.id === awayId)?.status).toBe('restoring');
    expect(names(firstPage)).toEqual(['home token']);
    // The shown account's calls and a switch back to it wait for no other account either.
    expect(await answeredSoon(handlers['tokens:list']({ accountId: homeId, page: 1, pageSize: 10 }))).toMatchObject({ page: 1 });
    expect(await answeredSoon(handlers['accounts:switch']({ accountId: homeId }))).toMatchObject({ status: 'signed_in' });
    expect(await answeredSoon(rest)).toBe('still waiting');

    await away.close(); // its `me` ends unanswered: the account is unreachable, and session:get answers
    const settled = await rest;
    expect(shownId(settled)).toBe(homeId);
    expect(settled.accounts.find((entry) => entry.id === awayId)?.status).toBe('unreachable');
  });

  it('a switch during start-up to the account still restoring waits for that account, and shows it', async () => {
    const { away, ports, awayId } = await twoAccountsOneStuck();
    const handlers = launch(ports);
    await handlers['app:boot']({ showsTokens: true });

    const switched = Promise.resolve(handlers['accounts:switch']({ accountId: awayId }));
    expect(await answeredSoon(switched)).toBe('still waiting');
    await away.close();

    // Its restore ended (unreachable): the window shows it, with its Retry — not the account opened at launch.
    expect(shownId(await switched)).toBe(awayId);
    expect(shownId(await handlers['session:get']())).toBe(awayId);
  });

  it('when the shown account did not come back, the answer waits for the others and opens a signed-in one', async () => {
    const { away, ports, homeId } = await twoAccountsOneStuck();
    away.faults.clear();
    await endStoredSession(ports, homeId);

    const answer = await launch(ports)['app:boot']({ showsTokens: true });

    expect(answer.session).toMatchObject({ status: 'signed_in', account: { email: away.admin.email } });
    expect(answer.session.accounts.find((entry) => entry.id === homeId)?.status).toBe('session_ended');
    await away.close();
  });
});

describe('the keychain at launch', () => {
  it('starts warming up when main launches, before the settings are read and any session is', async () => {
    const { ports } = persistentPorts();
    await launch(ports)['session:sign-in']({ serverUrl: server.url, ...server.admin });
    const steps: string[] = [];
    const { secretStore, settingsFile } = ports;
    const watched: AppPorts = {
      ...ports,
      secretStore: {
        ...secretStore,
        warmUp: () => steps.push('keychain warmed up'),
        load: (id) => (steps.push('session read'), secretStore.load(id)),
      },
      settingsFile: {
        ...settingsFile,
        read: () => (steps.push('settings read'), settingsFile.read()),
        inspect: () => (steps.push('settings read'), settingsFile.inspect()),
      },
    };

    const handlers = launch(watched);
    await handlers['session:get']();

    expect(steps[0]).toBe('keychain warmed up');
    expect(steps.filter((step) => step !== 'settings read')).toEqual(['keychain warmed up', 'session read']);
    expect(steps.indexOf('settings read')).toBeLessThan(steps.indexOf('session read'));
  });
});

describe('the order of the launch’s work', () => {
  it('the other accounts restore once the shown account’s first page is fetched: its reads and requests go first', async () => {
    const away = await startFakeNocodb();
    const { ports } = persistentPorts();
    const first = launch(ports);
    await first['session:sign-in']({ serverUrl: away.url, ...away.admin });
    await first['session:sign-in']({ serverUrl: server.url, ...server.admin });
    const steps: string[] = [];
    const where = (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      return `${url.origin === away.url ? 'away' : 'home'} ${url.pathname}`;
    };
    const watched: AppPorts = {
      ...ports,
      fetch: async (input, init) => {
        steps.push(`asked ${where(input)}`);
        const answer = await fetch(input, init);
        steps.push(`answered ${where(input)}`);
        return answer;
      },
    };

    const handlers = launch(watched);
    const answer = await handlers['app:boot']({ showsTokens: true });
    await handlers['session:get']();

    expect(answer.firstPage?.page.ok).toBe(true);
    expect(steps.indexOf('asked away /api/v1/auth/user/me')).toBeGreaterThan(steps.indexOf('answered home /api/v1/tokens'));
    expect(steps.indexOf('answered home /api/v1/tokens')).toBeGreaterThan(-1);
    await away.close();
  });
});
