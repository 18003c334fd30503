// Sign-in's server check in the real UI: a redirecting server gets no password and the message
// names no other host (https only for the same one); a plain-http server on "another machine" (a LAN name resolved to a
// fake NocoDB here) needs the user's consent once, remembered across a restart.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startAnsweringServer } from '../support/answering-server.ts';
import { fetchResolvingTestNames, lanUrlFor } from '../support/resolving-fetch.ts';
import { expectNoAxeViolations } from './axe.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import { screenshot, signInThroughUi } from './steps.ts';

describe('server check at sign-in', () => {
  const started = closedAfterEachTest();

  /** Signs in through the UI against a server that answers every request with a 302 to `location`. */
  async function refusedRedirect(location: (serverUrl: string, path: string) => string) {
    const seen: string[] = [];
    const redirecting = await startAnsweringServer((request: IncomingMessage, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.writeHead(302, { location: location(redirecting.url, request.url ?? '/') }).end();
    });
    try {
      const app = await started.app({ serverUrl: redirecting.url, secretStore: 'memory', clipboard: 'memory' });
      const form = app.page.getByTestId('nc-form-signin');
      await form.getByLabel('Email').fill('ada@example.com');
      await form.getByLabel('Password').fill('a password that must not travel');
      await form.getByLabel('Password').press('Enter');
      const alert = form.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('so the app did not send your password');
      expect(seen).toEqual(['GET /api/v1/health']);
      return { message: (await alert.textContent()) ?? '', serverUrl: redirecting.url, page: app.page };
    } finally {
      await redirecting.close();
    }
  }

  it('refuses a server that redirects to another host, before the password is sent, without naming that host', async () => {
    const { message, serverUrl, page } = await refusedRedirect((_url, path) => `https://nocodb-corp.attacker.example${path}`);
    expect(message).toContain(serverUrl);
    expect(message).not.toContain('attacker');
    expect(message).toContain('Check the server address.');
    await screenshot(page, '14-sign-in-redirect-refused');
    await expectNoAxeViolations(page, 'sign-in with a redirect refused');
  });

  it('suggests https:// when the redirect goes to the same host over https', async () => {
    const { message } = await refusedRedirect((url, path) => `${url.replace('http:', 'https:')}${path}`);
    expect(message).toMatch(/Use https:\/\/127\.0\.0\.1:\d+ as the server address instead\./);
  });

  it('asks before signing in over plain http to another machine, once per server', async () => {
    const server = await started.server();
    const url = lanUrlFor(server.url);
    const app = await started.app({ serverUrl: url, secretStore: 'memory', clipboard: 'memory', fetch: fetchResolvingTestNames });
    const { page } = app;
    const form = page.getByTestId('nc-form-signin');
    await form.getByLabel('Email').fill(server.admin.email);
    await form.getByLabel('Password').fill(server.admin.password);
    await form.getByLabel('Password').press('Enter');

    const dialog = page.getByRole('alertdialog', { name: 'Send your password unencrypted?' });
    await expect.poll(() => dialog.textContent()).toContain(`${url} uses plain http`);
    expect(server.calls.signin).toBe(0);
    await screenshot(page, '14-plain-http-warning');
    await expectNoAxeViolations(page, 'plain-http warning');
    await dialog.getByTestId('nc-plain-http-confirm-btn').click();
    await form.waitFor({ state: 'detached' });
    expect(server.calls.signin).toBe(1);

    // Signed out and in again after a restart: the answer for this server is remembered.
    await app.restart();
    await app.page.getByTestId('nc-sidebar-userinfo').click();
    await app.page.getByTestId('nc-sidebar-user-logout').click();
    await app.page.getByTestId('nc-form-signin').waitFor();
    await signInThroughUi(app.page, { url, ...server.admin });
    expect(server.calls.signin).toBe(2);
  });
});
