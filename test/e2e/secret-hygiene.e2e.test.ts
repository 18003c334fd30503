// Hardening: after a full journey (sign in, create, show, copy, copy an example, test, delete, and on
// the real server rename and change the password, restart, sign out), no
// secret the user did not explicitly ask to see may sit in the app's data folder, its log, or
// anything the renderer received over the bridge; the token copies live in the keychain only and
// go when the user signs out; and the page never requested anything but its own files.
// Run against the real NocoDB 0.301.3 and against the fake of today's NocoDB (tokens shown once).
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeNocodb } from '../support/fake-nocodb.ts';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';
import {
  addAccountThroughUi,
  api,
  apiSignIn,
  changePasswordThroughUi,
  openAccountTab,
  openTokensTab,
  signInThroughUi,
  switchAccountThroughUi,
} from './steps.ts';

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

/** Sign in, create four tokens, show one, copy one (and an example holding it), test one, delete one. */
async function journey(app: LaunchedApp, user: NocodbCredentials) {
  const { page } = app;
  await signInThroughUi(page, user);
  await openTokensTab(page);
  const create = async (name: string) => {
    await page.getByTestId('nc-token-create').or(page.getByTestId('nc-token-create-top')).first().click();
    await page.getByTestId('nc-token-input').fill(name);
    await page.getByTestId('nc-token-save-btn').click();
    await page.getByTestId('nc-token-row').filter({ hasText: name }).waitFor();
  };
  for (const name of ['shown', 'copied', 'deleted', 'untouched']) await create(name);
  const row = (name: string) => page.getByTestId('nc-token-row').filter({ hasText: name });
  await row('shown').getByRole('button', { name: 'Show or Hide' }).click();
  await row('shown').locator('.token-secret').waitFor();
  await row('copied').getByTestId('nc-token-row-copy').click();
  // Used without being shown: the value goes to the clipboard and the server through main only.
  await row('copied').getByRole('button', { name: 'Use it' }).click();
  await page.getByTestId('nc-token-usage-copy').click();
  await row('untouched').getByTestId('nc-token-row-test').click();
  await row('untouched')
    .getByRole('status')
    .filter({ hasText: /^Works$/ })
    .waitFor();
  await row('deleted').getByTestId('nc-token-row-action-icon').click();
  await page.getByTestId('nc-delete-modal-delete-btn').click();
  await expect.poll(() => row('deleted').count()).toBe(0);
}

async function restartAndSignOut(app: LaunchedApp) {
  await app.restart();
  await app.page.getByTestId('nc-sidebar-userinfo').click();
  await app.page.getByTestId('nc-sidebar-user-logout').click();
  await app.page.getByTestId('nc-form-signin').waitFor();
}

/** The scan itself: `secrets` must be nowhere; `shown` only in the bridge answers. */
async function expectNoSecretOutsideTheKeychain(app: LaunchedApp, secrets: string[], shown: string) {
  const { files, fileTexts, answers, everywhere } = await everythingTheAppKept(app);
  for (const secret of secrets) expect(everywhere.includes(secret)).toBe(false);
  expect(everywhere).not.toMatch(JWT_SHAPE);
  // The one value the user asked to see did reach the renderer, and only over the bridge.
  expect(answers.join('\n')).toContain(shown);
  expect([...fileTexts, ...app.logs].join('\n')).not.toContain(shown);

  // The page talked to nothing but its own origin: every server call went through main.
  const rendererOrigin = new URL(app.page.url()).origin;
  expect(app.pageRequests.length).toBeGreaterThan(0);
  expect(app.pageRequests.filter((url) => new URL(url).origin !== rendererOrigin && !url.startsWith('data:'))).toEqual([]);
  console.log(
    `Secret scan: ${files.length} files, ${app.logs.length} log lines, ${answers.length} bridge answers, ${app.pageRequests.length} page requests scanned`,
  );
}

/** The keychain copies by token name (the copies are named by id). */
const copiesByName = async (app: LaunchedApp, idsByName: Map<string, string>) => {
  const copies = await app.keychainTokenCopies();
  const byId = new Map([...copies].map(([entry, value]) => [entry.slice(entry.lastIndexOf(' ') + 1), value]));
  return new Map([...idsByName].flatMap(([name, id]) => (byId.has(id) ? [[name, byId.get(id)!] as const] : [])));
};

describe('secret hygiene after a full journey', () => {
  afterAll(() => shutdownHarness());

  it('real NocoDB 0.301.3: no password, JWT, refresh token or unrequested API token in files, logs or bridge answers', async () => {
    const user = await signUpUser(realNocodb().url);
    const app = await launchApp({ serverUrl: user.url });
    await journey(app, user);

    // The secrets as the server and the keychain know them, read behind the app's back.
    const jwt = await apiSignIn(user);
    const { body } = await api(user.url, '/api/v1/tokens?limit=100&offset=0', { jwt });
    const list = body!['list'] as Array<{ id: number; description: string; token: string }>;
    const tokenValues = new Map(list.map((t) => [t.description, t.token]));
    const { refreshToken, jwt: appJwt } = JSON.parse((await app.keychainSecret())!) as { refreshToken: string; jwt: string };
    // The keychain copies (on by default) hold exactly the live tokens' values, the deleted one's is gone.
    const copies = await copiesByName(app, new Map(list.map((t) => [t.description, String(t.id)])));
    expect([...copies.keys()].sort()).toEqual(['copied', 'shown', 'untouched']);
    for (const [name, value] of copies) expect(value).toBe(tokenValues.get(name));

    // Rename: 0.301.3 answers with the whole user row. Its secrets, read behind the app's back:
    const { page } = app;
    await openAccountTab(page, 'Profile');
    await page.getByTestId('nc-account-settings-rename-input').fill('Hygiene Check');
    await page.getByTestId('nc-account-settings-save').click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    const profileRow = (await api(user.url, '/api/v1/user/profile', { method: 'PATCH', jwt, body: { display_name: 'Hygiene Check' } }))
      .body!;
    const profileSecrets = ['password', 'salt', 'token_version', 'email_verification_token'].map((field) => profileRow[field] as string);
    expect(profileSecrets.every((secret) => typeof secret === 'string' && secret.length >= 16)).toBe(true);

    // Change the password: both passwords and the pair it replaced must stay out of sight too.
    const newPassword = `${user.password}-changed`;
    await changePasswordThroughUi(page, user.password, newPassword);
    const renewed = JSON.parse((await app.keychainSecret())!) as { refreshToken: string; jwt: string };
    expect(renewed.refreshToken).not.toBe(refreshToken);

    await restartAndSignOut(app);
    expect((await app.keychainTokenCopies()).size).toBe(0);
    const unshown = [...copies].filter(([name]) => name !== 'shown').map(([, value]) => value);
    const sessionSecrets = [user.password, newPassword, refreshToken, appJwt, renewed.refreshToken, renewed.jwt];
    await expectNoSecretOutsideTheKeychain(app, [...sessionSecrets, ...unshown, ...profileSecrets], tokenValues.get('shown')!);
    await app.close();
  });

  it('several accounts: adding, switching, Retry, Log Out of one from the overview and of the active one leave no secret behind', async () => {
    const fake = await startFakeNocodb();
    const [ada, grace] = [await signUpUser(realNocodb().url), await signUpUser(realNocodb().url)];
    const other: NocodbCredentials = { url: fake.url, ...fake.admin };
    const graceToken = await (async () => {
      const { body } = await api(grace.url, '/api/v1/tokens', {
        method: 'POST',
        jwt: await apiSignIn(grace),
        body: { description: 'grace untouched' },
      });
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
      await cards
        .filter({ hasText: ada.email })
        .getByRole('button', { name: /^Log Out of/ })
        .click();
      await expect.poll(() => cards.count()).toBe(2);
      await app.page.getByTestId('nc-sidebar-userinfo').click();
      await app.page.getByTestId('nc-sidebar-user-logout').click();
      await app.page.getByTestId('nc-form-signin').waitFor();
      await expect.poll(() => cards.count()).toBe(1);

      expect(app.bridgeChannels).toEqual(expect.arrayContaining(['accounts:switch', 'accounts:retry', 'accounts:remove']));
      const { everywhere } = await everythingTheAppKept(app);
      const secrets = [
        ada.password,
        grace.password,
        other.password,
        graceToken,
        ...keychainSecrets.flatMap(({ refreshToken, jwt }) => [refreshToken, jwt]),
      ];
      for (const secret of secrets) expect(everywhere.includes(secret)).toBe(false);
      expect(everywhere).not.toMatch(JWT_SHAPE);
    } finally {
      await app.close();
      await fake.close().catch(() => {});
    }
  });

  it("today's NocoDB (fake, tokens shown once): the keychain copies stay in the keychain, used after a restart, gone at sign-out", async () => {
    const server = await startFakeNocodb({ generation: '2026' });
    try {
      const user = { url: server.url, email: `user-${randomUUID()}@example.com`, password: `Pw-${randomUUID()}` };
      server.addUser(user);
      const app = await launchApp({ serverUrl: server.url });
      await journey(app, user);

      const idsByName = new Map(server.tokensOf(user.email).map((t) => [t.description ?? '', t.id]));
      const copies = await copiesByName(app, idsByName);
      expect([...copies.keys()].sort()).toEqual(['copied', 'shown', 'untouched']);
      const { refreshToken, jwt: appJwt } = JSON.parse((await app.keychainSecret())!) as { refreshToken: string; jwt: string };

      // After the restart the values come from the keychain copies: Show still works, and only what is shown crosses.
      await app.restart();
      await openTokensTab(app.page);
      const row = app.page.getByTestId('nc-token-row').filter({ hasText: 'shown' });
      await row.getByRole('button', { name: 'Show or Hide' }).click();
      await expect.poll(() => row.locator('.token-secret').textContent()).toBe(copies.get('shown'));

      await restartAndSignOut(app);
      expect((await app.keychainTokenCopies()).size).toBe(0);
      await expectNoSecretOutsideTheKeychain(
        app,
        [user.password, refreshToken, appJwt, copies.get('copied')!, copies.get('untouched')!],
        copies.get('shown')!,
      );
      await app.close();
    } finally {
      await server.close();
    }
  });
});
