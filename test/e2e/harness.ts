// Runs the app for real minus Electron's few lines: the BUILT renderer in Debian's Chromium, the
// REAL preload bridge and the REAL main-process handlers and IPC router, the real keychain, the
// real X clipboard. Only BrowserWindow/ipcMain/contextBridge are replaced by Playwright bindings.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { CANARY_NAME } from '../../main/keychain/keychain.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { createMemoryTokenVault } from '../../main/keychain/memory-token-vault.ts';
import { createOsKeychain } from '../../main/keychain/os-keychain.ts';
import type { ClipboardPort } from '../../main/ports.ts';
import { forwardScreenLocks } from '../../main/screen-lock.ts';
import { createJsonFile } from '../../main/settings/json-file.ts';
import { startMainInProcess, unrefTimers } from '../support/main-in-process.ts';
import { memoryClipboard } from '../support/memory-ports.ts';
import { createXClipboard } from '../support/x-clipboard.ts';
import { startRendererServer } from './renderer-server.ts';
import { startNodeWorker } from '../support/keychain-worker.ts';
import { clearKeychain, keychainEntries, stopKeychainReader } from '../support/keychain-reader.ts';

export interface LaunchOptions {
  /** NocoDB base URL; the sign-in form is pre-filled with it. */
  serverUrl?: string;
  /** The app's data folder; a fresh temp dir when omitted. */
  userDataDir?: string;
  /** Default 'keychain'. */
  secretStore?: 'keychain' | 'memory';
  /** Hash route to open first, e.g. '#/account/tokens'. */
  route?: string;
  /** Default 'system' (the X clipboard, needs a DISPLAY); 'memory' runs without X, e.g. for the bench. */
  clipboard?: 'system' | 'memory';
  /** Per-request timeout towards the NocoDB server; default 10 s. */
  requestTimeoutMs?: number;
  /** A script file run in every page the app opens (restarts too) before the bridge and the app's own, e.g. the bench's probe. */
  initScriptPath?: string;
  /** main's fetch; default Node's (e.g. one that resolves test LAN names, see resolving-fetch.ts). */
  fetch?: typeof fetch;
  /** What the system says its preferred languages are (Electron's app.getPreferredSystemLanguages()); default en-US. */
  systemLanguages?: string[];
  /** Told how long main took to answer each bridge call, in ms (the bench splits a figure with it). */
  onAnswered?: (channel: string, ms: number) => void;
  /** Awaited before main's answer on a channel reaches the page, e.g. to keep a switch's answer on its way. */
  beforeAnswer?: (channel: string) => Promise<void> | undefined;
}

export interface LaunchedApp {
  page: Page;
  /** What the app's clipboard port (the real X clipboard) holds now. */
  clipboardText(): Promise<string>;
  /** The OS locks the screen: main's power events as Electron's powerMonitor would emit them; resolves once the page has it. */
  lockScreen(): Promise<void>;
  /** Quit and relaunch: new handlers and page, same data folder and keychain. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Accounts the app has in the OS keychain now (names only). */
  keychainAccounts(): Promise<string[]>;
  /** The raw keychain secret of the signed-in account, if any (for secret scans). */
  keychainSecret(): Promise<string | null>;
  /** Every raw keychain secret the app holds now, one per account (for secret scans). */
  keychainSecrets(): Promise<string[]>;
  /** The token copies the app keeps in the OS keychain now: entry name → value. */
  keychainTokenCopies(): Promise<Map<string, string>>;
  /** Every value main sent to the renderer over the bridge, for secret scans. */
  readonly bridgeAnswers: unknown[];
  /** The channel of each call the renderer made, in order (same order as `bridgeAnswers`). */
  readonly bridgeChannels: string[];
  /** Every line main logged. */
  readonly logs: string[];
  /** Every URL the page requested, for checking that the renderer talks only to its own files. */
  readonly pageRequests: string[];
  readonly userDataDir: string;
}

/** What page-bridge.ts sets up in the page for main's events. */
interface PageEvents {
  __nocodbEvent(channel: string): void;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Promise<Browser> | null = null;
let pageBridgeScript: Promise<string> | null = null;
let rendererServer: ReturnType<typeof startRendererServer> | null = null;

function sharedBrowser() {
  browser ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  return browser;
}

/** The page-side bridge as one classic script, built from the real preload/bridge.ts. */
function bundledPageBridge() {
  pageBridgeScript ??= build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.resolve(import.meta.dirname, 'page-bridge.ts'), formats: ['iife'], name: 'pageBridge' },
    },
  }).then((output) => {
    const chunk = (Array.isArray(output) ? output[0] : output) as { output: Array<{ type: string; code?: string }> };
    const code = chunk.output.find((item) => item.type === 'chunk')?.code;
    if (!code) throw new Error('Bundling the page bridge produced no code.');
    return code;
  });
  return pageBridgeScript;
}

/** Stops what the harness shares between launches in one test file. */
export async function shutdownHarness() {
  await (await browser)?.close();
  await (await rendererServer)?.close();
  browser = null;
  rendererServer = null;
  stopKeychainReader();
}

/** Types the server URL into the sign-in form, when the app shows it, as a user would (in any language). */
async function prefillServer(page: Page, serverUrl: string) {
  const form = page.getByTestId('nc-form-signin');
  // Signed in, the app shows the user menu's avatar (in the sidebar or the Account Settings panel).
  const signedIn = page.getByTestId('nc-sidebar-userinfo');
  await form.or(signedIn).first().waitFor();
  if (await form.isVisible()) await form.locator('input[name="serverUrl"]').fill(serverUrl);
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'nocodb-am-e2e-')));
  const ownsDataDir = options.userDataDir === undefined;
  // Services of this launch's own, neither a prefix of the other (as the app's are).
  const run = randomUUID();
  const services = { sessions: `NocoDB e2e session ${run}`, tokenCopies: `NocoDB e2e token copy ${run}` };
  const keychainService = services.sessions;
  const clipboard: ClipboardPort = options.clipboard === 'memory' ? memoryClipboard() : createXClipboard();
  const memoryStore = createMemorySecretStore();
  const memoryVault = createMemoryTokenVault();
  const tokenService = services.tokenCopies;
  const bridgeAnswers: unknown[] = [];
  const bridgeChannels: string[] = [];
  const logs: string[] = [];
  rendererServer ??= startRendererServer();
  const { url: rendererUrl } = await rendererServer;
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
  const pageRequests: string[] = [];
  context.on('request', (request) => pageRequests.push(request.url()));

  // Memory stores survive a restart only in the same process; the keychain survives for real.
  // Each launch's keychain worker is ended with it (a restart or close), or the process could not exit.
  let keychain: { stop(): void } | null = null;
  const secrets = () => {
    keychain?.stop();
    if (options.secretStore === 'memory') return { secretStore: memoryStore, tokenVault: memoryVault };
    const osKeychain = createOsKeychain({ services, startWorker: startNodeWorker() });
    keychain = osKeychain;
    return osKeychain;
  };

  /** The session entries' values (the keychain's own check entry aside). */
  const sessionEntries = async () =>
    (await keychainEntries(keychainService)).filter((c) => c.account !== CANARY_NAME).map((c) => c.password);

  let page!: Page;
  // main's own lock forwarding (screen-lock.ts), with an emitter for powerMonitor and the page for the window.
  const power = new EventEmitter();
  let delivered = Promise.resolve();
  forwardScreenLocks(power, () => ({
    send: (channel) => {
      delivered = page.evaluate((name) => (globalThis as unknown as PageEvents).__nocodbEvent(name), channel);
    },
  }));
  const open = async () => {
    // As main.ts does: restoring starts before the window (the page) exists.
    const { router, sender } = startMainInProcess(
      {
        ...secrets(),
        fallbackSecretStore: createMemorySecretStore(),
        clipboard,
        settingsFile: createJsonFile(path.join(userDataDir, 'settings.json')),
        logOutFile: createJsonFile(path.join(userDataDir, 'logging-out.json')),
        httpConsentFile: createJsonFile(path.join(userDataDir, 'plain-http-servers.json')),
        fetch: options.fetch ?? globalThis.fetch,
        // Unreferenced: a session's refresh timer, of this launch or one before a restart, must not keep
        // the test or bench process from exiting once it is done.
        timers: unrefTimers,
        now: () => Date.now(),
        requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
        log: (line) => logs.push(line),
        locale: { preferredLanguages: () => options.systemLanguages ?? ['en-US'] },
      },
      rendererUrl,
    );
    page = await context.newPage();
    await page.exposeBinding('__nocodbInvoke', async (source, channel: string, arg: unknown) => {
      const start = performance.now();
      // The frame that called is the sender: an iframe or another address is refused as in the app.
      const from = { ...sender, isMainFrame: source.frame === source.page.mainFrame(), url: source.frame.url() };
      const answer = await router.dispatch(channel, from, arg);
      options.onAnswered?.(channel, performance.now() - start);
      await options.beforeAnswer?.(channel);
      bridgeAnswers.push(answer);
      bridgeChannels.push(channel);
      // One string, as Electron's IPC sends one cloned value: Playwright's own serialisation of a
      // 1,000-token page walks and checks every element and cost far more than the app itself.
      return JSON.stringify(answer);
    });
    // The probe first: it wraps the binding before the bridge sends its boot request at document start.
    if (options.initScriptPath) await page.addInitScript({ path: options.initScriptPath });
    await page.addInitScript({ content: await bundledPageBridge() });
    await page.goto(`${rendererUrl}${options.route ?? ''}`);
    if (options.serverUrl) await prefillServer(page, options.serverUrl);
  };
  await open();

  return {
    get page() {
      return page;
    },
    clipboardText: async () => clipboard.readText(),
    lockScreen: async () => {
      power.emit('lock-screen');
      await delivered;
    },
    restart: async () => {
      await page.close();
      await open();
    },
    close: async () => {
      await context.close();
      keychain?.stop();
      if (ownsDataDir) await rm(userDataDir, { recursive: true, force: true });
      // A memory store left nothing in the keychain (and there may be no keychain to ask).
      if (options.secretStore === 'memory') return;
      await clearKeychain(keychainService, tokenService);
    },
    keychainAccounts: async () =>
      (await sessionEntries()).map((text) => {
        const { serverUrl, email } = JSON.parse(text) as { serverUrl: string; email: string };
        return `${serverUrl} ${email}`;
      }),
    keychainSecret: async () => (await sessionEntries())[0] ?? null,
    keychainSecrets: sessionEntries,
    keychainTokenCopies: async () => new Map((await keychainEntries(tokenService)).map(({ account, password }) => [account, password])),
    bridgeAnswers,
    bridgeChannels,
    logs,
    pageRequests,
    userDataDir,
  };
}
