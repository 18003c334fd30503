// One token model per account, for every screen that shows tokens (the Tokens tab, All tokens, the
// overview's figures, the expiry reminders): per account id its rows and load state, what its server
// can do, the values revealed, the Test results and the busy marks — and the row actions, written
// once. Each piece says what ends it; all of an account's end with it (`forgetAccount`, driven by the
// session: see account-lifecycle.ts), and a revealed value sooner (REVEAL_MS, a hidden window, the
// OS locking the screen, its row leaving the screen).
import { createStore } from 'zustand/vanilla';
import type { AppError, Result, ServerCapabilities } from '../../../preload/contract.ts';
import { rowKey, toRows, type TokenAccount } from '../../domain/all-tokens-rows.ts';
import { createLimiter } from '../../domain/limiter.ts';
import { ACTION_WORDS, clipboardClearNote, LIST_WORDS } from '../../domain/token-messages.ts';
import { errorMsg, msg } from '../../i18n/index.ts';
import { callBridge } from '../call-bridge.ts';
import { isSessionGone } from '../session-store.ts';
import type { ToastStoreApi } from '../toast-store.ts';
import {
  initialTokenModelData,
  NO_MARKS,
  without,
  type AccountTokens,
  type ModelEvent,
  type RowAction,
  type TokenMarks,
  type TokenModel,
} from './account-tokens.ts';
import { createPageBatcher } from './page-batcher.ts';
import type { TokenApi } from './token-api.ts';
import { loadAccountPages, type LoadStep } from './token-loads.ts';
import { createRevealLifetime } from './reveal-lifetime.ts';
import { rotationActions } from './rotation.ts';
import { showCreatedNotice, showRevocation, tokenSubject } from './token-notices.ts';

/** At most this many token requests are out at once, over every account. */
export const MAX_IN_FLIGHT = 4;

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
    const hide = (accountId: string, id: string) => {
      lifetime.stop(accountId, id);
      if (get().marks[accountId]?.revealed[id] !== undefined) mark(accountId, ({ revealed }) => ({ revealed: without(revealed, [id]) }));
    };
    const lifetime = createRevealLifetime({
      mask: hide,
      maskAll: () => get().hideAll(),
      onScreenLocked: (listener) => api.onScreenLocked(listener),
    });
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
      lifetime.stop(accountId, id);
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
        if (!lifetime.shown(accountId, id)) return;
        mark(accountId, ({ revealed }) => ({ revealed: { ...revealed, [id]: result.value } }));
        lifetime.started(accountId, id);
      },

      watch: (accountId, id) => lifetime.watch(accountId, id),

      hideAll: () => {
        lifetime.stopAll(null);
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

      ...rotationActions(get, set, toasts),

      forgetAccount: (accountId) => {
        lives.set(accountId, (lives.get(accountId) ?? 0) + 1);
        generation.set(accountId, (generation.get(accountId) ?? 0) + 1);
        lifetime.stopAll(accountId);
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

export type TokenModelApi = ReturnType<typeof createTokenModel>;
