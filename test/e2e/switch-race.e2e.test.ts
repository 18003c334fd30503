// A call sent from account A's screen while a switch to B is on its way (main's answer held before
// it reaches the window, as from a busy main) acts on A — or is refused — never on B: main no longer decides which
// account a call is for; the renderer names it. Two fake NocoDB 0.301.3 servers, both with a token
// "1" (0.301.3 numbers its rows), so a Delete sent to the wrong account would delete B's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import type { NocodbCredentials } from '../support/nocodb-env.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { addAccountThroughUi, api, apiSignIn, apiTokenNames, openAccountTab, signInThroughUi } from './steps.ts';

const hostOf = (url: string) => new URL(url).host;

/** Main's answers on one channel, held on their way to the window until released. */
function holdableAnswers(held: string) {
  const control = { gate: null as Promise<void> | null, release: () => {}, waiting: 0 };
  return {
    control,
    beforeAnswer(channel: string) {
      if (channel !== held || !control.gate) return undefined;
      control.waiting += 1;
      return control.gate;
    },
    hold() {
      control.gate = new Promise<void>((resolve) => (control.release = resolve));
    },
    release() {
      control.release();
      control.gate = null;
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
    const switches = holdableAnswers('accounts:switch');
    app = await started.app({ serverUrl: a.url, beforeAnswer: (channel) => switches.beforeAnswer(channel) });
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

    // The switch to B starts; its answer is held on its way, so it has not reached the window.
    switches.hold();
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page
      .getByTestId('nc-account-switch')
      .filter({ hasText: hostOf(b.url) })
      .click();
    await expect.poll(() => switches.control.waiting).toBe(1);

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

    switches.release();
    await expect.poll(() => page.getByTestId('nc-sidebar-userinfo').or(page.getByTestId('nc-account-card')).count()).toBeGreaterThan(0);

    // B saw neither call, and still has its token "1"; A's token is gone and its password changed.
    expect(b.calls['tokens.delete']).toBe(0);
    expect(b.calls['password.change']).toBe(0);
    expect(await apiTokenNames(b.url, await apiSignIn(userB))).toEqual(['token of B']);
    const jwtA = await apiSignIn({ ...userA, password: newPassword });
    expect(await apiTokenNames(a.url, jwtA)).toEqual([]);
  });
});
