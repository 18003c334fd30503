// Model-based test of the account layer: random sequences of what the user does (sign in, switch,
// token calls that name an account, Log Out, Retry of one account or of the list, a language change,
// restart) and what the world does to the app (the keychain locks, unlocks, dismisses a prompt, its
// worker crashes, an entry is damaged; the settings file is emptied, wrong-shaped or unreadable; a
// server ends a session with NocoDB's own 401, answers 403 from a gateway, or goes offline) — over
// three servers at once, on the real main code with a fake keytar and in-memory servers.
// After every step:
// - no keychain entry was deleted except by Log Out, or by NocoDB rejecting a refresh;
// - an account logged out never comes back (it is gone, or still `logging_out`, never signed in);
// - after a launch (or the list's Retry) with the keychain answering, every account with a session
//   entry is listed;
// - every call ran on the account it named; each server only saw its own credentials;
// - no account is listed twice, and a Retry never signs in an account the world keeps out.
// Everything is in memory, so thousands of sequences take seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccountsService } from '../../../main/accounts/accounts-service.ts';
import { recordingLogOuts } from '../../../main/accounts/log-out-record.ts';
import { AppFailure } from '../../../main/app-error.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { parseStoredSession } from '../../../main/keychain/keychain-secret-store.ts';
import { createMemorySecretStore } from '../../../main/keychain/memory-secret-store.ts';
import type { NocoClient } from '../../../main/nocodb/types.ts';
import { createSettingsService, type SettingsService } from '../../../main/settings/settings-service.ts';
import type { SessionState } from '../../../preload/contract.ts';
import { createInMemoryNoco } from '../../support/in-memory-noco-client.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';
import { createSwitchableKeychain } from './switchable-store.ts';

const SEQUENCES = 2_000;
const SERVERS = ['https://a.example.com', 'https://b.example.com', 'https://c.example.com'] as const;
type Server = 0 | 1 | 2;
const EMAIL = 'ada@example.com';
const passwordOf = (server: Server) => `password of server ${server}`;
const SESSIONS = KEYCHAIN_SERVICES.sessions;
const CANARY = '.keychain-check';

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

interface World {
  servers: ReturnType<typeof recordingServer>[];
  keychain: ReturnType<typeof createSwitchableKeychain>;
  settingsFile: ReturnType<typeof memoryJsonFile>;
  /** The record of Log Outs beside the settings file; the world damages only the settings file. */
  logOutFile: ReturnType<typeof memoryJsonFile>;
  settings: SettingsService;
  service: ReturnType<typeof createAccountsService>;
  launch: () => void;
}

type Condition = 'offline' | 'refused' | 'ended';

interface Model {
  /** What each server does to the app now. */
  servers: Map<Server, Condition>;
  locked: boolean;
  /** Ids of accounts the user logged out of: they may never be signed in again. */
  loggedOut: Set<string>;
  /** Session entries before the step (id → value). */
  entriesBefore: Map<string, string>;
  /** The step may delete the entries of these ids (its Log Out, or NocoDB rejecting a refresh). */
  mayDelete: Set<string>;
}

const codeOf = (error: unknown) => (error instanceof AppFailure ? error.code : `thrown ${String(error)}`);
const idOn = (state: SessionState, server: Server) => state.accounts.find((account) => account.serverUrl === SERVERS[server])?.id;
const sessionEntries = (world: World) => {
  const entries = world.keychain.fake.entries(SESSIONS);
  entries.delete(CANARY);
  return entries;
};
/** The keychain answers every call now (unlocked, no crash or prompt pending). */
const answering = (world: World, model: Model) => deletesAnswer(world, model) && !world.keychain.fake.state.failNextWrite;

/** The keychain will remove entries: a refused write (keychainRefusesNextWrite) does not stop a delete. */
const deletesAnswer = (world: World, model: Model) => {
  const { crashNext, dismissNext } = world.keychain.fake.state;
  return !model.locked && crashNext === 0 && dismissNext === 0;
};

async function checkInvariants(world: World, model: Model, afterLaunch: boolean): Promise<void> {
  world.servers.forEach((server, index) => {
    for (const password of server.received.passwords) expect(password).toBe(passwordOf(index as Server));
    // A damaged entry's own tokens may reach the server that entry names (it is its own), never another.
    const forgedHere = (token: string) => token.startsWith(`forged for ${SERVERS[index]} `);
    for (const token of server.received.tokens)
      expect(server.issued.has(token) || forgedHere(token), `server ${index} got a foreign token`).toBe(true);
  });
  const entries = sessionEntries(world);
  for (const [id] of model.entriesBefore)
    if (!entries.has(id)) expect(model.mayDelete.has(id), `the entry of ${id} was deleted by something else than Log Out`).toBe(true);
  const state = await world.service.getState();
  // The Log Out is recorded in the settings file and beside it: even when the settings file is
  // damaged, unreadable or could not be written before the Log Out finished, the account is listed
  // again only to finish it — never signed in.
  for (const entry of state.accounts)
    if (model.loggedOut.has(entry.id)) expect(entry.status, `a logged-out account came back`).toBe('logging_out');
  const identities = state.accounts.map((account) => `${account.serverUrl} ${account.email}`);
  expect(new Set(identities).size).toBe(identities.length);
  if (afterLaunch && state.list !== 'not_recovered') {
    // Listed by its id, or as its account (a twin entry a sign-in wrote while the list was not recovered).
    const listed = new Set(state.accounts.flatMap((account) => [account.id, `${account.serverUrl} ${account.email}`]));
    for (const [id, value] of entries) {
      const session = parseStoredSession(value);
      if (session)
        expect(listed.has(id) || listed.has(`${session.serverUrl} ${session.email}`), `the keychain session ${id} is not listed`).toBe(
          true,
        );
    }
  }
}

type Command = fc.AsyncCommand<Model, World>;

/** Runs `step`, then checks every invariant; `launch` steps also check that no keychain session is missing. */
const command = (
  label: string,
  step: (model: Model, world: World) => Promise<void>,
  { launch = false }: { launch?: boolean } = {},
): Command => ({
  check: () => true,
  run: async (model, world) => {
    model.entriesBefore = sessionEntries(world);
    model.mayDelete = new Set();
    await step(model, world);
    await checkInvariants(world, model, launch && answering(world, model));
  },
  toString: () => label,
});

const server = fc.constantFrom<Server>(0, 1, 2);
const OFFLINE = new AppFailure('server_unreachable', 'The server cannot be reached.');
const REFUSED = new AppFailure('server_refused', 'The server refused the request (HTTP 403).', { status: 403 });

/** Which of its calls a server condition fails, and with what. */
function setCondition(world: World, s: Server, condition: Condition | null): void {
  const { noco } = world.servers[s]!;
  for (const method of ['signIn', 'me', 'listTokens', 'signOut', 'refresh'] as const) delete noco.failures[method];
  if (condition === 'offline' || condition === 'refused') {
    for (const method of ['signIn', 'me', 'listTokens', 'signOut', 'refresh'] as const)
      noco.failures[method] = condition === 'offline' ? OFFLINE : REFUSED;
  }
  if (condition === 'ended') {
    // NocoDB's own answer: every JWT refused (401), the refresh rejected.
    noco.rejectCurrentJwts();
    noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');
  }
}

/** Entries NocoDB may reject the refresh of may go: sessions it ended, and forged ones (damaged entries rebuilt into the list). */
async function endedMayGo(world: World, model: Model): Promise<void> {
  const listed = (await world.service.getState()).accounts;
  for (const [id, value] of model.entriesBefore) {
    const session = parseStoredSession(value);
    const serverUrl = listed.find((account) => account.id === id)?.serverUrl ?? session?.serverUrl;
    const s = SERVERS.indexOf(serverUrl as (typeof SERVERS)[number]) as Server;
    if (model.servers.get(s) === 'ended' || session?.refreshToken.startsWith('forged for ')) model.mayDelete.add(id);
  }
}

const commands = [
  server.map((s) =>
    command(`signIn(${s})`, async (model, world) => {
      const before = await world.service.getState();
      const pending = before.accounts.find((account) => account.serverUrl === SERVERS[s])?.status === 'logging_out';
      // Finishing a waiting Log Out only deletes entries.
      const blocked = !deletesAnswer(world, model);
      await endedMayGo(world, model);
      if (pending) model.mayDelete.add(idOn(before, s)!);
      const outcome = await world.service.signIn({ serverUrl: SERVERS[s], email: EMAIL, password: passwordOf(s) }).then(
        () => 'ok',
        (error: unknown) => codeOf(error),
      );
      const condition = model.servers.get(s);
      // A Log Out of this account still waiting for the keychain is finished (or refused) before the server is asked.
      if (pending && blocked && outcome !== 'ok')
        expect(['keychain_locked', 'keychain_stopped', 'keychain_unavailable']).toContain(outcome);
      else if (condition === 'offline') expect(outcome).toBe('server_unreachable');
      else if (condition === 'refused') expect(outcome).toBe('server_refused');
      else expect(outcome).toBe('ok');
      if (outcome === 'ok' && condition === 'ended') {
        // A new sign-in: the server accepts this session again.
        setCondition(world, s, null);
        model.servers.delete(s);
      }
    }),
  ),
  server.map((s) =>
    command(`switch(${s})`, async (_model, world) => {
      const id = idOn(await world.service.getState(), s) ?? 'not-listed';
      const outcome = await world.service.switchTo(id).then(
        () => 'ok',
        (error: unknown) => codeOf(error),
      );
      expect(outcome).toBe(id === 'not-listed' ? 'unknown_account' : 'ok');
    }),
  ),
  fc.tuple(server, server).map(([named, shown]) =>
    command(`listTokens(named ${named}, shown ${shown})`, async (model, world) => {
      const state = await world.service.getState();
      const shownId = idOn(state, shown);
      if (shownId) await world.service.switchTo(shownId);
      await endedMayGo(world, model);
      const before = world.servers.map((x) => x.noco.calls.listTokens);
      const entry = state.accounts.find((account) => account.serverUrl === SERVERS[named]);
      const outcome = await world.service
        .pin(entry?.id ?? 'not-listed')
        .then((pinned) => pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: 10, offset: 0 })))
        .then(
          () => 'ok',
          (error: unknown) => codeOf(error),
        );
      // Only the named account's server may have been asked.
      world.servers.forEach((x, index) => {
        if (index !== named) expect(x.noco.calls.listTokens).toBe(before[index]);
      });
      if (!entry) return expect(outcome).toBe('unknown_account');
      if (entry.status !== 'signed_in' && entry.status !== 'memory_only') return expect(outcome).toBe('account_not_signed_in');
      const condition = model.servers.get(named);
      if (condition === 'offline') return expect(outcome).toBe('server_unreachable');
      // A gateway's 403 is not NocoDB's: the session (and its entry) stay.
      if (condition === 'refused') return expect(outcome).toBe('server_refused');
      if (condition === 'ended') return expect(outcome).toBe('session_expired');
    }),
  ),
  server.map((s) =>
    command(`logOut(${s})`, async (model, world) => {
      const id = idOn(await world.service.getState(), s);
      const mayWait = !answering(world, model);
      if (id) {
        model.mayDelete.add(id);
        model.loggedOut.add(id);
      }
      // Its twins (entries of the same account under another id) go with it.
      for (const [twin, value] of model.entriesBefore) if (parseStoredSession(value)?.serverUrl === SERVERS[s]) model.mayDelete.add(twin);
      const outcome = await world.service.logOut(id ?? 'not-listed').then(
        (state) => state.accounts.find((account) => account.id === id)?.status ?? 'gone',
        (error: unknown) => codeOf(error),
      );
      if (!id) return expect(outcome).toBe('unknown_account');
      // Done, or written down and waiting for the keychain: never an error, never signed in.
      expect(mayWait ? ['gone', 'logging_out'] : ['gone']).toContain(outcome);
    }),
  ),
  server.map((s) =>
    command(`retry(${s})`, async (model, world) => {
      const before = await world.service.getState();
      const id = idOn(before, s);
      if (!id) return;
      const was = before.accounts.find((account) => account.id === id)!.status;
      await endedMayGo(world, model);
      if (was === 'logging_out') model.mayDelete.add(id);
      const state = await world.service.retry(id);
      const after = state.accounts.find((account) => account.id === id)?.status;
      // Retry acts on its one account: no other account changes from not signed in to signed in.
      for (const other of state.accounts) {
        const earlier = before.accounts.find((account) => account.id === other.id)?.status;
        if (other.id !== id && earlier !== other.status) expect(['signed_in', 'memory_only']).not.toContain(other.status);
      }
      if (after === 'signed_in' && was !== 'signed_in' && was !== 'memory_only') {
        expect(model.locked, 'Retry signed in through a locked keychain').toBe(false);
        expect(model.servers.has(s), 'Retry signed in an account its server keeps out').toBe(false);
      }
    }),
  ),
  fc.constant(
    command(
      'restart',
      async (model, world) => {
        await endedMayGo(world, model);
        // A Log Out left waiting is finished by the launch.
        for (const id of model.loggedOut) model.mayDelete.add(id);
        world.launch();
        const state = await world.service.getState();
        if (model.locked && state.list !== 'not_recovered')
          for (const entry of state.accounts) expect(['keychain_locked', 'logging_out', 'keychain_stopped']).toContain(entry.status);
      },
      { launch: true },
    ),
  ),
  fc.constant(
    command(
      'recoverList',
      async (model, world) => {
        await endedMayGo(world, model);
        await world.service.recover();
      },
      { launch: true },
    ),
  ),
  fc.constantFrom<'de' | 'fr' | null>('de', 'fr', null).map((language) =>
    command(`language(${language})`, async (_model, world) => {
      await world.settings.update({ language }).catch(() => {}); // an unreadable file refuses, visibly
    }),
  ),
  fc.tuple(server, fc.constantFrom<Condition | null>('offline', 'refused', 'ended', null)).map(([s, condition]) =>
    command(`server(${s}) ${condition ?? 'healthy'}`, async (model, world) => {
      setCondition(world, s, condition);
      if (condition) model.servers.set(s, condition);
      else model.servers.delete(s);
    }),
  ),
  fc.boolean().map((lock) =>
    command(lock ? 'lockKeychain' : 'unlockKeychain', async (model, world) => {
      world.keychain.control.locked = lock;
      model.locked = lock;
    }),
  ),
  fc.constant(
    command('promptDismissed', async (_model, world) => {
      world.keychain.fake.state.dismissNext = 1;
    }),
  ),
  fc.constant(
    command('workerCrash', async (_model, world) => {
      world.keychain.fake.state.crashNext = 1;
    }),
  ),
  fc.constant(
    command('keychainRefusesNextWrite', async (_model, world) => {
      world.keychain.fake.state.failNextWrite = true;
    }),
  ),
  fc.tuple(server, fc.constantFrom('not json', 'ftp server', 'other email')).map(([s, how]) =>
    command(`damageEntry(${s}, ${how})`, async (_model, world) => {
      const id = [...sessionEntries(world)].find(([, value]) => parseStoredSession(value)?.serverUrl === SERVERS[s])?.[0];
      if (!id) return;
      const value =
        how === 'not json'
          ? '{"serverUrl": "https://a.exa'
          : JSON.stringify({
              serverUrl: how === 'ftp server' ? 'ftp://x' : SERVERS[s],
              email: how === 'other email' ? 'eve@example.com' : EMAIL,
              jwt: `forged for ${how === 'ftp server' ? 'ftp://x' : SERVERS[s]} jwt`,
              refreshToken: `forged for ${how === 'ftp server' ? 'ftp://x' : SERVERS[s]} refresh`,
            });
      world.keychain.fake.put(SESSIONS, id, value);
    }),
  ),
  fc.constantFrom('empty', 'null', '{}', 'accounts not a list', 'unreadable', 'fixed').map((how) =>
    command(`settingsFile(${how})`, async (model, world) => {
      const file = world.settingsFile;
      if (how === 'empty') file.status = 'damaged';
      else if (how === 'unreadable') file.status = 'unreadable';
      // Its permissions fixed: readable again with what it held (a file never written stays as it is).
      else if (how === 'fixed') file.status = file.content === undefined ? file.status : 'ok';
      else {
        file.status = 'ok';
        file.content = how === 'null' ? null : how === '{}' ? {} : { accounts: 'ada' };
      }
    }),
  ),
];

function newWorld(): World {
  const servers = ([0, 1, 2] as const).map(recordingServer);
  const keychain = createSwitchableKeychain();
  const settingsFile = memoryJsonFile();
  const logOutFile = memoryJsonFile();
  const world = { servers, keychain, settingsFile, logOutFile } as World;
  world.launch = () => {
    world.settings = createSettingsService(settingsFile);
    world.service = createAccountsService({
      secretStore: keychain.store,
      fallbackSecretStore: createMemorySecretStore(),
      settings: recordingLogOuts(world.settings, logOutFile),
      createClient: (serverUrl) => {
        const index = SERVERS.indexOf(serverUrl as (typeof SERVERS)[number]);
        if (index < 0) throw new AppFailure('invalid_argument', 'Not a server of this test.');
        return servers[index]!.client(serverUrl);
      },
      now: Date.now,
      log: () => {},
    });
  };
  world.launch();
  return world;
}

describe('the account layer against its model', () => {
  it(`holds every invariant over ${SEQUENCES} random sequences of user actions and faults on three servers`, async () => {
    const seed = Number(process.env['ACCOUNT_MODEL_SEED'] ?? Date.now() % 2 ** 31);
    const drawn = new Map<string, number>();
    const started = performance.now();
    // fc.assert rejects with the seed and the shrunk sequence of the first sequence that breaks an invariant.
    await expect(
      fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 20, size: 'max' }), async (sequence) => {
          for (const step of sequence) {
            const name = String(step).replace(/\(.*$/, '').replace(/ .*$/, '');
            drawn.set(name, (drawn.get(name) ?? 0) + 1);
          }
          const model: Model = {
            servers: new Map(),
            locked: false,
            loggedOut: new Set(),
            entriesBefore: new Map(),
            mayDelete: new Set(),
          };
          await fc.asyncModelRun(() => ({ model, real: newWorld() }), sequence);
        }),
        // `ACCOUNT_MODEL_SEED=<seed>` replays a run.
        { numRuns: SEQUENCES, seed, verbose: 1 },
      ),
    ).resolves.toBeUndefined();
    const actions = [...drawn].map(([name, count]) => `${name} ${count}`).join(', ');
    console.log(`account model: ${SEQUENCES} sequences, actions ${actions}, seed ${seed}, ${Math.round(performance.now() - started)} ms`);
  }, 120_000);
});
