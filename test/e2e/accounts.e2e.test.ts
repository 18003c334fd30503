// Several accounts on two servers at once, in the real UI: the real NocoDB 0.301.3 and the fake
// NocoDB on its own port. Add, switch both ways (each lists its own tokens), restart with both
// restored and the last active one opened, Log Out of one (the other keeps its entry and session).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { expectNoAxeViolations } from './axe.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { addAccountThroughUi, api, apiSignIn, screenshot, signInThroughUi, switchAccountThroughUi } from './steps.ts';

const hostOf = (url: string) => new URL(url).host;

describe('several accounts on two servers', () => {
  let fake: FakeNocodb;
  const started = closedAfterEachTest();
  let app: LaunchedApp | null = null;
  beforeAll(async () => {
    fake = await startFakeNocodb();
  });
  afterAll(async () => {
    await fake.close();
  });

  async function withToken(user: NocodbCredentials, name: string) {
    const jwt = await apiSignIn(user);
    expect((await api(user.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: name } })).status).toBe(200);
  }

  it('adds, switches both ways with the right tokens, restores both after a restart, and logs out of one', async () => {
    const real = await signUpUser(realNocodb().url);
    const other: NocodbCredentials = { url: fake.url, ...fake.admin };
    await withToken(real, 'real server token');
    await withToken(other, 'fake server token');
    app = await started.app({ serverUrl: real.url });
    const rows = () => app!.page.getByTestId('nc-token-row');
    const avatar = () => app!.page.getByTestId('nc-sidebar-userinfo');

    await signInThroughUi(app.page, real);
    await addAccountThroughUi(app.page, other, {
      onForm: async () => {
        await screenshot(app!.page, '11-add-account-sign-in');
        await expectNoAxeViolations(app!.page, 'add account sign-in');
      },
    });

    // The overview: both accounts, the new one active.
    const cards = app.page.getByTestId('nc-account-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.nth(0).textContent()).toContain(real.email);
    expect(await cards.nth(1).textContent()).toContain('Active');
    expect(await avatar().textContent()).toBe('AD');
    await screenshot(app.page, '11-accounts-overview');
    await expectNoAxeViolations(app.page, 'accounts overview');

    await cards.nth(1).getByRole('button', { name: 'Open' }).click();
    await rows().filter({ hasText: 'fake server token' }).waitFor();
    expect(await rows().filter({ hasText: 'real server token' }).count()).toBe(0);

    // From the Tokens tab to the other account: Tokens stays Tokens, with that account's tokens.
    await avatar().click();
    await app.page.getByTestId('nc-account-switch').waitFor();
    await screenshot(app.page, '11-user-menu-accounts');
    await expectNoAxeViolations(app.page, 'user menu with accounts');
    await app.page.keyboard.press('Escape');
    await switchAccountThroughUi(app.page, hostOf(real.url));
    await rows().filter({ hasText: 'real server token' }).waitFor();
    expect(await rows().filter({ hasText: 'fake server token' }).count()).toBe(0);
    expect(new URL(app.page.url()).hash).toBe('#/account/tokens');
    expect(await avatar().textContent()).toBe('US');

    await switchAccountThroughUi(app.page, hostOf(fake.url));
    await rows().filter({ hasText: 'fake server token' }).waitFor();
    expect(await rows().filter({ hasText: 'real server token' }).count()).toBe(0);
    expect(await app.keychainAccounts()).toHaveLength(2);

    // Restart: both restored from the keychain, the last active one (the fake server's) opened.
    await app.restart();
    await expect.poll(() => app!.page.getByTestId('nc-account-card').count()).toBe(2);
    for (const card of await app.page.getByTestId('nc-account-card').all()) expect(await card.textContent()).toContain('Signed in');
    expect(await avatar().textContent()).toBe('AD');
    expect(await app.page.getByTestId('nc-form-signin').count()).toBe(0);

    // Log Out of the active one: the other opens, keeps its keychain entry and its session.
    await avatar().click();
    await app.page.getByTestId('nc-sidebar-user-logout').click();
    await expect.poll(() => avatar().textContent()).toBe('US');
    expect(await app.keychainAccounts()).toEqual([`${real.url} ${real.email}`]);
    await expect.poll(() => app!.page.getByTestId('nc-account-card').count()).toBe(1);
    await app.page.getByTestId('nc-account-card').getByRole('button', { name: 'Open' }).click();
    await rows().filter({ hasText: 'real server token' }).waitFor();
    expect(fake.calls.signout).toBe(1);
  });
});
