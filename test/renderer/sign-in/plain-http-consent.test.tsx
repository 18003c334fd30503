// A plain-http server on another machine: main refuses the first sign-in with `insecure_connection`;
// the app asks the user, and only their explicit consent sends the same sign-in again.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge } from '../test-bridge.ts';
import { renderApp } from '../render-app.tsx';

const SERVER = 'http://nocodb.lan:8080';
const WARNING = `${SERVER} uses plain http: your password and your session would travel unencrypted, so anyone on the network between you and the server could read them. Use https if the server offers it.`;

async function signInOverPlainHttp() {
  const fake = await createTestBridge({ signedIn: false });
  fake.alias(SERVER, ADMIN.serverUrl); // the same NocoDB, by its name on the network
  const app = await renderApp({ fake });
  const { user } = app;
  await user.clear(screen.getByLabelText('Server URL'));
  await user.type(screen.getByLabelText('Server URL'), SERVER);
  await user.type(screen.getByLabelText('Email'), ADMIN.email);
  await user.type(screen.getByLabelText('Password'), `${ADMIN.password}{Enter}`);
  const dialog = await screen.findByRole('alertdialog', { name: 'Send your password unencrypted?' });
  return { ...app, dialog };
}

describe('plain-http consent at sign-in', () => {
  it('explains the risk in a dialog whose safe choice has the focus', async () => {
    const { dialog } = await signInOverPlainHttp();
    expect(within(dialog).getByText(WARNING)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    // The dialog says it; the form does not repeat it as an error.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('signs in after consent with the same request, marked as confirmed', async () => {
    const { user, fake, dialog } = await signInOverPlainHttp();
    await user.click(within(dialog).getByTestId('nc-plain-http-confirm-btn'));

    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
    const [first, second] = fake.callsTo('session.signIn');
    expect(first?.arg).toEqual({ serverUrl: SERVER, email: ADMIN.email, password: ADMIN.password });
    expect(second?.arg).toEqual({ serverUrl: SERVER, email: ADMIN.email, password: ADMIN.password, confirmInsecure: true });
  });

  it('sends nothing more on Cancel or Escape, and leaves the form to fix the address', async () => {
    for (const dismiss of ['click', 'escape'] as const) {
      const { user, fake, dialog, unmount } = await signInOverPlainHttp();
      if (dismiss === 'click') await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      else await user.keyboard('{Escape}');

      expect(screen.queryByRole('alertdialog')).toBeNull();
      expect(fake.callsTo('session.signIn')).toHaveLength(1);
      expect((screen.getByLabelText('Server URL') as HTMLInputElement).value).toBe(SERVER);
      expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
      unmount();
    }
  });
});
