// A Log Out waiting for the keychain is recorded twice: in the settings file and in a record of its
// own beside it. When the settings file is then damaged or unreadable, the list rebuilt from the
// keychain lists the account only to finish its Log Out — it is never signed back in.
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { EMAIL, GRACE, PASSWORD, SERVER, sessionHarness } from './accounts-harness.ts';

/** Ada and Grace signed in; Ada logged out while the keychain is locked, so her entry is still there. */
async function logOutWaitingForTheKeychain() {
  const h = sessionHarness();
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  await h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });
  const [ada, grace] = (await h.service.getState()).accounts;
  h.keychain.control.locked = true;
  await h.service.logOut(ada!.id);
  h.keychain.control.locked = false;
  const sessions = () => [...h.keychain.fake.entries(KEYCHAIN_SERVICES.sessions).keys()];
  expect(sessions()).toContain(ada!.id);
  return { h, ada: ada!, grace: grace!, sessions };
}

describe('a Log Out waiting for the keychain survives a damaged settings file', () => {
  it('records the Log Out beside the settings file, and forgets it once finished', async () => {
    const { h, ada } = await logOutWaitingForTheKeychain();
    expect(h.logOutFile.content).toEqual({ loggingOut: [ada.id] });
    await h.service.retry(ada.id);
    expect(h.logOutFile.content).toEqual({ loggingOut: [] });
  });

  it.each(['damaged', 'unreadable'] as const)(
    'settings file %s, relaunch: the account is not signed back in; its Log Out is finished, the other account restored',
    async (status) => {
      const { h, ada, grace, sessions } = await logOutWaitingForTheKeychain();
      h.settingsFile.status = status;

      const state = await h.launch().getState();

      expect(state.accounts.map((account) => [account.id, account.status])).toEqual([[grace.id, 'signed_in']]);
      expect(sessions()).not.toContain(ada.id);
      expect(sessions()).toContain(grace.id);
    },
  );

  it('settings file damaged, relaunch with the keychain still locked, then the list’s Retry: logging out, then gone', async () => {
    const { h, ada, grace, sessions } = await logOutWaitingForTheKeychain();
    h.settingsFile.status = 'damaged';
    h.keychain.control.locked = true;
    const service = h.launch();
    expect((await service.getState()).list).toBe('not_recovered');

    h.keychain.control.locked = false;
    const state = await service.recover();

    expect(state.accounts.map((account) => [account.id, account.status])).toEqual([[grace.id, 'signed_in']]);
    expect(sessions()).not.toContain(ada.id);
  });
});
