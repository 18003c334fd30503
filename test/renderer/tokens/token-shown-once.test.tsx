// The Tokens tab on today's NocoDB: tokens shown once, copies in the keychain, tokens the app
// cannot show, and the details (last use, expiry, disabled) that only those servers send.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge, seedToken } from '../test-bridge.ts';
import { renderApp, renderTokensPage, rowNamed, toastTexts } from '../render-app.tsx';

const HOUR = 3600_000;
const sqlTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
/** The Tokens tab on a 2026 server holding these tokens. */
const todayServer = (...tokens: ReturnType<typeof seedToken>[]) => createTestBridge({ generation: '2026', tokens });

describe('tokens on a server that shows them once', () => {
  it('a token neither the server nor the keychain has: Show and Copy stay focusable, say why, and do nothing', async () => {
    const fake = await todayServer(seedToken('from the web'));
    const { user } = await renderTokensPage({ fake });
    const row = rowNamed('from the web');
    expect(within(row).getByText(`${fake.server().tokensOf(ADMIN.email)[0]!.prefix}••••••`)).toBeTruthy();
    await user.hover(within(row).getByTestId('nc-token-row-copy'));
    expect((await screen.findByRole('tooltip')).textContent).toBe('The server shows a token only once, when it is created');
    await user.unhover(within(row).getByTestId('nc-token-row-copy'));

    for (const button of [within(row).getByRole('button', { name: 'Show or Hide' }), within(row).getByTestId('nc-token-row-copy')]) {
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect((button as HTMLButtonElement).disabled).toBe(false);
      button.focus();
      expect(document.activeElement).toBe(button);
      await user.keyboard('{Enter}');
      await user.click(button);
    }
    expect(fake.callsTo('tokens.reveal')).toEqual([]);
    expect(fake.callsTo('tokens.copy')).toEqual([]);
    expect(toastTexts()).toEqual([]);
  });

  it('a token with a keychain copy works like any other: Show reveals it through main', async () => {
    const fake = await todayServer(seedToken('kept'));
    const { id, token } = fake.seededToken('kept');
    await fake.keychain.tokenVault.put(fake.idOf(), id, token, async () => true); // kept by an earlier run
    const { user } = await renderTokensPage({ fake });
    const toggle = within(rowNamed('kept')).getByRole('button', { name: 'Show or Hide' });
    expect(toggle.getAttribute('aria-disabled')).toBeNull();
    await user.click(toggle);
    expect(await within(rowNamed('kept')).findByText(token)).toBeTruthy();
    expect(fake.callsTo('tokens.reveal')).toHaveLength(1);
  });

  it('shows Last used and Expires, with "Never" for null, the exact time in a tooltip, and Expired/Disabled badges', async () => {
    const now = Date.now();
    const fake = await todayServer(
      seedToken('fresh', { lastUsedAt: sqlTime(now - 3 * HOUR) }),
      seedToken('old', { expiry: sqlTime(now - 48 * HOUR) }),
      seedToken('off', { enabled: false }),
    );
    await renderTokensPage({ fake });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Token name',
      'Creator',
      'Token',
      'Last used',
      'Expires',
      'Actions',
    ]);
    const lastUsed = within(rowNamed('fresh')).getByText('3 hours ago');
    expect(lastUsed.tagName).toBe('TIME');
    expect(lastUsed.getAttribute('title')).toMatch(/\d/);
    expect(within(rowNamed('fresh')).getAllByText('Never')).toHaveLength(1); // never expires
    expect(within(rowNamed('old')).getByText('Expired')).toBeTruthy();
    expect(within(rowNamed('old')).getByText('2 days ago')).toBeTruthy();
    expect(within(rowNamed('off')).getByText('Disabled')).toBeTruthy();
    expect(within(rowNamed('fresh')).queryByText('Expired')).toBeNull();
  });

  it('shows no such columns for a server that does not send them (0.301.3 looks as before)', async () => {
    await renderTokensPage({ tokens: [seedToken('classic')] });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Token name', 'Creator', 'Token', 'Actions']);
  });

  it('the created notice says the server will not show the token again, and its Copy copies through main', async () => {
    const fake = await todayServer();
    const { user } = await renderTokensPage({ fake });
    await user.click(screen.getByTestId('nc-token-create-top'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(toastTexts().join()).toContain('The server will not show this token again.'));
    expect(toastTexts().join()).toContain("A copy is kept in this computer's keychain");

    await user.click(screen.getByTestId('nc-token-created-copy'));
    const id = fake.tokenIdNamed('Token-1');
    await waitFor(() => expect(fake.callsTo('tokens.copy')).toEqual([{ method: 'tokens.copy', arg: { accountId: fake.idOf(), id } }]));
    // The value went to the clipboard, never onto the page.
    await waitFor(() => expect(fake.clipboard.text).not.toBe(''));
    expect(document.body.textContent).not.toContain(fake.clipboard.text);
  });

  it('without a kept copy, the notice urges copying now', async () => {
    const fake = await todayServer();
    const { user } = await renderTokensPage({ fake });
    fake.keychain.condition = 'refuses_writes'; // the copy cannot be kept
    await user.click(screen.getByTestId('nc-token-create-top'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(toastTexts().join()).toContain('no copy is kept after you quit'));
  });

  it('a delete on a server that revokes at once says so, without the cache warning', async () => {
    const fake = await todayServer(seedToken('gone'));
    const { user } = await renderTokensPage({ fake });
    await user.click(within(rowNamed('gone')).getByTestId('nc-token-row-action-icon'));
    await user.click(await screen.findByTestId('nc-delete-modal-delete-btn'));
    await waitFor(() => expect(toastTexts().join()).toContain('The server stops accepting a deleted token at once.'));
    expect(toastTexts().join()).not.toMatch(/cache/);
  });
});

describe('the keychain-copies setting in Profile', () => {
  it('is on by default and turning it off asks main to forget the copies', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile' });
    const box = screen.getByLabelText("Keep a copy of tokens I create in this computer's keychain") as HTMLInputElement;
    await waitFor(() => expect(box.checked).toBe(true));
    await user.click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    expect(fake.callsTo('settings.update')).toEqual([{ method: 'settings.update', arg: { keepTokenCopies: false } }]);
  });
});

describe('a session the server ended', () => {
  it('keeps the name being typed: after signing in again the create row still holds it', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    const { user } = await renderTokensPage({ fake });
    await user.click(screen.getByRole('button', { name: 'Add New API Token' }));
    const input = screen.getByTestId('nc-token-input') as HTMLInputElement;
    await user.clear(input);
    await user.type(input, 'half-typed name');
    fake.server().endSessions(ADMIN.email);
    await user.keyboard('{Enter}');

    const form = await screen.findByTestId('nc-form-signin');
    expect(screen.getByText(/^Your session expired: the server ended it/)).toBeTruthy();
    await user.type(within(form).getByLabelText('Password'), `${ADMIN.password}{Enter}`);
    await waitFor(() => expect((screen.getByTestId('nc-token-input') as HTMLInputElement).value).toBe('half-typed name'));
  });
});
