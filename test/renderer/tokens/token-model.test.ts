import { describe, expect, it, vi } from 'vitest';
import type { AppError, Result, ServerCapabilities, TokenSummary } from '../../../preload/contract.ts';
import { toColumns } from '../../../preload/token-scan-columns.ts';
import { csvWords, reminderWords } from '../../../renderer/domain/all-tokens-messages.ts';
import { rowKey } from '../../../renderer/domain/all-tokens-rows.ts';
import type { TokenApi } from '../../../renderer/stores/tokens/token-api.ts';
import { PAGE_BATCH_MS } from '../../../renderer/stores/tokens/page-batcher.ts';
import { createTokenModel, MAX_IN_FLIGHT } from '../../../renderer/stores/tokens/token-model.ts';
import { APRIL_2026_SERVER, OLD_SERVER, TODAY_SERVER } from '../capabilities.ts';
import { ADA, BOB, summary } from './token-fixtures.ts';
import de from '../../../renderer/i18n/catalogs/de.json';
import en from '../../../renderer/i18n/catalogs/en.json';
import type { Text } from '../../../renderer/i18n/index.ts';
import { createTranslator } from '../../../renderer/i18n/translator.ts';
import { allRows, createAllTokensStore } from '../../../renderer/stores/all-tokens-store.ts';
import { createToastStore } from '../../../renderer/stores/toast-store.ts';

const english = createTranslator('en', en);
const german = createTranslator('de', de);
/** What the user reads for a text the store kept. */
const read = (text: Text | null | undefined) => (text ? english.say(text) : text);

const fail = (code: AppError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/** A fake API whose answers the test releases by hand, so in-flight counts can be observed. */
function fakeApi(tokensOf: Record<string, TokenSummary[]>, pageSize = 2) {
  let inFlight = 0;
  let peak = 0;
  const pending: Array<() => void> = [];
  const failing = new Map<string, Result<never>>();
  const deleted: string[] = [];
  const exported: string[] = [];
  const switched: string[] = [];
  const reminded: unknown[] = [];
  const held = async <T>(answer: () => Result<T>): Promise<Result<T>> => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise<void>((resolve) => pending.push(resolve));
    inFlight -= 1;
    return answer();
  };
  /** What a test says an account's server can do; otherwise, like main: tokens with an expiry are on today's servers. */
  const capabilitiesFor: Record<string, ServerCapabilities> = {};
  const serverOf = (accountId: string) =>
    capabilitiesFor[accountId] ?? ((tokensOf[accountId] ?? []).some((token) => 'expiry' in token) ? TODAY_SERVER : OLD_SERVER);
  const api: TokenApi = {
    list: () => held(() => fail('internal', 'not used here')),
    scan: (accountId, offset) =>
      held(() => {
        const failure = failing.get(`scan:${accountId}`);
        if (failure) return failure;
        const all = tokensOf[accountId] ?? [];
        const next = offset + pageSize < all.length ? offset + pageSize : null;
        return { ok: true, value: { tokens: toColumns(all.slice(offset, offset + pageSize)), next, capabilities: serverOf(accountId) } };
      }),
    create: (accountId, name) =>
      held(() => {
        const token = summary(`new-${name}`, name);
        tokensOf[accountId] = [token, ...(tokensOf[accountId] ?? [])];
        return { ok: true, value: token };
      }),
    setEnabled: (accountId, id, enabled) =>
      held(() => {
        const failure = failing.get(`setEnabled:${accountId}:${id}`);
        if (failure) return failure;
        switched.push(`${accountId}/${id}=${enabled}`);
        return { ok: true, value: { enabled } };
      }),
    delete: (accountId, id) =>
      held(() => {
        const failure = failing.get(`delete:${accountId}:${id}`);
        if (failure) return failure;
        deleted.push(`${accountId}/${id}`);
        return { ok: true, value: { revocation: 'revoked' } };
      }),
    reveal: () => held(() => ({ ok: true, value: 'secret' })),
    copy: () => held(() => ({ ok: true, value: { clearAfterSeconds: 30 } })),
    test: () => held(() => ({ ok: true, value: 'works' })),
    exportCsv: (text) => held(() => (exported.push(text), { ok: true, value: { saved: true } })),
    remind: (tokens, words) => held(() => (reminded.push({ tokens, words }), { ok: true, value: { notified: tokens.length } })),
    reminderOpened: () => held(() => ({ ok: true, value: null })),
    onScreenLocked: () => () => {},
  };
  /** Answers everything pending, again and again, until nothing is left. */
  async function drain() {
    for (let round = 0; round < 1000; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (pending.length === 0) return;
      pending.splice(0).forEach((release) => release());
    }
  }
  return {
    api,
    failing,
    switched,
    capabilitiesFor,
    deleted,
    exported,
    reminded,
    drain,
    release: () => pending.shift()?.(),
    peak: () => peak,
    pending: () => pending.length,
  };
}

/** The token model with the All tokens view over it, as app-stores.ts wires them. */
function setUp(tokensOf: Record<string, TokenSummary[]>) {
  const fake = fakeApi(tokensOf);
  const toasts = createToastStore();
  const changed: string[] = [];
  const model = createTokenModel({ api: fake.api, toasts, onFailure: () => {} });
  model.getState().subscribeEvents(({ kind, accountId }) => kind === 'changed' && changed.push(accountId));
  const store = createAllTokensStore({ api: fake.api, model, toasts, onFailure: () => {} });
  return { fake, toasts, model, store, changed };
}

const many = (count: number) => Array.from({ length: count }, (_, i) => summary(String(i)));

describe('token model and All tokens: loading', () => {
  it('pages through every account with at most four requests out, rows appearing page by page', async () => {
    const accounts = Array.from({ length: 9 }, (_, i) => ({ accountId: `acc${i}`, email: `u${i}@x.org`, serverUrl: 'http://h' }));
    const { fake, store, model } = setUp(Object.fromEntries(accounts.map((a) => [a.accountId, many(5)])));
    const loading = store.getState().load(accounts);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.pending()).toBe(MAX_IN_FLIGHT);
    await fake.drain();
    await loading;
    expect(fake.peak()).toBe(MAX_IN_FLIGHT);
    expect(allRows(model.getState().accounts)).toHaveLength(45);
    expect(model.getState().accounts.every((a) => a.status === 'ready')).toBe(true);
  });

  it('a reload drops from the selection the rows that are gone and keeps the others', async () => {
    const tokens = { a1: many(3) };
    const { fake, store } = setUp(tokens);
    const load = async () => {
      const loading = store.getState().load([ADA]);
      await fake.drain();
      await loading;
    };
    await load();
    store.getState().setSelected([rowKey('a1', '0'), rowKey('a1', '2')], true);
    tokens.a1 = tokens.a1.filter((token) => token.id !== '2'); // deleted elsewhere
    await load();
    expect(Object.keys(store.getState().selected)).toEqual([rowKey('a1', '0')]);
  });

  it('shows the first page before the last arrives', async () => {
    const { fake, store, model } = setUp({ a1: many(5) });
    const loading = store.getState().load([ADA]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.pending()).toBe(1);
    fake.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.getState().accounts[0]).toMatchObject({ status: 'loading' });
    expect(allRows(model.getState().accounts).map((r) => r.token.id)).toEqual(['0', '1']);
    await fake.drain();
    await loading;
    expect(allRows(model.getState().accounts).map((r) => r.token.id)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('pages that arrive right behind the shown ones wait for their batch (one drawing, not one per page); the load ends with all shown', async () => {
    const { fake, store, model } = setUp({ a1: many(11), b2: many(1) });
    const renders: number[] = [];
    model.subscribe((s, before) => s.accounts !== before.accounts && renders.push(allRows(s.accounts).length));
    const loading = store.getState().load([ADA, BOB]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.release(); // Ada's first page: shown at once
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(allRows(model.getState().accounts).map((r) => r.key)).toEqual([rowKey('a1', '0'), rowKey('a1', '1')]);
    fake.release(); // Bob's only page, right behind: not drawn yet
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.getState().accounts[1]).toMatchObject({ status: 'loading', rows: [] });
    await new Promise((resolve) => setTimeout(resolve, PAGE_BATCH_MS + 20));
    expect(model.getState().accounts[1]).toMatchObject({ status: 'ready' });
    await fake.drain();
    await loading;
    expect(allRows(model.getState().accounts)).toHaveLength(12);
    expect(model.getState().accounts.every((a) => a.status === 'ready')).toBe(true);
    // Eight drawings page by page (the first set, Ada's six pages, Bob's one); batched: the first set,
    // Ada's first page, Bob's batch, and Ada's five other pages in at most two more.
    expect(renders.length).toBeLessThanOrEqual(5);
  });

  it('a second load of the same accounts while one is under way joins it (at launch: the reminders and All tokens)', async () => {
    const { fake, store, model } = setUp({ a1: many(5) });
    const scans = vi.spyOn(fake.api, 'scan');
    const first = store.getState().load([ADA]);
    const second = store.getState().load([ADA]);
    await fake.drain();
    await Promise.all([first, second]);
    // Five tokens, two a page: three pages, asked once each.
    expect(scans.mock.calls.map(([, offset]) => offset)).toEqual([0, 2, 4]);
    expect(allRows(model.getState().accounts)).toHaveLength(5);
    // Once it ended, a new load asks again.
    const third = store.getState().load([ADA]);
    await fake.drain();
    await third;
    expect(scans).toHaveBeenCalledTimes(6);
  });

  it('an account that fails shows its error; the other lists; Retry lists it', async () => {
    const { fake, store, model } = setUp({ a1: many(3), b2: many(2) });
    fake.failing.set('scan:a1', fail('server_unreachable', 'Cannot reach http://127.0.0.1:1.'));
    const loading = store.getState().load([ADA, BOB]);
    await fake.drain();
    await loading;
    const [ada, bob] = model.getState().accounts;
    expect(ada).toMatchObject({ status: 'error' });
    expect(read(ada!.error)).toBe('Cannot reach the server. Check that it is running and try again.');
    expect(bob).toMatchObject({ status: 'ready' });
    expect(bob!.rows).toHaveLength(2);

    fake.failing.delete('scan:a1');
    const retrying = model.getState().retry('a1');
    await fake.drain();
    await retrying;
    expect(model.getState().accounts[0]).toMatchObject({ status: 'ready', error: null });
    expect(model.getState().accounts[0]!.rows).toHaveLength(3);
  });

  it('search, filter, sort and selection survive a refresh', async () => {
    const { fake, store } = setUp({ a1: many(3) });
    let loading = store.getState().load([ADA]);
    await fake.drain();
    await loading;
    store.getState().setQuery('t1');
    store.getState().setFilter('expired');
    store.getState().sortBy('expires');
    store.getState().toggleSelected(rowKey('a1', '1'));
    loading = store.getState().load([ADA]);
    await fake.drain();
    await loading;
    expect(store.getState()).toMatchObject({ query: 't1', filter: 'expired', sort: { key: 'expires', direction: 'ascending' } });
    expect(Object.keys(store.getState().selected)).toEqual([rowKey('a1', '1')]);
  });
});

describe('token model and All tokens: bulk delete', () => {
  async function loaded() {
    const t = setUp({ a1: [summary('1'), summary('2')], b2: [summary('1'), summary('3')] });
    const loading = t.store.getState().load([ADA, BOB]);
    await t.fake.drain();
    await loading;
    return t;
  }

  it('deletes nothing before the confirmation, then every token but the failing one, and says which failed and why', async () => {
    const { fake, store, model, changed } = await loaded();
    const keys = [rowKey('a1', '1'), rowKey('b2', '1'), rowKey('b2', '3')];
    store.getState().askDelete(keys);
    await fake.drain();
    expect(fake.deleted).toEqual([]);
    expect(store.getState().bulk?.rows.map((r) => `${r.account.email} ${r.token.name}`)).toEqual([
      'ada@example.com t1',
      'bob@example.com t1',
      'bob@example.com t3',
    ]);

    fake.failing.set('delete:b2:1', fail('not_found', 'Token not found.'));
    const deleting = store.getState().confirmDelete();
    await fake.drain();
    await deleting;
    expect(fake.deleted.sort()).toEqual(['a1/1', 'b2/3']);
    const bulk = store.getState().bulk!;
    expect(bulk.phase).toBe('done');
    expect(bulk.failed.map((f) => [f.row.account.email, f.row.token.id, read(f.reason)])).toEqual([
      ['bob@example.com', '1', 'This token no longer exists. Refresh the list.'],
    ]);
    expect(allRows(model.getState().accounts).map((r) => r.key)).toEqual([rowKey('a1', '2'), rowKey('b2', '1')]);
    expect(changed.sort()).toEqual(['a1', 'b2']);
  });

  it('Cancel closes the confirmation without deleting', async () => {
    const { fake, store } = await loaded();
    store.getState().askDelete([rowKey('a1', '1')]);
    store.getState().closeDelete();
    await fake.drain();
    expect(store.getState().bulk).toBeNull();
    expect(fake.deleted).toEqual([]);
  });
});

describe('token model and All tokens: Disable selected (April 2026 servers)', () => {
  it('switches every selected token off on its server, marks the rows Disabled, and says how many', async () => {
    const account = { accountId: 'april', email: 'a@x.org', serverUrl: 'http://new' };
    const t = setUp({ april: [summary('1'), summary('2')] });
    t.fake.capabilitiesFor.april = APRIL_2026_SERVER;
    const loading = t.store.getState().load([account]);
    await t.fake.drain();
    await loading;
    t.fake.failing.set('setEnabled:april:2', fail('server_error', 'boom'));

    const disabling = t.store.getState().disableRows(allRows(t.model.getState().accounts).map((row) => row.key));
    await t.fake.drain();
    await disabling;

    expect(t.fake.switched).toEqual(['april/1=false']);
    expect(allRows(t.model.getState().accounts).map((row) => row.token.enabled)).toEqual([false, undefined]);
    expect(t.toasts.getState().toasts.map((toast) => read(toast.title))).toContain('1 token disabled.');
  });
});

describe('token model and All tokens: rotate', () => {
  async function rotated() {
    const t = setUp({ a1: [summary('1', 'CI')] });
    const loading = t.store.getState().load([ADA]);
    await t.fake.drain();
    await loading;
    const row = allRows(t.model.getState().accounts)[0]!;
    const rotating = t.store.getState().rotate(row);
    await t.fake.drain();
    await rotating;
    return t;
  }

  it('creates a token with the same name on the same account, offers it to copy, then asks', async () => {
    const { model, toasts, changed } = await rotated();
    expect(model.getState().rotation).toMatchObject({ phase: 'choose', created: { name: 'CI' } });
    expect(allRows(model.getState().accounts).map((r) => r.token.name)).toEqual(['CI', 'CI']);
    expect(toasts.getState().toasts[0]).toMatchObject({ action: { testId: 'nc-token-created-copy' } });
    expect(read(toasts.getState().toasts[0]!.title)).toBe('Token "CI" created');
    expect(changed).toEqual(['a1']);
  });

  it('revoke: deletes the old token only', async () => {
    const { fake, model } = await rotated();
    const revoking = model.getState().revokeOld();
    await fake.drain();
    await revoking;
    expect(fake.deleted).toEqual(['a1/1']);
    expect(model.getState().rotation).toBeNull();
    expect(allRows(model.getState().accounts).map((r) => r.token.id)).toEqual(['new-CI']);
  });

  it('keep: both stay', async () => {
    const { fake, model } = await rotated();
    model.getState().keepBoth();
    await fake.drain();
    expect(fake.deleted).toEqual([]);
    expect(model.getState().rotation).toBeNull();
    expect(allRows(model.getState().accounts)).toHaveLength(2);
  });
});

describe('token model and All tokens: export and reminders', () => {
  it('exports the rows given as CSV, without any token value', async () => {
    const t = setUp({ a1: [summary('1', 'CI')] });
    const loading = t.store.getState().load([ADA]);
    await t.fake.drain();
    await loading;
    const exporting = t.store.getState().exportRows(allRows(t.model.getState().accounts), Date.now(), csvWords(english.t));
    await t.fake.drain();
    await exporting;
    expect(t.fake.exported).toHaveLength(1);
    expect(t.fake.exported[0]).toContain('"ada@example.com","http://127.0.0.1:1","CI",');
    expect(t.toasts.getState().toasts.map((toast) => read(toast.title))).toEqual(['Saved the list as CSV. It holds no token values.']);
  });

  it('hands main only tokens expiring within 7 days, with the words in the app language', async () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    const t = setUp({
      a1: [
        { ...summary('past'), expiry: '2026-11-28T12:00:00Z' },
        { ...summary('soon'), expiry: '2026-12-01T12:00:00Z' },
        { ...summary('later'), expiry: '2026-12-07T12:00:01Z' },
        { ...summary('never'), expiry: null },
        summary('unknown'),
      ],
    });
    const loading = t.store.getState().load([ADA]);
    await t.fake.drain();
    await loading;
    const reminding = t.store.getState().remind(now, reminderWords(german.t));
    await t.fake.drain();
    await reminding;
    expect(t.fake.reminded).toEqual([
      {
        tokens: [{ accountId: 'a1', id: 'soon', expiresAt: Date.parse('2026-12-01T12:00:00Z') }],
        words: {
          titles: ['1 Token läuft diese Woche ab'],
          body: 'Öffnen Sie „Alle Tokens“, um sie zu rotieren oder zu sehen, welche Dienste sie verwenden.',
        },
      },
    ]);
  });
});
