// The BUILT main bundle (dist/main/main.cjs) started against a stand-in for Electron: proves the
// composition root wires every channel, the window, the protocol and the menu as intended, which
// no other test runs (the Electron binary cannot run here).
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { CHANNELS } from '../../preload/contract.ts';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY } from '../../main/security.ts';

interface FakeElectron {
  handlers: Map<string, (event: unknown, arg: unknown) => Promise<unknown>>;
  windows: Array<{
    options: { webPreferences: Record<string, unknown> };
    loaded: string;
    webContents: { id: number; mainFrame: object };
    sent: string[];
  }>;
  powerListeners: Map<string, () => void>;
  protocolHandler: ((request: { url: string }) => Promise<Response>) | null;
  privilegedSchemes: unknown[];
  menuTemplate: unknown[];
  appListeners: Map<string, (event: { preventDefault(): void }) => void>;
  quits: number;
  exits: number[];
  ready: Promise<void>;
}

// Written into a temp node_modules/electron: records what main asks of Electron.
const FAKE_ELECTRON = `
let resolveReady;
const fake = { handlers: new Map(), windows: [], powerListeners: new Map(), protocolHandler: null, privilegedSchemes: [], menuTemplate: [], appListeners: new Map(), quits: 0, exits: [], ready: new Promise((r) => (resolveReady = r)) };
globalThis.__fakeElectron = fake;
let nextId = 1;
class BrowserWindow {
  constructor(options) {
    const mainFrame = {};
    const sent = [];
    this.webContents = { id: nextId++, mainFrame, on() {}, setWindowOpenHandler() {}, isDestroyed: () => false, send: (channel, ...args) => sent.push([channel, ...args].join(' ')) };
    fake.windows.push({ options, loaded: '', webContents: this.webContents, window: this, sent });
  }
  loadURL(url) { fake.windows.at(-1).loaded = url; return Promise.resolve(); }
  once() {} on() {} show() {} focus() {} isMinimized() { return false; }
}
module.exports = {
  app: {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    quit() { fake.quits += 1; },
    exit(code) { fake.exits.push(code); },
    on(name, listener) { fake.appListeners.set(name, listener); },
    getPath: () => process.env.FAKE_USER_DATA,
    whenReady: () => { const ready = Promise.resolve(); ready.then(() => setTimeout(resolveReady, 0)); return ready; },
  },
  BrowserWindow,
  clipboard: { readText: async () => '', writeText: async () => {} },
  ipcMain: { handle: (channel, handler) => fake.handlers.set(channel, handler) },
  powerMonitor: { on: (name, listener) => fake.powerListeners.set(name, listener) },
  Menu: { buildFromTemplate: (template) => { fake.menuTemplate = template; return template; }, setApplicationMenu() {} },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => { fake.protocolHandler = handler; },
  },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
  shell: { openExternal() {} },
};
`;

describe('the built main bundle', () => {
  let electron: FakeElectron;
  let root: string;
  let outDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nocodb-am-main-'));
    outDir = path.join(root, 'dist');
    await build({ mode: 'main', logLevel: 'silent', build: { outDir: path.join(outDir, 'main') } });
    await mkdir(path.join(outDir, 'renderer'), { recursive: true });
    await writeFile(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
    await mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
    await writeFile(path.join(root, 'node_modules', 'electron', 'index.js'), FAKE_ELECTRON);
    process.env['FAKE_USER_DATA'] = path.join(root, 'user-data');
    createRequire(import.meta.url)(path.join(outDir, 'main', 'main.cjs'));
    electron = (globalThis as unknown as { __fakeElectron: FakeElectron }).__fakeElectron;
    await electron.ready;
  }, 60_000);

  it('registers one IPC handler per contract channel', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('opens one window, sandboxed and isolated, on the app scheme', () => {
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(String(window!.options.webPreferences['preload'])).toMatch(/preload[\\/]preload\.cjs$/);
    expect(window!.loaded).toBe(APP_ENTRY_URL);
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
  });

  it('tells its window, and nothing more, when the OS locks the screen or the machine goes to sleep', () => {
    const [window] = electron.windows;
    expect([...electron.powerListeners.keys()].sort()).toEqual(['lock-screen', 'suspend']);
    electron.powerListeners.get('lock-screen')!();
    electron.powerListeners.get('suspend')!();
    expect(window!.sent).toEqual(['event:screen-locked', 'event:screen-locked']);
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const page = await electron.protocolHandler!({ url: APP_ENTRY_URL });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await electron.protocolHandler!({ url: 'app://renderer/%2e%2e/main/main.cjs' })).status).toBe(404);
  });

  it('answers the app window, and refuses another frame of it', async () => {
    const [window] = electron.windows;
    const handler = electron.handlers.get('settings:get')!;
    const own = { sender: window!.webContents, senderFrame: Object.assign(window!.webContents.mainFrame, { url: APP_ENTRY_URL }) };
    expect(await handler(own, undefined)).toEqual({
      ok: true,
      value: { clipboardClearSeconds: 30, keepTokenCopies: true, expiryReminders: true, language: null },
    });
    const iframe = { sender: window!.webContents, senderFrame: { url: APP_ENTRY_URL } };
    expect(await handler(iframe, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('finishes its quit tasks (the clipboard) before quitting, once', async () => {
    const willQuit = electron.appListeners.get('will-quit')!;
    let prevented = 0;
    willQuit({ preventDefault: () => (prevented += 1) });
    await expect.poll(() => electron.quits).toBe(1);
    willQuit({ preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
  });

  it('has the standard Edit menu', () => {
    expect(electron.menuTemplate).toContainEqual(expect.objectContaining({ role: 'editMenu' }));
  });

  it('refuses to start, packaged, with a remote-debugging switch: exits before any window or handler', async () => {
    // A second copy of the bundle, so Node loads it afresh; it shares the fake Electron with the first.
    const second = path.join(outDir, 'main', 'main-second-start.cjs');
    const windows = electron.windows.length;
    const argv = process.argv;
    await copyFile(path.join(outDir, 'main', 'main.cjs'), second);
    process.argv = [...argv, '--remote-debugging-port=9222'];
    electron.handlers.clear();
    try {
      createRequire(import.meta.url)(second);
    } finally {
      process.argv = argv;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electron.exits).toEqual([1]);
    expect(electron.handlers.size).toBe(0);
    expect(electron.windows).toHaveLength(windows);
  });
});
