// The Tokens tab: one account's tokens a page at a time, its create row and its delete dialog. The
// tokens' values, Test results, busy marks and capabilities are the token model's (renderer/stores/tokens/),
// shared with All tokens; this store only pages and asks the model to act.
import { createStore } from 'zustand/vanilla';
import type { AppError, Result, TokenPage, TokenSummary, UsageExample } from '../../preload/contract.ts';
import { DEFAULT_EXPIRY_OPTION, expiryArgument, type ExpiryOption } from '../domain/token-expiry-choice.ts';
import { defaultTokenName, tokenNameProblem } from '../domain/token-name.ts';
import { ACTION_WORDS, CREATE_WORDS, LIST_WORDS } from '../domain/token-messages.ts';
import { errorMsg, msg, type Text } from '../i18n/index.ts';
import type { TokenApi } from './tokens/token-api.ts';
import type { TokenModelApi } from './tokens/token-model.ts';
import { TOKEN_PAGE_SIZE } from '../../preload/contract.ts';
import { createAheadPage } from './ahead-page.ts';
import { callBridge } from './call-bridge.ts';

/** NocoDB's own UI shows 10 tokens a page. */
export const PAGE_SIZE = TOKEN_PAGE_SIZE;

export interface CreateRowState {
  open: boolean;
  draft: string;
  /** How long the new token works, where the server has expiry at creation (NocoDB's default: 90 days). */
  expiry: ExpiryOption;
  /** `YYYY-MM-DD` when `expiry` is a date. */
  expiryDate: string;
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
  /** The token the "Use it" panel under the table shows, if any. */
  usageFor: string | null;
  deleting: DeleteState | null;
}

export interface TokensStore extends TokensData {
  load: (page?: number) => Promise<void>;
  /** Asks again for the page whose request failed last. */
  retry: () => Promise<void>;
  openCreate: () => void;
  changeDraft: (draft: string) => void;
  /** The create row's expiry choice (and its date, when the choice is a date). */
  changeExpiry: (expiry: ExpiryOption, date?: string) => void;
  cancelCreate: () => void;
  saveCreate: () => Promise<void>;
  toggleReveal: (id: string) => Promise<void>;
  /** Copies the token, or (with `example`) a ready-to-run example holding it; either way through main. */
  copy: (id: string, example?: UsageExample) => Promise<void>;
  test: (id: string) => Promise<void>;
  /** Disables or enables the token on its server (where the server can). */
  setEnabled: (id: string, enabled: boolean) => Promise<void>;
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
  showFirstPage: (accountId: string, page: Result<TokenPage>) => void;
  /**
   * Asks for page 1 of an account the window is switching to, beside the switch (`switched`: whether
   * it was carried out); the account's first load after the switch takes it instead of asking again.
   */
  listAhead: (accountId: string, switched: Promise<boolean>) => void;
}

const CLOSED_CREATE: CreateRowState = { open: false, draft: '', expiry: DEFAULT_EXPIRY_OPTION, expiryDate: '', saving: false, error: null };

/** The data of a fresh, signed-out-safe store (nothing typed). */
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
  api: Pick<TokenApi, 'list'>;
  model: TokenModelApi;
  /** Lets the session store react to `session_expired` from any call. */
  onFailure: (error: AppError) => void;
}

export function createTokensStore({ api, model, onFailure }: Deps) {
  return createStore<TokensStore>()((set, get) => {
    // Bumped by `reset`: an answer to a call made for the previous account is dropped on arrival.
    let epoch = 0;
    /** The account on screen when a call starts, and whether it is still the one when it ends. */
    const shown = () => {
      const { accountId } = get();
      const startedAt = epoch;
      return { accountId, current: () => startedAt === epoch };
    };
    // Only the answer to the latest list request may change the table.
    let listRequest = 0;
    let requestedPage = 1;
    /** The account whose boot page is on screen and not yet taken by a load (see showFirstPage). */
    let bootPageOf: string | null = null;
    /** Page 1 asked beside a switch, until the account's first load takes it (see listAhead). */
    const ahead = createAheadPage((accountId) => callBridge(() => api.list(accountId, 1, PAGE_SIZE)));

    /** Runs a row action of the token model for the account on screen. */
    const onShown = (act: (accountId: string) => Promise<unknown>) => {
      const { accountId } = get();
      return accountId === null ? Promise.resolve() : act(accountId).then(() => {});
    };

    // A create or delete of this account's tokens anywhere (here, All tokens, Rotate) shows here.
    // (An account forgotten is never the one on screen: app-stores.ts resets this store first.)
    model.getState().subscribeEvents(({ kind, accountId }) => {
      if (kind === 'changed' && accountId === get().accountId && get().status !== 'idle') void get().load();
    });

    return {
      ...initialTokensData(),

      load: async (page = get().page) => {
        const fromBoot = bootPageOf !== null && bootPageOf === get().accountId && page === 1;
        bootPageOf = null;
        if (fromBoot) return;
        const request = ++listRequest;
        requestedPage = page;
        const { accountId, current } = shown();
        if (accountId === null) return;
        const early = page === 1 && get().status === 'idle' ? ahead.take(accountId) : null;
        set({ status: 'loading', error: null });
        const result = await (early ?? callBridge(() => api.list(accountId, page, PAGE_SIZE)));
        if (!current() || request !== listRequest) return;
        if (!result.ok) {
          onFailure(result.error);
          // Rows already on screen stay: a failed refresh must not hide a token just created.
          set({ status: 'error', error: errorMsg(result.error, LIST_WORDS) });
          return;
        }
        const { tokens, capabilities } = result.value;
        model.getState().learnCapabilities(accountId, capabilities);
        if (tokens.length === 0 && page > 1) return get().load(page - 1);
        // Moving to another page forgets the pinned new token (its rows' values go with the rows).
        set((s) => ({
          status: 'ready',
          rows: tokens,
          page: result.value.page,
          pageCount: pageCountOf(result.value),
          justCreated: page === s.page ? s.justCreated : null,
        }));
      },

      retry: () => get().load(requestedPage),

      openCreate: () => {
        const { rows, justCreated, create } = get();
        if (create.open) return;
        const names = visibleTokens(rows, justCreated).map((t) => t.name);
        set({ create: { ...CLOSED_CREATE, open: true, draft: defaultTokenName(names) } });
      },

      changeDraft: (draft) => set((s) => ({ create: { ...s.create, draft, error: null } })),

      changeExpiry: (expiry, date) =>
        set((s) => ({ create: { ...s.create, expiry, expiryDate: date ?? s.create.expiryDate, error: null } })),

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
        const { accountId, current } = shown();
        if (accountId === null) return;
        // Only a server with expiry at creation is asked for one (the control is not shown elsewhere).
        const expiry = model.getState().capabilities[accountId]?.expiryAtCreation
          ? expiryArgument(create.expiry, create.expiryDate)
          : undefined;
        if (expiry === null) return set({ create: { ...create, error: msg('tokens.expiry.dateMissing') } });
        set({ create: { ...create, saving: true, error: null } });
        const result = await model.getState().create(accountId, create.draft.trim(), expiry);
        if (!result || !current()) return;
        if (!result.ok) {
          set((s) => ({ create: { ...s.create, saving: false, error: errorMsg(result.error, CREATE_WORDS) } }));
          return;
        }
        // The seed's next step is to use the token: the panel under the table shows how.
        set({ create: CLOSED_CREATE, justCreated: result.value, usageFor: result.value.id });
      },

      toggleReveal: (id) => onShown((accountId) => model.getState().toggleReveal(accountId, id)),
      copy: (id, example) => onShown((accountId) => model.getState().copy(accountId, id, example)),
      test: (id) => onShown((accountId) => model.getState().test(accountId, id)),
      // The model tells every screen; this tab's page is listed again with the state the server kept.
      setEnabled: (id, enabled) => onShown((accountId) => model.getState().setEnabled(accountId, id, enabled)),

      showUsage: (id) => set({ usageFor: id }),

      hideUsage: () => set({ usageFor: null }),

      askDelete: (token) => set({ deleting: { token, busy: false, error: null } }),

      cancelDelete: () => {
        if (!get().deleting?.busy) set({ deleting: null });
      },

      confirmDelete: async () => {
        const deleting = get().deleting;
        const { accountId, current } = shown();
        if (!deleting || deleting.busy || accountId === null) return;
        const { id } = deleting.token;
        set({ deleting: { ...deleting, busy: true, error: null } });
        const result = await model.getState().remove(accountId, id);
        if (!result || !current()) return;
        if (!result.ok) {
          set((s) => ({ deleting: s.deleting && { ...s.deleting, busy: false, error: errorMsg(result.error, ACTION_WORDS) } }));
          return;
        }
        set((s) => ({
          deleting: null,
          rows: s.rows.filter((r) => r.id !== id),
          justCreated: s.justCreated?.id === id ? null : s.justCreated,
          usageFor: s.usageFor === id ? null : s.usageFor,
        }));
      },

      showFirstPage: (accountId, result) => {
        if (get().accountId !== accountId || get().status !== 'idle') return;
        bootPageOf = accountId;
        if (!result.ok) {
          // As the Tokens tab's own first load would have failed: the error, with its Retry.
          onFailure(result.error);
          set({ status: 'error', error: errorMsg(result.error, LIST_WORDS) });
          return;
        }
        const page = result.value;
        model.getState().learnCapabilities(accountId, page.capabilities);
        set({ status: 'ready', rows: page.tokens, page: page.page, pageCount: pageCountOf(page) });
      },

      listAhead: (accountId, switched) => {
        if (get().accountId !== accountId) ahead.ask(accountId, switched); // a shown account's own loads stay as they are
      },

      reset: (accountId) => {
        bootPageOf = null;
        ahead.keepOnlyFor(accountId);
        epoch += 1;
        requestedPage = 1;
        set(initialTokensData(accountId));
      },
    };
  });
}

export type TokensStoreApi = ReturnType<typeof createTokensStore>;
