// Composition root: the only place (with window.ts) that touches Electron. It builds the ports,
// hands them to the services, and connects the IPC router to the app's one window.
import {
  ClipboardItem,
  Menu,
  Notification,
  app,
  clipboard,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  utilityProcess,
  type BrowserWindow,
} from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appMenuTemplate } from './app-menu.ts';
import { createSystemClipboard } from './clipboard/system-clipboard.ts';
import { createApp } from './create-handlers.ts';
import { debugSwitchesIn } from './debug-switches.ts';
import { createIpcRouter } from './ipc-router.ts';
import { describeSender } from './ipc-sender.ts';
import { createSaveDialog } from './save-dialog.ts';
import { forwardScreenLocks } from './screen-lock.ts';
import { createJsonFile } from './settings/json-file.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, answerAppRequest, createSenderCheck } from './security.ts';
import { KEYCHAIN_SERVICES } from './keychain/keychain-names.ts';
import { createMemorySecretStore } from './keychain/memory-secret-store.ts';
import type { WorkerChannel } from './keychain/keytar-worker.ts';
import type { WorkerRequest } from './keychain/keytar-worker-protocol.ts';
import { createOsKeychain } from './keychain/os-keychain.ts';
import { createMainWindow, denyAllPermissions, preloadPathFor, rendererRootFor } from './window.ts';
import { CHANNELS, type MenuLabels } from '../preload/contract.ts';

const APP_NAME = 'NocoDB Account Manager';
const devServerUrl = !app.isPackaged ? (process.env['VITE_DEV_SERVER_URL'] ?? null) : null;
const debugSwitches = app.isPackaged ? debugSwitchesIn(process.argv) : [];

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

if (debugSwitches.length > 0) {
  console.error(`${APP_NAME} does not start with ${debugSwitches.join(', ')}: another program could control it through them.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const log = (line: string) => console.log(`[main] ${line}`);
  const quitTasks: Array<() => Promise<void>> = [];
  const shownNotices = new Set<Notification>();
  // The standard Edit roles make copy, paste and select-all work in text fields on macOS.
  const setMenu = (labels: MenuLabels | null) =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(labels, process.platform) as Electron.MenuItemConstructorOptions[]));

  // keytar runs in a utility process of its own: a native crash there never ends the app (keychain/keytar-worker.ts).
  const startWorker = (): WorkerChannel => {
    const worker = utilityProcess.fork(path.join(__dirname, 'keytar-worker.cjs'), [require.resolve('keytar')], {
      serviceName: `${APP_NAME} keychain`,
      stdio: 'ignore',
    });
    // Requests wait for the process to be there; then they go straight through.
    let waiting: WorkerRequest[] | null = [];
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a utility process, not a window: no origin.
    const post = (request: WorkerRequest) => worker.postMessage(request);
    worker.once('spawn', () => {
      waiting?.forEach(post);
      waiting = null;
    });
    return {
      send: (request) => (waiting ? void waiting.push(request) : post(request)),
      onAnswer: (listener) => void worker.on('message', listener),
      onExit: (listener) => void worker.once('exit', () => listener()),
      kill: () => void worker.kill(),
    };
  };
  const keychain = createOsKeychain({ services: KEYCHAIN_SERVICES, startWorker });
  const { handlers, launch } = createApp({
    ...keychain,
    fallbackSecretStore: createMemorySecretStore(),
    clipboard: createSystemClipboard(clipboard, ClipboardItem, process.platform),
    settingsFile: createJsonFile(path.join(app.getPath('userData'), 'settings.json')),
    logOutFile: createJsonFile(path.join(app.getPath('userData'), 'logging-out.json')),
    httpConsentFile: createJsonFile(path.join(app.getPath('userData'), 'plain-http-servers.json')),
    // Node's fetch, not net.fetch: Chromium's cookie jar would write the refresh token to disk.
    fetch: globalThis.fetch,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    now: () => Date.now(),
    requestTimeoutMs: 15_000,
    log,
    // Electron's list is empty on some Linux desktops; its UI locale is the fallback.
    locale: { preferredLanguages: () => [...app.getPreferredSystemLanguages(), app.getLocale()] },
    menu: { setLabels: (labels) => setMenu(labels) },
    onQuit: (task) => quitTasks.push(task),
    saveDialog: createSaveDialog(
      (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      (filePath, text) => writeFile(filePath, text, 'utf8'),
    ),
    notifications: {
      show({ title, body, onClick }) {
        if (!Notification.isSupported()) return;
        const notice = new Notification({ title, body });
        // Held until it is clicked or closed: a collected Notification no longer reports its click.
        shownNotices.add(notice);
        notice.on('click', () => {
          shownNotices.delete(notice);
          onClick();
        });
        notice.on('close', () => shownNotices.delete(notice));
        notice.show();
      },
    },
    showWindow: () => {
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.show();
      mainWindow?.focus();
    },
  });
  const router = createIpcRouter({
    handlers,
    isTrustedSender: createSenderCheck(() => mainWindow?.webContents.id ?? null, devServerUrl),
    log,
  });

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Quitting waits (once) for the quit tasks, e.g. taking a copied token off the clipboard.
  let quitTasksDone = false;
  app.on('will-quit', (event) => {
    if (quitTasksDone) return;
    quitTasksDone = true;
    event.preventDefault();
    void Promise.allSettled(quitTasks.map((task) => task())).finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    // First: the keychain worker starts and the accounts restore (and the shown one's first token
    // page is fetched) while the window below is created and loads.
    launch();
    const mainDir = __dirname;
    const rendererRoot = rendererRootFor(mainDir);
    protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererRoot, request.url, readFile));
    denyAllPermissions();
    setMenu(null);
    for (const channel of CHANNELS) {
      ipcMain.handle(channel, (event, arg: unknown) => router.dispatch(channel, describeSender(event), arg));
    }
    const open = () => {
      mainWindow = createMainWindow({ preloadPath: preloadPathFor(mainDir), devServerUrl, isPackaged: app.isPackaged });
      mainWindow.on('closed', () => (mainWindow = null));
    };
    open();
    // powerMonitor may be used only once the app is ready. A closed (or closing) window is told nothing.
    forwardScreenLocks(powerMonitor, () => (mainWindow && !mainWindow.webContents.isDestroyed() ? mainWindow.webContents : null));
    app.on('activate', () => {
      if (!mainWindow) open();
    });
  });
}
