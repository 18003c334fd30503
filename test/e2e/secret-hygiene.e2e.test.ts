// Hardening: after a full journey (sign in, create, show, copy, delete, restart, sign out), no
// secret the user did not explicitly ask to see may sit in the app's data folder, its log, or
// anything the renderer received over the bridge; and the page never requested anything but its
// own files.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeNocodb } from '../support/fake-nocodb.ts';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';
import { addAccountThroughUi, api, apiSignIn, openTokensTab, signInThroughUi, switchAccountThroughUi } from './steps.ts';

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The data folder's files, the log and every bridge answer, as one text to search. */
async function everythingTheAppKept(app: LaunchedApp) {
  const files = await filesUnder(app.userDataDir);
  const fileTexts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const answers = app.bridgeAnswers.map((answer) => JSON.stringify(answer));
  return { files, fileTexts, answers, everywhere: [...fileTexts, ...app.logs, ...answers].join('\n') };
}

describe('secret hygiene after a full journey against a real NocoDB', () => {
  afterAll(() => shutdownHarness());

  it('leaves no password, JWT, refresh token or unrequested API token in files, logs or bridge answers', async () => {
    const user = await signUpUser(realNocodb().url);
    const app = await launchApp({ serverUrl: user.url });
    const { page } = app;

    await signInThroughUi(page, user);
    await openTokensTab(page);
    const create = async (name: string) => {
      await page.getByTestId('nc-token-create').first().click();
      await page.getByTestId('nc-token-input').fill(name);
      await page.getByTestId('nc-token-save-btn').click();
      await page.getByTestId('nc-token-row').filter({ hasText: name }).waitFor();
    };
    await create('shown');
    await create('copied');
    await create('deleted');
    await create('untouched');
    const row = (name: string) => page.getByTestId('nc-token-row').filter({ hasText: name });
    await row('shown').getByRole('button', { name: 'Show or Hide' }).click();
    await row('shown').locator('.token-secret').waitFor();
    await row('copied').getByTestId('nc-token-row-copy').click();
    await row('deleted').getByTestId('nc-token-row-action-icon').click();
    await page.getByTestId('nc-delete-modal-delete-btn').click();
    await expect.poll(() => row('deleted').count()).toBe(0);

    // The secrets as the server and the keychain know them, read behind the app's back.
    const jwt = await apiSignIn(user);
    const { body } = await api(user.url, '/api/v1/tokens?limit=100&offset=0', { jwt });
    const tokenValues = new Map((body!['list'] as Array<{ description: string; token: string }>).map((t) => [t.description, t.token]));
    const keychainSecret = await app.keychainSecret();
    const { refreshToken, jwt: appJwt } = JSON.parse(keychainSecret!) as { refreshToken: string; jwt: string };

    await app.restart();
    await app.page.getByTestId('nc-sidebar-userinfo').click();
    await app.page.getByTestId('nc-sidebar-user-logout').click();
    await app.page.getByTestId('nc-form-signin').waitFor();

    const { files, fileTexts, answers, everywhere } = await everythingTheAppKept(app);
    const neverAnywhere = [user.password, refreshToken, appJwt, tokenValues.get('untouched')!, tokenValues.get('copied')!];
    for (const secret of neverAnywhere) expect(everywhere.includes(secret)).toBe(false);
    expect(everywhere).not.toMatch(JWT_SHAPE);
    // The one value the user asked to see did reach the renderer, and only over the bridge.
    expect(answers.join('\n')).toContain(tokenValues.get('shown')!);
    expect([...fileTexts, ...app.logs].join('\n')).not.toContain(tokenValues.get('shown')!);

    // The page talked to nothing but its own origin: every server call went through main.
    const rendererOrigin = new URL(app.page.url()).origin;
    const pageRequests = app.pageRequests;
    expect(pageRequests.length).toBeGreaterThan(0);
    expect(pageRequests.filter((url) => new URL(url).origin !== rendererOrigin && !url.startsWith('data:'))).toEqual([]);

    console.log(
      `Secret scan: ${files.length} files, ${app.logs.length} log lines, ${answers.length} bridge answers, ${pageRequests.length} page requests scanned`,
    );
    await app.close();
  });

  it('several accounts: adding, switching, Retry, Log Out of one from the overview and of the active one leave no secret behind', async () => {
    const fake = await startFakeNocodb();
    const [ada, grace] = [await signUpUser(realNocodb().url), await signUpUser(realNocodb().url)];
    const other: NocodbCredentials = { url: fake.url, ...fake.admin };
    const graceToken = await (async () => {
      const { body } = await api(grace.url, '/api/v1/tokens', { method: 'POST', jwt: await apiSignIn(grace), body: { description: 'grace untouched' } });
      return body!['token'] as string;
    })();
    const app = await launchApp({ serverUrl: ada.url });
    try {
      await signInThroughUi(app.page, ada);
      await addAccountThroughUi(app.page, grace);
      await addAccountThroughUi(app.page, other);
      await switchAccountThroughUi(app.page, grace.email);
      await openTokensTab(app.page);
      await app.page.getByTestId('nc-token-row').filter({ hasText: 'grace untouched' }).waitFor();
      const keychainSecrets = (await app.keychainSecrets()).map((text) => JSON.parse(text) as { refreshToken: string; jwt: string });
      expect(keychainSecrets).toHaveLength(3);

      // The fake server goes away: at the next launch its account cannot be restored, and Retry fails.
      await fake.close();
      await app.restart();
      const cards = app.page.getByTestId('nc-account-card');
      await cards.filter({ hasText: 'Server unreachable' }).getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => app.bridgeChannels.includes('accounts:retry')).toBe(true);
      await cards.filter({ hasText: ada.email }).getByRole('button', { name: /^Log Out of/ }).click();
      await expect.poll(() => cards.count()).toBe(2);
      await app.page.getByTestId('nc-sidebar-userinfo').click();
      await app.page.getByTestId('nc-sidebar-user-logout').click();
      await app.page.getByTestId('nc-form-signin').waitFor();
      await expect.poll(() => cards.count()).toBe(1);

      expect(app.bridgeChannels).toEqual(expect.arrayContaining(['accounts:switch', 'accounts:retry', 'accounts:remove', 'session:sign-out']));
      const { everywhere } = await everythingTheAppKept(app);
      const secrets = [ada.password, grace.password, other.password, graceToken, ...keychainSecrets.flatMap(({ refreshToken, jwt }) => [refreshToken, jwt])];
      for (const secret of secrets) expect(everywhere.includes(secret)).toBe(false);
      expect(everywhere).not.toMatch(JWT_SHAPE);
    } finally {
      await app.close();
      await fake.close().catch(() => {});
    }
  });
});
