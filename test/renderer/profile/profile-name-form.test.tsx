import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app.tsx';

const nameInput = () => screen.getByTestId('nc-account-settings-rename-input') as HTMLInputElement;
const saveButton = () => screen.getByTestId('nc-account-settings-save') as HTMLButtonElement;
/** Save stays focusable when unavailable (aria-disabled), so that is what the tests read. */
const saveUnavailable = () => saveButton().getAttribute('aria-disabled') === 'true';

describe('Profile: editing the name', () => {
  it('carries NocoDB’s test ids, and the issue’s on the field and the actions around them', async () => {
    await renderApp({ hash: '#/account/profile' });
    expect(screen.getByTestId('nc-profile-name-input').contains(nameInput())).toBe(true);
    expect(screen.getByTestId('nc-profile-save').contains(saveButton())).toBe(true);
    expect((screen.getByTestId('nc-account-settings-email-input') as HTMLInputElement).disabled).toBe(true);
  });

  it('enables Save only after a change; Save sends the trimmed name and the avatar and menu follow at once', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile' });
    expect(saveUnavailable()).toBe(true);

    await user.type(nameInput(), '  Ada Lovelace ');
    expect(saveUnavailable()).toBe(false);
    await user.click(saveButton());

    expect(await screen.findByText('Name saved.')).toBeTruthy();
    expect(fake.callsTo('profile.update')).toEqual([
      { method: 'profile.update', arg: { accountId: fake.idOf(), displayName: 'Ada Lovelace' } },
    ]);
    expect(screen.getByRole('navigation', { name: 'Account Settings' })).toBeTruthy();
    expect(document.querySelector('.avatar-large')?.textContent).toBe('AL');
    expect(nameInput().value).toBe('Ada Lovelace');
    expect(saveUnavailable()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Back' }));
    const avatar = await screen.findByTestId('nc-sidebar-userinfo');
    expect(avatar.textContent).toBe('AL');
    await user.click(avatar);
    expect((await screen.findByRole('menuitem', { name: /Account Settings/ })).textContent).toContain('Ada Lovelace (admin@example.com)');
  });

  it('submits with Enter and reverts with Escape', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile' });
    await user.type(nameInput(), 'Grace Hopper');
    await user.keyboard('{Escape}');
    expect(nameInput().value).toBe('');
    expect(saveUnavailable()).toBe(true);

    await user.type(nameInput(), 'Grace Hopper{Enter}');
    await waitFor(() => expect(fake.callsTo('profile.update')).toHaveLength(1));
    expect(await screen.findByText('Name saved.')).toBeTruthy();
  });

  it('refuses a blank name and one over 255 characters before sending', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile' });
    await user.type(nameInput(), 'Ada{Enter}');
    await screen.findByText('Name saved.');
    await user.clear(nameInput());
    await user.type(nameInput(), '   ');
    expect(screen.getByRole('alert').textContent).toBe('Name should not be empty');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(saveUnavailable()).toBe(true);

    await user.clear(nameInput());
    await user.click(nameInput());
    await user.paste('x'.repeat(256));
    expect(screen.getByRole('alert').textContent).toBe('Name should not be more than 255 characters');
    await user.keyboard('{Enter}');
    expect(fake.callsTo('profile.update')).toHaveLength(1); // the first save only
  });

  it('is busy while saving (one request however often Save is pressed), then shows the server’s words on failure', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile' });
    fake.server().faults.inject({ kind: 'server-error' }, { route: 'profile.update' });
    const release = fake.hold('profile.update');
    await user.type(nameInput(), 'Ada');
    await user.click(saveButton());

    expect(saveButton().textContent).toBe('Saving…');
    expect(saveUnavailable()).toBe(true);
    await user.keyboard('{Enter}');
    release();

    expect((await screen.findByRole('alert')).textContent).toBe('The server had a problem (HTTP 500). Try again.');
    expect(fake.callsTo('profile.update')).toHaveLength(1);
    expect(nameInput().value).toBe('Ada');
    expect(document.querySelector('.avatar-large')?.textContent).toBe('AD');
    // Typing again clears the server's message; a second Save goes through.
    await user.type(nameInput(), 'a');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(saveButton());
    expect(await screen.findByText('Name saved.')).toBeTruthy();
  });
});
