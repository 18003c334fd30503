// The renderer tests' bridge: the REAL preload bridge in front of main's REAL handlers and router
// (test/support/main-in-process.ts, as the e2e harness wires them), on ports held in memory — a
// settings file, a keychain, a clipboard, OS notifications — and in-process fake NocoDB servers.
// Tests set a situation up the way a user and the world would (sign in, put tokens on the server)
// and inject faults only at the ports, so main's own rules decide what the renderer sees.
import { EventEmitter } from 'node:events';
import { createBridge } from '../../preload/bridge.ts';
import type { Bridge, Channel, EventChannel, Settings } from '../../preload/contract.ts';
import type { NotificationPort } from '../../main/desktop-ports.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import type { AppPorts } from '../../main/ports.ts';
import { forwardScreenLocks } from '../../main/screen-lock.ts';
import { APP_ENTRY_URL } from '../../main/security.ts';
import type { FakeGeneration } from '../support/fake-nocodb.ts';
import { startMainInProcess, unrefTimers, type MainInProcess } from '../support/main-in-process.ts';
import { memoryClipboard, memoryJsonFile } from '../support/memory-ports.ts';
import { createSwitchableKeychain, type KeychainCondition } from '../support/switchable-keychain.ts';
import { recordingCalls } from './recorded-calls.ts';
import { createTestServers, type SeedToken } from './test-servers.ts';

export { seedToken, seedTokens, type SeedToken } from './test-servers.ts';
export type { MethodName, RecordedCall } from './recorded-calls.ts';

export const ADMIN = { serverUrl: 'http://localhost:8080', email: 'admin@example.com', password: 'Password123!' };

export interface TestAccount {
  serverUrl: string;
  email: string;
  password?: string;
  /** Which NocoDB its server is (a server shared with an earlier account keeps that one's). Default 0.301.3. */
  generation?: FakeGeneration;
  /** Put on its server before the app signs in. */
  tokens?: SeedToken[];
  displayName?: string;
}

export interface TestBridgeOptions {
  /** Default true: ADMIN (then `otherAccounts`, in order) signed in, ADMIN shown. */
  signedIn?: boolean;
  /** ADMIN's server. */
  generation?: FakeGeneration;
  tokens?: SeedToken[];
  otherAccounts?: TestAccount[];
  /** Saved before the renderer starts. */
  language?: Settings['language'];
  clipboardClearSeconds?: number;
  /** What the OS says its preferred languages are (default en-US). */
  systemLanguages?: string[];
  /** The keychain's condition while the accounts sign in (after that it works, unless a test switches it). */
  keychainAtSignIn?: KeychainCondition;
  /** main's per-request timeout (a hanging server's test shortens it). */
  requestTimeoutMs?: number;
}

/** OS notifications that a test can click, newest last. */
function clickableNotifications() {
  const shown: Array<Parameters<NotificationPort['show']>[0]> = [];
  return { shown, port: { show: (notice) => void shown.push(notice) } satisfies NotificationPort };
}

export async function createTestBridge(options: TestBridgeOptions = {}) {
  const servers = createTestServers();
  const accounts: TestAccount[] = [{ ...ADMIN, generation: options.generation, tokens: options.tokens }, ...(options.otherAccounts ?? [])];
  /** Every seeded token's id and value, by account email, in the order given. */
  const seeded = new Map<string, Array<{ name: string | null; id: string; token: string }>>();
  for (const account of accounts) {
    const password = account.password ?? ADMIN.password;
    const server = await servers.serverFor(account.serverUrl, { email: account.email, password }, account.generation);
    seeded.set(account.email, servers.seed(server, account.email, account.tokens ?? []));
  }
  const keychain = createSwitchableKeychain();
  const clipboard = Object.assign(memoryClipboard(), { failing: false });
  const notifications = clickableNotifications();
  const settingsFile = memoryJsonFile();
  const logs: string[] = [];
  const ports: AppPorts = {
    secretStore: keychain.secretStore,
    fallbackSecretStore: createMemorySecretStore(),
    tokenVault: keychain.tokenVault,
    clipboard: {
      readText: clipboard.readText,
      writeText: (text) => {
        if (clipboard.failing) throw new Error('The clipboard is not available.');
        clipboard.writeText(text);
      },
    },
    settingsFile,
    logOutFile: memoryJsonFile(),
    httpConsentFile: memoryJsonFile(),
    notifications: notifications.port,
    fetch: servers.fetch,
    timers: unrefTimers,
    now: () => Date.now(),
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    log: (line) => logs.push(line),
    locale: { preferredLanguages: () => options.systemLanguages ?? ['en-US'] },
  };
  let main: MainInProcess = startMainInProcess(ports, APP_ENTRY_URL);
  const dispatch = (channel: Channel, arg?: unknown) => main.router.dispatch(channel, main.sender, arg);
  /** A step of the set-up, through the same door as the renderer's calls but not recorded; it must succeed. */
  const setUp = async <T>(channel: Channel, arg?: unknown): Promise<T> => {
    const answer = await dispatch(channel, arg);
    if (!answer.ok) throw new Error(`Setting up: ${channel} failed with ${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };

  const ids = new Map<string, string>();
  if (options.signedIn !== false) {
    keychain.condition = options.keychainAtSignIn ?? 'works';
    for (const account of accounts) {
      const state = await setUp<{ accounts: Array<{ id: string; email: string; serverUrl: string }> }>('session:sign-in', {
        serverUrl: account.serverUrl,
        email: account.email,
        password: account.password ?? ADMIN.password,
        // The user's consent to plain http, for a server named like another machine.
        confirmInsecure: true,
      });
      const entry = state.accounts.find((candidate) => candidate.email === account.email && candidate.serverUrl === account.serverUrl)!;
      ids.set(account.email, entry.id);
      if (account.displayName !== undefined) await setUp('profile:update', { accountId: entry.id, displayName: account.displayName });
    }
    keychain.condition = 'works';
    if (accounts.length > 1) await setUp('accounts:switch', { accountId: ids.get(ADMIN.email) });
  }
  const settings = { language: options.language, clipboardClearSeconds: options.clipboardClearSeconds };
  if (settings.language !== undefined || settings.clipboardClearSeconds !== undefined) await setUp('settings:update', settings);

  const recording = recordingCalls(async (channel, arg) => structuredClone(await dispatch(channel, arg)));
  // main's own lock forwarding, an emitter in powerMonitor's place, delivering as webContents.send would.
  const power = new EventEmitter();
  const listeners = new Map<EventChannel, Set<() => void>>();
  forwardScreenLocks(power, () => ({ send: (channel) => listeners.get(channel)?.forEach((listener) => listener()) }));
  const bridge: Bridge = createBridge(recording.invoke, (channel, listener) => {
    const own = listeners.get(channel) ?? new Set();
    listeners.set(channel, own.add(listener));
    return () => void own.delete(listener);
  });
  return {
    bridge,
    /** The OS locks the screen (powerMonitor's `lock-screen`), through main's forwarding to the window. */
    lockScreen: () => void power.emit('lock-screen'),
    ...recording,
    /** A step of a test's set-up through main (as another window would ask), left out of `calls`; it must succeed. */
    setUp,
    /** The id of the account main shows now. */
    activeId: async () =>
      (await setUp<{ accounts: Array<{ id: string; active: boolean }> }>('session:get')).accounts.find((a) => a.active)?.id,
    /** main's id of the account with this email (ADMIN's by default), as main made it at sign-in. */
    idOf: (email = ADMIN.email) => {
      const id = ids.get(email);
      if (id === undefined) throw new Error(`${email} did not sign in during set-up.`);
      return id;
    },
    /** The ids and values the server gave the account's seeded tokens, in the order given. */
    seededTokens: (email = ADMIN.email) => seeded.get(email) ?? [],
    /** The id and value the server gave the seeded token with this name. */
    seededToken: (name: string, email = ADMIN.email) => {
      const found = seeded.get(email)?.find((token) => token.name === name);
      if (found === undefined) throw new Error(`No token named ${name} was seeded for ${email}.`);
      return found;
    },
    /** The fake NocoDB at this address (ADMIN's by default): its faults, modes and tokens. */
    server: (serverUrl = ADMIN.serverUrl) => servers.at(serverUrl),
    /** The id of the server's token with this name (the user's, ADMIN's by default). */
    tokenIdNamed: (name: string, email = ADMIN.email, serverUrl = ADMIN.serverUrl) => {
      const found = servers
        .at(serverUrl)
        .tokensOf(email)
        .find((t) => t.description === name);
      if (found === undefined) throw new Error(`The server has no token named ${name}.`);
      return found.id;
    },
    /** The token names the server holds for this user now. */
    tokenNames: (email = ADMIN.email, serverUrl = ADMIN.serverUrl) =>
      servers
        .at(serverUrl)
        .tokensOf(email)
        .map((t) => t.description),
    /** Makes a server answer at another address too. */
    alias: servers.alias.bind(servers),
    /** Takes a server off the network, or puts it back. */
    setOffline: servers.setOffline,
    /** The keychain's switch: `condition`, `lockedEntries`. */
    keychain,
    /** What the clipboard holds (`text`), and its switch (`failing`). */
    clipboard,
    /** The account list's file: damage it (`status`) or fail its writes (`failWrites`) before a restart. */
    settingsFile,
    notifications: notifications.shown,
    logs,
    /** Quits main and starts it again on the same ports (settings file, keychain, servers), as a relaunch does. */
    restart: () => {
      main = startMainInProcess(ports, APP_ENTRY_URL);
    },
  };
}

export type TestBridge = Awaited<ReturnType<typeof createTestBridge>>;
