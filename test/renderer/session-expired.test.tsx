import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge, seedToken } from './test-bridge.ts';
import { renderTokensPage, rowNamed, toastTexts } from './render-app.tsx';

// main says why the session ended (the server ended it), so the notice words that reason.
const EXPIRED_NOTICE = /^Your session expired: the server ended it/;

describe('an expired session', () => {
  // A token call that reaches the server: Copy and Show use the value main already holds, so in main
  // they never meet an ended session (the fake bridge this replaced let Copy answer session_expired).
  it('from a token call sends the app to sign-in with the notice (and no error toast) and the account filled in', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    const { user } = await renderTokensPage({ fake });
    fake.server().endSessions(ADMIN.email); // signed out elsewhere: the JWT and the refresh token die
    await user.click(within(rowNamed('second')).getByTestId('nc-token-row-action-icon'));
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('nc-delete-modal-delete-btn'));

    const form = await screen.findByTestId('nc-form-signin');
    expect(screen.getByText(EXPIRED_NOTICE)).toBeTruthy();
    expect(within(form).getByDisplayValue(ADMIN.email)).toBeTruthy();
    expect(within(form).getByDisplayValue(ADMIN.serverUrl)).toBeTruthy();
    expect(toastTexts()).toEqual([]);
  });

  it('from the list does the same, and signing in again shows the tokens', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('second')] });
    fake.server().endSessions(ADMIN.email);
    const { user } = await renderTokensPage({ fake });
    await screen.findByTestId('nc-form-signin');
    await user.type(screen.getByLabelText('Password'), `${ADMIN.password}{Enter}`);
    await waitFor(() => expect(rowNamed('second')).toBeTruthy());
  });
});
