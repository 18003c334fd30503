// A call sent from account A's screen while a switch to B is on its way (its settings write held
// open, as on a slow disk) acts on A — or is refused — never on B: main no longer decides which
// account a call is for; the renderer names it. Two fake NocoDB 0.301.3 servers, both with a token
// "1" (0.301.3 numbers its rows), so a Delete sent to the wrong account would delete B's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFile } from '../../main/ports.ts';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import type { NocodbCredentials } from '../support/nocodb-env.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { addAccountThroughUi, api, apiSignIn, apiTokenNames, openAccountTab, signInThroughUi } from './steps.ts';

const hostOf = (url: string) => new URL(url).host;

/** A settings file whose writes can be held open until released. */
function holdableSettings() {
  const control = { held: null as Promise<void> | null, release: () => {}, waiting: 0 };
  const wrap = (file: JsonFile): JsonFile => ({
    ...file,
    async write(value) {
      if (control.held) {
        control.waiting += 1;
        await control.held;
      }
      return file.write(value);
    },
  });
  return {
    wrap,
    control,
    hold() {
      control.held = new Promise<void>((resolve) => (control.release = resolve));
    },
    release() {
      control.release();
      control.held = null;
    },
  };
}

describe('a call from the previous account’s screen during a switch', () => {
  let a: FakeNocodb;
  let b: FakeNocodb;
  const started = closedAfterEachTest();
  let app: LaunchedApp | null = null;
  beforeAll(async () => {
    [a, b] = await Promise.all([startFakeNocodb(), startFakeNocodb()]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('a row Delete and a Password submit from A’s screen act on A, never on B', async () => {
    const userA: NocodbCredentials = { url: a.url, ...a.admin };
    const userB: NocodbCredentials = { url: b.url, ...b.admin };
    for (const [user, name] of [
      [userA, 'token of A'],
      [userB, 'token of B'],
    ] as const) {
      const jwt = await apiSignIn(user);
      expect((await api(user.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: name } })).status).toBe(200);
    }
    const settings = holdableSettings();
    app = await started.app({ serverUrl: a.url, wrapSettingsFile: settings.wrap });
    const { page } = app;
    await signInThroughUi(page, userA);
    await addAccountThroughUi(page, userB);
    // Back to A, on its Tokens tab.
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page
      .getByTestId('nc-account-switch')
      .filter({ hasText: hostOf(a.url) })
      .click();
    await page.goto(`${page.url().split('#')[0]}#/account/tokens`);
    const rowOfA = page.getByTestId('nc-token-row').filter({ hasText: 'token of A' });
    await rowOfA.waitFor();

    // The switch to B starts; its settings write is held, so its answer has not reached the window.
    settings.hold();
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page
      .getByTestId('nc-account-switch')
      .filter({ hasText: hostOf(b.url) })
      .click();
    await expect.poll(() => settings.control.waiting).toBe(1);

    // Delete on A's row "1".
    await rowOfA.getByTestId('nc-token-row-action-icon').click();
    await page.getByTestId('nc-delete-modal-delete-btn').click();
    await expect.poll(() => a.calls['tokens.delete']).toBe(1);

    // Password on A's screen, sent with Enter.
    await openAccountTab(page, 'Password');
    const newPassword = 'A-brand-new-password-1';
    await page.getByTestId('nc-user-settings-form__current-password').fill(userA.password);
    await page.getByTestId('nc-user-settings-form__new-password').fill(newPassword);
    await page.getByTestId('nc-user-settings-form__new-password-repeat').fill(newPassword);
    await page.getByTestId('nc-user-settings-form__new-password-repeat').press('Enter');
    await expect.poll(() => a.calls['password.change']).toBe(1);

    settings.release();
    await expect.poll(() => page.getByTestId('nc-sidebar-userinfo').or(page.getByTestId('nc-account-card')).count()).toBeGreaterThan(0);

    // B saw neither call, and still has its token "1"; A's token is gone and its password changed.
    expect(b.calls['tokens.delete']).toBe(0);
    expect(b.calls['password.change']).toBe(0);
    expect(await apiTokenNames(b.url, await apiSignIn(userB))).toEqual(['token of B']);
    const jwtA = await apiSignIn({ ...userA, password: newPassword });
    expect(await apiTokenNames(a.url, jwtA)).toEqual([]);
  });
});
