// The four ways the account layer used to lose or resurrect an account (issue 24), each on the real
// main code with the app's keychain queue over a fake keytar, in-memory servers and settings file.
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createSettingsService } from '../../../main/settings/settings-service.ts';
import { EMAIL, GRACE, PASSWORD, SERVER, SERVER_B, sessionHarness, tokenServiceOn } from './accounts-harness.ts';

const SESSIONS = KEYCHAIN_SERVICES.sessions;

/** Ada on SERVER and on SERVER_B, and Grace on SERVER: three accounts, their entries in the keychain. */
/** One account signed in on a server that shows tokens once and answers a create only when told to. */
async function signedInWithLateCreates() {
  const h = sessionHarness();
  h.noco.showsTokensOnce = true;
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const serverClient = h.noco.client;
  h.noco.client = (serverUrl) => {
    const client = serverClient(serverUrl);
    // The server makes the token at once; its answer is what arrives late.
    return { ...client, createToken: async (jwt, name) => client.createToken(jwt, name).then(async (row) => (await answered, row)) };
  };
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  const id = (await h.service.getState()).accounts[0]!.id;
  return { h, id, answer };
}

async function threeAccounts() {
  const h = sessionHarness();
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  await h.service.signIn({ serverUrl: SERVER_B, email: EMAIL, password: PASSWORD });
  await h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });
  const [ada, adaB, grace] = (await h.service.getState()).accounts.map((account) => account.id) as [string, string, string];
  const entries = () => h.keychain.fake.entries(SESSIONS);
  return { h, ada, adaB, grace, entries };
}

const statuses = (state: { accounts: Array<{ id: string; status: string }> }) =>
  Object.fromEntries(state.accounts.map((account) => [account.id, account.status]));

describe('1. a bad keychain entry harms only its own account', () => {
  it.each([
    ['names an unusable server', (entry: Record<string, string>) => ({ ...entry, serverUrl: 'ftp://x' })],
    ['names another server than the list', (entry: Record<string, string>) => ({ ...entry, serverUrl: SERVER_B })],
    ['names another email than the list', (entry: Record<string, string>) => ({ ...entry, email: 'eve@example.com' })],
    ['is not a session at all', () => 'not json'],
  ])(
    'an entry that %s: that account is damaged_entry, the others restore; sign-in still works; nothing is deleted',
    async (_label, damage) => {
      const { h, ada, adaB, grace, entries } = await threeAccounts();
      const original = JSON.parse(entries().get(ada)!) as Record<string, string>;
      const damaged = damage(original);
      h.keychain.fake.put(SESSIONS, ada, typeof damaged === 'string' ? damaged : JSON.stringify(damaged));
      const before = entries();

      const restarted = h.launch();
      const state = await restarted.getState();

      expect(statuses(state)).toEqual({ [ada]: 'damaged_entry', [adaB]: 'signed_in', [grace]: 'signed_in' });
      expect(entries()).toEqual(before);
      // Not cached for the app: the next calls work, and Sign in again repairs the account.
      const again = await restarted.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
      expect(statuses(again)[ada]).toBe('signed_in');
    },
  );

  it('Remove takes a damaged account off the list, with its entry', async () => {
    const { h, ada, entries } = await threeAccounts();
    h.keychain.fake.put(SESSIONS, ada, 'not json');
    const restarted = h.launch();
    const removed = await restarted.logOut(ada);
    expect(removed.accounts.map((account) => account.id)).not.toContain(ada);
    expect(entries().has(ada)).toBe(false);
  });
});

describe('2. Log Out is durable: Retry, unlock and relaunch finish it and never sign the account back in', () => {
  it('with the keychain locked, Log Out is written down first and shows logging_out; Retry while locked stays so; unlock + Retry finishes it', async () => {
    const { h, ada, adaB, entries } = await threeAccounts();
    h.keychain.control.locked = true;

    const state = await h.service.logOut(ada);

    expect(statuses(state)[ada]).toBe('logging_out');
    expect(h.settingsFile.content).toMatchObject({ loggingOut: [ada] });
    expect(statuses(await h.service.retry(ada))[ada]).toBe('logging_out');
    // Retry on another locked account acts on that one only.
    expect(statuses(await h.service.retry(adaB))[ada]).toBe('logging_out');
    h.keychain.control.locked = false;
    const done = await h.service.retry(ada);
    expect(Object.keys(statuses(done))).not.toContain(ada);
    expect(entries().has(ada)).toBe(false);
  });

  it('a relaunch finishes a Log Out left waiting, and never signs the account in', async () => {
    const { h, ada, entries } = await threeAccounts();
    h.keychain.control.locked = true;
    await h.service.logOut(ada);
    h.keychain.control.locked = false;

    const state = await h.launch().getState();

    expect(Object.keys(statuses(state))).not.toContain(ada);
    expect(entries().has(ada)).toBe(false);
    expect(h.settingsFile.content).not.toHaveProperty('loggingOut');
  });

  it('a relaunch while still locked keeps it logging_out (never keychain_locked with a Retry that signs it in)', async () => {
    const { h, ada } = await threeAccounts();
    h.keychain.control.locked = true;
    await h.service.logOut(ada);
    const restarted = h.launch();
    expect(statuses(await restarted.getState())[ada]).toBe('logging_out');
    h.keychain.control.locked = false;
    expect(Object.keys(statuses(await restarted.retry(ada)))).not.toContain(ada);
  });

  it('a worker crash during Log Out: recorded, shown, and finished by Retry once the keychain answers', async () => {
    const { h, ada, entries } = await threeAccounts();
    h.keychain.fake.state.crashNext = 5;
    const state = await h.service.logOut(ada);
    expect(statuses(state)[ada]).toBe('logging_out');
    h.keychain.fake.state.crashNext = 0;
    expect(Object.keys(statuses(await h.service.retry(ada)))).not.toContain(ada);
    expect(entries().has(ada)).toBe(false);
  });
});

describe('3. the list is never shrunk by what could not be read', () => {
  it('damaged file + locked keychain: not recovered (written down), a language change keeps that, and the next launch brings every account back', async () => {
    const { h, ada, adaB, grace, entries } = await threeAccounts();
    const before = entries();
    h.settingsFile.status = 'damaged';
    h.keychain.control.locked = true;

    const settings = createSettingsService(h.settingsFile);
    const restarted = h.launch();
    const state = await restarted.getState();
    expect(state.accounts).toEqual([]);
    expect(state).toMatchObject({
      list: 'not_recovered',
      listNotice: { code: 'settings_unreadable', params: { reason: 'not_recovered' } },
    });
    // Any settings write (a language change) keeps the list "not recovered".
    await settings.update({ language: 'de' });
    expect(h.settingsFile.content).toMatchObject({ accountsNotRecovered: true });
    expect(entries()).toEqual(before);

    h.keychain.control.locked = false;
    const relaunched = await h.launch().getState();
    expect(new Set(relaunched.accounts.map((account) => account.id))).toEqual(new Set([ada, adaB, grace]));
    expect(relaunched.list).toBeUndefined();
    expect(h.settingsFile.content).not.toHaveProperty('accountsNotRecovered');
  });

  it('with zero accounts on screen, the list’s Retry (recover) brings every keychain account back after unlocking', async () => {
    const { h, ada, adaB, grace } = await threeAccounts();
    h.settingsFile.status = 'damaged';
    h.keychain.control.locked = true;
    const restarted = h.launch();
    expect((await restarted.getState()).accounts).toEqual([]);
    h.keychain.control.locked = false;
    const back = await restarted.recover();
    expect(statuses(back)).toEqual({ [ada]: 'signed_in', [adaB]: 'signed_in', [grace]: 'signed_in' });
  });

  it.each([
    ['{}', {}],
    ['null', null],
    ['accounts not a list', { accounts: 'ada' }],
  ])('a file of the wrong shape (%s) counts as damaged: kept aside, rebuilt from the keychain, said so', async (_label, content) => {
    const { h, ada, adaB, grace } = await threeAccounts();
    h.settingsFile.content = content;
    const state = await h.launch().getState();
    expect(new Set(state.accounts.map((account) => account.id))).toEqual(new Set([ada, adaB, grace]));
    expect(state.listNotice).toMatchObject({ code: 'settings_unreadable' });
    expect(h.settingsFile.keptAside).toHaveLength(1);
  });

  it('each entry that could not be read is named in the notice, and its account comes back from the keychain', async () => {
    const { h, adaB } = await threeAccounts();
    const file = h.settingsFile.content as { accounts: Array<Record<string, unknown>> };
    file.accounts[1] = { ...file.accounts[1], id: 'not an id!' };
    const state = await h.launch().getState();
    expect(state.listNotice?.params).toMatchObject({ dropped: EMAIL });
    expect(state.accounts.map((account) => account.id)).toContain(adaB);
  });
});

describe('4. the smaller ways', () => {
  it('a 403 (not NocoDB’s) on a refresh keeps the session and its keychain entry: server_refused with Retry', async () => {
    const { h, ada, entries } = await threeAccounts();
    h.clock.now += 11 * 3600_000; // every JWT needs a refresh
    const refused = new AppFailure('server_refused', 'The server refused the request (HTTP 403).', { status: 403 });
    h.noco.failures.refresh = refused;
    h.noco.failures.me = refused;

    const state = await h.launch().getState();

    expect(statuses(state)[ada]).toBe('server_refused');
    expect(state.accounts.find((account) => account.id === ada)?.problemError?.code).toBe('server_refused');
    expect(entries().has(ada)).toBe(true);
    delete h.noco.failures.refresh;
    delete h.noco.failures.me;
  });

  it('a token created just before Log Out gets no copy written after the Log Out (checked when the keychain writes)', async () => {
    // The server's answer to the create arrives only after the Log Out has finished.
    const { h, id, answer } = await signedInWithLateCreates();
    const tokens = tokenServiceOn(h.service, h.keychain.vault);
    h.service.onAccountEnded(async (account, why) => {
      if (why === 'logged_out') await tokens.forgetCopies(account.id);
    });

    const created = tokens.create({ accountId: id, name: 'late' }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.service.logOut(id);
    answer();
    await created;

    expect(h.keychain.fake.entries(KEYCHAIN_SERVICES.tokenCopies).size).toBe(0);
  });

  it('a token created just before the copy setting is turned off gets no copy', async () => {
    const { h, id, answer } = await signedInWithLateCreates();
    const settings = createSettingsService(h.settingsFile);
    const tokens = tokenServiceOn(h.service, h.keychain.vault, settings);

    const created = tokens.create({ accountId: id, name: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settings.update({ keepTokenCopies: false });
    await tokens.forgetAllCopies();
    answer();
    expect((await created).valueSource).toBe('memory');

    expect(h.keychain.fake.entries(KEYCHAIN_SERVICES.tokenCopies).size).toBe(0);
  });

  it('a crashed keychain worker is keychain_stopped (not "no keychain"), and Retry starts it again', async () => {
    const { h, ada } = await threeAccounts();
    h.keychain.fake.state.crashNext = 1;
    const restarted = h.launch();
    const state = await restarted.getState();
    expect(Object.values(statuses(state))).toContain('keychain_stopped');
    const stopped = state.accounts.find((account) => account.status === 'keychain_stopped')!.id;
    expect(statuses(await restarted.retry(stopped))[stopped]).toBe('signed_in');
    expect(ada).toBeTruthy();
  });
});
