// Model-based test of the account layer: random sequences of sign-ins, switches, token calls that
// name an account, Log Out, restarts, a server ending a session or going offline, and the keychain
// locking, unlocking or refusing a write — over three servers at once. After every step:
// - each server has only ever received its own account's credentials (password, JWT, refresh token);
// - each token call ran on the account it named, or was refused — never on another account;
// - the keychain holds entries of listed accounts only, and while locked it loses nothing;
// - the renderer's view lists exactly the model's accounts, in order, each in a state the model allows.
// Everything is in memory (no HTTP, no keychain daemon), so 1,000 sequences take seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccountsService } from '../../../main/accounts/accounts-service.ts';
import { AppFailure } from '../../../main/app-error.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createMemorySecretStore } from '../../../main/keychain/memory-secret-store.ts';
import type { NocoClient } from '../../../main/nocodb/types.ts';
import { createSettingsService } from '../../../main/settings/settings-service.ts';
import type { AccountStatus, SessionState } from '../../../preload/contract.ts';
import { createInMemoryNoco } from '../../support/in-memory-noco-client.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';
import { createSwitchableKeychain } from './switchable-store.ts';

const SEQUENCES = 1_000;
const SERVERS = ['https://a.example.com', 'https://b.example.com', 'https://c.example.com'] as const;
type Server = 0 | 1 | 2;
const EMAIL = 'ada@example.com';
const passwordOf = (server: Server) => `password of server ${server}`;

/** One server: an in-memory NocoDB that records every credential it is sent. */
function recordingServer(server: Server) {
  const noco = createInMemoryNoco();
  noco.addUser(EMAIL, passwordOf(server), `Ada ${server}`);
  const issued = new Set<string>();
  const received = { passwords: new Set<string>(), tokens: new Set<string>() };
  const keep = <T extends { jwt: string; refreshToken: string }>(tokens: T) => {
    issued.add(tokens.jwt).add(tokens.refreshToken);
    return tokens;
  };
  const client = (serverUrl: string): NocoClient => {
    const inner = noco.client(serverUrl);
    const withJwt =
      <A extends unknown[], R>(call: (jwt: string, ...rest: A) => Promise<R>) =>
      (jwt: string, ...rest: A) => {
        received.tokens.add(jwt);
        return call(jwt, ...rest);
      };
    return {
      ...inner,
      signIn: async (email, password) => {
        received.passwords.add(password);
        return keep(await inner.signIn(email, password));
      },
      refresh: async (refreshToken) => {
        received.tokens.add(refreshToken);
        return keep(await inner.refresh(refreshToken));
      },
      signOut: async (session) => {
        received.tokens.add(session.jwt).add(session.refreshToken);
        return inner.signOut(session);
      },
      me: withJwt(inner.me),
      listTokens: withJwt(inner.listTokens),
    };
  };
  return { noco, issued, received, client };
}

interface ModelAccount {
  server: Server;
  /** Its session is usable in the app now. */
  live: boolean;
}

interface World {
  servers: ReturnType<typeof recordingServer>[];
  keychain: ReturnType<typeof createSwitchableKeychain>;
  settingsFile: ReturnType<typeof memoryJsonFile>;
  service: ReturnType<typeof createAccountsService>;
  launch: () => ReturnType<typeof createAccountsService>;
  /** Session entries when the keychain was locked (nothing may go while it stays locked). */
  lockedWith: Map<string, string> | null;
}

interface Model {
  /** The listed accounts, in the user's order. */
  accounts: ModelAccount[];
  unreachable: Set<Server>;
  /** The server ended the account's session (its next use finds out). */
  ended: Set<Server>;
  locked: boolean;
}

const find = (model: Model, server: Server) => model.accounts.find((account) => account.server === server);
const idOf = (state: SessionState, server: Server) => state.accounts.find((account) => account.serverUrl === SERVERS[server])?.id;
const codeOf = (error: unknown) => (error instanceof AppFailure ? error.code : 'thrown');

const ALLOWED: Record<'live' | 'not_live', AccountStatus[]> = {
  live: ['signed_in', 'memory_only'],
  not_live: ['session_ended', 'unreachable', 'keychain_locked'],
};

async function checkInvariants(world: World, model: Model): Promise<void> {
  // Credentials: each server saw its own password only, and only tokens it issued itself.
  world.servers.forEach((server, index) => {
    for (const password of server.received.passwords) expect(password).toBe(passwordOf(index as Server));
    for (const token of server.received.tokens) expect(server.issued.has(token), `server ${index} got a foreign token`).toBe(true);
  });
  const state = await world.service.getState();
  // The view lists the model's accounts, in order, each in a state the model allows.
  expect(state.accounts.map((account) => account.serverUrl)).toEqual(model.accounts.map((account) => SERVERS[account.server]));
  state.accounts.forEach((entry, index) => {
    expect(ALLOWED[model.accounts[index]!.live ? 'live' : 'not_live']).toContain(entry.status);
  });
  // The keychain: entries of listed accounts only; while locked, nothing lost.
  const entries = world.keychain.fake.entries(KEYCHAIN_SERVICES.sessions);
  const listed = new Set(state.accounts.map((account) => account.id));
  for (const name of entries.keys())
    if (name !== '.keychain-check') expect(listed.has(name), `entry ${name} of no listed account`).toBe(true);
  if (world.lockedWith) for (const [name, value] of world.lockedWith) expect(entries.get(name)).toBe(value);
}

type Command = fc.AsyncCommand<Model, World>;

/** Runs `step` on the world, updates the model from what it should do, then checks every invariant. */
const command = (label: string, step: (model: Model, world: World) => Promise<void>): Command => ({
  check: () => true,
  run: async (model, world) => {
    await step(model, world);
    await checkInvariants(world, model);
  },
  toString: () => label,
});

const server = fc.constantFrom<Server>(0, 1, 2);

const commands = [
  server.map((s) =>
    command(`signIn(${s})`, async (model, world) => {
      const outcome = await world.service.signIn({ serverUrl: SERVERS[s], email: EMAIL, password: passwordOf(s) }).then(
        () => 'ok',
        (error: unknown) => codeOf(error),
      );
      if (model.unreachable.has(s)) {
        expect(outcome).toBe('server_unreachable');
        return;
      }
      expect(outcome).toBe('ok');
      model.ended.delete(s);
      const account = find(model, s);
      if (account) account.live = true;
      else model.accounts.push({ server: s, live: true });
    }),
  ),
  server.map((s) =>
    command(`switch(${s})`, async (model, world) => {
      const id = idOf(await world.service.getState(), s) ?? 'not-listed';
      const outcome = await world.service.switchTo(id).then(
        () => 'ok',
        (error: unknown) => codeOf(error),
      );
      expect(outcome).toBe(find(model, s) ? 'ok' : 'unknown_account');
    }),
  ),
  fc.tuple(server, server).map(([named, shown]) =>
    command(`listTokens(named ${named}, shown ${shown})`, async (model, world) => {
      const state = await world.service.getState();
      const shownId = idOf(state, shown);
      if (shownId) await world.service.switchTo(shownId);
      const before = world.servers.map((x) => x.noco.calls.listTokens);
      const outcome = await world.service
        .pin(idOf(state, named) ?? 'not-listed')
        .then((pinned) => pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: 10, offset: 0 })))
        .then(
          () => 'ok',
          (error: unknown) => codeOf(error),
        );
      // Only the named account's server may have been asked.
      world.servers.forEach((x, index) => {
        if (index !== named) expect(x.noco.calls.listTokens).toBe(before[index]);
      });
      const account = find(model, named);
      if (!account) return expect(outcome).toBe('unknown_account');
      if (!account.live) return expect(outcome).toBe('account_not_signed_in');
      if (model.unreachable.has(named)) return expect(outcome).toBe('server_unreachable');
      if (model.ended.has(named)) {
        expect(outcome).toBe('session_expired');
        account.live = false;
        return;
      }
      expect(outcome).toBe('ok');
      expect(world.servers[named]!.noco.calls.listTokens).toBe(before[named]! + 1);
    }),
  ),
  server.map((s) =>
    command(`logOut(${s})`, async (model, world) => {
      const outcome = await world.service.logOut(idOf(await world.service.getState(), s) ?? 'not-listed').then(
        () => 'ok',
        (error: unknown) => codeOf(error),
      );
      const account = find(model, s);
      if (!account) return expect(outcome).toBe('unknown_account');
      // Signed out; a keychain that refused (locked, or a refused check) deletes nothing: the account stays, for Log Out again.
      if (model.locked) expect(outcome).toBe('keychain_locked');
      else expect(['ok', 'keychain_unavailable']).toContain(outcome);
      if (outcome === 'ok') model.accounts = model.accounts.filter((candidate) => candidate !== account);
      else account.live = false;
    }),
  ),
  fc.constant(
    command('restart', async (model, world) => {
      world.service = world.launch();
      const state = await world.service.getState();
      for (const account of model.accounts) {
        const status = state.accounts.find((entry) => entry.serverUrl === SERVERS[account.server])?.status;
        if (model.locked) expect(status).toBe('keychain_locked');
        else if (model.unreachable.has(account.server)) expect(status === 'unreachable' || status === 'session_ended').toBe(true);
        account.live = status === 'signed_in' || status === 'memory_only';
        if (account.live) expect(model.ended.has(account.server)).toBe(false);
      }
    }),
  ),
  server.map((s) =>
    command(`retry(${s})`, async (model, world) => {
      const id = idOf(await world.service.getState(), s);
      if (!id) return;
      const state = await world.service.retry(id);
      for (const account of model.accounts) {
        const status = state.accounts.find((entry) => entry.serverUrl === SERVERS[account.server])?.status;
        const live = status === 'signed_in' || status === 'memory_only';
        // Retry never signs an account in that the model says cannot be (locked, ended, offline).
        if (live && !account.live)
          expect(model.locked || model.unreachable.has(account.server) || model.ended.has(account.server)).toBe(false);
        account.live = live;
      }
    }),
  ),
  server.map((s) =>
    command(`serverEndsSession(${s})`, async (model, world) => {
      const { noco } = world.servers[s]!;
      noco.rejectCurrentJwts();
      noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');
      model.ended.add(s);
    }),
  ),
  fc.tuple(server, fc.boolean()).map(([s, down]) =>
    command(`server(${s}) ${down ? 'unreachable' : 'back'}`, async (model, world) => {
      const { noco } = world.servers[s]!;
      const offline = new AppFailure('server_unreachable', 'The server cannot be reached.');
      for (const method of ['signIn', 'me', 'listTokens', 'signOut'] as const) {
        if (down) noco.failures[method] = offline;
        else delete noco.failures[method];
      }
      if (down) model.unreachable.add(s);
      else model.unreachable.delete(s);
    }),
  ),
  fc.boolean().map((lock) =>
    command(lock ? 'lockKeychain' : 'unlockKeychain', async (model, world) => {
      world.keychain.control.locked = lock;
      world.lockedWith = lock ? (world.lockedWith ?? world.keychain.fake.entries(KEYCHAIN_SERVICES.sessions)) : null;
      model.locked = lock;
    }),
  ),
  fc.constant(
    command('keychainRefusesNextWrite', async (_model, world) => {
      world.keychain.fake.state.failNextWrite = true;
    }),
  ),
];

function newWorld(): World {
  const servers = ([0, 1, 2] as const).map(recordingServer);
  const keychain = createSwitchableKeychain();
  const settingsFile = memoryJsonFile();
  const launch = () =>
    createAccountsService({
      secretStore: keychain.store,
      fallbackSecretStore: createMemorySecretStore(),
      settings: createSettingsService(settingsFile),
      createClient: (serverUrl) => servers[SERVERS.indexOf(serverUrl as (typeof SERVERS)[number]) as Server]!.client(serverUrl),
      now: Date.now,
      log: () => {},
    });
  return { servers, keychain, settingsFile, service: launch(), launch, lockedWith: null };
}

describe('the account layer against its model', () => {
  it(`holds every invariant over ${SEQUENCES} random sequences on three servers`, async () => {
    // fc.assert rejects with the seed and the shrunk sequence of the first sequence that breaks an invariant.
    await expect(
      fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (sequence) => {
          const model: Model = { accounts: [], unreachable: new Set(), ended: new Set(), locked: false };
          await fc.asyncModelRun(() => ({ model, real: newWorld() }), sequence);
        }),
        // `seed` (printed with a failure) replays it.
        { numRuns: SEQUENCES, verbose: 1 },
      ),
    ).resolves.toBeUndefined();
  }, 120_000);
});
