import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountEntry, Result, ServerCapabilities, SessionState, TokenScanPage, TokenSummary } from '../../../preload/contract.ts';
import { toColumns } from '../../../preload/token-scan-columns.ts';
import { rowKey, toRows, type TokenAccount } from '../../../renderer/domain/all-tokens-rows.ts';
import { tokenColumns } from '../../../renderer/features/tokens/token-columns.ts';
import en from '../../../renderer/i18n/catalogs/en.json';
import type { Text } from '../../../renderer/i18n/index.ts';
import { createTranslator } from '../../../renderer/i18n/translator.ts';
import { createSessionStore } from '../../../renderer/stores/session-store.ts';
import { createToastStore } from '../../../renderer/stores/toast-store.ts';
import { followSessions } from '../../../renderer/stores/tokens/account-lifecycle.ts';
import type { TokenApi } from '../../../renderer/stores/tokens/token-api.ts';
import { loadAccountPages, type LoadStep } from '../../../renderer/stores/tokens/token-loads.ts';
import type { ModelEvent } from '../../../renderer/stores/tokens/account-tokens.ts';
import { REVEAL_MS } from '../../../renderer/stores/tokens/reveal-lifetime.ts';
import { createTokenModel } from '../../../renderer/stores/tokens/token-model.ts';
import { APRIL_2026_SERVER, OLD_SERVER, TODAY_SERVER } from '../capabilities.ts';
import { ADA, BOB, summary } from './token-fixtures.ts';
import { createTestBridge } from '../test-bridge.ts';

const VALUE = 'S3cretTokenValue0000000000000000000000000';
const english = createTranslator('en', en);
const read = (text: Text | undefined) => (text ? english.say(text) : text);

/** An API that answers at once (or, for a method in `held`, when the test releases it); every call recorded. */
function fakeApi(tokens: Record<string, TokenSummary[]> = { a1: [summary('1'), summary('2')], b2: [summary('1')] }) {
  const calls: Array<[string, ...unknown[]]> = [];
  /** What each account's server can do (0.301.3's nothing unless set before the load). */
  const capabilitiesFor: Record<string, ServerCapabilities> = {};
  const held = new Map<string, Array<() => void>>();
  /** Who listens for main's word that the OS locked the screen. */
  const lockListeners = new Set<() => void>();
  const answer = async <T>(method: string, args: unknown[], value: T): Promise<Result<T>> => {
    calls.push([method, ...args]);
    const gates = held.get(method);
    if (gates) await new Promise<void>((resolve) => gates.push(resolve));
    return { ok: true, value };
  };
  const api: TokenApi = {
    list: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'not used' } }),
    scan: (accountId, offset) =>
      answer('scan', [accountId, offset], {
        tokens: toColumns(tokens[accountId] ?? []),
        next: null,
        capabilities: capabilitiesFor[accountId] ?? OLD_SERVER,
      }),
    create: (accountId, name, expiry) => answer('create', [accountId, name, ...(expiry ? [expiry] : [])], summary(`new-${name}`, name)),
    setEnabled: (accountId, id, enabled) => answer('setEnabled', [accountId, id, enabled], { enabled }),
    delete: (accountId, id) => answer('delete', [accountId, id], { revocation: 'revoked' as const }),
    reveal: (accountId, id) => answer('reveal', [accountId, id], VALUE),
    copy: (accountId, id, example) => answer('copy', [accountId, id, example], { clearAfterSeconds: 30 }),
    test: (accountId, id) => answer('test', [accountId, id], 'works' as const),
    exportCsv: () => answer('exportCsv', [], { saved: true }),
    remind: () => answer('remind', [], { notified: 0 }),
    reminderOpened: () => answer('reminderOpened', [], null),
    onScreenLocked: (listener) => {
      lockListeners.add(listener);
      return () => void lockListeners.delete(listener);
    },
  };
  return {
    api,
    calls,
    /** Main says the OS locked the screen. */
    lockScreen: () => lockListeners.forEach((listener) => listener()),
    lockListeners,
    capabilitiesFor,
    /** Holds every later call of `method` until `release`. */
    hold: (method: string) => void held.set(method, []),
    release: (method: string) =>
      held
        .get(method)
        ?.splice(0)
        .forEach((resolve) => resolve()),
  };
}

async function setUp(tokens?: Record<string, TokenSummary[]>, capabilities: Record<string, ServerCapabilities> = {}) {
  const fake = fakeApi(tokens);
  Object.assign(fake.capabilitiesFor, capabilities);
  const toasts = createToastStore();
  const model = createTokenModel({ api: fake.api, toasts, onFailure: () => {} });
  const events: ModelEvent[] = [];
  model.getState().subscribeEvents((event) => void events.push(event));
  await model.getState().load([ADA, BOB]);
  return { fake, toasts, model, events, state: () => model.getState() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('token model: row actions, written once for every screen', () => {
  it('Show reveals a value only while a row of it is on screen, and Hide masks it', async () => {
    const { model, state, fake } = await setUp();
    await state().toggleReveal('a1', '1');
    expect(state().marks.a1?.revealed ?? {}).toEqual({}); // no row on screen: the answer is dropped
    const unwatch = state().watch('a1', '1');
    await state().toggleReveal('a1', '1');
    expect(state().marks.a1!.revealed).toEqual({ 1: VALUE });
    await state().toggleReveal('a1', '1');
    expect(state().marks.a1!.revealed).toEqual({});
    expect(fake.calls.filter(([method]) => method === 'reveal')).toEqual([
      ['reveal', 'a1', '1'],
      ['reveal', 'a1', '1'],
    ]);
    await state().toggleReveal('a1', '1');
    unwatch(); // the row left the screen
    expect(model.getState().marks.a1!.revealed).toEqual({});
  });

  it('Copy and Copy example go through main with the account and token named, and say when the clipboard clears', async () => {
    const { state, fake, toasts } = await setUp();
    await state().copy('b2', '1');
    await state().copy('a1', '2', 'sh');
    expect(fake.calls.filter(([method]) => method === 'copy')).toEqual([
      ['copy', 'b2', '1', undefined],
      ['copy', 'a1', '2', 'sh'],
    ]);
    expect(toasts.getState().toasts.map((toast) => [read(toast.title), read(toast.description)])).toEqual([
      ['Copied to clipboard', 'The clipboard will be cleared in 30 seconds.'],
      ['Copied to clipboard', 'The clipboard will be cleared in 30 seconds.'],
    ]);
  });

  it('Test keeps what the server made of the token, per account, and marks the row busy meanwhile', async () => {
    const { state, fake } = await setUp();
    fake.hold('test');
    const testing = state().test('a1', '1');
    await settle();
    expect(state().marks.a1!.busy).toEqual({ 1: 'test' });
    fake.release('test');
    await testing;
    expect(state().marks.a1).toMatchObject({ busy: {}, tested: { 1: 'works' } });
    expect(state().marks.b2).toBeUndefined();
  });

  it('Delete removes the token from every screen, says what the server did, and tells the screens', async () => {
    const { state, events, toasts } = await setUp();
    state().watch('a1', '1');
    await state().toggleReveal('a1', '1');
    await state().test('a1', '1');
    await state().remove('a1', '1');
    expect(state().accounts[0]!.rows.map((row) => row.token.id)).toEqual(['2']);
    expect(state().marks.a1).toMatchObject({ revealed: {}, tested: {} });
    expect(events).toContainEqual({ kind: 'changed', accountId: 'a1' });
    expect(toasts.getState().toasts.map((toast) => read(toast.title))).toContain('Token deleted. The server no longer accepts it.');
  });

  it('Create adds the token to the account’s rows and offers to copy it; the copy names its account', async () => {
    const { state, events, toasts, fake } = await setUp();
    const result = await state().create('b2', 'deploy');
    expect(result).toMatchObject({ ok: true, value: { id: 'new-deploy' } });
    expect(state().accounts[1]!.rows.map((row) => row.key)).toEqual([rowKey('b2', 'new-deploy'), rowKey('b2', '1')]);
    expect(events).toContainEqual({ kind: 'changed', accountId: 'b2' });
    const notice = toasts.getState().toasts.at(-1)!;
    expect(read(notice.title)).toBe('Token "deploy" created');
    notice.action!.run();
    await settle();
    expect(fake.calls.at(-1)).toEqual(['copy', 'b2', 'new-deploy', undefined]);
  });

  it('Rotate creates the successor on the same account, then revokes the old one', async () => {
    const { state, fake } = await setUp();
    const [row] = state().accounts[0]!.rows;
    await state().rotate(row!, 'CI');
    expect(state().rotation).toMatchObject({ phase: 'choose', created: { name: 'CI' } });
    await state().revokeOld();
    expect(state().rotation).toBeNull();
    expect(fake.calls.filter(([method]) => method === 'create' || method === 'delete')).toEqual([
      ['create', 'a1', 'CI'],
      ['delete', 'a1', '1'],
    ]);
  });
});

describe('token model: a revealed value lives no longer than it must', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it(`is masked again after ${REVEAL_MS / 1000} s`, async () => {
    const { state } = await setUp();
    state().watch('a1', '1');
    await state().toggleReveal('a1', '1');
    vi.advanceTimersByTime(REVEAL_MS - 1);
    expect(state().marks.a1!.revealed).toEqual({ 1: VALUE });
    vi.advanceTimersByTime(1);
    expect(state().marks.a1!.revealed).toEqual({});
  });

  it('is masked when the window is hidden (every account’s)', async () => {
    const { state } = await setUp();
    state().watch('a1', '1');
    state().watch('b2', '1');
    await state().toggleReveal('a1', '1');
    await state().toggleReveal('b2', '1');
    state().hideAll();
    expect(JSON.stringify(state().marks)).not.toContain(VALUE);
  });

  it('is masked when the OS locks the screen (every account’s), and its timer goes with it', async () => {
    const { state, fake } = await setUp();
    expect(fake.lockListeners.size).toBe(1);
    state().watch('a1', '1');
    state().watch('b2', '1');
    await state().toggleReveal('a1', '1');
    await state().toggleReveal('b2', '1');
    expect(JSON.stringify(state().marks)).toContain(VALUE);
    fake.lockScreen();
    expect(JSON.stringify(state().marks)).not.toContain(VALUE);
    expect(vi.getTimerCount()).toBe(0);
    // Shown again after the lock, the value lives its full time again.
    await state().toggleReveal('a1', '1');
    expect(state().marks.a1!.revealed).toEqual({ 1: VALUE });
  });
});

describe('token model: forgetAccount', () => {
  it('drops everything of that account on every screen — and nothing of another', async () => {
    const { state, events, toasts } = await setUp();
    state().watch('a1', '1');
    state().watch('b2', '1');
    await state().toggleReveal('a1', '1');
    await state().toggleReveal('b2', '1');
    await state().create('a1', 'new');
    await state().rotate(state().accounts[0]!.rows.at(-1)!, 'rotated');
    state().learnCapabilities('a1', TODAY_SERVER);

    state().forgetAccount('a1');

    expect(state().accounts.map((load) => load.account.accountId)).toEqual(['b2']);
    expect(state().marks.a1).toBeUndefined();
    expect(state().capabilities.a1).toBeUndefined();
    expect(state().rotation).toBeNull();
    expect(state().marks.b2!.revealed).toEqual({ 1: VALUE });
    expect(toasts.getState().toasts.filter((toast) => toast.about?.includes('a1'))).toEqual([]);
    expect(events.at(-1)).toEqual({ kind: 'forgotten', accountId: 'a1' });
  });

  it('ignores answers for the account that arrive after it (a reveal, a Test, a page)', async () => {
    const { state, fake } = await setUp();
    state().watch('a1', '1');
    fake.hold('reveal');
    fake.hold('test');
    fake.hold('scan');
    const revealing = state().toggleReveal('a1', '1');
    const testing = state().test('a1', '2');
    const loading = state().load([ADA]);
    await settle();
    state().forgetAccount('a1');
    fake.release('reveal');
    fake.release('test');
    fake.release('scan');
    await Promise.all([revealing, testing, loading]);
    expect(state().marks.a1).toBeUndefined();
    expect(state().accounts).toEqual([]);
  });

  it('is driven by the session store: Log Out, removal, a session that ended, an identity that changed', async () => {
    const { model, state } = await setUp();
    const session = createSessionStore((await createTestBridge({ signedIn: false })).bridge, createToastStore());
    followSessions(session, model);
    const entry = (account: TokenAccount, change: Partial<AccountEntry> = {}): AccountEntry => ({
      id: account.accountId,
      serverUrl: account.serverUrl,
      email: account.email,
      displayName: null,
      status: 'signed_in',
      active: false,
      capabilities: TODAY_SERVER,
      ...change,
    });
    const signedOut = (accounts: AccountEntry[]): SessionState => ({ status: 'signed_out', prefill: null, notice: null, accounts });
    const forgotten = vi.spyOn(model.getState(), 'forgetAccount');

    session.setState({ state: signedOut([entry(ADA), entry(BOB)]) });
    expect(state().capabilities).toEqual({ a1: TODAY_SERVER, b2: TODAY_SERVER });
    session.setState({ state: signedOut([entry(ADA, { status: 'session_ended' }), entry(BOB)]) });
    expect(forgotten.mock.calls).toEqual([['a1']]);
    session.setState({ state: signedOut([entry(ADA), entry(BOB, { email: 'someone@else.org' })]) });
    expect(forgotten.mock.calls).toEqual([['a1'], ['b2']]);
    session.setState({ state: signedOut([entry(ADA)]) });
    expect(forgotten.mock.calls).toEqual([['a1'], ['b2'], ['b2']]);
  });
});

describe('token model: capabilities decide columns and facts, never the fields a page carries', () => {
  it('shows Last used and Expires only where the account’s server tracks them', () => {
    expect(tokenColumns(TODAY_SERVER)).toEqual({ lastUsed: true, expires: true });
    expect(tokenColumns(OLD_SERVER)).toEqual({ lastUsed: false, expires: false });
    expect(tokenColumns(undefined)).toEqual({ lastUsed: false, expires: false });
  });

  it('reads a missing expiry as "never" on a server that tracks it, and as "no data" on one that does not', () => {
    const [today] = toRows(ADA, [summary('1')], TODAY_SERVER);
    const [old] = toRows(ADA, [{ ...summary('1'), expiry: '2026-01-01T00:00:00Z' }], OLD_SERVER);
    expect(today!.facts).toMatchObject({ expiresAt: Infinity, lastUsedAt: -Infinity });
    expect(old!.facts).toMatchObject({ expiresAt: undefined, lastUsedAt: undefined });
  });

  it('takes each page’s capabilities for its account', async () => {
    const fake = fakeApi();
    fake.api.scan = async () => ({ ok: true, value: { tokens: toColumns([summary('1')]), next: null, capabilities: TODAY_SERVER } });
    const model = createTokenModel({ api: fake.api, toasts: createToastStore(), onFailure: () => {} });
    await model.getState().load([ADA]);
    expect(model.getState().capabilities).toEqual({ a1: TODAY_SERVER });
    expect(model.getState().accounts[0]!.rows[0]!.facts.expiresAt).toBe(Infinity);
  });
});

describe('loading stops at stated bounds against a server that always answers a full page', () => {
  const bounds = { rows: 50, pages: 8, ms: 1_000 };
  /** A server whose every page is full and says another follows; `repeat` sends the same rows again. */
  const endless =
    (repeat = false) =>
    async (offset: number): Promise<Result<TokenScanPage>> => ({
      ok: true,
      value: {
        tokens: toColumns(Array.from({ length: 10 }, (_, i) => summary(String(repeat ? i : offset + i)))),
        next: offset + 10,
        capabilities: OLD_SERVER,
      },
    });

  async function run(scan: (offset: number) => Promise<Result<TokenScanPage>>, now = () => 0) {
    const steps: LoadStep[] = [];
    let asked = 0;
    await loadAccountPages(ADA, {
      scan: (offset) => ((asked += 1), scan(offset)),
      current: () => true,
      step: (step) => void steps.push(step),
      now,
      bounds,
    });
    return { last: steps.at(-1)!, asked };
  }

  it('a page that adds no rows hands on the same list, so the screens see nothing changed', async () => {
    const steps: LoadStep[] = [];
    const pages = [toColumns([summary('1'), summary('2')]), toColumns([])];
    await loadAccountPages(ADA, {
      scan: async (offset) => ({
        ok: true,
        value: { tokens: pages[offset / 2]!, next: offset === 0 ? 2 : null, capabilities: OLD_SERVER },
      }),
      current: () => true,
      step: (step) => void steps.push(step),
      now: () => 0,
      bounds,
    });
    const [first, last] = steps.map((step) => (step.kind === 'page' ? step : null));
    expect(first).toMatchObject({ done: false });
    expect(last).toMatchObject({ done: true });
    expect(last!.rows).toBe(first!.rows);
  });

  it('at the row bound: keeps what it had and says there is more', async () => {
    const { last, asked } = await run(endless());
    expect(last).toMatchObject({ kind: 'page', done: true, truncated: true });
    expect(last.kind === 'page' && last.rows).toHaveLength(50);
    expect(asked).toBe(5);
  });

  it('at the page bound, and when pages only repeat rows already listed', async () => {
    const small = { ...bounds, rows: 10_000 };
    const steps: LoadStep[] = [];
    let asked = 0;
    await loadAccountPages(ADA, {
      scan: (offset) => ((asked += 1), endless()(offset)),
      current: () => true,
      step: (s) => void steps.push(s),
      now: () => 0,
      bounds: small,
    });
    expect(asked).toBe(8);
    expect(steps.at(-1)).toMatchObject({ truncated: true, done: true });

    const repeated = await run(endless(true));
    expect(repeated.asked).toBe(2);
    expect(repeated.last).toMatchObject({ truncated: true });
    expect(repeated.last.kind === 'page' && repeated.last.rows).toHaveLength(10);
  });

  it('at the time bound', async () => {
    let clock = 0;
    const { asked, last } = await run(
      async (offset) => ((clock += 400), endless()(offset)),
      () => clock,
    );
    expect(asked).toBe(3);
    expect(last).toMatchObject({ truncated: true });
  });
});

describe('token model: April 2026 servers', () => {
  it('the switch disables a token on its server; every screen sees the state the server kept, and an old Test result goes', async () => {
    const { state, fake, events } = await setUp(undefined, { a1: APRIL_2026_SERVER });
    await state().test('a1', '1');
    fake.hold('setEnabled');
    const switching = state().setEnabled('a1', '1', false);
    await settle();
    expect(state().marks.a1!.busy).toEqual({ 1: 'switch' });
    fake.release('setEnabled');
    await switching;

    expect(fake.calls.filter(([method]) => method === 'setEnabled')).toEqual([['setEnabled', 'a1', '1', false]]);
    expect(state().accounts[0]!.rows.find((row) => row.token.id === '1')?.token.enabled).toBe(false);
    expect(state().marks.a1).toMatchObject({ busy: {}, tested: {} });
    expect(events).toContainEqual({ kind: 'changed', accountId: 'a1' });
  });

  it('a rotated token’s successor keeps the old one’s length in days where the server has expiry at creation; none elsewhere', async () => {
    const thirtyDays = { createdAt: '2026-11-01T00:00:00Z', expiry: '2026-12-01T00:00:00Z' };
    const { state, fake } = await setUp(
      { a1: [{ ...summary('1'), ...thirtyDays }], b2: [{ ...summary('1'), ...thirtyDays }] },
      { a1: APRIL_2026_SERVER, b2: TODAY_SERVER },
    );
    for (const load of state().accounts) {
      await state().rotate(load.rows[0]!, 'successor');
      state().keepBoth();
    }
    expect(fake.calls.filter(([method]) => method === 'create')).toEqual([
      ['create', 'a1', 'successor', { days: 30 }],
      ['create', 'b2', 'successor'],
    ]);
  });
});
