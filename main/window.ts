// Creates the app's one window with the policy from security.ts, and keeps it there.
import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL, SECURE_WEB_PREFERENCES, isAllowedExternalLink, isAppUrl } from './security.ts';

export function createMainWindow(options: { preloadPath: string; devServerUrl: string | null; isPackaged: boolean }) {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'NocoDB Account Manager',
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      preload: options.preloadPath,
      devTools: !options.isPackaged,
    },
  });
  const isOwnPage = (url: string) => isAppUrl(url, options.devServerUrl);

  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Only links the app itself offers leave for the user's browser; nothing opens in-app.
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? APP_ENTRY_URL);
  return window;
}

/** The app asks for no permission (camera, notifications, …), so every request is refused. */
export function denyAllPermissions() {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export const preloadPathFor = (mainDir: string) => path.join(mainDir, '..', 'preload', 'preload.cjs');
export const rendererRootFor = (mainDir: string) => path.join(mainDir, '..', 'renderer');
