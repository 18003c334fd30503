import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_LINKS,
  SECURE_WEB_PREFERENCES,
  answerAppRequest,
  isAllowedExternalLink,
  isAppUrl,
  rendererHeaders,
  resolveAppFile,
} from '../../main/security.ts';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values] as const;
  }),
);

describe('the app scheme', () => {
  it('is standard and secure, and keeps V8 code cache between launches (Electron allows it only with standard)', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });

  it('does not weaken the page: no CSP bypass, no service workers, no CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });
});

describe('content security policy', () => {
  it('denies everything by default and lets the page load only its own scripts and styles', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('gives the renderer no network: every server call goes through main', () => {
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('is sent with every renderer file', () => {
    expect(rendererHeaders('/x/index.html')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('web preferences', () => {
  it('isolate the renderer from Node and Electron', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
});

describe('app URLs', () => {
  it('knows its own pages and nothing else', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://renderer/assets/index.js')).toBe(true);
    expect(isAppUrl('app://renderer.evil/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', null)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', 'http://127.0.0.1:5173/')).toBe(true);
  });

  it('compares the dev server by origin, not by prefix', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/account/tokens', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.com/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });

  it('opens only the links the app offers in the browser', () => {
    expect(isAllowedExternalLink(EXTERNAL_LINKS.nocodbTokenDocs)).toBe(true);
    expect(isAllowedExternalLink('https://evil.example/')).toBe(false);
    expect(isAllowedExternalLink('file:///etc/passwd')).toBe(false);
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/app/renderer');

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://renderer/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://renderer/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
  });

  it.each(['app://renderer/../secret.txt', 'app://renderer/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (URL parsing clamps dot segments)',
    (url) => {
      expect(resolveAppFile(root, url)?.startsWith(root + path.sep)).toBe(true);
    },
  );

  it.each([
    'app://renderer/assets/..%2f..%2f..%2fetc/passwd',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
    'app://renderer/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('answerAppRequest (the app:// protocol handler)', () => {
  const root = path.resolve('/srv/app/renderer');
  const files = new Map([[path.join(root, 'index.html'), '<!doctype html>']]);
  const readFile = async (file: string) => {
    const content = files.get(file);
    if (content === undefined) throw new Error('ENOENT');
    return Buffer.from(content);
  };

  it('serves a renderer file with the policy headers', async () => {
    const response = await answerAppRequest(root, 'app://renderer/index.html', readFile);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 for a file that is not there or outside the folder', async () => {
    expect((await answerAppRequest(root, 'app://renderer/missing.js', readFile)).status).toBe(404);
    expect((await answerAppRequest(root, 'app://other/index.html', readFile)).status).toBe(404);
  });

  it.each(['app://renderer/%E0%A4%A', 'app://renderer/%ff.js', 'app://renderer/assets/%'])(
    'answers 400 for a malformed escape in %s instead of throwing',
    async (url) => {
      expect((await answerAppRequest(root, url, readFile)).status).toBe(400);
    },
  );
});
