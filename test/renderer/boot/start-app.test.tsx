// Start-up in one hop (renderer side): the stores start from main's boot answer, the first render
// shows the first rows without asking main for the list, and a boot page is used only for its
// account and only by the Tokens tab's first load. A session that ended at launch, a switch during
// start-up and signing in again behave exactly as without a boot page.
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL } from '../../../preload/contract.ts';
import { App } from '../../../renderer/app.tsx';
import { createAppStores } from '../../../renderer/stores/app-stores.ts';
import { startApp } from '../../../renderer/stores/start-app.ts';
import { StoresProvider } from '../../../renderer/stores/stores-context.tsx';
import { ADMIN, createTestBridge, seedToken, type TestBridge } from '../test-bridge.ts';
import { tokenRows } from '../render-app.tsx';

/** main's notice for a session the server ended. */
const ENDED_NOTICE = /^Your session expired: the server ended it/;
const GRACE = { serverUrl: 'https://nocodb.example.com', email: 'grace@example.com', password: 'another password' };

/** As main.tsx: the boot request first, the stores filled from its answer, then the first render. */
async function boot(fake: TestBridge, hash = '#/account/tokens') {
  window.location.hash = hash;
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = fake.bridge;
  const stores = createAppStores(fake.bridge);
  await startApp(stores, fake.bridge.app.boot({ showsTokens: hash === '#/account/tokens' }));
  render(
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>,
  );
  return { stores, user: userEvent.setup() };
}

describe('starting from the boot answer', () => {
  it('draws the first rows in the first render, asking main nothing else', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('first row')] });
    await boot(fake);

    expect(screen.getByText('first row')).toBeTruthy();
    expect(fake.calls.map((call) => call.method)).toEqual(['app.boot', 'app.setMenuLabels']);
    // Still one hop later: the Tokens tab's first load took the boot page.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.callsTo('tokens.list')).toEqual([]);
  });

  it('on another screen, asks for no page and the Tokens tab, opened later, asks main', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('later')] });
    await boot(fake, '#/account/profile');
    expect((fake.callsTo('app.boot')[0]!.arg as { showsTokens: boolean }).showsTokens).toBe(false);

    window.location.hash = '#/account/tokens';
    expect(await screen.findByText('later')).toBeTruthy();
    expect(fake.callsTo('tokens.list')).toHaveLength(1);
  });

  it('a page the Tokens tab already showed is reloaded from main when it opens again', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('first row')] });
    await boot(fake);
    window.location.hash = '#/account/profile';
    await screen.findByTestId('nc-profile-name-input');

    window.location.hash = '#/account/tokens';
    await waitFor(() => expect(fake.callsTo('tokens.list')).toHaveLength(1));
  });

  it('falls back to asking for each part when main cannot answer the boot request', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('anyway')] });
    // main cannot answer (the call itself fails: the IPC, not a rule of main's).
    fake.crash('app.boot');
    await boot(fake);

    expect(await screen.findByText('anyway')).toBeTruthy();
    expect(fake.callsTo('session.get')).toHaveLength(1);
    expect(fake.callsTo('tokens.list')).toHaveLength(1);
  });
});

describe('what must behave as without a boot page', () => {
  it('a session that ended at launch: the sign-in screen with its notice; signing in again lists the tokens from main', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('after sign-in')] });
    // The server ended the session while the app was closed: main finds it out while restoring.
    fake.server().endSessions(ADMIN.email);
    fake.restart();
    const { user } = await boot(fake);

    expect(screen.getByTestId('nc-form-signin')).toBeTruthy();
    expect(screen.getByText(ENDED_NOTICE)).toBeTruthy();
    const listsBefore = fake.callsTo('tokens.list').length;
    await user.type(screen.getByLabelText('Password'), `${ADMIN.password}{Enter}`);

    expect(await screen.findByText('after sign-in')).toBeTruthy();
    expect(fake.callsTo('tokens.list')).toHaveLength(listsBefore + 1);
  });

  it('a switch during start-up: the other account’s rows come from main, never the boot page', async () => {
    const fake = await createTestBridge({
      tokens: [seedToken('admin token')],
      otherAccounts: [{ ...GRACE, tokens: [seedToken('grace token')] }],
    });
    const { stores } = await boot(fake);
    expect(screen.getByText('admin token')).toBeTruthy();

    const graceId = fake.idOf(GRACE.email);
    await stores.session.getState().switchTo(graceId);

    expect(await screen.findByText('grace token')).toBeTruthy();
    expect(screen.queryByText('admin token')).toBeNull();
    expect(fake.callsTo('tokens.list').map((call) => (call.arg as { accountId: string }).accountId)).toEqual([graceId]);
  });

  it('a switch asks main for the new account’s first page beside the switch, not after its answer, and only once', async () => {
    const fake = await createTestBridge({
      tokens: [seedToken('admin token')],
      otherAccounts: [{ ...GRACE, tokens: [seedToken('grace token')] }],
    });
    const { stores } = await boot(fake);
    const graceId = fake.idOf(GRACE.email);
    const release = fake.hold('accounts.switch');

    const switched = stores.session.getState().switchTo(graceId);
    await waitFor(() => expect(fake.callsTo('tokens.list')).toHaveLength(1));
    expect(screen.getByText('admin token')).toBeTruthy(); // the switch has not reached main yet
    release();
    await switched;

    expect(await screen.findByText('grace token')).toBeTruthy();
    expect(fake.callsTo('tokens.list').map((call) => (call.arg as { accountId: string }).accountId)).toEqual([graceId]);
  });

  it('a switch that failed: the page asked beside it is never shown, not even when the account is signed in again', async () => {
    const fake = await createTestBridge({
      tokens: [seedToken('admin token')],
      otherAccounts: [{ ...GRACE, tokens: [seedToken('grace token')] }],
    });
    const { stores } = await boot(fake);
    const graceId = fake.idOf(GRACE.email);
    fake.crash('accounts.switch');

    await stores.session.getState().switchTo(graceId);
    expect(screen.getByText('admin token')).toBeTruthy();
    fake.server(GRACE.serverUrl).addToken(GRACE.email, { description: 'made since' });
    await stores.session.getState().signIn(GRACE);

    expect(await screen.findByText('made since')).toBeTruthy();
    expect(fake.callsTo('tokens.list')).toHaveLength(2);
  });

  it('signing in again after the session ended in use shows the rows main lists now, not the boot page', async () => {
    const fake = await createTestBridge({ tokens: [seedToken('boot row')] });
    const { user, stores } = await boot(fake);
    expect(screen.getByText('boot row')).toBeTruthy();

    fake.server().endSessions(ADMIN.email); // signed in elsewhere
    await stores.tokens.getState().load();
    await screen.findByTestId('nc-form-signin');
    await user.type(screen.getByLabelText('Password'), `${ADMIN.password}{Enter}`);

    await waitFor(() => expect(fake.callsTo('tokens.list')).toHaveLength(2));
    expect(await screen.findByText('boot row')).toBeTruthy();
    expect(tokenRows()).toHaveLength(1);
  });
});
