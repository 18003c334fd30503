// Copy example is pasted into a terminal. A server address with shell metacharacters (which WHATWG
// URL accepts in a host name) is refused at sign-in, before any request; for an ordinary address
// the copied line, run by a real `sh`, runs curl and nothing else.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchResolvingTestNames, lanUrlFor } from '../support/resolving-fetch.ts';
import { setUpFakeServerApp } from './fake-server-app.ts';
import { openTokensTab, signInThroughUi } from './steps.ts';

const run = promisify(execFile);

describe('Copy example is safe to paste into a shell', () => {
  const started = setUpFakeServerApp({ fetch: fetchResolvingTestNames });
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'copy-example-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to sign in to a server address whose host holds shell metacharacters, before any request', async () => {
    const { server, app } = started;
    // The resolving fetch would reach the fake server for this name: only the host rule stops it.
    const url = lanUrlFor(server.url, 'a$(touch${IFS}marker).example.test');
    const form = app.page.getByTestId('nc-form-signin');
    await form.getByLabel('Server URL').fill(url);
    await form.getByLabel('Email').fill(server.admin.email);
    await form.getByLabel('Password').fill(server.admin.password);
    await form.getByLabel('Password').press('Enter');

    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('The server name may only contain letters, digits, hyphens and dots (or be an IP address). Check the server address.');
    expect(server.calls.health + server.calls.signin).toBe(0);
    expect(await app.page.getByRole('alertdialog').count()).toBe(0);
  });

  it('for an ordinary address, the copied POSIX line runs curl and nothing else', async () => {
    const { server, app } = started;
    await signInThroughUi(app.page, { url: server.url, ...server.admin });
    await openTokensTab(app.page);
    await app.page.getByTestId('nc-token-create').first().click();
    await app.page.locator('.nc-token-generate').getByTestId('nc-token-input').fill('pasted');
    await app.page.getByTestId('nc-token-save-btn').click();
    await app.page.getByTestId('nc-token-usage-copy').click();
    await app.page.getByText('Copied to clipboard', { exact: true }).waitFor();
    const line = await app.clipboardText();

    // `sh -x` traces every command the shell runs: exactly one, curl.
    const { stdout, stderr } = await run('sh', ['-x', '-c', `${line} --silent --max-time 10`], { cwd: dir });
    const commands = stderr.split('\n').filter((traced) => traced.startsWith('+'));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^\+ curl -H xc-token: [A-Za-z0-9_-]{40} /);
    expect(JSON.parse(stdout)).toMatchObject({ email: server.admin.email });
    expect(existsSync(join(dir, 'marker'))).toBe(false);
  });
});
