// Hardening: after a full journey (sign in, create, show, copy, copy an example, test, delete,
// rename, change the password, restart, sign out), no
// secret the user did not explicitly ask to see may sit in the app's data folder, its log, or
// anything the renderer received over the bridge; and the page never requested anything but its
// own files.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realNocodb, signUpUser } from '../support/nocodb-env.ts';
import { launchApp, shutdownHarness } from './harness.ts';
import { api, apiSignIn, changePasswordThroughUi, openAccountTab, openTokensTab, signInThroughUi } from './steps.ts';

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
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
    await create('sample');
    const row = (name: string) => page.getByTestId('nc-token-row').filter({ hasText: name });
    // Used without being shown: its value goes to the clipboard (and the server) through main only.
    await row('sample').getByRole('button', { name: 'Use it' }).click();
    await page.getByTestId('nc-token-usage-copy').click();
    await row('untouched').getByTestId('nc-token-row-test').click();
    await row('untouched').getByRole('status').filter({ hasText: /^Works$/ }).waitFor();
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

    // Rename: 0.301.3 answers with the whole user row. Its secrets, read behind the app's back:
    await openAccountTab(page, 'Profile');
    await page.getByTestId('nc-account-settings-rename-input').fill('Hygiene Check');
    await page.getByTestId('nc-account-settings-save').click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    const profileRow = (await api(user.url, '/api/v1/user/profile', { method: 'PATCH', jwt, body: { display_name: 'Hygiene Check' } })).body!;
    const profileSecrets = ['password', 'salt', 'token_version', 'email_verification_token'].map((field) => profileRow[field] as string);
    expect(profileSecrets.every((secret) => typeof secret === 'string' && secret.length >= 16)).toBe(true);

    // Change the password: both passwords and the pair it replaced must stay out of sight too.
    const newPassword = `${user.password}-changed`;
    await changePasswordThroughUi(page, user.password, newPassword);
    const renewed = JSON.parse((await app.keychainSecret())!) as { refreshToken: string; jwt: string };
    expect(renewed.refreshToken).not.toBe(refreshToken);

    await app.restart();
    await app.page.getByTestId('nc-sidebar-userinfo').click();
    await app.page.getByTestId('nc-sidebar-user-logout').click();
    await app.page.getByTestId('nc-form-signin').waitFor();

    const files = await filesUnder(app.userDataDir);
    const fileTexts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    const answers = app.bridgeAnswers.map((answer) => JSON.stringify(answer));
    const everywhere = [...fileTexts, ...app.logs, ...answers].join('\n');
    const neverAnywhere = [
      user.password,
      newPassword,
      refreshToken,
      appJwt,
      renewed.refreshToken,
      renewed.jwt,
      tokenValues.get('untouched')!,
      tokenValues.get('copied')!,
      tokenValues.get('sample')!,
      ...profileSecrets,
    ];
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
});
