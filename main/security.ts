// The security policy of the window, as plain data and pure functions so tests can check it
// without Electron. `window.ts` applies it.
import path from 'node:path';
import type { IpcSender } from './ipc-router.ts';

/** The renderer is served from this privileged custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer loads only its own files and never talks to the network itself: every request to a
 * NocoDB server goes through main.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  safeDialogs: true,
} as const;

/** Links the app itself offers and may open in the user's browser. */
export const EXTERNAL_LINKS = {
  nocodbTokenDocs: 'https://nocodb.com/docs/product-docs/account-settings/api-tokens',
} as const;

export function isAllowedExternalLink(url: string): boolean {
  return (Object.values(EXTERNAL_LINKS) as string[]).includes(url);
}

/** A page in the app's window may only ever show the app itself. */
export function isAppUrl(url: string, devServerUrl: string | null = null): boolean {
  if (url === APP_ENTRY_URL || url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devServerUrl !== null && url.startsWith(devServerUrl);
}

/** Only the app's own window, top frame, showing the app, may call main. */
export function createSenderCheck(getWindowId: () => number | null, devServerUrl: string | null = null) {
  return (sender: IpcSender): boolean =>
    sender.webContentsId === getWindowId() && sender.isMainFrame && isAppUrl(sender.url, devServerUrl);
}

/**
 * Maps an `app://renderer/...` URL to a file inside `root`, or null for anything outside it
 * (traversal, other hosts, other schemes).
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  const relative = decodeURIComponent(parsed.pathname) || '/';
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  const base = path.resolve(root);
  return file.startsWith(base + path.sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** Headers every renderer file is served with, in Electron and in the end-to-end server alike. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
