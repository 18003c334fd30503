import { createCapabilityRegistry } from '../../../main/nocodb/server-capabilities.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import { NO_CAPABILITIES } from '../../../preload/contract.ts';
import { fromColumns } from '../../../preload/token-scan-columns.ts';
import { createClipboardGuard } from '../../../main/clipboard/clipboard-guard.ts';
import { createSettingsService } from '../../../main/settings/settings-service.ts';
import { createTokenService } from '../../../main/tokens/token-service.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';
import {
  EMAIL,
  PASSWORD,
  SERVER,
  sessionHarness,
  shownId,
  signOutShown,
  tokensFromShownScreen,
  type HarnessOptions,
} from '../accounts/accounts-harness.ts';
import { createSwitchableKeychain } from '../accounts/switchable-store.ts';

/** The app's keychain token vault over a fake keytar that a test can break (every call then fails like a missing Secret Service). */
function switchableVault() {
  const keychain = createSwitchableKeychain();
  const state = {
    set broken(value: boolean) {
      keychain.fake.state.unavailable = value;
    },
  };
  /** The copies kept for one account now: token id → value. */
  const copiesOf = (accountId: string) =>
    new Map(
      [...keychain.fake.entries(KEYCHAIN_SERVICES.tokenCopies)]
        .filter(([name]) => name.startsWith(`${accountId} `))
        .map(([name, value]) => [name.slice(accountId.length + 1), value]),
    );
  return { vault: keychain.vault, state, copiesOf };
}

async function tokensHarness(options: HarnessOptions & { showsTokensOnce?: boolean } = {}) {
  const h = sessionHarness(options);
  h.noco.showsTokensOnce = options.showsTokensOnce ?? false;
  const vault = switchableVault();
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  const clipboard = { text: '', readText: () => clipboard.text, writeText: (text: string) => void (clipboard.text = text) };
  const settings = createSettingsService(memoryJsonFile());
  const tokens = createTokenService({
    capabilities: createCapabilityRegistry(),
    session: h.service,
    clipboard: createClipboardGuard({
      clipboard,
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) },
      log: () => {},
    }),
    settings,
    vault: vault.vault,
    log: () => {},
  });
  h.service.onAccountEnded((account) => tokens.forgetValues(account.id));
  const accountId = await shownId(h.service);
  return {
    ...h,
    accountId,
    clipboard,
    settings,
    tokens: tokensFromShownScreen(h.service, tokens),
    vault: { ...vault, copies: () => vault.copiesOf(accountId) },
  };
}

describe('token service', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('lists summaries only, paging by limit and offset, and keeps the values in main', async () => {
    const t = await tokensHarness();
    for (const name of ['one', 'two', 'three']) await t.tokens.create({ name });

    const page = await t.tokens.list({ page: 2, pageSize: 2 });

    expect(page).toEqual({
      tokens: [{ id: '3', name: 'three', creator: EMAIL, createdAt: '2026-01-01 00:00:00+00:00', valueSource: 'server', prefix: null }],
      page: 2,
      pageSize: 2,
      totalRows: 3,
      isLastPage: true,
      capabilities: NO_CAPABILITIES,
    });
    expect(JSON.stringify(page)).not.toContain('tttt');
  });

  it("finds the last page from the rows themselves when the server's counts cover the whole instance", async () => {
    const t = await tokensHarness();
    t.noco.otherUsersTokens = 50;
    for (let i = 1; i <= 30; i += 1) await t.tokens.create({ name: `token-${i}` });

    const third = await t.tokens.list({ page: 3, pageSize: 10 });
    expect(third).toMatchObject({ isLastPage: true, totalRows: 30 });
    expect(third.tokens.map((token) => token.name)).toEqual(Array.from({ length: 10 }, (_, i) => `token-${21 + i}`));

    // Not a super admin: the server's 80 is not this user's count, so only one more page is promised.
    const second = await t.tokens.list({ page: 2, pageSize: 10 });
    expect(second).toMatchObject({ isLastPage: false, totalRows: 21 });
    expect(second.tokens).toHaveLength(10);
  });

  it("trusts the server's count for a super admin, who sees every token of the instance", async () => {
    const t = await tokensHarness({ superAdmin: true });
    for (let i = 1; i <= 30; i += 1) await t.tokens.create({ name: `token-${i}` });
    expect(await t.tokens.list({ page: 1, pageSize: 10 })).toMatchObject({ isLastPage: false, totalRows: 30 });
  });

  it('creates a token with the name as given and can reveal its value right away', async () => {
    const t = await tokensHarness();

    const summary = await t.tokens.create({ name: '  CI deploy  ' });

    expect(summary).toMatchObject({ id: '1', name: '  CI deploy  ', creator: EMAIL });
    expect(t.noco.ownerOf(await t.tokens.reveal({ id: '1' }))).toBe('ada@example.com');
  });

  it('never retries a create that timed out, so a slow server cannot end up with two tokens', async () => {
    const t = await tokensHarness();
    t.noco.failures.createToken = new AppFailure('timeout', 'The server took too long to answer.');

    await expect(t.tokens.create({ name: 'once' })).rejects.toMatchObject({ code: 'timeout' });
    expect(t.noco.calls.createToken).toBe(1);
  });

  it('copies a token by id to the clipboard and clears it after the configured delay', async () => {
    const t = await tokensHarness();
    const { id } = await t.tokens.create({ name: 'copy me' });
    const value = await t.tokens.reveal({ id });

    expect(await t.tokens.copy({ id })).toEqual({ clearAfterSeconds: 30 });
    expect(t.clipboard.text).toBe(value);

    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.clipboard.text).toBe('');
  });

  it('reports no clearing when auto-clear is off', async () => {
    const t = await tokensHarness();
    const { id } = await t.tokens.create({ name: 'keep' });
    await t.settings.update({ clipboardClearSeconds: 0 });

    expect(await t.tokens.copy({ id })).toEqual({ clearAfterSeconds: null });
  });

  it.each(['reveal', 'copy'] as const)('answers not_found for %s of an id it has not seen', async (action) => {
    const t = await tokensHarness();

    await expect(t.tokens[action]({ id: '42' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('Refresh the list and try again.'),
    });
  });

  it('forgets every value when the user signs out', async () => {
    const t = await tokensHarness();
    const { id } = await t.tokens.create({ name: 'gone' });

    await signOutShown(t.service);
    await t.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });

    await expect(t.tokens.reveal({ id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses token calls for an account that was logged out (it is no longer listed)', async () => {
    const t = await tokensHarness();
    const { id } = await t.tokens.create({ name: 'x' });
    await signOutShown(t.service);

    await expect(t.tokens.copy({ id })).rejects.toMatchObject({ code: 'unknown_account' });
    await expect(t.tokens.list({ page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'unknown_account' });
  });

  describe('delete, then check what the server does with the deleted token', () => {
    it('reports revoked when the server refuses it', async () => {
      const t = await tokensHarness();
      const { id } = await t.tokens.create({ name: 'old' });

      expect(await t.tokens.delete({ id })).toEqual({ revocation: 'revoked' });
      expect(t.noco.tokenCount()).toBe(0);
      await expect(t.tokens.reveal({ id })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('reports still_accepted when the server keeps accepting it (NocoDB 0.301.3)', async () => {
      const t = await tokensHarness();
      t.noco.keepsDeletedTokens = true;
      const { id } = await t.tokens.create({ name: 'sticky' });

      expect(await t.tokens.delete({ id })).toEqual({ revocation: 'still_accepted' });
    });

    it('reports unknown when the check fails', async () => {
      const t = await tokensHarness();
      const { id } = await t.tokens.create({ name: 'offline check' });
      t.noco.failures.whoIsApiToken = new AppFailure('server_unreachable', 'The server cannot be reached.');

      expect(await t.tokens.delete({ id })).toEqual({ revocation: 'unknown' });
    });

    it('reports unknown when main never held the value (listed by another run)', async () => {
      const t = await tokensHarness();
      const { id } = await t.tokens.create({ name: 'elsewhere' });
      t.tokens.forgetValues(t.accountId);

      expect(await t.tokens.delete({ id })).toEqual({ revocation: 'unknown' });
      expect(t.noco.calls.whoIsApiToken).toBe(0);
    });

    it('throws when the delete fails, and keeps the value', async () => {
      const t = await tokensHarness();
      const { id } = await t.tokens.create({ name: 'stays' });
      t.noco.failures.deleteToken = new AppFailure('server_error', 'The server had a problem.');

      await expect(t.tokens.delete({ id })).rejects.toMatchObject({ code: 'server_error' });
      await expect(t.tokens.reveal({ id })).resolves.toBeTruthy();
    });
  });

  describe("on a server that shows a token only once (today's NocoDB)", () => {
    it('keeps a keychain copy of a created token, so Show and Copy work after a restart', async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      const created = await t.tokens.create({ name: 'kept' });
      expect(created.valueSource).toBe('keychain');
      const value = await t.tokens.reveal({ id: created.id });
      expect(await t.vault.copies()).toEqual(new Map([[created.id, value]]));

      // A restart: main holds nothing in memory, the list has no secret, the keychain has the copy.
      t.tokens.forgetValues(t.accountId);
      const { tokens } = await t.tokens.list({ page: 1, pageSize: 10 });
      expect(tokens).toEqual([expect.objectContaining({ id: created.id, valueSource: 'keychain', prefix: value.slice(0, 8) })]);
      await t.tokens.copy({ id: created.id });
      expect(t.clipboard.text).toBe(value);
    });

    it('marks a token made outside the app as unavailable, and refuses to reveal it', async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      const id = t.noco.addTokenElsewhere(EMAIL, 'from the web UI');

      const { tokens } = await t.tokens.list({ page: 1, pageSize: 10 });
      expect(tokens).toEqual([expect.objectContaining({ id, valueSource: 'none' })]);
      await expect(t.tokens.copy({ id })).rejects.toMatchObject({ code: 'not_found' });
      expect(t.clipboard.text).toBe('');
    });

    it('keeps no copy when the setting is off: the value lives for this run only', async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      await t.settings.update({ keepTokenCopies: false });
      const created = await t.tokens.create({ name: 'not kept' });

      expect(created.valueSource).toBe('memory');
      expect(await t.vault.copies()).toEqual(new Map());
      await expect(t.tokens.reveal({ id: created.id })).resolves.toMatch(/t{20}/);
    });

    it('turning the setting off forgets every copy, in the keychain and in memory', async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      await t.tokens.create({ name: 'forgotten' });

      await t.tokens.forgetAllCopies();

      expect(await t.vault.copies()).toEqual(new Map());
      expect((await t.tokens.list({ page: 1, pageSize: 10 })).tokens[0]?.valueSource).toBe('none');
    });

    it('deleting a token deletes its copy; the server is known to revoke at once when main never held the value', async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      const kept = await t.tokens.create({ name: 'kept' });
      const foreign = t.noco.addTokenElsewhere(EMAIL, 'foreign');
      await t.tokens.list({ page: 1, pageSize: 10 });

      expect(await t.tokens.delete({ id: kept.id })).toEqual({ revocation: 'revoked' });
      expect(await t.vault.copies()).toEqual(new Map());
      expect(await t.tokens.delete({ id: foreign })).toEqual({ revocation: 'immediate' });
      expect(t.noco.calls.whoIsApiToken).toBe(1);
    });

    it('a keychain that refuses the copy leaves the token usable for this run and says so', async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      t.vault.state.broken = true;

      const created = await t.tokens.create({ name: 'memory only' });

      expect(created.valueSource).toBe('memory');
      await expect(t.tokens.reveal({ id: created.id })).resolves.toMatch(/t{20}/);
      // A list that cannot read the keychain still answers.
      t.tokens.forgetValues(t.accountId);
      expect((await t.tokens.list({ page: 1, pageSize: 10 })).tokens[0]?.valueSource).toBe('none');
    });

    it("forgets the account's copies on request, and only that account's", async () => {
      const t = await tokensHarness({ showsTokensOnce: true });
      await t.tokens.create({ name: 'mine' });
      await t.vault.vault.put('grace-id', '99', 'G'.repeat(40), async () => true);

      await t.tokens.forgetCopies(t.accountId);

      expect(await t.vault.copies()).toEqual(new Map());
      expect(await t.vault.vault.load('grace-id', ['99'])).toEqual(new Map([['99', 'G'.repeat(40)]]));
    });
  });
});

describe('using a token: Copy example and Test', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** Deletes a token behind the app's back, as the web UI or another client would. */
  async function deleteElsewhere(t: Awaited<ReturnType<typeof tokensHarness>>, id: string) {
    const { jwt } = t.noco.issueSession(EMAIL);
    await t.noco.client(SERVER).deleteToken(jwt, id);
  }

  it('copies a bash/zsh line and the header block with the real token, and clears them like a copied token', async () => {
    const t = await tokensHarness();
    const created = await t.tokens.create({ name: 'for curl' });
    const value = await t.tokens.reveal({ id: created.id });

    expect(await t.tokens.copyExample({ id: created.id, example: 'sh' })).toEqual({ clearAfterSeconds: 30 });
    expect(t.clipboard.text).toBe(`curl -H 'xc-token: ${value}' '${SERVER}/api/v1/auth/user/me'`);

    await t.tokens.copyExample({ id: created.id, example: 'headers' });
    expect(JSON.parse(t.clipboard.text)).toEqual({ headers: { 'xc-token': value } });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.clipboard.text).toBe('');
  });

  it('copies nothing when the token holds a character the chosen example cannot quote safely, and says which', async () => {
    const t = await tokensHarness();
    // A value with a quote, as no real server sends (main checks a value's shape) but a bug could.
    t.noco.nextValue = "tok_o'neil".padEnd(40, 't');
    const created = await t.tokens.create({ name: 'quoted' });
    const value = await t.tokens.reveal({ id: created.id });
    expect(value).toContain("'");
    t.clipboard.text = 'before';

    await expect(t.tokens.copyExample({ id: created.id, example: 'env' })).rejects.toMatchObject({
      code: 'invalid_argument',
      params: { reason: 'unsafe_value', target: '.env' },
    });
    expect(t.clipboard.text).toBe('before');
    await t.tokens.copyExample({ id: created.id, example: 'powershell' });
    expect(t.clipboard.text).toContain(`'xc-token' = '${value.replace("'", "''")}'`);
  });

  it('gives no example for an account listed before sign-in checked host names (a shell would run its address)', async () => {
    const t = await tokensHarness();
    const hostile = 'http://a$(touch${IFS}marker).example.test:8080';
    await t.service.signIn({ serverUrl: hostile, email: EMAIL, password: PASSWORD });
    const created = await t.tokens.create({ name: 'for curl' });
    t.clipboard.text = 'before';

    for (const example of ['sh', 'headers'] as const) {
      await expect(t.tokens.copyExample({ id: created.id, example })).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringContaining('could run as a command'),
      });
    }
    expect(t.clipboard.text).toBe('before');
  });

  it('tests a token: works, rejected after a delete elsewhere, or deleted but still accepted (0.301.3)', async () => {
    const t = await tokensHarness();
    const kept = await t.tokens.create({ name: 'kept' });
    const gone = await t.tokens.create({ name: 'gone' });
    const cached = await t.tokens.create({ name: 'cached' });
    await t.tokens.list({ page: 1, pageSize: 10 });

    expect(await t.tokens.test({ id: kept.id })).toBe('works');
    await deleteElsewhere(t, gone.id);
    expect(await t.tokens.test({ id: gone.id })).toBe('rejected');
    t.noco.keepsDeletedTokens = true;
    await deleteElsewhere(t, cached.id);
    expect(await t.tokens.test({ id: cached.id })).toBe('deleted_but_accepted');
  });

  it('finds a token past the first page, asking for the largest page the server accepts', async () => {
    const t = await tokensHarness();
    for (let i = 0; i < 150; i += 1) t.noco.addTokenElsewhere(EMAIL, `filler ${i}`);
    const last = await t.tokens.create({ name: 'last' });

    expect(await t.tokens.test({ id: last.id })).toBe('works');
    expect(t.noco.calls.listTokens).toBe(1);
    t.noco.maxPageSize = 40; // the server cuts a page to 40 and says so: the app keeps to it
    t.noco.calls.listTokens = 0;
    expect(await t.tokens.test({ id: last.id })).toBe('works');
    expect(t.noco.calls.listTokens).toBe(4);
  });

  it('past 10,000 tokens a deleted token still accepted from the cache is reported as such, not "works"', async () => {
    const t = await tokensHarness();
    t.noco.keepsDeletedTokens = true;
    t.noco.maxPageSize = 100;
    for (let i = 0; i < 10_050; i += 1) t.noco.addTokenElsewhere(EMAIL, `filler ${i}`);
    const cached = await t.tokens.create({ name: 'cached' });
    await deleteElsewhere(t, cached.id);
    t.noco.calls.listTokens = 0;

    expect(await t.tokens.test({ id: cached.id })).toBe('deleted_but_accepted');
    expect(t.noco.calls.listTokens).toBe(101);
  });

  it('refuses a token it holds no value for, without asking the server', async () => {
    const t = await tokensHarness();

    await expect(t.tokens.test({ id: '99' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.tokens.copyExample({ id: '99', example: 'sh' })).rejects.toMatchObject({ code: 'not_found' });
    expect(t.noco.calls.whoIsApiToken).toBe(0);
  });
});

describe('scan: every token of an account for All tokens', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks for the largest page, keeps to the size the server says it applied, and ends on a short page', async () => {
    const t = await tokensHarness();
    t.noco.maxPageSize = 40;
    for (let i = 0; i < 90; i += 1) t.noco.addTokenElsewhere(EMAIL, `token ${i}`);
    const pages = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = await t.tokens.scan({ offset });
      pages.push(page.tokens.id.length);
      offset = page.next;
    }
    expect(pages).toEqual([40, 40, 10]);
    expect(t.noco.calls.listTokens).toBe(3);
  });

  it('holds the values a 0.301.3 page carries, so Show works from All tokens', async () => {
    const t = await tokensHarness();
    const id = t.noco.addTokenElsewhere(EMAIL, 'from the web UI');
    const page = await t.tokens.scan({ offset: 0 });
    expect(page.next).toBeNull();
    expect(fromColumns(page.tokens)).toMatchObject([{ id, name: 'from the web UI', valueSource: 'server' }]);
    expect(t.noco.ownerOf(await t.tokens.reveal({ id }))).toBe(EMAIL);
  });
});
