import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestBridge, seedToken, seedTokens } from '../test-bridge.ts';
import { renderTokensPage, rowNamed, tokenRows, toastTexts } from '../render-app.tsx';

const nameInput = () => screen.getByTestId('nc-token-input') as HTMLInputElement;
const saveButton = () => screen.getByTestId('nc-token-save-btn') as HTMLButtonElement;
const addButton = () => screen.getByRole('button', { name: 'Add New API Token' }) as HTMLButtonElement;

describe('creating a token', () => {
  it('opens a row at the top of the table with a unique default name, focused and selected', async () => {
    const { user } = await renderTokensPage({ tokens: [seedToken('Token-1'), seedToken('second')] });
    await user.click(screen.getByTestId('nc-token-create'));

    const generate = document.querySelector('.nc-token-generate');
    expect(generate).not.toBeNull();
    expect(screen.getAllByRole('row')[1]).toBe(generate); // right under the header row
    const input = nameInput();
    expect(input.placeholder).toBe('Token Name');
    expect(input.value).toBe('Token-2');
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'Token-2'.length]);
    expect(addButton().disabled).toBe(true);
    expect(within(generate as HTMLElement).getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('typing replaces the default, Enter saves, the row appears and a notice offers to copy the token', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [seedToken('second')] });
    await user.click(addButton());
    await user.keyboard('Desktop client demo{Enter}');

    await waitFor(() => expect(rowNamed('Desktop client demo')).toBeTruthy());
    expect(fake.callsTo('tokens.create')).toEqual([
      { method: 'tokens.create', arg: { accountId: fake.idOf(), name: 'Desktop client demo' } },
    ]);
    expect(document.querySelector('.nc-token-generate')).toBeNull();
    expect(addButton().disabled).toBe(false);
    expect(toastTexts().join()).toContain('Token "Desktop client demo" created');

    await user.click(screen.getByRole('button', { name: 'Copy token' }));
    await waitFor(() =>
      expect(fake.callsTo('tokens.copy')).toEqual([
        { method: 'tokens.copy', arg: { accountId: fake.idOf(), id: fake.tokenIdNamed('Desktop client demo') } },
      ]),
    );
    expect((await screen.findAllByText('Copied to clipboard')).length).toBeGreaterThan(0);
  });

  it('Save button creates the token too', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [] });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.click(saveButton());
    await waitFor(() => expect(rowNamed('Token-1')).toBeTruthy());
    expect(fake.tokenNames()).toEqual(['Token-1']);
  });

  it('Escape cancels without creating anything and gives the focus back to the add button', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [seedToken('second')] });
    await user.click(addButton());
    await user.keyboard('{Escape}');
    expect(document.querySelector('.nc-token-generate')).toBeNull();
    expect(document.activeElement).toBe(addButton());
    expect(fake.callsTo('tokens.create')).toHaveLength(0);
    expect(tokenRows()).toHaveLength(1);
  });

  it('Cancel closes the row', async () => {
    const { user } = await renderTokensPage({ tokens: [seedToken('second')] });
    await user.click(addButton());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.querySelector('.nc-token-generate')).toBeNull();
  });

  it('refuses an empty name inline', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [] });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.clear(nameInput());
    await user.click(saveButton());
    expect(screen.getByRole('alert').textContent).toBe('Token name should not be empty');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('tokens.create')).toHaveLength(0);
  });

  it('refuses a name longer than 255 characters inline', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [] });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.clear(nameInput());
    await user.click(nameInput());
    await user.paste('x'.repeat(256));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Token name should not be more than 255 characters');
    expect(fake.callsTo('tokens.create')).toHaveLength(0);
  });

  it('accepts exactly 255 characters', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [] });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.clear(nameInput());
    await user.paste('x'.repeat(255));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('tokens.create')).toHaveLength(1));
  });

  it('shows the server’s refusal inline and keeps what was typed', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('mine')] });
    fake.server().modes.oneTokenPerUser = true; // as older enterprise servers
    const { user } = await renderTokensPage({ fake });
    await user.click(addButton());
    await user.keyboard('Second token{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('Only one token per user is allowed');
    expect(nameInput().value).toBe('Second token');
    expect(saveButton().getAttribute('aria-disabled')).toBeNull();
    expect(tokenRows()).toHaveLength(1);
  });

  it('a double click on Save creates one token', async () => {
    const fake = await createTestBridge({ tokens: [] });
    const release = fake.hold('tokens.create');
    const { user } = await renderTokensPage({ fake });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.dblClick(saveButton());
    expect(saveButton().getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(saveButton());
    await user.keyboard('{Enter}');
    release();

    await waitFor(() => expect(rowNamed('Token-1')).toBeTruthy());
    expect(fake.callsTo('tokens.create')).toHaveLength(1);
    expect(fake.tokenNames()).toEqual(['Token-1']);
  });

  it('keeps the new row on screen when the refresh after Save fails, and offers Retry', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    const { user } = await renderTokensPage({ fake });
    fake.server().faults.inject({ kind: 'reset' }, { route: 'tokens.list' });
    await user.click(addButton());
    await user.keyboard('Kept{Enter}');

    // main names the server it could not reach.
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach http://localhost:8080.');
    expect(rowNamed('Kept')).toBeTruthy();
    expect(rowNamed('second')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull());
    expect(tokenRows().map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['second', 'Kept']);
  });

  it('keeps the typed name when the list fails while the create row is open', async () => {
    const fake = await createTestBridge({ tokens: seedTokens(3), requestTimeoutMs: 300 });
    const { user, stores } = await renderTokensPage({ fake });
    await user.click(addButton());
    await user.keyboard('Half typed');
    fake.server().faults.inject({ kind: 'hang' }, { route: 'tokens.list' });
    await stores.tokens.getState().load();

    // main names the server that did not answer in time.
    expect((await screen.findByRole('alert')).textContent).toContain('http://localhost:8080 did not answer');
    expect(nameInput().value).toBe('Half typed');
  });

  it('shows a created token on the current page even when the server puts it on a later page', async () => {
    const { user } = await renderTokensPage({ tokens: seedTokens(10) });
    await user.click(addButton());
    await user.keyboard('Eleventh{Enter}');
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Pagination' })).toBeTruthy());
    expect(rowNamed('Eleventh')).toBeTruthy();
  });
});
