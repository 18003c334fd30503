import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../test-bridge.ts';
import { renderApp } from '../render-app.tsx';

const NEW_PASSWORD = 'a new password';
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const current = () => input('nc-user-settings-form__current-password');
const fresh = () => input('nc-user-settings-form__new-password');
const confirm = () => input('nc-user-settings-form__new-password-repeat');
const submit = () => screen.getByTestId('nc-user-settings-form__submit') as HTMLButtonElement;

async function renderPasswordTab() {
  const app = await renderApp({ hash: '#/account/password' });
  await screen.findByTestId('nc-user-settings-form');
  return app;
}

describe('Password tab', () => {
  it('is an Account Settings tab with NocoDB’s form ids, and the issue’s on each field and the actions', async () => {
    const { user } = await renderApp({ hash: '#/account/profile' });
    await user.click(screen.getByRole('link', { name: 'Password' }));
    expect(await screen.findByRole('heading', { name: 'Change Password' })).toBeTruthy();
    expect(window.location.hash).toBe('#/account/password');
    expect(within(screen.getByTestId('nc-password-current')).getByLabelText('Current password')).toBe(current());
    expect(within(screen.getByTestId('nc-password-new')).getByLabelText('New password')).toBe(fresh());
    expect(within(screen.getByTestId('nc-password-confirm')).getByLabelText('Confirm new password')).toBe(confirm());
    expect(screen.getByTestId('nc-password-save').contains(submit())).toBe(true);
    for (const field of [current(), fresh(), confirm()]) expect(field.type).toBe('password');
  });

  it('is filled in order with Tab, from the current password to the button', async () => {
    const { user } = await renderPasswordTab();
    current().focus();
    await user.tab();
    expect(document.activeElement).toBe(fresh());
    await user.tab();
    expect(document.activeElement).toBe(confirm());
    await user.tab();
    expect(document.activeElement).toBe(submit());
  });

  it('checks before sending: current password given, at least 8 characters, the two new ones equal', async () => {
    const { user, fake } = await renderPasswordTab();
    await user.click(submit());
    expect(screen.getByText('Enter your current password')).toBeTruthy();
    expect(screen.getByText('The new password needs at least 8 characters')).toBeTruthy();
    expect(document.activeElement).toBe(current());

    await user.type(current(), ADMIN.password);
    await user.type(fresh(), 'short');
    await user.type(confirm(), 'shorter');
    await user.click(submit());
    expect(screen.getByText('The new password needs at least 8 characters')).toBeTruthy();
    expect(screen.getByText('Passwords do not match')).toBeTruthy();
    expect(document.activeElement).toBe(fresh());
    expect(fresh().getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('profile.changePassword')).toHaveLength(0);
  });

  it('changes the password with Enter, says other devices were signed out, stays signed in and clears every field', async () => {
    const { user, fake } = await renderPasswordTab();
    await user.type(current(), ADMIN.password);
    await user.type(fresh(), NEW_PASSWORD);
    await user.type(confirm(), `${NEW_PASSWORD}{Enter}`);

    expect((await screen.findByRole('status')).textContent).toMatch(
      /signed you out on every other device and browser; this app stays signed in/,
    );
    expect(fake.callsTo('profile.changePassword')).toEqual([
      { method: 'profile.changePassword', arg: { accountId: fake.idOf(), currentPassword: ADMIN.password, newPassword: NEW_PASSWORD } },
    ]);
    expect([current().value, fresh().value, confirm().value]).toEqual(['', '', '']);
    expect(screen.getByRole('navigation', { name: 'Account Settings' })).toBeTruthy();
    // The focus stays where the user pressed Enter.
    expect(document.activeElement).toBe(confirm());
  });

  it('is busy while the request is out: fields read-only, button unavailable but focusable, one request however often it is sent', async () => {
    const { user, fake } = await renderPasswordTab();
    const release = fake.hold('profile.changePassword');
    await user.type(current(), ADMIN.password);
    await user.type(fresh(), NEW_PASSWORD);
    await user.type(confirm(), NEW_PASSWORD);
    await user.click(submit());

    expect(submit().textContent).toBe('Changing password…');
    expect(submit().getAttribute('aria-disabled')).toBe('true');
    expect(current().readOnly).toBe(true);
    expect(screen.getByTestId('nc-user-settings-form').getAttribute('aria-busy')).toBe('true');
    release();
    await screen.findByRole('status');
    expect(fake.callsTo('profile.changePassword')).toHaveLength(1);
  });

  it('shows the server’s words for a wrong current password, clears the passwords and focuses the first field', async () => {
    const { user, fake } = await renderPasswordTab();
    await user.type(current(), 'not my password');
    await user.type(fresh(), NEW_PASSWORD);
    await user.type(confirm(), NEW_PASSWORD);
    await user.click(submit());

    expect((await screen.findByTestId('nc-user-settings-form__error')).textContent).toBe('Current password is wrong');
    expect([current().value, fresh().value, confirm().value]).toEqual(['', '', '']);
    await waitFor(() => expect(document.activeElement).toBe(current()));
    expect(screen.queryByText('Passwords do not match')).toBeNull();
    expect(fake.callsTo('profile.changePassword')).toHaveLength(1);
    // Typing again takes the old error away.
    await user.type(current(), 'x');
    expect(screen.queryByTestId('nc-user-settings-form__error')).toBeNull();
  });

  it('goes back to sign-in when the session is gone', async () => {
    const { user, fake } = await renderPasswordTab();
    fake.server().endSessions(ADMIN.email); // signed in elsewhere
    await user.type(current(), ADMIN.password);
    await user.type(fresh(), NEW_PASSWORD);
    await user.type(confirm(), `${NEW_PASSWORD}{Enter}`);

    expect(await screen.findByTestId('nc-form-signin')).toBeTruthy();
  });
});
