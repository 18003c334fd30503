import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createFakeBridge, makeToken } from './fake-bridge.ts';
import { renderTokensPage, rowNamed, toastTexts } from './render-app.tsx';

const EXPIRED = { code: 'session_expired', message: 'Your session has expired. Please sign in again.' } as const;

describe('an expired session', () => {
  it('from a token call sends the app to sign-in with the notice (and no error toast) and the account filled in', async () => {
    const fake = createFakeBridge({ tokens: [makeToken(1, 'second')] });
    const { user } = await renderTokensPage({ fake });
    fake.fail('tokens.copy', EXPIRED);
    await user.click(within(rowNamed('second')).getByTestId('nc-token-row-copy'));

    const form = await screen.findByTestId('nc-form-signin');
    expect(screen.getByText(EXPIRED.message)).toBeTruthy();
    expect(within(form).getByDisplayValue(ADMIN.email)).toBeTruthy();
    expect(within(form).getByDisplayValue(ADMIN.serverUrl)).toBeTruthy();
    expect(toastTexts()).toEqual([]);
  });

  it('from the list does the same, and signing in again shows the tokens', async () => {
    const fake = createFakeBridge({ tokens: [makeToken(1, 'second')] });
    fake.fail('tokens.list', EXPIRED);
    const { user } = await renderTokensPage({ fake });
    await screen.findByTestId('nc-form-signin');
    await user.type(screen.getByLabelText('Password'), `${ADMIN.password}{Enter}`);
    await waitFor(() => expect(rowNamed('second')).toBeTruthy());
  });
});
