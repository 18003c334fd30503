import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge } from '../test-bridge.ts';
import { renderApp } from '../render-app.tsx';

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

async function fillForm(user: Awaited<ReturnType<typeof renderApp>>['user'], email: string, password: string) {
  await user.type(field('Email'), email);
  await user.type(field('Password'), password);
}

describe('sign-in screen', () => {
  it('is shown when signed out, with the default server and NocoDB test hook', async () => {
    await renderApp({ signedIn: false });
    expect(screen.getByTestId('nc-form-signin')).toBeTruthy();
    expect(field('Server URL').value).toBe('http://localhost:8080');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs in with the typed server, email and password and shows the signed-in home', async () => {
    const { user, fake } = await renderApp({ signedIn: false });
    await fillForm(user, ADMIN.email, ADMIN.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
    expect(within(screen.getByTestId('nc-account-card')).getByText('admin@example.com')).toBeTruthy();
    expect(fake.callsTo('session.signIn')).toEqual([
      { method: 'session.signIn', arg: { serverUrl: 'http://localhost:8080', email: ADMIN.email, password: ADMIN.password } },
    ]);
  });

  it('submits with Enter', async () => {
    const { user, fake } = await renderApp({ signedIn: false });
    await fillForm(user, ADMIN.email, `${ADMIN.password}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
    expect(fake.callsTo('session.signIn')).toHaveLength(1);
  });

  it('shows the server’s words for bad credentials, keeps server and email, and clears only the password', async () => {
    const fake = await createTestBridge({ signedIn: false });
    fake.alias('http://127.0.0.1:9999', ADMIN.serverUrl);
    const { user } = await renderApp({ fake });
    await user.clear(field('Server URL'));
    await user.type(field('Server URL'), 'http://127.0.0.1:9999');
    await fillForm(user, 'someone@example.com', 'wrong-password{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('Invalid credentials');
    expect(field('Server URL').value).toBe('http://127.0.0.1:9999');
    expect(field('Email').value).toBe('someone@example.com');
    expect(field('Password').value).toBe('');
    expect(screen.getByTestId('nc-form-signin')).toBeTruthy();
  });

  it('is busy while signing in: the button is unavailable, keeps the focus and says so, and the password is already gone', async () => {
    const fake = await createTestBridge({ signedIn: false });
    const release = fake.hold('session.signIn');
    const { user } = await renderApp({ fake });
    await fillForm(user, ADMIN.email, ADMIN.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const busy = screen.getByRole('button', { name: 'Signing in…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    expect(field('Password').value).toBe('');
    await user.keyboard('{Enter}');
    expect(fake.callsTo('session.signIn')).toHaveLength(1);

    release();
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
  });

  it('shows an unreachable server plainly', async () => {
    const fake = await createTestBridge({ signedIn: false });
    fake.setOffline(ADMIN.serverUrl);
    const { user } = await renderApp({ fake });
    await fillForm(user, ADMIN.email, `${ADMIN.password}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cannot reach http://localhost:8080. Check the address and that the server is running.',
    );
  });

  it('says so when the address answers but is not NocoDB', async () => {
    const fake = await createTestBridge({ signedIn: false });
    fake.server().faults.inject({ kind: 'html' }, { times: Infinity }); // another web app at that address
    const { user } = await renderApp({ fake });
    await fillForm(user, ADMIN.email, `${ADMIN.password}{Enter}`);
    // main always names the address (the fake bridge sent an empty message, so the renderer's fallback showed).
    expect((await screen.findByRole('alert')).textContent).toBe(
      'http://localhost:8080 answers, but not like a NocoDB server. Check the address.',
    );
  });

  it('shows why the user was signed out and fills in the last account', async () => {
    const fake = await createTestBridge();
    fake.server().endSessions(ADMIN.email); // signed in elsewhere while the app was closed
    fake.restart();
    await renderApp({ fake });

    const form = screen.getByTestId('nc-form-signin');
    // main's reason: the server ended the session (the fake bridge sent a reasonless session_expired).
    expect(screen.getByRole('status').textContent).toMatch(/^Your session expired: the server ended it/);
    expect(within(form).getByDisplayValue(ADMIN.email)).toBeTruthy();
  });

  it('warns, dismissibly, when the session is kept in memory only', async () => {
    const { user } = await renderApp({ keychainAtSignIn: 'unavailable' });
    const banner = screen.getByText(/kept in memory only and will not survive a restart/);
    expect(banner).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/kept in memory only/)).toBeNull();
  });
});
