import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge, seedToken, seedTokens } from '../test-bridge.ts';
import { renderApp, renderTokensPage, rowNamed, tokenRows } from '../render-app.tsx';

describe('token list states', () => {
  it('shows a loading state until the first page arrives', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    const release = fake.hold('tokens.list');
    await renderApp({ fake, hash: '#/account/tokens' });
    expect(screen.getByRole('status').textContent).toContain('Loading tokens…');
    release();
    await waitFor(() => expect(rowNamed('second')).toBeTruthy());
    expect(screen.queryByText('Loading tokens…')).toBeNull();
  });

  it('shows the empty state with exactly one create button, which opens the create row', async () => {
    const { user } = await renderTokensPage({ tokens: [] });
    expect(screen.getByRole('heading', { name: 'No API Tokens created' })).toBeTruthy();
    expect(screen.getByText('Looks like you haven’t generated any API tokens yet.')).toBeTruthy();
    const create = screen.getByTestId('nc-token-create');
    expect(create.textContent).toBe('Create new token');

    await user.click(create);
    expect(screen.getByTestId('nc-token-input')).toBeTruthy();
    expect(screen.queryByText('No API Tokens created')).toBeNull();
  });

  it('shows an error with Retry, and Retry loads the list', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    fake.setOffline(ADMIN.serverUrl);
    const { user } = await renderTokensPage({ fake });
    // main names the server it could not reach.
    expect(screen.getByRole('alert').textContent).toContain('Cannot reach http://localhost:8080');
    expect(tokenRows()).toHaveLength(0);
    fake.setOffline(ADMIN.serverUrl, false);

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowNamed('second')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Retry asks again for the page that failed, not the one still on screen', async () => {
    // A server that does not answer within main's (shortened) request timeout.
    const { user, fake } = await renderTokensPage({ tokens: seedTokens(25), requestTimeoutMs: 300 });
    fake.server().faults.inject({ kind: 'hang' }, { route: 'tokens.list' });
    await user.click(within(screen.getByRole('navigation', { name: 'Pagination' })).getByRole('button', { name: 'Page 2' }));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
  });

  it('never shows raw errors: a broken bridge answer becomes a plain message', async () => {
    const fake = await createTestBridge({ tokens: [] });
    fake.crash('tokens.list');
    await renderTokensPage({ fake });
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong inside the app. Please try again.');
    expect(document.body.textContent).not.toContain('main.cjs');
  });
});

describe('pagination', () => {
  it('is hidden for a single page', async () => {
    await renderTokensPage({ tokens: seedTokens(10) });
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
  });

  it('asks the server for page 2 and marks it current', async () => {
    const { user, fake } = await renderTokensPage({ tokens: seedTokens(25) });
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Previous page', 'Page 1', 'Page 2', 'Page 3', 'Next page']);
    expect(within(nav).getByRole('button', { name: 'Page 1' }).getAttribute('aria-current')).toBe('page');

    await user.click(within(nav).getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(rowNamed('token 11')).toBeTruthy());
    expect(fake.callsTo('tokens.list').at(-1)?.arg).toEqual({ accountId: fake.idOf(), page: 2, pageSize: 10 });
    expect(tokenRows()).toHaveLength(10);
    expect(within(nav).getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');

    await user.click(within(nav).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(tokenRows()).toHaveLength(5));
    // At the end the arrow stays focusable (so the focus is not lost) but does nothing.
    const next = within(nav).getByRole('button', { name: 'Next page' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(next);
    const lists = fake.callsTo('tokens.list').length;
    await user.click(next);
    expect(fake.callsTo('tokens.list')).toHaveLength(lists);
  });

  it('trusts isLastPage over an instance-wide totalRows', async () => {
    // NocoDB 0.301.3 counts every token of the instance: a user who is not an admin sees 3 of 42.
    const mine = { serverUrl: ADMIN.serverUrl, email: 'user@example.com', tokens: seedTokens(3) };
    const fake = await createTestBridge({ tokens: seedTokens(39), otherAccounts: [mine] });
    await fake.bridge.accounts.switch({ accountId: fake.idOf(mine.email) });
    await renderTokensPage({ fake });
    expect(tokenRows()).toHaveLength(3);
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
  });

  it('puts gaps between far pages', async () => {
    await renderTokensPage({ tokens: seedTokens(100) });
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(nav.textContent).toBe('12345•••10');
  });
});
