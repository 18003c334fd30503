import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestBridge, seedToken, seedTokens } from '../test-bridge.ts';
import { renderApp } from '../render-app.tsx';

const rows = () => screen.queryAllByTestId('nc-all-tokens-row');

async function renderAllTokens(options: Parameters<typeof renderApp>[0] = {}) {
  const app = await renderApp({ hash: '#/all-tokens', ...options });
  await waitFor(() => expect(screen.getByTestId('nc-all-tokens-count').textContent).not.toContain('Loading'));
  return app;
}

describe('All tokens page', () => {
  it('is a real table with a caption, sortable headers with aria-sort, and a labelled filter group', async () => {
    await renderAllTokens({ tokens: [seedToken('CI'), seedToken('Zapier')] });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const table = screen.getByRole('table', { name: 'Every API token of every signed-in account' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.find((h) => h.textContent?.startsWith('Token name'))?.getAttribute('aria-sort')).toBe('ascending');
    expect(headers.find((h) => h.textContent?.startsWith('Expires'))?.getAttribute('aria-sort')).toBe('none');
    const group = screen.getByRole('group', { name: 'Show tokens' });
    expect(group.dataset.testid).toBe('nc-all-tokens-filter');
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['All', 'Expired', 'Expires within 30 days', 'Disabled', 'Unused for 90 days or never used', 'Made by other users']);
    expect(rows()[0]!.querySelector('.cell-account-email')?.textContent).toBe('admin@example.com');
    expect(within(rows()[0]!).getByText('localhost:8080')).toBeTruthy();
  });

  it('renders only the rows in view of 1,000 and says how many there are', async () => {
    await renderAllTokens({ tokens: seedTokens(1000) });
    await waitFor(() => expect(screen.getByText('1,000 tokens')).toBeTruthy());
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001');
  }, 30_000);

  it('search and sort change the rows shown; the filter and search stay after a refresh', async () => {
    const { user, stores } = await renderAllTokens({
      tokens: [seedToken('CI deploy'), seedToken('Zapier', { creator: 'eve@example.com' }), seedToken('n8n')],
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.type(screen.getByTestId('nc-all-tokens-search'), 'zap');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.clear(screen.getByTestId('nc-all-tokens-search'));
    await user.click(screen.getByRole('button', { name: 'Made by other users' }));
    await waitFor(() => expect(rows().map((r) => r.dataset.tokenId)).toEqual(['2']));
    await stores.allTokens.getState().load(stores.tokenModel.getState().accounts.map((a) => a.account));
    expect(rows().map((r) => r.dataset.tokenId)).toEqual(['2']);
    await user.click(screen.getByRole('button', { name: 'All' }));
    await user.click(screen.getByRole('button', { name: /Token name/ }));
    await waitFor(() => expect(rows().map((r) => r.dataset.tokenId)).toEqual(['2', '3', '1']));
  });

  it('rows are redrawn in place as the list changes, but the focus never ends up on another token', async () => {
    const { user, stores } = await renderAllTokens({ tokens: [seedToken('alpha'), seedToken('beta'), seedToken('gamma')] });
    await waitFor(() => expect(rows().map((r) => r.dataset.tokenId)).toEqual(['1', '2', '3']));
    const first = rows()[0]!;
    const focusedToken = () => document.activeElement?.closest('tr')?.dataset.tokenId ?? null;
    const search = (query: string) => act(() => stores.allTokens.getState().setQuery(query));

    // A search fills the same row elements with the rows now shown.
    await user.type(screen.getByTestId('nc-all-tokens-search'), 'gam');
    await waitFor(() => expect(rows().map((r) => r.dataset.tokenId)).toEqual(['3']));
    expect(rows()[0]).toBe(first);
    search('');

    // beta's Copy has the focus; beta moves up to the first place: the focus moves with it.
    const copy = within(rows()[1]!).getByTestId('nc-token-row-copy');
    copy.focus();
    search('bet');
    expect(rows().map((r) => r.dataset.tokenId)).toEqual(['2']);
    expect(document.activeElement).toBe(copy);
    expect(focusedToken()).toBe('2');
    search('');

    // alpha's Copy has the focus and alpha leaves the view: its place goes to beta, the focus does not.
    within(rows()[0]!).getByTestId('nc-token-row-copy').focus();
    search('bet');
    expect(rows().map((r) => r.dataset.tokenId)).toEqual(['2']);
    expect(focusedToken()).not.toBe('2');
  });

  it('Delete selected asks once, listing every name with its account, and deletes nothing before', async () => {
    const { user, fake } = await renderAllTokens({ tokens: [seedToken('CI'), seedToken('Zapier'), seedToken('n8n')] });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('checkbox', { name: 'Select CI (admin@example.com)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select n8n (admin@example.com)' }));
    await user.click(screen.getByTestId('nc-all-tokens-delete-selected'));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Are you sure you want to delete these 2 tokens?')).toBeTruthy();
    expect([...dialog.querySelectorAll('.bulk-token-account')].map((line) => line.textContent)).toEqual([
      'admin@example.com · localhost:8080',
      'admin@example.com · localhost:8080',
    ]);
    expect(fake.callsTo('tokens.delete')).toHaveLength(0);
    await user.click(within(dialog).getByTestId('nc-all-tokens-delete-confirm'));
    await waitFor(() => expect(within(dialog).getByText('2 tokens deleted.')).toBeTruthy());
    expect(fake.callsTo('tokens.delete')).toHaveLength(2);
    expect(rows().map((r) => r.dataset.tokenId)).toEqual(['2']);
  });

  it('every action is a keyboard-reachable button with the Tokens tab’s test ids, plus Rotate', async () => {
    await renderAllTokens({ tokens: [seedToken('CI')] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    for (const id of ['nc-token-row-copy', 'nc-token-row-test', 'nc-token-row-rotate', 'nc-token-row-action-icon']) {
      expect(within(row).getByTestId(id).tagName).toBe('BUTTON');
    }
  });
});

describe('token figures on the accounts overview', () => {
  it('shows per account how many tokens, expired, expiring and unused; each opens All tokens with that filter', async () => {
    const day = 24 * 3600_000;
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    // Today's servers say when a token expires and when it was last used.
    const { user, stores, fake } = await renderApp({
      generation: '2026',
      tokens: [
        seedToken('old', { expiry: at(-day), lastUsedAt: null }),
        seedToken('soon', { expiry: at(5 * day), lastUsedAt: at(-day) }),
        seedToken('fine', { expiry: null, lastUsedAt: at(-100 * day) }),
      ],
    });
    const figures = await screen.findByTestId('nc-account-token-counts');
    expect(
      within(figures)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['3 tokens', '1 expired', '1 expiring within 30 days', '2 unused for 90 days or never used']);
    await user.click(within(figures).getByRole('link', { name: '1 expiring within 30 days' }));
    await waitFor(() => expect(rows().map((r) => r.dataset.tokenId)).toEqual([fake.tokenIdNamed('soon')]));
    expect(stores.allTokens.getState()).toMatchObject({ filter: 'expiring', query: '', account: expect.any(String) });
    expect(screen.getByRole('button', { name: 'Expires within 30 days' }).getAttribute('aria-pressed')).toBe('true');
    // Only that account, said on screen, until Show all.
    const note = screen.getByTestId('nc-all-tokens-account-only');
    expect(note.textContent).toContain('Showing the tokens of admin@example.com on');
    await user.click(within(note).getByRole('button', { name: 'Show all' }));
    expect(stores.allTokens.getState().account).toBeNull();
    expect(screen.queryByTestId('nc-all-tokens-account-only')).toBeNull();
  });
});

describe('one account’s figures', () => {
  it('open that account’s tokens only — not another account’s tokens its user happened to make', async () => {
    // Grace's server lists a token the admin's email made (a super admin sees everyone's): a search
    // for the email would show it under the admin's figures.
    const { user } = await renderApp({
      tokens: [seedToken('admin token')],
      otherAccounts: [
        {
          serverUrl: 'https://grace.example.com',
          email: 'grace@example.com',
          tokens: [seedToken('made by admin', { creator: 'admin@example.com' })],
        },
      ],
    });
    const [adminFigures] = await screen.findAllByTestId('nc-account-token-counts');
    await user.click(within(adminFigures!).getByRole('link', { name: '1 token' }));
    await waitFor(() => expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('admin token')]));
  });
});

describe('expiry reminders in the window', () => {
  it('opened on a Tokens tab, the app lists that account first; the reminders load every account a little later', async () => {
    const { fake } = await renderApp({ hash: '#/account/tokens', tokens: [seedToken('first')] });
    await screen.findByTestId('nc-token-row');
    expect(fake.callsTo('tokens.scan')).toHaveLength(0);
    await waitFor(() => expect(fake.callsTo('tokens.scan').length).toBeGreaterThan(0), { timeout: 5000 });
  }, 10_000);

  it('hands main the tokens with an expiry after launch; a clicked reminder opens All tokens with just its tokens', async () => {
    const soon = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    // Today's servers have expiries; they list the newest first.
    const fake = await createTestBridge({
      generation: '2026',
      tokens: [seedToken('soon', { expiry: soon }), seedToken('forever', { expiry: null }), seedToken('also soon', { expiry: soon })],
    });
    const [soonId, , alsoSoonId] = fake.seededTokens().map((token) => token.id);
    // A notice earlier today already named "also soon": main names it no more today, so the
    // window's check makes a notice of "soon" alone.
    await fake.setUp('reminders:check', {
      tokens: [{ accountId: fake.idOf(), id: alsoSoonId, expiresAt: Date.parse(soon) }],
      words: { titles: ['1 token expires this week'], body: 'earlier' },
    });
    await renderApp({ fake });
    await waitFor(() => expect(fake.callsTo('reminders.check')).toHaveLength(1));
    const { tokens, words } = fake.callsTo('reminders.check')[0]!.arg as { tokens: Array<{ id: string }>; words: unknown };
    expect(tokens.map((t) => t.id)).toEqual([alsoSoonId, soonId]);
    // Worded in the app's language for main's notification: a title for each count main may name.
    expect(words).toEqual({
      titles: ['1 token expires this week', '2 tokens expire this week'],
      body: 'Open All tokens to rotate them or see which services use them.',
    });

    fake.notifications.at(-1)!.onClick(); // the user clicks the notice
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(window.location.hash).toBe('#/all-tokens'));
    await waitFor(() => expect(rows().map((r) => r.dataset.tokenId)).toEqual([soonId]));
    expect(screen.getByText('Showing the token from the reminder.')).toBeTruthy();
  });
});
