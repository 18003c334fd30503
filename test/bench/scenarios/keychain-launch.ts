// Launch with the REAL OS keychain (issue 17's figure): the app's keytar worker behind its serialised
// queue, inside a private D-Bus session and unlocked GNOME Keyring of the bench's own (every XDG
// folder in a temp dir — never the developer's keyring). One app holds 20 accounts and 100 token
// copies (5 per account, made by the app itself), one app holds 1 account and no copy, and one app
// holds that account in the memory store, as the "Several accounts" figures do. Each launch is a new
// main with fresh handlers and a new keychain worker, then navigation start → first token row of
// the last opened account. The accounts live on a fake NocoDB of today's generation (which shows a
// token once, so the rows on screen read their copies from the keychain) on 127.0.0.1.
import { loadavg } from 'node:os';
import type { LaunchedApp } from '../../e2e/harness.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import type { NocodbCredentials } from '../../support/nocodb-env.ts';
import { missingToolsMessage, startTestDesktop, type TestDesktop } from '../../support/test-desktop.ts';
import { compare, type Stats } from '../measure.ts';
import { appWith, launchToFirstRow } from './accounts.ts';

const ACCOUNTS = 20;
const COPIES_PER_ACCOUNT = 5;
const SERVER_TOKENS_PER_ACCOUNT = 10;
const LAUNCH = { runs: 8, warmup: 2 };
/** How long the page must make no bridge call before the app counts as done with its launch work. */
const QUIET_MS = 1_000;

export interface KeychainLaunchFigures {
  accounts: number;
  copies: number;
  /** ms from navigation start of a new launch to the first row of the last opened account. */
  launchKeychainMany: Stats;
  launchKeychainOne: Stats;
  launchMemoryOne: Stats;
  /** 1-minute load average before and after the runs (the machine is shared). */
  loadAverage: { before: number; after: number };
}

/** The bench's own desktop, its variables set in this process (keytar here and the workers use them). */
async function privateDesktop(): Promise<TestDesktop> {
  const missing = missingToolsMessage();
  if (missing) throw new Error(missing);
  const desktop = await startTestDesktop();
  for (const [name, value] of Object.entries(desktop.env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return desktop;
}

/** Through the page's bridge, as the renderer would: the app keeps each new token's copy in the keychain. */
async function createCopies(app: LaunchedApp, perAccount: number): Promise<void> {
  const failures = await app.page.evaluate(async (count) => {
    interface Answer<T> {
      ok: boolean;
      value?: T;
      error?: { code: string };
    }
    const bridge = (globalThis as unknown as Record<string, unknown>)['nocodb'] as {
      session: { get(): Promise<Answer<{ accounts: Array<{ id: string }> }>> };
      tokens: { create(arg: { accountId: string; name: string }): Promise<Answer<unknown>> };
    };
    const session = await bridge.session.get();
    const errors: string[] = [];
    for (const { id } of session.value?.accounts ?? []) {
      for (let n = 1; n <= count; n += 1) {
        const created = await bridge.tokens.create({ accountId: id, name: `copy-${n}` });
        if (!created.ok) errors.push(created.error?.code ?? 'unknown');
      }
    }
    return errors;
  }, perAccount);
  if (failures.length > 0) throw new Error(`Creating the token copies failed: ${failures.join(', ')}`);
}

/**
 * Waits until the page has made no bridge call for a while. The harness's restart leaves the old
 * main's handlers alive (a real relaunch ends them); one still restoring or scanning would rotate a
 * session's refresh token under the new launch, which the server then ends as reused.
 */
async function quiet(app: LaunchedApp): Promise<void> {
  for (let seen = -1; seen !== app.bridgeChannels.length;) {
    seen = app.bridgeChannels.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

const launch = async (app: LaunchedApp) => {
  await quiet(app);
  return launchToFirstRow(app);
};

function seedUsers(fake: FakeNocodb, count: number): NocodbCredentials[] {
  return Array.from({ length: count }, (_, index) => {
    const user = fake.addUser({ email: `keychain-bench-${index}@example.com`, password: `bench-password-${index}` });
    for (let n = 1; n <= SERVER_TOKENS_PER_ACCOUNT; n += 1) fake.addToken(user.email, { description: `acct${index}-${n}` });
    return { url: fake.url, email: user.email, password: user.password };
  });
}

export async function measureKeychainLaunch(): Promise<KeychainLaunchFigures> {
  const desktop = await privateDesktop();
  const fake = await startFakeNocodb({ generation: '2026' });
  const apps: LaunchedApp[] = [];
  try {
    // The memory app has an account of its own: a sign-in elsewhere ends today's NocoDB sessions.
    const users = seedUsers(fake, ACCOUNTS + 2);
    const [single, inMemory] = [users.pop()!, users.pop()!];
    const many = await appWith(users, { secretStore: 'keychain' });
    apps.push(many);
    await createCopies(many, COPIES_PER_ACCOUNT);
    const copies = (await many.keychainTokenCopies()).size;
    if (copies !== ACCOUNTS * COPIES_PER_ACCOUNT)
      throw new Error(`The keychain holds ${copies} token copies, not ${ACCOUNTS * COPIES_PER_ACCOUNT}.`);
    const one = await appWith([single], { secretStore: 'keychain' });
    apps.push(one);
    const memory = await appWith([inMemory], { secretStore: 'memory' });
    apps.push(memory);

    const before = loadavg()[0]!;
    const launches = await compare(
      [
        async () => ({ launchKeychainMany: await launch(many) }),
        async () => ({ launchKeychainOne: await launch(one) }),
        async () => ({ launchMemoryOne: await launch(memory) }),
      ],
      LAUNCH,
    );
    return { accounts: ACCOUNTS, copies, ...launches, loadAverage: { before, after: loadavg()[0]! } };
  } finally {
    for (const app of apps) await app.close();
    await fake.close();
    await desktop.stop();
  }
}
