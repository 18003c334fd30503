import { createStore } from 'zustand/vanilla';
import type { AccountEntry, AppError, Bridge, Result, SessionState, SignInRequest } from '../../preload/contract.ts';
import { errorMsg } from '../i18n/index.ts';
import { callBridge } from './call-bridge.ts';
import type { ToastStoreApi } from './toast-store.ts';

export interface SessionStore {
  /** null until main has answered `session.get` (or the boot answer came) for the first time. */
  state: SessionState | null;
  status: 'loading' | 'idle' | 'signing_in' | 'signing_out' | 'recovering';
  /** The account a switch, Log Out or Retry is on its way for (its buttons wait). */
  pendingAccount: string | null;
  /** The sign-in screen is open to add an account while another one stays active. */
  adding: boolean;
  /** The last sign-in failure, for the sign-in form. */
  error: AppError | null;
  load: () => Promise<void>;
  /** Starts with the state main's boot answer brought (instead of `load`). */
  startWith: (state: SessionState) => void;
  /**
   * A sign-in main refused with `insecure_connection`, waiting for the user's answer. It holds the
   * password only until they answer (memory only).
   */
  awaitingPlainHttpConsent: SignInRequest | null;
  /** Sends the credentials to main; the password is not kept here (but see `awaitingPlainHttpConsent`). */
  signIn: (request: SignInRequest) => Promise<void>;
  /** The user's answer to the plain-http warning: true sends the same sign-in again, confirmed. */
  answerPlainHttpConsent: (accept: boolean) => Promise<void>;
  /** Logs out of the account on screen only (naming it). */
  signOut: () => Promise<void>;
  startAdding: () => void;
  cancelAdding: () => void;
  switchTo: (id: string) => Promise<void>;
  /** Logs out of one account (from the overview) and takes it off the list. */
  remove: (id: string) => Promise<void>;
  retry: (id: string) => Promise<void>;
  /** Retry for an account list that is not recovered: main rebuilds it from the keychain. */
  recover: () => Promise<void>;
  /** Every store passes its failures here: a dead session sends the app back to sign-in. */
  checkFailure: (error: AppError) => Promise<void>;
}

type SignedOut = Extract<SessionState, { status: 'signed_out' }>;

/** True when the error means the session is over; the sign-in screen explains it, not the caller. */
export function isSessionGone(error: AppError): boolean {
  return error.code === 'session_expired' || error.code === 'not_signed_in' || error.code === 'account_not_signed_in';
}

/** The account the app shows now (signed in or not), if any. */
export function activeAccountOf(state: SessionState | null): AccountEntry | null {
  return state?.accounts.find((account) => account.active) ?? null;
}

/** Whether any account is still being restored (main's boot answer does not wait for them). */
const anyRestoring = (state: SessionState | null) => state?.accounts.some((entry) => entry.status === 'restoring') === true;

export interface SessionStoreOptions {
  /**
   * Told as a switch to an account starts, with whether it was carried out: the Tokens tab asks for
   * that account's first page beside the switch instead of after it (see tokens-store.ts).
   */
  onSwitch?: (accountId: string, switched: Promise<boolean>) => void;
}

export function createSessionStore(bridge: Bridge, toasts: ToastStoreApi, { onSwitch }: SessionStoreOptions = {}) {
  return createStore<SessionStore>()((set, get) => {
    /** The signed-out state to show when main cannot even tell us its own. */
    const signedOutWith = (notice: AppError): SignedOut => {
      const current = get().state;
      const prefill =
        current?.status === 'signed_in'
          ? { serverUrl: current.account.serverUrl, email: current.account.email }
          : (current?.prefill ?? null);
      return { status: 'signed_out', prefill, notice, accounts: current?.accounts ?? [] };
    };

    // Only the answer to the latest call that changes the state may set it: a slow answer to an
    // earlier switch must not undo a later one.
    let stateRequest = 0;
    /**
     * A state that shows accounts still restoring is followed by one `session.get`, which main
     * answers once they settled. It only reads: a change answered meanwhile wins, and is followed
     * in turn while it still shows one restoring.
     */
    let settling = false;
    const followRestores = async () => {
      if (settling) return;
      settling = true;
      try {
        for (let asked = stateRequest; ; asked = stateRequest) {
          const result = await callBridge(() => bridge.session.get());
          if (asked === stateRequest) return void (result.ok && set({ state: result.value }));
          if (!anyRestoring(get().state)) return;
        }
      } finally {
        settling = false;
      }
    };
    const changeState = async (run: () => Promise<Result<SessionState>>, pendingAccount: string | null = null) => {
      const request = ++stateRequest;
      set({ pendingAccount });
      const result = await callBridge(run);
      if (request !== stateRequest) return null;
      set({ pendingAccount: null });
      if (result.ok) set({ state: result.value, adding: false });
      if (result.ok && anyRestoring(result.value)) void followRestores();
      return result;
    };
    const accountCall = async (id: string, run: () => Promise<Result<SessionState>>) => {
      const result = await changeState(run, id);
      if (result && !result.ok) toasts.getState().show({ tone: 'error', title: errorMsg(result.error) });
      return result?.ok === true;
    };

    return {
      state: null,
      status: 'loading',
      pendingAccount: null,
      adding: false,
      error: null,
      awaitingPlainHttpConsent: null,

      load: async () => {
        set({ status: 'loading' });
        const result = await changeState(() => bridge.session.get());
        if (result) set({ status: 'idle', ...(result.ok ? {} : { state: signedOutWith(result.error) }) });
      },

      startWith: (state) => {
        stateRequest += 1;
        set({ state, status: 'idle', pendingAccount: null });
        if (anyRestoring(state)) void followRestores();
      },

      signIn: async (request) => {
        if (get().status === 'signing_in') return;
        set({ status: 'signing_in', error: null });
        const result = await changeState(() => bridge.session.signIn(request));
        if (!result || result.ok) {
          set({ status: 'idle' });
          return;
        }
        const awaiting = result.error.code === 'insecure_connection' && !request.confirmInsecure ? request : null;
        set({ status: 'idle', error: result.error, awaitingPlainHttpConsent: awaiting });
      },

      answerPlainHttpConsent: async (accept) => {
        const request = get().awaitingPlainHttpConsent;
        set({ awaitingPlainHttpConsent: null, error: null });
        if (accept && request) await get().signIn({ ...request, confirmInsecure: true });
      },

      signOut: async () => {
        const accountId = activeAccountOf(get().state)?.id;
        if (accountId === undefined) return;
        set({ status: 'signing_out' });
        const result = await changeState(() => bridge.accounts.remove({ accountId }));
        set({ status: 'idle' });
        if (result && !result.ok) toasts.getState().show({ tone: 'error', title: errorMsg(result.error) });
      },

      startAdding: () => set({ adding: true, error: null, awaitingPlainHttpConsent: null }),
      cancelAdding: () => {
        if (get().status !== 'signing_in') set({ adding: false, error: null, awaitingPlainHttpConsent: null });
      },

      switchTo: async (id) => {
        const switched = accountCall(id, () => bridge.accounts.switch({ accountId: id }));
        onSwitch?.(id, switched);
        await switched;
      },
      remove: async (id) => void (await accountCall(id, () => bridge.accounts.remove({ accountId: id }))),
      retry: async (id) => void (await accountCall(id, () => bridge.accounts.retry({ accountId: id }))),
      recover: async () => {
        set({ status: 'recovering' });
        const result = await changeState(() => bridge.accounts.recover());
        set({ status: 'idle' });
        if (result && !result.ok) toasts.getState().show({ tone: 'error', title: errorMsg(result.error) });
      },

      checkFailure: async (error) => {
        if (!isSessionGone(error) || get().state?.status !== 'signed_in') return;
        // main has already dropped the session; its state carries the prefill and the notice. It
        // may also still be signed in: a late answer for an account the user already left.
        const result = await changeState(() => bridge.session.get());
        if (!result) return;
        if (result.ok && result.value.status === 'signed_in') return;
        const next = result.ok && result.value.status === 'signed_out' ? result.value : signedOutWith(error);
        set({ state: next.notice ? next : { ...next, notice: error } });
      },
    };
  });
}

export type SessionStoreApi = ReturnType<typeof createSessionStore>;
