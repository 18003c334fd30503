// The All tokens view: every token of every signed-in account, loaded page by page with at most
// four requests in flight in total; search, filter, sort and selection; bulk delete and Rotate.
import { createStore } from 'zustand/vanilla';
import {
  REMINDER_DAYS,
  type AppError,
  type CopyResult,
  type ExpiringToken,
  type DeleteResult,
  type ReminderWords,
  type Result,
  type ServerCapabilities,
  type TokenExpiryChoice,
  type TokenScanPage,
  type TokenSummary,
  type TokenTestResult,
  type UsageExample,
} from '../../preload/contract.ts';
import {
  DAY,
  rowKey,
  toRows,
  type AccountTokenRow,
  type SortOrder,
  type TokenAccount,
  type TokenFilter,
} from '../features/all-tokens/all-tokens-rows.ts';
import { tokensCsv, type CsvWords } from '../features/all-tokens/tokens-csv.ts';
import { parseServerTime } from '../features/tokens/token-time.ts';
import { createLimiter } from '../features/all-tokens/limiter.ts';
import { showCreatedNotice, tokenSubject } from '../features/tokens/created-notice.ts';
import { rotationExpiry } from '../features/tokens/token-expiry-choice.ts';
import { defaultTokenName } from '../features/tokens/token-name.ts';
import { ACTION_WORDS, clipboardClearNote, CREATE_WORDS, LIST_WORDS, REVOCATION_TEXT } from '../features/tokens/token-messages.ts';
import { errorMsg, msg, type Text } from '../i18n/index.ts';
import { callBridge } from './call-bridge.ts';
import { isSessionGone } from './session-store.ts';
import type { ToastStoreApi } from './toast-store.ts';

/** At most this many token requests are out at once, over every account (the bound). */
export const MAX_IN_FLIGHT = 4;
/**
 * Pages that arrive within this long of the last shown ones are shown together: with 20 accounts
 * answering at once, drawing the table once per page kept the window too busy to ask for the next.
 */
const PAGE_BATCH_MS = 100;
const WARNING_TOAST_MS = 8_000;

/** The calls the view makes; every one names its account. */
export interface AllTokensApi {
  scan(accountId: string, offset: number): Promise<Result<TokenScanPage>>;
  create(accountId: string, name: string, expiry?: TokenExpiryChoice): Promise<Result<TokenSummary>>;
  setEnabled(accountId: string, id: string, enabled: boolean): Promise<Result<{ enabled: boolean }>>;
  delete(accountId: string, id: string): Promise<Result<DeleteResult>>;
  reveal(accountId: string, id: string): Promise<Result<string>>;
  copy(accountId: string, id: string, example?: UsageExample): Promise<Result<CopyResult>>;
  test(accountId: string, id: string): Promise<Result<TokenTestResult>>;
  exportCsv(text: string): Promise<Result<{ saved: boolean }>>;
  remind(tokens: ExpiringToken[], words: ReminderWords): Promise<Result<{ notified: number }>>;
  reminderOpened(): Promise<Result<Array<{ accountId: string; id: string }> | null>>;
}

export interface AccountLoad {
  account: TokenAccount;
  status: 'loading' | 'ready' | 'error';
  error: Text | null;
  rows: AccountTokenRow[];
  /** What the account's server can do, from its last page (null until one arrived). */
  capabilities?: ServerCapabilities | null;
}

export interface BulkDelete {
  rows: AccountTokenRow[];
  phase: 'confirm' | 'deleting' | 'done';
  done: number;
  deleted: Array<{ row: AccountTokenRow; revocation: DeleteResult['revocation'] }>;
  failed: Array<{ row: AccountTokenRow; reason: Text }>;
}

export interface Rotation {
  row: AccountTokenRow;
  phase: 'creating' | 'choose' | 'revoking';
  created: TokenSummary | null;
  error: Text | null;
}

type RowAction = 'reveal' | 'copy' | 'test';

export interface AllTokensData {
  /** In the user's account order. */
  accounts: AccountLoad[];
  filter: TokenFilter;
  query: string;
  sort: SortOrder;
  /** Only these rows (a reminder's tokens), or null for every row. */
  only: string[] | null;
  /** Only this account's rows (a link from its figures on the overview), or null for every account. */
  account: string | null;
  selected: Record<string, true>;
  busy: Record<string, RowAction>;
  revealed: Record<string, string>;
  tested: Record<string, TokenTestResult>;
  usageFor: string | null;
  bulk: BulkDelete | null;
  rotation: Rotation | null;
}

export interface AllTokensStore extends AllTokensData {
  /** (Re)loads every account given; search, filter, sort and selection stay. */
  load: (accounts: TokenAccount[]) => Promise<void>;
  retry: (accountId: string) => Promise<void>;
  setFilter: (filter: TokenFilter) => void;
  setQuery: (query: string) => void;
  sortBy: (key: SortOrder['key']) => void;
  showOnly: (keys: string[] | null) => void;
  /** One account's rows with this filter (its figures on the overview); null: every account again. */
  showAccount: (accountId: string | null, filter?: TokenFilter) => void;
  toggleSelected: (key: string) => void;
  setSelected: (keys: string[], selected: boolean) => void;
  toggleReveal: (key: string) => Promise<void>;
  copy: (key: string, example?: UsageExample) => Promise<void>;
  test: (key: string) => Promise<void>;
  showUsage: (key: string | null) => void;
  /** Opens the one confirmation for these rows (the selection, or one row's Delete); deletes nothing yet. */
  askDelete: (keys: string[]) => void;
  confirmDelete: () => Promise<void>;
  closeDelete: () => void;
  rotate: (row: AccountTokenRow) => Promise<void>;
  /** Disables these rows' tokens on their servers (each server must offer the switch); answers how many were disabled. */
  disableRows: (keys: string[]) => Promise<void>;
  revokeOld: () => Promise<void>;
  keepBoth: () => void;
  /** Saves these rows (the ones shown) as CSV through the OS save dialog. */
  exportRows: (rows: readonly AccountTokenRow[], now: number, words: CsvWords) => Promise<void>;
  /** Hands main every token with an expiry to come, for its once-a-day reminder worded in the app's language. */
  remind: (now: number, words: (count: number) => ReminderWords) => Promise<void>;
  /** After a clicked reminder: shows only its tokens; false when none was clicked. */
  takeReminder: () => Promise<boolean>;
}

export function initialAllTokensData(): AllTokensData {
  return {
    accounts: [],
    filter: 'all',
    query: '',
    sort: { key: 'name', direction: 'ascending' },
    only: null,
    account: null,
    selected: {},
    busy: {},
    revealed: {},
    tested: {},
    usageFor: null,
    bulk: null,
    rotation: null,
  };
}

/** Every row of every account, in account order. */
export function allRows(accounts: readonly AccountLoad[]): AccountTokenRow[] {
  return accounts.flatMap((load) => load.rows);
}

interface Deps {
  api: AllTokensApi;
  toasts: ToastStoreApi;
  onFailure: (error: AppError) => void;
  /** An account's tokens changed here (rotate, delete): its Tokens tab refreshes if it is on screen. */
  onChanged: (accountId: string) => void;
}

const without = <T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> => {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
};

export function createAllTokensStore({ api, toasts, onFailure, onChanged }: Deps) {
  const limit = createLimiter(MAX_IN_FLIGHT);
  /** Bumped per account on every (re)load: pages of an older load are dropped on arrival. */
  const generation = new Map<string, number>();
  /** The load under way and the accounts it covers (see `load`). */
  let running: { ids: string; done: Promise<void> } | null = null;
  /** Arrived pages not shown yet, by account (see PAGE_BATCH_MS). */
  const arrived = new Map<string, Pick<AccountLoad, 'status' | 'error' | 'rows' | 'capabilities'>>();
  let batchTimer: ReturnType<typeof setTimeout> | null = null;
  let shownAt = -Infinity;

  return createStore<AllTokensStore>()((set, get) => {
    const call = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
      const result = await limit(() => callBridge(run));
      if (!result.ok) onFailure(result.error);
      return result;
    };
    const toastError = (error: AppError) => {
      if (!isSessionGone(error)) toasts.getState().show({ tone: 'error', title: errorMsg(error, ACTION_WORDS) });
    };
    const updateAccount = (accountId: string, change: (load: AccountLoad) => AccountLoad) =>
      set((s) => ({ accounts: s.accounts.map((load) => (load.account.accountId === accountId ? change(load) : load)) }));
    const showArrived = () => {
      if (batchTimer !== null) clearTimeout(batchTimer);
      batchTimer = null;
      if (arrived.size === 0) return;
      shownAt = performance.now();
      const changes = new Map(arrived);
      arrived.clear();
      set((s) => ({
        accounts: s.accounts.map((load) => {
          const change = changes.get(load.account.accountId);
          return change ? { ...load, ...change } : load;
        }),
      }));
    };
    /** The first page shows at once; pages right behind it wait for the rest of their batch. */
    const pageArrived = (accountId: string, change: Pick<AccountLoad, 'status' | 'error' | 'rows' | 'capabilities'>) => {
      arrived.set(accountId, change);
      const wait = shownAt + PAGE_BATCH_MS - performance.now();
      if (wait <= 0) showArrived();
      else batchTimer ??= setTimeout(showArrived, wait);
    };
    const rowOf = (key: string) => allRows(get().accounts).find((row) => row.key === key);
    const rowsOf = (accountId: string) => get().accounts.find((load) => load.account.accountId === accountId)?.rows ?? [];
    const setBusy = (key: string, what: RowAction | null) =>
      set((s) => ({ busy: what ? { ...s.busy, [key]: what } : without(s.busy, [key]) }));
    const removeRows = (keys: string[]) => {
      const gone = new Set(keys);
      set((s) => ({
        accounts: s.accounts.map((load) => ({ ...load, rows: load.rows.filter((row) => !gone.has(row.key)) })),
        selected: without(s.selected, keys),
        revealed: without(s.revealed, keys),
        tested: without(s.tested, keys),
        usageFor: s.usageFor !== null && gone.has(s.usageFor) ? null : s.usageFor,
      }));
      for (const key of keys) toasts.getState().dismissAbout(tokenSubject(key));
    };

    // By row, not key: a token rotated from an account's Tokens tab may not be among the loaded rows.
    async function copyRow(row: AccountTokenRow, example?: UsageExample): Promise<void> {
      if (get().busy[row.key]) return;
      setBusy(row.key, 'copy');
      const result = await call(() => api.copy(row.account.accountId, row.token.id, example));
      setBusy(row.key, null);
      if (result.ok)
        toasts
          .getState()
          .show({ tone: 'info', title: msg('tokens.copied'), description: clipboardClearNote(result.value.clearAfterSeconds) });
      else toastError(result.error);
    }

    /** Pages through one account; its rows appear as each page arrives. */
    async function loadAccount(account: TokenAccount): Promise<void> {
      const mine = (generation.get(account.accountId) ?? 0) + 1;
      generation.set(account.accountId, mine);
      const current = () => generation.get(account.accountId) === mine;
      let offset: number | null = 0;
      const rows: AccountTokenRow[] = [];
      while (offset !== null) {
        const from: number = offset;
        const result = await call(() => api.scan(account.accountId, from));
        if (!current()) return;
        if (!result.ok) {
          // The error row stands for the account: rows that can no longer be acted on are not kept.
          pageArrived(account.accountId, { status: 'error', error: errorMsg(result.error, LIST_WORDS), rows: [] });
          return;
        }
        rows.push(...toRows(account, result.value.tokens));
        offset = result.value.next;
        const status = offset === null ? 'ready' : 'loading';
        // The first page replaces what an earlier load showed; later pages add to it.
        pageArrived(account.accountId, { status, error: null, rows: [...rows], capabilities: result.value.capabilities });
      }
    }

    /** Every account in parallel (pages bounded by the limiter); then drops a selection of rows that are gone. */
    async function loadAll(accounts: TokenAccount[]): Promise<void> {
      showArrived();
      set((s) => ({
        accounts: accounts.map((account) => {
          const before = s.accounts.find((load) => load.account.accountId === account.accountId);
          return { account, status: 'loading', error: null, rows: before?.rows ?? [] };
        }),
      }));
      await Promise.all(accounts.map(loadAccount));
      showArrived();
      // A selection of rows that are gone (deleted elsewhere, account signed out) is dropped.
      const present = new Set(allRows(get().accounts).map((row) => row.key));
      set((s) => ({
        selected: Object.fromEntries(
          Object.keys(s.selected)
            .filter((key) => present.has(key))
            .map((key) => [key, true]),
        ),
      }));
    }

    return {
      ...initialAllTokensData(),

      load: (accounts) => {
        // At launch the reminders and an opened All tokens both ask for every account at once: the
        // second joins the first instead of starting over and throwing its pages away.
        const ids = accounts.map((account) => account.accountId).join('\n');
        if (running?.ids === ids) return running.done;
        const done = loadAll(accounts);
        running = { ids, done };
        const settle = () => {
          if (running?.done === done) running = null;
        };
        void done.then(settle, settle);
        return done;
      },

      retry: async (accountId) => {
        const load = get().accounts.find((l) => l.account.accountId === accountId);
        if (!load) return;
        showArrived();
        updateAccount(accountId, (l) => ({ ...l, status: 'loading', error: null }));
        await loadAccount(load.account);
        showArrived();
      },

      setFilter: (filter) => set({ filter, only: null }),
      setQuery: (query) => set({ query }),
      sortBy: (key) =>
        set(({ sort }) => ({
          sort: { key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' },
        })),
      showOnly: (keys) => set({ only: keys, filter: 'all', account: null }),
      showAccount: (account, filter) =>
        set((s) => ({ account, filter: filter ?? s.filter, only: null, query: account === null ? s.query : '' })),

      toggleSelected: (key) => set((s) => ({ selected: s.selected[key] ? without(s.selected, [key]) : { ...s.selected, [key]: true } })),
      setSelected: (keys, selected) =>
        set((s) => ({
          selected: selected ? { ...s.selected, ...Object.fromEntries(keys.map((k) => [k, true])) } : without(s.selected, keys),
        })),

      toggleReveal: async (key) => {
        const row = rowOf(key);
        if (!row || get().busy[key]) return;
        if (get().revealed[key] !== undefined) {
          set((s) => ({ revealed: without(s.revealed, [key]) }));
          return;
        }
        setBusy(key, 'reveal');
        const result = await call(() => api.reveal(row.account.accountId, row.token.id));
        setBusy(key, null);
        if (result.ok) set((s) => ({ revealed: { ...s.revealed, [key]: result.value } }));
        else toastError(result.error);
      },

      copy: async (key, example) => {
        const row = rowOf(key);
        if (row) await copyRow(row, example);
      },

      test: async (key) => {
        const row = rowOf(key);
        if (!row || get().busy[key]) return;
        setBusy(key, 'test');
        const result = await call(() => api.test(row.account.accountId, row.token.id));
        setBusy(key, null);
        if (result.ok) set((s) => ({ tested: { ...s.tested, [key]: result.value } }));
        else toastError(result.error);
      },

      showUsage: (key) => set({ usageFor: key }),

      askDelete: (keys) => {
        const wanted = new Set(keys);
        const rows = allRows(get().accounts).filter((row) => wanted.has(row.key));
        if (rows.length > 0 && get().bulk?.phase !== 'deleting')
          set({ bulk: { rows, phase: 'confirm', done: 0, deleted: [], failed: [] } });
      },

      // Every delete runs (at most four at once); one failing stops none of the others.
      confirmDelete: async () => {
        const bulk = get().bulk;
        if (!bulk || bulk.phase !== 'confirm') return;
        set({ bulk: { ...bulk, phase: 'deleting' } });
        const outcomes = await Promise.all(
          bulk.rows.map(async (row) => {
            const result = await call(() => api.delete(row.account.accountId, row.token.id));
            set((s) => ({ bulk: s.bulk && { ...s.bulk, done: s.bulk.done + 1 } }));
            return { row, result };
          }),
        );
        const deleted = outcomes.flatMap(({ row, result }) => (result.ok ? [{ row, revocation: result.value.revocation }] : []));
        const failed = outcomes.flatMap(({ row, result }) => (result.ok ? [] : [{ row, reason: errorMsg(result.error, ACTION_WORDS) }]));
        removeRows(deleted.map(({ row }) => row.key));
        set((s) => ({ bulk: s.bulk && { ...s.bulk, phase: 'done', deleted, failed } }));
        for (const accountId of new Set(deleted.map(({ row }) => row.account.accountId))) onChanged(accountId);
      },

      closeDelete: () => {
        if (get().bulk?.phase !== 'deleting') set({ bulk: null });
      },

      rotate: async (row) => {
        if (get().rotation) return;
        // An untitled token's successor gets NocoDB's default name, the same in every language.
        const name = row.token.name ?? defaultTokenName(rowsOf(row.account.accountId).map((r) => r.token.name));
        set({ rotation: { row, phase: 'creating', created: null, error: null } });
        // The successor keeps the old token's expiry choice: as many days as it was given.
        const can = get().accounts.find((load) => load.account.accountId === row.account.accountId)?.capabilities;
        const expiry = can ? rotationExpiry(row.token, can) : undefined;
        const result = await call(() => api.create(row.account.accountId, name, expiry));
        if (!result.ok) {
          set({ rotation: null });
          toasts.getState().show({ tone: 'error', title: errorMsg(result.error, CREATE_WORDS) });
          return;
        }
        const created = result.value;
        const [newRow] = toRows(row.account, [created]);
        updateAccount(row.account.accountId, (load) => ({ ...load, rows: [newRow!, ...load.rows] }));
        set({ rotation: { row, phase: 'choose', created, error: null } });
        showCreatedNotice(toasts, created, () => void copyRow(newRow!), tokenSubject(newRow!.key));
        onChanged(row.account.accountId);
      },

      disableRows: async (keys) => {
        const wanted = new Set(keys);
        const rows = allRows(get().accounts).filter((row) => wanted.has(row.key) && row.token.enabled !== false);
        const outcomes = await Promise.all(
          rows.map(async (row) => ({ row, result: await call(() => api.setEnabled(row.account.accountId, row.token.id, false)) })),
        );
        const off = new Map(outcomes.flatMap(({ row, result }) => (result.ok ? [[row.key, result.value.enabled] as const] : [])));
        set((s) => ({
          accounts: s.accounts.map((load) => ({
            ...load,
            rows: load.rows.map((row) => (off.has(row.key) ? { ...row, token: { ...row.token, enabled: off.get(row.key)! } } : row)),
          })),
        }));
        const failed = outcomes.find(({ result }) => !result.ok)?.result;
        if (failed && !failed.ok) toastError(failed.error);
        if (off.size > 0) toasts.getState().show({ tone: 'success', title: msg('allTokens.disabledDone', { count: off.size }) });
        for (const accountId of new Set(outcomes.map(({ row }) => row.account.accountId))) onChanged(accountId);
      },

      revokeOld: async () => {
        const rotation = get().rotation;
        if (!rotation || rotation.phase !== 'choose') return;
        set({ rotation: { ...rotation, phase: 'revoking', error: null } });
        const { row } = rotation;
        const result = await call(() => api.delete(row.account.accountId, row.token.id));
        if (!result.ok) {
          set({ rotation: { ...rotation, phase: 'choose', error: errorMsg(result.error, ACTION_WORDS) } });
          return;
        }
        removeRows([row.key]);
        set({ rotation: null });
        const outcome = REVOCATION_TEXT[result.value.revocation] ?? REVOCATION_TEXT.unknown;
        toasts.getState().show({ ...outcome, duration: outcome.tone === 'warning' ? WARNING_TOAST_MS : undefined });
        onChanged(row.account.accountId);
      },

      keepBoth: () => {
        if (get().rotation?.phase === 'choose') set({ rotation: null });
      },

      exportRows: async (rows, now, words) => {
        const result = await callBridge(() => api.exportCsv(tokensCsv(rows, now, words)));
        if (!result.ok) toastError(result.error);
        else if (result.value.saved) toasts.getState().show({ tone: 'success', title: msg('allTokens.exported') });
      },

      remind: async (now, words) => {
        const tokens = allRows(get().accounts).flatMap(({ account, token }) => {
          const expiresAt = token.expiry ? parseServerTime(token.expiry) : null;
          return expiresAt !== null && expiresAt > now && expiresAt <= now + REMINDER_DAYS * DAY
            ? [{ accountId: account.accountId, id: token.id, expiresAt }]
            : [];
        });
        if (tokens.length > 0) await callBridge(() => api.remind(tokens, words(tokens.length)));
      },

      takeReminder: async () => {
        const result = await callBridge(() => api.reminderOpened());
        if (!result.ok || result.value === null) return false;
        get().showOnly(result.value.map(({ accountId, id }) => rowKey(accountId, id)));
        return true;
      },
    };
  });
}

export type AllTokensStoreApi = ReturnType<typeof createAllTokensStore>;
