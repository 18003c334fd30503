// Servers of April 2026 and later: the create row's expiry choice and each row's enable switch,
// shown only where the account's server offers them (its capabilities, as main detected them).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeGeneration } from '../../support/fake-nocodb.ts';
import { createTestBridge, seedToken } from '../test-bridge.ts';
import { renderTokensPage, rowNamed } from '../render-app.tsx';

/** Images of April 2026 and later, with their v3 token route open or behind the licence gate. */
const OPEN: FakeGeneration = 'april-2026';
const GATED: FakeGeneration = 'licence-gated';
const DAY = 24 * 3600_000;

/** A server of this generation with tokens made in the app this run: their values are held, so Show, Copy and Test work. */
async function withTodaysTokens(generation: FakeGeneration, ...names: string[]) {
  const fake = await createTestBridge({ generation });
  for (const name of names) await fake.setUp('tokens:create', { accountId: fake.idOf(), name });
  return fake;
}

const expiryControl = () => screen.queryByTestId('nc-token-expiry') as HTMLSelectElement | null;
const optionLabels = () => Array.from(expiryControl()!.options).map((option) => option.textContent);

describe('expiry at creation', () => {
  it('offers NocoDB’s choices with 90 days chosen, and "No expiry" where the server allows it', async () => {
    const { user } = await renderTokensPage({ generation: OPEN });
    await user.click(screen.getByTestId('nc-token-create'));

    expect(expiryControl()?.value).toBe('90');
    expect(optionLabels()).toEqual(['7 days', '30 days', '60 days', '90 days', '1 year', 'Custom date', 'No expiry']);
  });

  it('creates with the chosen length; the new row shows its expiry', async () => {
    const { user, fake } = await renderTokensPage({ fake: await withTodaysTokens(OPEN, 'old') });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.selectOptions(expiryControl()!, '30');
    await user.click(screen.getByTestId('nc-token-save-btn'));

    await waitFor(() => expect(rowNamed('Token-1')).toBeTruthy());
    expect(fake.callsTo('tokens.create')[0]?.arg).toEqual({ accountId: fake.idOf(), name: 'Token-1', expiry: { days: 30 } });
    const expires = rowNamed('Token-1').querySelector('.token-expires time');
    expect(Date.parse(expires?.getAttribute('datetime') ?? '') - Date.now()).toBeGreaterThan(29 * DAY);
  });

  it('left alone, asks for 90 days; "No expiry" asks for none; a date asks for that date, and is required', async () => {
    const { user, fake } = await renderTokensPage({ generation: OPEN });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.click(screen.getByTestId('nc-token-save-btn'));
    await waitFor(() => expect(fake.callsTo('tokens.create')).toHaveLength(1));

    await user.click(screen.getByTestId('nc-token-create'));
    await user.selectOptions(expiryControl()!, 'never');
    await user.click(screen.getByTestId('nc-token-save-btn'));
    await waitFor(() => expect(fake.callsTo('tokens.create')).toHaveLength(2));

    await user.click(screen.getByTestId('nc-token-create'));
    await user.selectOptions(expiryControl()!, 'date');
    await user.click(screen.getByTestId('nc-token-save-btn'));
    expect(await screen.findByText('Choose the date the token expires.')).toBeTruthy();
    await user.type(screen.getByTestId('nc-token-expiry-date'), '2031-05-04');
    await user.click(screen.getByTestId('nc-token-save-btn'));
    await waitFor(() => expect(fake.callsTo('tokens.create')).toHaveLength(3));

    expect(fake.callsTo('tokens.create').map((call) => (call.arg as { expiry?: unknown }).expiry)).toEqual([
      { days: 90 },
      undefined,
      { date: '2031-05-04' },
    ]);
  });

  it('behind the licence gate: the choice without "No expiry", and no switch', async () => {
    const { user } = await renderTokensPage({ fake: await withTodaysTokens(GATED, 'gated') });
    await user.click(screen.getByTestId('nc-token-create'));

    expect(optionLabels()).not.toContain('No expiry');
    expect(screen.queryByTestId('nc-token-row-enable')).toBeNull();
  });

  it('on a 0.301.3-style server none of the new controls appear, and a create sends no expiry', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [seedToken('classic')] });
    await user.click(screen.getByTestId('nc-token-create'));
    expect(expiryControl()).toBeNull();
    expect(screen.queryByTestId('nc-token-row-enable')).toBeNull();
    await user.click(screen.getByTestId('nc-token-save-btn'));
    await waitFor(() =>
      expect(fake.callsTo('tokens.create')).toEqual([{ method: 'tokens.create', arg: { accountId: fake.idOf(), name: 'Token-1' } }]),
    );
  });
});

describe('enable / disable', () => {
  it('a switch per row disables the token on the server and enables it again; the row says Disabled', async () => {
    const { user, fake } = await renderTokensPage({ fake: await withTodaysTokens(OPEN, 'switched') });
    const toggle = within(rowNamed('switched')).getByRole('switch', { name: 'Enabled: switched' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');

    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(within(rowNamed('switched')).getByText('Disabled')).toBeTruthy();
    expect(fake.callsTo('tokens.setEnabled')[0]?.arg).toEqual({
      accountId: fake.idOf(),
      id: fake.tokenIdNamed('switched'),
      enabled: false,
    });

    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(within(rowNamed('switched')).queryByText('Disabled')).toBeNull();
  });

  it('Test on a disabled token says the server refuses it because it is disabled', async () => {
    const fake = await withTodaysTokens(OPEN, 'off');
    fake.server().changeToken(fake.tokenIdNamed('off'), { enabled: false }); // in the web UI
    const { user } = await renderTokensPage({ fake });
    await user.click(within(rowNamed('off')).getByTestId('nc-token-row-test'));
    const outcome = await within(rowNamed('off')).findByText('Refused: disabled');
    expect(outcome.getAttribute('title')).toBe('The server refuses this token because it is disabled. Enable it to use it again.');
  });
});
