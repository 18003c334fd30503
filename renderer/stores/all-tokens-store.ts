// All tokens: every token of every signed-in account, as the token model (renderer/stores/tokens/) holds
// them. This store keeps only the view's own state: search, filter, sort, selection, the Use it
// panel, bulk delete, CSV export and the expiry reminders; the rows and their actions are the model's.
import { createStore } from 'zustand/vanilla';
import { REMINDER_DAYS, type AppError, type DeleteResult, type ReminderWords, type UsageExample } from '../../preload/contract.ts';
import { DAY, rowKey, type AccountTokenRow, type SortOrder, type TokenAccount, type TokenFilter } from '../domain/all-tokens-rows.ts';
import { ACTION_WORDS } from '../domain/token-messages.ts';
import { defaultTokenName } from '../domain/token-name.ts';
import { tokensCsv, type CsvWords } from '../domain/tokens-csv.ts';
import { errorMsg, msg, type Text } from '../i18n/index.ts';
import type { TokenApi } from './tokens/token-api.ts';
import type { AccountTokens } from './tokens/account-tokens.ts';
import type { TokenModelApi } from './tokens/token-model.ts';
import { callBridge } from './call-bridge.ts';
import { isSessionGone } from './session-store.ts';
import type { ToastStoreApi } from './toast-store.ts';

export interface BulkDelete {
  rows: AccountTokenRow[];
  phase: 'confirm' | 'deleting' | 'done';
  done: number;
  deleted: Array<{ row: AccountTokenRow; revocation: DeleteResult['revocation'] }>;
  failed: Array<{ row: AccountTokenRow; reason: Text }>;
}

export interface AllTokensData {
  filter: TokenFilter;
  query: string;
  sort: SortOrder;
  /** Only these rows (a reminder's tokens), or null for every row. */
  only: string[] | null;
  /** Only this account's rows (a link from its figures on the overview), or null for every account. */
  account: string | null;
  /** By row key. Ends with the row (deleted, or its account forgotten). */
  selected: Record<string, true>;
  usageFor: string | null;
  bulk: BulkDelete | null;
}

export interface AllTokensStore extends AllTokensData {
  /** (Re)loads every account given; search, filter, sort and selection stay. */
  load: (accounts: TokenAccount[]) => Promise<void>;
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
  rotate: (row: Pick<AccountTokenRow, 'account' | 'token'>) => Promise<void>;
  /** Disables these rows' tokens on their servers (each server must offer the switch), and says how many were. */
  disableRows: (keys: string[]) => Promise<void>;
  /** Saves these rows (the ones shown) as CSV through the OS save dialog. */
  exportRows: (rows: readonly AccountTokenRow[], now: number, words: CsvWords) => Promise<void>;
  /** Hands main every token with an expiry to come, for its once-a-day reminder worded in the app's language. */
  remind: (now: number, words: (count: number) => ReminderWords) => Promise<void>;
  /** After a clicked reminder: shows only its tokens; false when none was clicked. */
  takeReminder: () => Promise<boolean>;
}

export function initialAllTokensData(): AllTokensData {
  return {
    filter: 'all',
    query: '',
    sort: { key: 'name', direction: 'ascending' },
    only: null,
    account: null,
    selected: {},
    usageFor: null,
    bulk: null,
  };
}

/** Every row of every account, in account order. */
export function allRows(accounts: readonly AccountTokens[]): AccountTokenRow[] {
  return accounts.flatMap((load) => load.rows);
}

interface Deps {
  api: Pick<TokenApi, 'exportCsv' | 'remind' | 'reminderOpened'>;
  model: TokenModelApi;
  toasts: ToastStoreApi;
  onFailure: (error: AppError) => void;
}

const without = <T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> => {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
};

export function createAllTokensStore({ api, model, toasts, onFailure }: Deps) {
  return createStore<AllTokensStore>()((set, get) => {
    const rowOf = (key: string) => allRows(model.getState().accounts).find((row) => row.key === key);
    /** Runs a row action of the token model on the row with this key (if it is still listed). */
    const onRow = async (key: string, act: (accountId: string, id: string) => Promise<unknown>) => {
      const row = rowOf(key);
      if (row) await act(row.account.accountId, row.token.id);
    };
    /** Drops the view's marks on rows that are gone. */
    const forgetRows = (gone: (key: string) => boolean) =>
      set((s) => ({
        selected: Object.fromEntries(Object.entries(s.selected).filter(([key]) => !gone(key))),
        usageFor: s.usageFor !== null && gone(s.usageFor) ? null : s.usageFor,
        only: s.only && s.only.filter((key) => !gone(key)),
      }));

    // An account forgotten (logged out, removed, its session ended): nothing of it stays selected or open.
    model.getState().subscribeEvents(({ kind, accountId }) => {
      if (kind === 'forgotten') forgetRows((key) => key.startsWith(rowKey(accountId, '')));
    });

    return {
      ...initialAllTokensData(),

      load: async (accounts) => {
        await model.getState().load(accounts);
        // A selection of rows that are gone (deleted elsewhere, account signed out) is dropped; with
        // nothing selected, 20,000 rows need not be read for it.
        if (Object.keys(get().selected).length === 0) return;
        const present = new Set(allRows(model.getState().accounts).map((row) => row.key));
        set((s) => ({ selected: Object.fromEntries(Object.keys(s.selected).flatMap((key) => (present.has(key) ? [[key, true]] : []))) }));
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

      toggleReveal: (key) => onRow(key, (accountId, id) => model.getState().toggleReveal(accountId, id)),
      copy: (key, example) => onRow(key, (accountId, id) => model.getState().copy(accountId, id, example)),
      test: (key) => onRow(key, (accountId, id) => model.getState().test(accountId, id)),

      showUsage: (key) => set({ usageFor: key }),

      askDelete: (keys) => {
        const wanted = new Set(keys);
        const rows = allRows(model.getState().accounts).filter((row) => wanted.has(row.key));
        if (rows.length > 0 && get().bulk?.phase !== 'deleting')
          set({ bulk: { rows, phase: 'confirm', done: 0, deleted: [], failed: [] } });
      },

      // Every delete runs (at most four at once, the model's bound); one failing stops none of the others.
      confirmDelete: async () => {
        const bulk = get().bulk;
        if (!bulk || bulk.phase !== 'confirm') return;
        set({ bulk: { ...bulk, phase: 'deleting' } });
        const outcomes = await Promise.all(
          bulk.rows.map(async (row) => {
            const result = await model.getState().remove(row.account.accountId, row.token.id, true);
            set((s) => ({ bulk: s.bulk && { ...s.bulk, done: s.bulk.done + 1 } }));
            return { row, result };
          }),
        );
        // An answer dropped because its account was forgotten meanwhile counts as neither.
        const deleted = outcomes.flatMap(({ row, result }) => (result?.ok ? [{ row, revocation: result.value.revocation }] : []));
        const failed = outcomes.flatMap(({ row, result }) =>
          result && !result.ok ? [{ row, reason: errorMsg(result.error, ACTION_WORDS) }] : [],
        );
        const gone = new Set(deleted.map(({ row }) => row.key));
        forgetRows((key) => gone.has(key));
        set((s) => ({ bulk: s.bulk && { ...s.bulk, phase: 'done', deleted, failed } }));
        for (const accountId of new Set(deleted.map(({ row }) => row.account.accountId))) model.getState().announce(accountId);
      },

      closeDelete: () => {
        if (get().bulk?.phase !== 'deleting') set({ bulk: null });
      },

      rotate: async (row) => {
        const { accountId } = row.account;
        const load = model.getState().accounts.find((l) => l.account.accountId === accountId);
        // An untitled token's successor gets NocoDB's default name, the same in every language.
        const name = row.token.name ?? defaultTokenName((load?.rows ?? []).map((r) => r.token.name));
        await model.getState().rotate(row, name);
      },

      disableRows: async (keys) => {
        const wanted = new Set(keys);
        const rows = allRows(model.getState().accounts).filter((row) => wanted.has(row.key) && row.token.enabled !== false);
        const results = await Promise.all(rows.map((row) => model.getState().setEnabled(row.account.accountId, row.token.id, false)));
        const count = results.filter((result) => result?.ok).length;
        if (count > 0) toasts.getState().show({ tone: 'success', title: msg('allTokens.disabledDone', { count }) });
      },

      exportRows: async (rows, now, words) => {
        const result = await callBridge(() => api.exportCsv(tokensCsv(rows, now, words)));
        if (!result.ok) {
          onFailure(result.error);
          if (!isSessionGone(result.error)) toasts.getState().show({ tone: 'error', title: errorMsg(result.error, ACTION_WORDS) });
        } else if (result.value.saved) toasts.getState().show({ tone: 'success', title: msg('allTokens.exported') });
      },

      remind: async (now, words) => {
        const tokens = allRows(model.getState().accounts).flatMap(({ account, token, facts }) => {
          const { expiresAt } = facts;
          return expiresAt !== undefined && expiresAt > now && expiresAt <= now + REMINDER_DAYS * DAY
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
