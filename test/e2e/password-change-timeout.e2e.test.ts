// A password change whose answer never arrives may still have changed the password on the server,
// which then ends the app's session. The Password page says so, and the sign-in screen the app lands
// on says to try the new password first. A fake NocoDB answers the change after the app gave up.
import { describe, expect, it } from 'vitest';
import { setUpFakeServerApp } from './fake-server-app.ts';
import { changePasswordThroughUi, openAccountTab, signInThroughUi } from './steps.ts';

const TIMEOUT_MS = 1_500;
const NEW_PASSWORD = 'a new password after a timeout';

describe('a password change that times out', () => {
  const started = setUpFakeServerApp({ requestTimeoutMs: TIMEOUT_MS });

  it('says the password may have changed, and the sign-in it lands on says to try the new password first', async () => {
    const { server, app } = started;
    const { page } = app;
    await signInThroughUi(page, { url: server.url, ...server.admin });
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menuitem', { name: /Account Settings/ }).click();
    server.faults.inject({ kind: 'slow', ms: TIMEOUT_MS + 500 }, { route: 'password.change' });
    await changePasswordThroughUi(page, server.admin.password, NEW_PASSWORD, 'sent');

    const error = page.getByTestId('nc-user-settings-form__error');
    await expect.poll(() => error.textContent()).toContain('it may have changed on the server');
    expect(await error.textContent()).toContain('try the new password first');

    // The server has changed it by now (after the app stopped waiting) and ended the session.
    await expect
      .poll(async () => (await fetch(`${server.url}/api/v1/auth/user/signin`, signInWith(server.admin.email, NEW_PASSWORD))).status, {
        timeout: 5_000,
      })
      .toBe(200);
    await openAccountTab(page, 'API Tokens');
    await page.getByTestId('nc-form-signin').waitFor();
    await expect.poll(() => page.locator('.sign-in-notice').textContent()).toContain('Try the new password first.');
    await signInThroughUi(page, { url: server.url, email: server.admin.email, password: NEW_PASSWORD });
  });

  const signInWith = (email: string, password: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
});
