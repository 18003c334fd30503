// The window factory against a stand-in for Electron: checks what it asks Electron for.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const created: Array<{
    options: Record<string, unknown>;
    listeners: Map<string, Listener>;
    openHandler?: (d: { url: string }) => unknown;
    loaded?: string;
  }> = [];
  const openExternal = vi.fn();
  const permissions: { request?: Listener; check?: (...args: unknown[]) => boolean } = {};
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, listeners: new Map() };
      created.push(record);
      this.webContents = {
        on: (event: string, listener: Listener) => record.listeners.set(event, listener),
        setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (record.openHandler = handler),
      };
      this.loadURL = (url: string) => {
        record.loaded = url;
        return Promise.resolve();
      };
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    show() {}
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (permissions.request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (permissions.check = handler),
    },
  };
  return { created, openExternal, permissions, module: { BrowserWindow, session, shell: { openExternal } } };
});

vi.mock('electron', () => electron.module);

const { createMainWindow, denyAllPermissions } = await import('../../main/window.ts');
const { APP_ENTRY_URL, EXTERNAL_LINKS } = await import('../../main/security.ts');

function open(options: { devServerUrl?: string | null; isPackaged?: boolean } = {}) {
  createMainWindow({ preloadPath: '/app/preload.cjs', devServerUrl: options.devServerUrl ?? null, isPackaged: options.isPackaged ?? true });
  return electron.created.at(-1)!;
}

const navigation = (record: ReturnType<typeof open>, event: string, url: string) => {
  const preventDefault = vi.fn();
  record.listeners.get(event)!({ preventDefault }, url);
  return preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
};

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.created.length = 0;
    electron.openExternal.mockClear();
  });

  it('isolates the renderer: context isolation, sandbox, no Node, the preload given', () => {
    const prefs = open().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('closes devtools in packaged builds', () => {
    expect((open({ isPackaged: true }).options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(false);
    expect((open({ isPackaged: false }).options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true);
  });

  it('loads the app from its own scheme, never from the network', () => {
    expect(open().loaded).toBe(APP_ENTRY_URL);
  });

  it('blocks navigation and redirects away from the app', () => {
    const record = open();
    expect(navigation(record, 'will-navigate', 'https://evil.example/')).toBe('blocked');
    expect(navigation(record, 'will-redirect', 'http://127.0.0.1:8080/')).toBe('blocked');
    expect(navigation(record, 'will-navigate', `${APP_ENTRY_URL}#/account/tokens`)).toBe('allowed');
  });

  it('denies every new window; only the docs link the app offers goes to the browser', () => {
    const record = open();
    expect(record.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.openExternal).not.toHaveBeenCalled();
    expect(record.openHandler!({ url: EXTERNAL_LINKS.nocodbTokenDocs })).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledWith(EXTERNAL_LINKS.nocodbTokenDocs);
  });

  it('refuses to attach webviews', () => {
    const preventDefault = vi.fn();
    open().listeners.get('will-attach-webview')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    denyAllPermissions();
    const callback = vi.fn();
    electron.permissions.request!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(electron.permissions.check!({}, 'notifications')).toBe(false);
  });
});
