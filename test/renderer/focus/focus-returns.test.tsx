// Focus is never lost to <body>: after sign-in, a route change, while a button is busy, when the
// delete dialog closes, after a delete, when the create row or Retry's alert goes away.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge, seedToken } from '../test-bridge.ts';
import { renderApp, renderTokensPage, rowNamed } from '../render-app.tsx';

const focused = () => document.activeElement;
const deleteButtonOf = (name: string) => within(rowNamed(name)).getByTestId('nc-token-row-action-icon');
const addButton = () => screen.getByRole('button', { name: 'Add New API Token' });

async function expectFocusOn(element: () => Element) {
  await waitFor(() => expect(focused()).toBe(element()));
}

describe('focus after sign-in and route changes', () => {
  it('goes to the home heading after signing in', async () => {
    const { user } = await renderApp({ signedIn: false });
    await user.type(screen.getByLabelText('Email'), ADMIN.email);
    await user.type(screen.getByLabelText('Password'), `${ADMIN.password}{Enter}`);
    await expectFocusOn(() => screen.getByRole('heading', { name: 'Accounts' }));
  });

  it('goes to the new screen’s heading when the link that was used goes away (rail, Back, user menu)', async () => {
    const { user } = await renderApp();
    await user.click(within(screen.getByRole('navigation', { name: 'App' })).getByRole('link', { name: 'API Tokens' }));
    await expectFocusOn(() => screen.getByRole('heading', { level: 1, name: 'Tokens' }));

    await user.click(screen.getByRole('link', { name: 'Back' }));
    await expectFocusOn(() => screen.getByRole('heading', { name: 'Accounts' }));

    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    await user.click(await screen.findByRole('menuitem', { name: /Account Settings/ }));
    await expectFocusOn(() => screen.getByRole('heading', { level: 1, name: 'Profile' }));
  });

  it('stays on the Account Settings tab link that was used (it is still there)', async () => {
    const { user } = await renderApp({ hash: '#/account/tokens' });
    const profile = screen.getByRole('link', { name: 'Profile' });
    await user.click(profile);
    expect(await screen.findByRole('heading', { name: 'Account Details' })).toBeTruthy();
    expect(focused()).toBe(profile);
  });
});

describe('focus while busy', () => {
  it.each([
    ['Show or Hide', 'tokens.reveal'],
    ['Copy', 'tokens.copy'],
  ] as const)('%s stays focused (aria-disabled) while it works, and ignores more clicks', async (label, method) => {
    const fake = await createTestBridge({ tokens: [seedToken('first')] });
    const release = fake.hold(method);
    const { user } = await renderTokensPage({ fake });
    const button = within(rowNamed('first')).getByRole('button', { name: label });
    await user.click(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(focused()).toBe(button);
    await user.click(button);
    release();
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
    expect(focused()).toBe(button);
    expect(fake.callsTo(method)).toHaveLength(1);
  });
});

describe('focus when the delete dialog closes', () => {
  const three = () => createTestBridge({ tokens: [seedToken('first'), seedToken('second'), seedToken('third')] });

  async function openDeleteFor(name: string, fake = three()) {
    const app = await renderTokensPage({ fake: await fake });
    await app.user.click(deleteButtonOf(name));
    const dialog = await screen.findByRole('alertdialog');
    return { ...app, dialog };
  }

  it('Escape returns to that row’s Delete button', async () => {
    const { user } = await openDeleteFor('second');
    await user.keyboard('{Escape}');
    await expectFocusOn(() => deleteButtonOf('second'));
  });

  it('Cancel returns to that row’s Delete button', async () => {
    const { user, dialog } = await openDeleteFor('second');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expectFocusOn(() => deleteButtonOf('second'));
  });

  it('after a delete, goes to the next row’s Delete button', async () => {
    const { user, dialog } = await openDeleteFor('second');
    await user.click(within(dialog).getByTestId('nc-delete-modal-delete-btn'));
    await waitFor(() => expect(screen.queryByText('second')).toBeNull());
    await expectFocusOn(() => deleteButtonOf('third'));
  });

  it('after deleting the last row, goes to the row above', async () => {
    const { user, dialog } = await openDeleteFor('third');
    await user.click(within(dialog).getByTestId('nc-delete-modal-delete-btn'));
    await expectFocusOn(() => deleteButtonOf('second'));
  });

  it('after deleting the only token, goes to "Add New API Token"', async () => {
    const { user, dialog } = await openDeleteFor('only', createTestBridge({ tokens: [seedToken('only')] }));
    await user.click(within(dialog).getByTestId('nc-delete-modal-delete-btn'));
    expect(await screen.findByText('No API Tokens created')).toBeTruthy();
    await expectFocusOn(addButton);
  });
});

describe('focus when a part of the Tokens page goes away', () => {
  it('the create row: Escape and Save return to "Add New API Token"', async () => {
    const { user } = await renderTokensPage({ tokens: [seedToken('first')] });
    await user.click(addButton());
    await user.keyboard('{Escape}');
    await expectFocusOn(addButton);
    await user.click(addButton());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rowNamed('Token-1')).toBeTruthy());
    await expectFocusOn(addButton);
  });

  it('Retry: the alert goes, the focus goes to "Add New API Token"', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('first')] });
    fake.server().faults.inject({ kind: 'server-error' }, { route: 'tokens.list' });
    const { user } = await renderTokensPage({ fake });
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowNamed('first')).toBeTruthy());
    await expectFocusOn(addButton);
  });
});

describe('user menu focus', () => {
  it('opens from the keyboard on Account Settings, not on Log Out', async () => {
    const { user } = await renderApp();
    screen.getByTestId('nc-sidebar-userinfo').focus();
    await user.keyboard('{Enter}');
    await expectFocusOn(() => screen.getByRole('menuitem', { name: /Account Settings/ }));
  });

  it('Tab closes the menu and returns to the avatar', async () => {
    const { user } = await renderApp();
    const avatar = screen.getByTestId('nc-sidebar-userinfo');
    avatar.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('menu');
    await user.tab();
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await expectFocusOn(() => avatar);
  });
});
