import { createStore } from 'zustand/vanilla';
import type {
  AppError,
  Bridge,
  CopyResult,
  Result,
  TokenPage,
  TokenSummary,
  TokenTestResult,
  UsageExample,
} from '../../preload/contract.ts';
import { TOKEN_PAGE_SIZE } from '../../preload/contract.ts';
import { showCreatedNotice, tokenSubject } from '../features/tokens/created-notice.ts';
import { defaultTokenName, tokenNameProblem } from '../features/tokens/token-name.ts';
import { ACTION_WORDS, clipboardClearNote, CREATE_WORDS, LIST_WORDS, REVOCATION_TEXT } from '../features/tokens/token-messages.ts';
import { errorMsg, msg, type Text } from '../i18n/index.ts';
import { callBridge } from './call-bridge.ts';
import { isSessionGone } from './session-store.ts';
import type { ToastStoreApi } from './toast-store.ts';

/** NocoDB's own UI shows 10 tokens a page. */
export const PAGE_SIZE = TOKEN_PAGE_SIZE;
const WARNING_TOAST_MS = 8_000;

export interface CreateRowState {
  open: boolean;
  draft: string;
  saving: boolean;
  /** Inline message under the input: a validation problem or the server's refusal. */
  error: Text | null;
}

export interface DeleteState {
  token: TokenSummary;
  busy: boolean;
  error: Text | null;
}

export interface TokensData {
  /** The account whose tokens these are (the one on screen): every call names it. null: none shown. */
  accountId: string | null;
  rows: TokenSummary[];
  page: number;
  pageCount: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: Text | null;
  /** Kept on screen after a create even when the refreshed page does not hold it (or the refresh failed). */
  justCreated: TokenSummary | null;
  create: CreateRowState;
  busy: Record<string, TokenAction>;
  revealed: Record<string, string>;
  /** What the server made of each token the user tested on this page. */
  tested: Record<string, TokenTestResult>;
  /** The token the "Use it" panel under the table shows, if any. */
  usageFor: string | null;
  deleting: DeleteState | null;
}

type TokenAction = 'reveal' | 'copy' | 'test';

export interface TokensStore extends TokensData {
  load: (page?: number) => Promise<void>;
  /** Asks again for the page whose request failed last. */
  retry: () => Promise<void>;
  openCreate: () => void;
  changeDraft: (draft: string) => void;
  cancelCreate: () => void;
  saveCreate: () => Promise<void>;
  toggleReveal: (id: string) => Promise<void>;
  /** Copies the token, or (with `example`) a ready-to-run example holding it; either way through main. */
  copy: (id: string, example?: UsageExample) => Promise<void>;
  test: (id: string) => Promise<void>;
  showUsage: (id: string) => void;
  hideUsage: () => void;
  askDelete: (token: TokenSummary) => void;
  cancelDelete: () => void;
  confirmDelete: () => Promise<void>;
  /** Back to a fresh store for another account (or none); answers still on their way are ignored. */
  reset: (accountId: string | null) => void;
  /**
   * Shows page 1 that main's boot answer brought for the account on screen; the Tokens tab's first
   * load then takes it instead of asking main. Ignored for any other account, or once a load ran.
   */
  showFirstPage: (accountId: string, page: TokenPage) => void;
}

const CLOSED_CREATE: CreateRowState = { open: false, draft: '', saving: false, error: null };

/** The data of a fresh, signed-out-safe store (nothing revealed, nothing typed). */
export function initialTokensData(accountId: string | null = null): TokensData {
  return {
    accountId,
    rows: [],
    page: 1,
    pageCount: 1,
    status: 'idle',
    error: null,
    justCreated: null,
    create: CLOSED_CREATE,
    busy: {},
    revealed: {},
    tested: {},
    usageFor: null,
    deleting: null,
  };
}

/** The rows the table shows: the page, plus a just-created token that the page does not hold. */
export function visibleTokens(rows: TokenSummary[], justCreated: TokenSummary | null): TokenSummary[] {
  if (!justCreated || rows.some((r) => r.id === justCreated.id)) return rows;
  return [justCreated, ...rows];
}

/** `isLastPage` is trusted over `totalRows`, which NocoDB 0.301.3 counts across the whole instance. */
export function pageCountOf(page: TokenPage): number {
  if (page.isLastPage) return page.page;
  return Math.max(page.page + 1, Math.ceil(page.totalRows / page.pageSize));
}

interface Deps {
  bridge: Bridge;
  toasts: ToastStoreApi;
  /** Lets the session store react to `session_expired` from any call. */
  onFailure: (error: AppError) => void;
}

export function createTokensStore({ bridge, toasts, onFailure }: Deps) {
  return createStore<TokensStore>()((set, get) => {
    // Bumped by `reset`: an answer to a call made for the previous account is dropped on arrival.
    let epoch = 0;
    /**
     * Calls the bridge for the store's account and reports failures to the session store before the
     * caller handles them. null: no account is on screen, or the answer belongs to one no longer on screen.
     */
    const call = async <T>(run: (accountId: string) => Promise<Result<T>>): Promise<Result<T> | null> => {
      const { accountId } = get();
      if (accountId === null) return null;
      const startedAt = epoch;
      const result = await callBridge(() => run(accountId));
      if (startedAt !== epoch) return null;
      if (!result.ok) onFailure(result.error);
      return result;
    };
    const setBusy = (id: string, what: TokenAction | null) =>
      set((s) => {
        const busy = { ...s.busy };
        if (what) busy[id] = what;
        else delete busy[id];
        return { busy };
      });
    const toastError = (error: AppError) => {
      if (!isSessionGone(error)) toasts.getState().show({ tone: 'error', title: errorMsg(error, ACTION_WORDS) });
    };
    // Only the answer to the latest list request may change the table.
    let listRequest = 0;
    let requestedPage = 1;
    /** The account whose boot page is on screen and not yet taken by a load (see showFirstPage). */
    let bootPageOf: string | null = null;

    return {
      ...initialTokensData(),

      load: async (page = get().page) => {
        const fromBoot = bootPageOf !== null && bootPageOf === get().accountId && page === 1;
        bootPageOf = null;
        if (fromBoot) return;
        const request = ++listRequest;
        requestedPage = page;
        set({ status: 'loading', error: null });
        const result = await call((accountId) => bridge.tokens.list({ accountId, page, pageSize: PAGE_SIZE }));
        if (!result || request !== listRequest) return;
        if (!result.ok) {
          // Rows already on screen stay: a failed refresh must not hide a token just created.
          set({ status: 'error', error: errorMsg(result.error, LIST_WORDS) });
          return;
        }
        const { tokens } = result.value;
        if (tokens.length === 0 && page > 1) return get().load(page - 1);
        // Moving to another page forgets the pinned new token and every revealed value.
        set((s) => ({
          status: 'ready',
          rows: tokens,
          page: result.value.page,
          pageCount: pageCountOf(result.value),
          justCreated: page === s.page ? s.justCreated : null,
          revealed: page === s.page ? s.revealed : {},
          tested: page === s.page ? s.tested : {},
        }));
      },

      retry: () => get().load(requestedPage),

      openCreate: () => {
        const { rows, justCreated, create } = get();
        if (create.open) return;
        const names = visibleTokens(rows, justCreated).map((t) => t.name);
        set({ create: { open: true, draft: defaultTokenName(names), saving: false, error: null } });
      },

      changeDraft: (draft) => set((s) => ({ create: { ...s.create, draft, error: null } })),

      cancelCreate: () => {
        if (!get().create.saving) set({ create: CLOSED_CREATE });
      },

      saveCreate: async () => {
        const { create } = get();
        if (create.saving) return; // a second click while the first is on its way
        const problem = tokenNameProblem(create.draft);
        if (problem) {
          set({ create: { ...create, error: problem } });
          return;
        }
        set({ create: { ...create, saving: true, error: null } });
        const result = await call((accountId) => bridge.tokens.create({ accountId, name: create.draft.trim() }));
        if (!result) return;
        if (!result.ok) {
          set((s) => ({ create: { ...s.create, saving: false, error: errorMsg(result.error, CREATE_WORDS) } }));
          return;
        }
        const token = result.value;
        // The seed's next step is to use the token: the panel under the table shows how.
        set({ create: CLOSED_CREATE, justCreated: token, usageFor: token.id });
        showCreatedNotice(toasts, token, () => void get().copy(token.id));
        await get().load();
      },

      toggleReveal: async (id) => {
        if (get().busy[id]) return;
        if (get().revealed[id] !== undefined) {
          set((s) => {
            const revealed = { ...s.revealed };
            delete revealed[id];
            return { revealed };
          });
          return;
        }
        setBusy(id, 'reveal');
        const result = await call((accountId) => bridge.tokens.reveal({ accountId, id }));
        if (!result) return;
        setBusy(id, null);
        if (result.ok) set((s) => ({ revealed: { ...s.revealed, [id]: result.value } }));
        else toastError(result.error);
      },

      copy: async (id, example) => {
        if (get().busy[id]) return;
        setBusy(id, 'copy');
        const result = await call<CopyResult>((accountId) =>
          example === undefined ? bridge.tokens.copy({ accountId, id }) : bridge.tokens.copyExample({ accountId, id, example }),
        );
        if (!result) return;
        setBusy(id, null);
        if (result.ok) {
          toasts
            .getState()
            .show({ tone: 'info', title: msg('tokens.copied'), description: clipboardClearNote(result.value.clearAfterSeconds) });
        } else {
          toastError(result.error);
        }
      },

      test: async (id) => {
        if (get().busy[id]) return;
        setBusy(id, 'test');
        const result = await call((accountId) => bridge.tokens.test({ accountId, id }));
        if (!result) return;
        setBusy(id, null);
        if (result.ok) set((s) => ({ tested: { ...s.tested, [id]: result.value } }));
        else toastError(result.error);
      },

      showUsage: (id) => set({ usageFor: id }),

      hideUsage: () => set({ usageFor: null }),

      askDelete: (token) => set({ deleting: { token, busy: false, error: null } }),

      cancelDelete: () => {
        if (!get().deleting?.busy) set({ deleting: null });
      },

      confirmDelete: async () => {
        const deleting = get().deleting;
        if (!deleting || deleting.busy) return;
        const { id } = deleting.token;
        set({ deleting: { ...deleting, busy: true, error: null } });
        const result = await call((accountId) => bridge.tokens.delete({ accountId, id }));
        if (!result) return;
        if (!result.ok) {
          set((s) => ({ deleting: s.deleting && { ...s.deleting, busy: false, error: errorMsg(result.error, ACTION_WORDS) } }));
          return;
        }
        set((s) => {
          const revealed = { ...s.revealed };
          delete revealed[id];
          return {
            deleting: null,
            rows: s.rows.filter((r) => r.id !== id),
            justCreated: s.justCreated?.id === id ? null : s.justCreated,
            revealed,
            usageFor: s.usageFor === id ? null : s.usageFor,
          };
        });
        // An offer to copy a token that no longer exists would only fail.
        toasts.getState().dismissAbout(tokenSubject(id));
        const outcome = REVOCATION_TEXT[result.value.revocation] ?? REVOCATION_TEXT.unknown;
        // A warning needs more than three seconds to read.
        toasts.getState().show({ ...outcome, duration: outcome.tone === 'warning' ? WARNING_TOAST_MS : undefined });
        await get().load();
      },

      showFirstPage: (accountId, page) => {
        if (get().accountId !== accountId || get().status !== 'idle') return;
        bootPageOf = accountId;
        set({ status: 'ready', rows: page.tokens, page: page.page, pageCount: pageCountOf(page) });
      },

      reset: (accountId) => {
        bootPageOf = null;
        epoch += 1;
        requestedPage = 1;
        set(initialTokensData(accountId));
      },
    };
  });
}

export type TokensStoreApi = ReturnType<typeof createTokensStore>;
