// One token model per account, for every screen that shows tokens (the Tokens tab, All tokens, the
// overview's figures, the expiry reminders): per account id its rows and load state, what its server
// can do, the values revealed, the Test results and the busy marks — and the row actions, written
// once. Each piece says what ends it; all of an account's end with it (`forgetAccount`, driven by the
// session: see account-lifecycle.ts), and a revealed value sooner (REVEAL_MS, a hidden window, its
// row leaving the screen).
import { createStore } from 'zustand/vanilla';
import type {
  AppError,
  DeleteResult,
  Result,
  ServerCapabilities,
  TokenExpiryChoice,
  TokenSummary,
  TokenTestResult,
  UsageExample,
} from '../../preload/contract.ts';
import { rowKey, toRows, type AccountTokenRow, type TokenAccount } from '../domain/all-tokens-rows.ts';
import { createLimiter } from '../domain/limiter.ts';
import { rotationExpiry } from '../domain/token-expiry-choice.ts';
import { ACTION_WORDS, clipboardClearNote, CREATE_WORDS, LIST_WORDS, REVOCATION_TEXT } from '../domain/token-messages.ts';
import { errorMsg, msg, type Text } from '../i18n/index.ts';
import { callBridge } from '../stores/call-bridge.ts';
import { isSessionGone } from '../stores/session-store.ts';
import type { ToastStoreApi } from '../stores/toast-store.ts';
import { showCreatedNotice, tokenSubject } from './created-notice.ts';
import type { TokenApi } from './token-api.ts';
import { loadAccountPages, type LoadStep } from './token-loads.ts';
import { createPageBatcher } from './page-batcher.ts';

/** At most this many token requests are out at once, over every account. */
export const MAX_IN_FLIGHT = 4;
/** A revealed value is masked again after this long: the window holds a secret no longer than it is read. */
export const REVEAL_MS = 60_000;

export type RowAction = 'reveal' | 'copy' | 'test' | 'switch';

/** What the screens show on an account's tokens, each keyed by token id. */
export interface TokenMarks {
  /** Ends after REVEAL_MS, when the window is hidden, when its row leaves the screen, with the token, with the account. */
  revealed: Record<string, string>;
  /** Ends with the token and with the account. */
  tested: Record<string, TokenTestResult>;
  /** Ends when the answer arrives, or with the account (its answer is then dropped). */
  busy: Record<string, RowAction>;
}

/** Every token of one account (All tokens, the overview's figures, the reminders). Ends with the account. */
export interface AccountTokens {
  account: TokenAccount;
  status: 'loading' | 'ready' | 'error';
  error: Text | null;
  /** The load stopped at a bound (see token-loads.ts): the server sent more than expected; `rows` are what came first. */
  truncated: boolean;
  rows: AccountTokenRow[];
}

/** Rotate: a successor is created, then the user revokes the old token or keeps both. Ends with its account. */
export interface Rotation {
  row: Pick<AccountTokenRow, 'account' | 'token'>;
  phase: 'creating' | 'choose' | 'revoking';
  created: TokenSummary | null;
  error: Text | null;
}

export interface TokenModelData {
  /** The accounts whose every token was asked for, in the user's order. */
  accounts: AccountTokens[];
  /** By account id: from its account entry and from its latest page. Ends with the account. */
  capabilities: Record<string, ServerCapabilities>;
  /** By account id. */
  marks: Record<string, TokenMarks>;
  rotation: Rotation | null;
}

/** What a screen hears from the model: an account's tokens changed (a create or delete), or the account was forgotten. */
export type ModelEvent = { kind: 'changed' | 'forgotten'; accountId: string };

export interface TokenModel extends TokenModelData {
  /** (Re)loads every token of these accounts (joining a load of the same accounts under way). */
  load: (accounts: TokenAccount[]) => Promise<void>;
  retry: (accountId: string) => Promise<void>;
  learnCapabilities: (accountId: string, capabilities: ServerCapabilities) => void;
  toggleReveal: (accountId: string, id: string) => Promise<void>;
  /**
   * A row of this token is on screen until the answered function is called; when its last row
   * leaves, its value is masked. A value revealed for a token with no row on screen is dropped.
   */
  watch: (accountId: string, id: string) => () => void;
  /** Masks every value (the window was hidden). */
  hideAll: () => void;
  /** Copies the token, or (with `example`) a ready-to-run example holding it; either way through main. */
  copy: (accountId: string, id: string, example?: UsageExample) => Promise<void>;
  test: (accountId: string, id: string) => Promise<void>;
  /** Creates a token (with an expiry where the server has expiry at creation) and offers to copy it; the caller words a failure. */
  create: (accountId: string, name: string, expiry?: TokenExpiryChoice) => Promise<Result<TokenSummary> | null>;
  /** Disables or enables a token on its server (where it can); every screen then shows the state the server kept. */
  setEnabled: (accountId: string, id: string, enabled: boolean) => Promise<Result<{ enabled: boolean }> | null>;
  /**
   * Deletes a token; on success it is gone from every screen, and a toast says what the server did
   * with it. `bulk`: one of many, whose outcomes the caller shows; it then announces the change.
   */
  remove: (accountId: string, id: string, bulk?: boolean) => Promise<Result<DeleteResult> | null>;
  /** Tells every screen that the account's tokens changed. */
  announce: (accountId: string) => void;
  rotate: (row: Rotation['row'], name: string) => Promise<void>;
  revokeOld: () => Promise<void>;
  keepBoth: () => void;
  /** Drops everything of the account, on every screen; answers still on their way for it are ignored. */
  forgetAccount: (accountId: string) => void;
  subscribeEvents: (listener: (event: ModelEvent) => void) => () => void;
}

export function initialTokenModelData(): TokenModelData {
  return { accounts: [], capabilities: {}, marks: {}, rotation: null };
}

const NO_MARKS: TokenMarks = { revealed: {}, tested: {}, busy: {} };

const without = <T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> => {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
};

interface Deps {
  api: TokenApi;
  toasts: ToastStoreApi;
  /** Lets the session store react to `session_expired` from any call. */
  onFailure: (error: AppError) => void;
  now?: () => number;
}

export function createTokenModel({ api, toasts, onFailure, now = () => performance.now() }: Deps) {
  const limit = createLimiter(MAX_IN_FLIGHT);
  /** Per account, bumped by each (re)load and by forgetAccount: answers of an older one are dropped. */
  const generation = new Map<string, number>();
  /** Per account, bumped by forgetAccount only: answers to row actions of a forgotten account are dropped. */
  const lives = new Map<string, number>();
  const revealTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How many rows on screen show each token (by row key). */
  const onScreen = new Map<string, number>();
  const listeners = new Set<(event: ModelEvent) => void>();
  let running: { ids: string; done: Promise<void> } | null = null;

  return createStore<TokenModel>()((set, get) => {
    const emit = (event: ModelEvent) => listeners.forEach((listener) => listener(event));
    /** Calls the bridge for an account; null when the account was forgotten meanwhile. */
    const call = async <T>(accountId: string, run: () => Promise<Result<T>>): Promise<Result<T> | null> => {
      const life = lives.get(accountId) ?? 0;
      const result = await limit(() => callBridge(run));
      if ((lives.get(accountId) ?? 0) !== life) return null;
      if (!result.ok) onFailure(result.error);
      return result;
    };
    const toastError = (error: AppError) => {
      if (!isSessionGone(error)) toasts.getState().show({ tone: 'error', title: errorMsg(error, ACTION_WORDS) });
    };
    const mark = (accountId: string, change: (marks: TokenMarks) => Partial<TokenMarks>) =>
      set((s) => {
        const marks = s.marks[accountId] ?? NO_MARKS;
        return { marks: { ...s.marks, [accountId]: { ...marks, ...change(marks) } } };
      });
    const setBusy = (accountId: string, id: string, what: RowAction | null) =>
      mark(accountId, ({ busy }) => ({ busy: what ? { ...busy, [id]: what } : without(busy, [id]) }));
    const timerKey = rowKey;
    const stopTimer = (accountId: string, id: string) => {
      clearTimeout(revealTimers.get(timerKey(accountId, id)));
      revealTimers.delete(timerKey(accountId, id));
    };
    const hide = (accountId: string, id: string) => {
      stopTimer(accountId, id);
      if (get().marks[accountId]?.revealed[id] !== undefined) mark(accountId, ({ revealed }) => ({ revealed: without(revealed, [id]) }));
    };
    const updateAccount = (accountId: string, change: (load: AccountTokens) => AccountTokens) =>
      set((s) => ({ accounts: s.accounts.map((load) => (load.account.accountId === accountId ? change(load) : load)) }));
    const batcher = createPageBatcher<Partial<AccountTokens>>(now, (changes) =>
      set((s) => ({
        accounts: s.accounts.map((load) => {
          const change = changes.get(load.account.accountId);
          return change ? { ...load, ...change } : load;
        }),
      })),
    );

    async function loadAccount(account: TokenAccount): Promise<void> {
      const { accountId } = account;
      const mine = (generation.get(accountId) ?? 0) + 1;
      generation.set(accountId, mine);
      await loadAccountPages(account, {
        scan: async (offset) =>
          (await call(accountId, () => api.scan(accountId, offset))) ?? { ok: false, error: { code: 'internal', message: 'forgotten' } },
        current: () => generation.get(accountId) === mine,
        now,
        step: (step: LoadStep) => {
          if (step.kind === 'failed') {
            // The error row stands for the account: rows that can no longer be acted on are not kept.
            batcher.add(accountId, { status: 'error', error: errorMsg(step.result.error, LIST_WORDS), rows: [], truncated: false });
            return;
          }
          get().learnCapabilities(accountId, step.capabilities);
          const status = step.done ? 'ready' : 'loading';
          batcher.add(accountId, { status, error: null, rows: step.rows, truncated: step.truncated });
        },
      });
    }

    async function loadAll(accounts: TokenAccount[]): Promise<void> {
      batcher.flush();
      set((s) => ({
        accounts: accounts.map((account) => {
          const before = s.accounts.find((load) => load.account.accountId === account.accountId);
          return { account, status: 'loading', error: null, truncated: false, rows: before?.rows ?? [] };
        }),
      }));
      await Promise.all(accounts.map(loadAccount));
      batcher.flush();
    }

    /** A token that is gone (deleted here or elsewhere): out of every screen. */
    const dropToken = (accountId: string, id: string) => {
      stopTimer(accountId, id);
      const key = rowKey(accountId, id);
      updateAccount(accountId, (load) => ({ ...load, rows: load.rows.filter((row) => row.key !== key) }));
      if (get().marks[accountId])
        mark(accountId, (m) => ({ revealed: without(m.revealed, [id]), tested: without(m.tested, [id]), busy: without(m.busy, [id]) }));
      // An offer to copy a token that no longer exists would only fail.
      toasts.getState().dismissAbout(tokenSubject(accountId, id));
    };

    return {
      ...initialTokenModelData(),

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
        batcher.flush();
        updateAccount(accountId, (l) => ({ ...l, status: 'loading', error: null }));
        await loadAccount(load.account);
        batcher.flush();
      },

      learnCapabilities: (accountId, capabilities) => {
        const before = get().capabilities[accountId];
        if (before && Object.entries(capabilities).every(([key, value]) => before[key as keyof ServerCapabilities] === value)) return;
        set((s) => ({ capabilities: { ...s.capabilities, [accountId]: capabilities } }));
      },

      toggleReveal: async (accountId, id) => {
        const marks = get().marks[accountId] ?? NO_MARKS;
        if (marks.busy[id]) return;
        if (marks.revealed[id] !== undefined) return hide(accountId, id);
        setBusy(accountId, id, 'reveal');
        const result = await call(accountId, () => api.reveal(accountId, id));
        if (!result) return;
        setBusy(accountId, id, null);
        if (!result.ok) return toastError(result.error);
        // Its row left the screen (another page, another account, another view) while main answered.
        if (!onScreen.has(rowKey(accountId, id))) return;
        mark(accountId, ({ revealed }) => ({ revealed: { ...revealed, [id]: result.value } }));
        revealTimers.set(
          timerKey(accountId, id),
          setTimeout(() => hide(accountId, id), REVEAL_MS),
        );
      },

      watch: (accountId, id) => {
        const key = rowKey(accountId, id);
        onScreen.set(key, (onScreen.get(key) ?? 0) + 1);
        return () => {
          const left = (onScreen.get(key) ?? 1) - 1;
          if (left > 0) return void onScreen.set(key, left);
          onScreen.delete(key);
          hide(accountId, id);
        };
      },

      hideAll: () => {
        for (const timer of revealTimers.values()) clearTimeout(timer);
        revealTimers.clear();
        set((s) => ({
          marks: Object.fromEntries(Object.entries(s.marks).map(([accountId, marks]) => [accountId, { ...marks, revealed: {} }])),
        }));
      },

      copy: async (accountId, id, example) => {
        if (get().marks[accountId]?.busy[id]) return;
        setBusy(accountId, id, 'copy');
        const result = await call(accountId, () => api.copy(accountId, id, example));
        if (!result) return;
        setBusy(accountId, id, null);
        if (!result.ok) return toastError(result.error);
        toasts
          .getState()
          .show({ tone: 'info', title: msg('tokens.copied'), description: clipboardClearNote(result.value.clearAfterSeconds) });
      },

      test: async (accountId, id) => {
        if (get().marks[accountId]?.busy[id]) return;
        setBusy(accountId, id, 'test');
        const result = await call(accountId, () => api.test(accountId, id));
        if (!result) return;
        setBusy(accountId, id, null);
        if (result.ok) mark(accountId, ({ tested }) => ({ tested: { ...tested, [id]: result.value } }));
        else toastError(result.error);
      },

      create: async (accountId, name, expiry) => {
        const result = await call(accountId, () => api.create(accountId, name, expiry));
        if (!result?.ok) return result;
        const token = result.value;
        const capabilities = get().capabilities[accountId];
        const load = get().accounts.find((l) => l.account.accountId === accountId);
        if (load && capabilities)
          updateAccount(accountId, (l) => ({ ...l, rows: [...toRows(l.account, [token], capabilities), ...l.rows] }));
        showCreatedNotice(toasts, token, () => void get().copy(accountId, token.id), tokenSubject(accountId, token.id));
        emit({ kind: 'changed', accountId });
        return result;
      },

      remove: async (accountId, id, bulk = false) => {
        const result = await call(accountId, () => api.delete(accountId, id));
        if (!result?.ok) return result;
        dropToken(accountId, id);
        if (bulk) return result;
        emit({ kind: 'changed', accountId });
        showRevocation(toasts, result.value);
        return result;
      },

      setEnabled: async (accountId, id, enabled) => {
        if (get().marks[accountId]?.busy[id]) return null;
        setBusy(accountId, id, 'switch');
        const result = await call(accountId, () => api.setEnabled(accountId, id, enabled));
        if (!result) return null;
        setBusy(accountId, id, null);
        if (!result.ok) return (toastError(result.error), result);
        const kept = result.value.enabled;
        const key = rowKey(accountId, id);
        updateAccount(accountId, (load) => ({
          ...load,
          rows: load.rows.map((row) => (row.key === key ? { ...row, token: { ...row.token, enabled: kept } } : row)),
        }));
        // A Test result from before the switch no longer says what the server does with the token.
        mark(accountId, ({ tested }) => ({ tested: without(tested, [id]) }));
        emit({ kind: 'changed', accountId });
        return result;
      },

      announce: (accountId) => emit({ kind: 'changed', accountId }),

      rotate: async (row, name) => {
        if (get().rotation) return;
        const { accountId } = row.account;
        set({ rotation: { row, phase: 'creating', created: null, error: null } });
        // The successor keeps the old token's expiry choice: as many days as it was given.
        const capabilities = get().capabilities[accountId];
        const result = await get().create(accountId, name, capabilities && rotationExpiry(row.token, capabilities));
        if (!result) return;
        if (!result.ok) {
          set({ rotation: null });
          toasts.getState().show({ tone: 'error', title: errorMsg(result.error, CREATE_WORDS) });
          return;
        }
        set({ rotation: { row, phase: 'choose', created: result.value, error: null } });
      },

      revokeOld: async () => {
        const rotation = get().rotation;
        if (!rotation || rotation.phase !== 'choose') return;
        set({ rotation: { ...rotation, phase: 'revoking', error: null } });
        const { account, token } = rotation.row;
        const result = await get().remove(account.accountId, token.id);
        if (!result) return;
        if (!result.ok) {
          set({ rotation: { ...rotation, phase: 'choose', error: errorMsg(result.error, ACTION_WORDS) } });
          return;
        }
        set({ rotation: null });
      },

      keepBoth: () => {
        if (get().rotation?.phase === 'choose') set({ rotation: null });
      },

      forgetAccount: (accountId) => {
        lives.set(accountId, (lives.get(accountId) ?? 0) + 1);
        generation.set(accountId, (generation.get(accountId) ?? 0) + 1);
        for (const [key, timer] of revealTimers)
          if (key.startsWith(rowKey(accountId, ''))) {
            clearTimeout(timer);
            revealTimers.delete(key);
          }
        batcher.drop(accountId);
        if (running?.ids.split('\n').includes(accountId)) running = null;
        set((s) => ({
          accounts: s.accounts.filter((load) => load.account.accountId !== accountId),
          capabilities: without(s.capabilities, [accountId]),
          marks: without(s.marks, [accountId]),
          rotation: s.rotation?.row.account.accountId === accountId ? null : s.rotation,
        }));
        toasts.getState().dismissAbout(tokenSubject(accountId, null));
        emit({ kind: 'forgotten', accountId });
      },

      subscribeEvents: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
  });
}

/** How long a warning stays: it needs more than three seconds to read. */
const WARNING_TOAST_MS = 8_000;

/** What the server did with a deleted token, as a toast. */
function showRevocation(toasts: ToastStoreApi, { revocation }: DeleteResult): void {
  const outcome = REVOCATION_TEXT[revocation] ?? REVOCATION_TEXT.unknown;
  toasts.getState().show({ ...outcome, duration: outcome.tone === 'warning' ? WARNING_TOAST_MS : undefined });
}

export type TokenModelApi = ReturnType<typeof createTokenModel>;
