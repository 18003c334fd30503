import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Revocation } from '../../../preload/contract.ts';
import { createTestBridge, seedToken, seedTokens, type TestBridge } from '../test-bridge.ts';
import { renderTokensPage, rowNamed, tokenRows, toastTexts } from '../render-app.tsx';

async function openDelete(options: Parameters<typeof renderTokensPage>[0], name: string) {
  const app = await renderTokensPage(options);
  await app.user.click(within(rowNamed(name)).getByTestId('nc-token-row-action-icon'));
  const dialog = await screen.findByRole('alertdialog', { name: 'Delete Token' });
  return { ...app, dialog };
}

/** What the server does with a deleted token, as main finds out by asking it with the token (NocoDB 0.301.3). */
const REVOCATION_FAULTS: Record<Revocation, (fake: TestBridge) => void> = {
  revoked: () => {},
  still_accepted: (fake) => void (fake.server().modes.deletedTokensStillWork = true),
  unknown: (fake) => fake.server().faults.inject({ kind: 'server-error' }, { route: 'me' }),
  immediate: () => {},
};

const REVOCATION_WORDS: Array<[Revocation, RegExp]> = [
  ['revoked', /^Token deleted\. The server no longer accepts it\.$/],
  ['still_accepted', /server still accepts it for now.*may keep working until the server forgets it/],
  ['unknown', /^Token deleted\. Could not confirm that the server stopped accepting it\.$/],
];

describe('deleting a token', () => {
  it('asks first, naming the token and warning about services using it', async () => {
    const { dialog } = await openDelete({ tokens: [seedToken('Desktop client demo')] }, 'Desktop client demo');
    expect(within(dialog).getByText('Are you sure you want to delete the following token?')).toBeTruthy();
    expect(within(dialog).getByText('Desktop client demo').closest('.chip')).not.toBeNull();
    expect(within(dialog).getByText('All the services using this API Token will stop working once it is deleted.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(within(dialog).getByTestId('nc-delete-modal-delete-btn').textContent).toBe('Delete Token');
  });

  it('withdraws the "copy your new token" offer once that token is deleted', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [seedToken('keep')] });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.clear(screen.getByTestId('nc-token-input'));
    await user.type(screen.getByTestId('nc-token-input'), 'short-lived{Enter}');
    await waitFor(() => expect(toastTexts().join(' ')).toContain('Copy token'));
    await user.click(within(rowNamed('short-lived')).getByTestId('nc-token-row-action-icon'));
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('nc-delete-modal-delete-btn'));
    await waitFor(() => expect(toastTexts().join(' ')).toMatch(/Token deleted/));
    expect(toastTexts().join(' ')).not.toContain('Copy token');
    expect(fake.callsTo('tokens.delete')).toHaveLength(1);
  });

  it('Cancel keeps the token', async () => {
    const { user, dialog, fake } = await openDelete({ tokens: [seedToken('second')] }, 'second');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.callsTo('tokens.delete')).toHaveLength(0);
    expect(tokenRows()).toHaveLength(1);
  });

  it.each(REVOCATION_WORDS)('confirming removes the row and tells what the server does with it (%s)', async (revocation, words) => {
    const fake = await createTestBridge({ tokens: [seedToken('keep'), seedToken('gone')] });
    REVOCATION_FAULTS[revocation](fake);
    const { user, dialog } = await openDelete({ fake }, 'gone');
    const gone = fake.tokenIdNamed('gone');
    await user.click(within(dialog).getByTestId('nc-delete-modal-delete-btn'));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(tokenRows()).toHaveLength(1);
    expect(rowNamed('keep')).toBeTruthy();
    expect(fake.callsTo('tokens.delete')).toEqual([{ method: 'tokens.delete', arg: { accountId: fake.idOf(), id: gone } }]);
    await waitFor(() => expect(toastTexts()).toHaveLength(1));
    expect(toastTexts()[0]).toMatch(words);
  });

  it('a failed delete keeps the row and shows the error in the dialog', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    fake.server().faults.inject({ kind: 'server-error' }, { route: 'tokens.delete' });
    const { user, dialog } = await openDelete({ fake }, 'second');
    await user.click(within(dialog).getByTestId('nc-delete-modal-delete-btn'));

    // main always says what the server answered (the fake bridge sent no reason, so the code's own words showed).
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The server had a problem (HTTP 500). Try again.');
    expect(rowNamed('second')).toBeTruthy();
    expect(fake.tokenNames()).toEqual(['second']);
  });

  it('the delete button is unavailable while deleting, and keeps the focus', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    const release = fake.hold('tokens.delete');
    const { user, dialog } = await openDelete({ fake }, 'second');
    await user.click(within(dialog).getByTestId('nc-delete-modal-delete-btn'));
    const button = within(dialog).getByTestId('nc-delete-modal-delete-btn');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    await user.click(button);
    release();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.callsTo('tokens.delete')).toHaveLength(1);
  });

  it('deleting the last row of a page goes back to the previous page', async () => {
    const { user, fake } = await renderTokensPage({ tokens: seedTokens(11) });
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(rowNamed('token 11')).toBeTruthy());
    await user.click(within(rowNamed('token 11')).getByTestId('nc-token-row-action-icon'));
    await user.click(await screen.findByTestId('nc-delete-modal-delete-btn'));

    await waitFor(() => expect(tokenRows()).toHaveLength(10));
    expect(rowNamed('token 1')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
    expect(fake.callsTo('tokens.list').map((c) => c.arg)).toEqual([
      { accountId: fake.idOf(), page: 1, pageSize: 10 },
      { accountId: fake.idOf(), page: 2, pageSize: 10 },
      { accountId: fake.idOf(), page: 2, pageSize: 10 },
      { accountId: fake.idOf(), page: 1, pageSize: 10 },
    ]);
  });
});
