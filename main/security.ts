// The security policy of the window, as plain data and pure functions so tests can check it
// without Electron. `window.ts` applies it.
import path from 'node:path';
import type { IpcSender } from './ipc-router.ts';

/** The renderer is served from this privileged custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The app scheme's privileges. `codeCache` (Electron ≥ 28, only with `standard`) lets V8 keep the
 * bundle's compiled code between launches, keyed by the app's own origin and checked against the
 * file it came from, so a second launch skips compiling it; it changes what runs in no way.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

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

const originOf = (url: string): string | null => (URL.canParse(url) ? new URL(url).origin : null);

/** A page in the app's window may only ever show the app itself. */
export function isAppUrl(url: string, devServerUrl: string | null = null): boolean {
  if (url === APP_ENTRY_URL || url.startsWith(`${APP_ORIGIN}/`)) return true;
  // By origin: a prefix would let `http://localhost:5173.evil.com/` pass for `http://localhost:5173`.
  return devServerUrl !== null && originOf(url) !== null && originOf(url) === originOf(devServerUrl);
}

/** Only the app's own window, top frame, showing the app, may call main. */
export function createSenderCheck(getWindowId: () => number | null, devServerUrl: string | null = null) {
  return (sender: IpcSender): boolean => sender.webContentsId === getWindowId() && sender.isMainFrame && isAppUrl(sender.url, devServerUrl);
}

export type AppFileLookup = { kind: 'file'; file: string } | { kind: 'not_found' } | { kind: 'bad_request' };

/**
 * Maps an `app://renderer/...` URL to a file inside `root`: not found for anything outside it
 * (traversal, other hosts, other schemes), a bad request for a malformed `%` escape.
 */
export function lookUpAppFile(root: string, url: string): AppFileLookup {
  if (!URL.canParse(url)) return { kind: 'not_found' };
  const parsed = new URL(url);
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return { kind: 'not_found' };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname) || '/';
  } catch {
    return { kind: 'bad_request' };
  }
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  const base = path.resolve(root);
  return file.startsWith(base + path.sep) ? { kind: 'file', file } : { kind: 'not_found' };
}

/** The file an `app://renderer/...` URL names inside `root`, or null. */
export function resolveAppFile(root: string, url: string): string | null {
  const lookup = lookUpAppFile(root, url);
  return lookup.kind === 'file' ? lookup.file : null;
}

/** The `app://` protocol handler: a renderer file with its headers, 404, or 400 — never a throw. */
export async function answerAppRequest(
  root: string,
  url: string,
  readFile: (file: string) => Promise<Uint8Array<ArrayBuffer>>,
): Promise<Response> {
  const lookup = lookUpAppFile(root, url);
  if (lookup.kind === 'bad_request') return new Response('Bad request', { status: 400 });
  if (lookup.kind === 'not_found') return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(lookup.file), { headers: rendererHeaders(lookup.file) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
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
