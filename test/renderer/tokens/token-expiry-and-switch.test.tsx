// Servers of April 2026 and later: the create row's expiry choice and each row's enable switch,
// shown only where the account's server offers them (its capabilities, as main detected them).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ServerCapabilities } from '../../../preload/contract.ts';
import { ADMIN_ID, makeToken } from '../fake-bridge.ts';
import { renderTokensPage, rowNamed } from '../render-app.tsx';

type V3 = Pick<ServerCapabilities, 'expiryAtCreation' | 'noExpiry' | 'enableDisable'>;
const OPEN: V3 = { expiryAtCreation: true, noExpiry: true, enableDisable: true };
const GATED: V3 = { expiryAtCreation: true, noExpiry: false, enableDisable: false };
const DAY = 24 * 3600_000;
// A token made in the app this run: its value is held, so Show, Copy and Test work.
const todaysToken = (id: number, name: string, enabled = true) =>
  makeToken(id, name, undefined, { prefix: 'nc_pat_AbCdE', expiry: null, lastUsedAt: null, enabled, valueSource: 'memory' });

const expiryControl = () => screen.queryByTestId('nc-token-expiry') as HTMLSelectElement | null;
const optionLabels = () => Array.from(expiryControl()!.options).map((option) => option.textContent);

describe('expiry at creation', () => {
  it('offers NocoDB’s choices with 90 days chosen, and "No expiry" where the server allows it', async () => {
    const { user } = await renderTokensPage({ tokens: [], capabilities: OPEN });
    await user.click(screen.getByTestId('nc-token-create'));

    expect(expiryControl()?.value).toBe('90');
    expect(optionLabels()).toEqual(['7 days', '30 days', '60 days', '90 days', '1 year', 'Custom date', 'No expiry']);
  });

  it('creates with the chosen length; the new row shows its expiry', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [todaysToken(1, 'old')], capabilities: OPEN });
    await user.click(screen.getByTestId('nc-token-create'));
    await user.selectOptions(expiryControl()!, '30');
    await user.click(screen.getByTestId('nc-token-save-btn'));

    await waitFor(() => expect(rowNamed('Token-1')).toBeTruthy());
    expect(fake.callsTo('tokens.create')[0]?.arg).toEqual({ accountId: ADMIN_ID, name: 'Token-1', expiry: { days: 30 } });
    const expires = rowNamed('Token-1').querySelector('.token-expires time');
    expect(Date.parse(expires?.getAttribute('datetime') ?? '') - Date.now()).toBeGreaterThan(29 * DAY);
  });

  it('left alone, asks for 90 days; "No expiry" asks for none; a date asks for that date, and is required', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [], capabilities: OPEN });
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
    const { user } = await renderTokensPage({ tokens: [todaysToken(1, 'gated')], capabilities: GATED });
    await user.click(screen.getByTestId('nc-token-create'));

    expect(optionLabels()).not.toContain('No expiry');
    expect(screen.queryByTestId('nc-token-row-enable')).toBeNull();
  });

  it('on a 0.301.3-style server none of the new controls appear, and a create sends no expiry', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [makeToken(1, 'classic')] });
    await user.click(screen.getByTestId('nc-token-create'));
    expect(expiryControl()).toBeNull();
    expect(screen.queryByTestId('nc-token-row-enable')).toBeNull();
    await user.click(screen.getByTestId('nc-token-save-btn'));
    await waitFor(() =>
      expect(fake.callsTo('tokens.create')).toEqual([{ method: 'tokens.create', arg: { accountId: ADMIN_ID, name: 'Token-1' } }]),
    );
  });
});

describe('enable / disable', () => {
  it('a switch per row disables the token on the server and enables it again; the row says Disabled', async () => {
    const { user, fake } = await renderTokensPage({ tokens: [todaysToken(1, 'switched')], capabilities: OPEN });
    const toggle = within(rowNamed('switched')).getByRole('switch', { name: 'Enabled: switched' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');

    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(within(rowNamed('switched')).getByText('Disabled')).toBeTruthy();
    expect(fake.callsTo('tokens.setEnabled')[0]?.arg).toEqual({ accountId: ADMIN_ID, id: '1', enabled: false });

    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(within(rowNamed('switched')).queryByText('Disabled')).toBeNull();
  });

  it('Test on a disabled token says the server refuses it because it is disabled', async () => {
    const { user, fake } = await renderTokensPage({
      tokens: [todaysToken(1, 'off', false)],
      capabilities: OPEN,
      createdValueSource: 'memory',
    });
    fake.setTestResult('1', 'disabled');
    await user.click(within(rowNamed('off')).getByTestId('nc-token-row-test'));
    const outcome = await within(rowNamed('off')).findByText('Refused: disabled');
    expect(outcome.getAttribute('title')).toBe('The server refuses this token because it is disabled. Enable it to use it again.');
  });
});
