import { createStore } from 'zustand/vanilla';
import type { AppError, Bridge, SessionState, SignInRequest } from '../../preload/contract.ts';
import { errorText } from '../ui/error-text.ts';
import { callBridge } from './call-bridge.ts';
import type { ToastStoreApi } from './toast-store.ts';

export interface SessionStore {
  /** null until main has answered `session.get` for the first time. */
  state: SessionState | null;
  status: 'loading' | 'idle' | 'signing_in' | 'signing_out';
  /** The last sign-in failure, for the sign-in form. */
  error: AppError | null;
  load: () => Promise<void>;
  /**
   * A sign-in main refused with `insecure_connection`, waiting for the user's answer. It holds the
   * password only until they answer (memory only).
   */
  awaitingPlainHttpConsent: SignInRequest | null;
  /** Sends the credentials to main; the password is not kept here (but see `awaitingPlainHttpConsent`). */
  signIn: (request: SignInRequest) => Promise<void>;
  /** The user's answer to the plain-http warning: true sends the same sign-in again, confirmed. */
  answerPlainHttpConsent: (accept: boolean) => Promise<void>;
  signOut: () => Promise<void>;
  /** Every store passes its failures here: a dead session sends the app back to sign-in. */
  checkFailure: (error: AppError) => Promise<void>;
}

type SignedOut = Extract<SessionState, { status: 'signed_out' }>;

/** True when the error means the session is over; the sign-in screen explains it, not the caller. */
export function isSessionGone(error: AppError): boolean {
  return error.code === 'session_expired' || error.code === 'not_signed_in';
}

export function createSessionStore(bridge: Bridge, toasts: ToastStoreApi) {
  return createStore<SessionStore>()((set, get) => {
    /** The signed-out state to show when main cannot even tell us its own. */
    const signedOutWith = (notice: AppError): SignedOut => {
      const current = get().state;
      const prefill =
        current?.status === 'signed_in'
          ? { serverUrl: current.account.serverUrl, email: current.account.email }
          : (current?.prefill ?? null);
      return { status: 'signed_out', prefill, notice };
    };

    return {
      state: null,
      status: 'loading',
      error: null,
      awaitingPlainHttpConsent: null,

      load: async () => {
        set({ status: 'loading' });
        const result = await callBridge(() => bridge.session.get());
        set({ status: 'idle', state: result.ok ? result.value : signedOutWith(result.error) });
      },

      signIn: async (request) => {
        if (get().status === 'signing_in') return;
        set({ status: 'signing_in', error: null });
        const result = await callBridge(() => bridge.session.signIn(request));
        if (result.ok) set({ status: 'idle', state: result.value });
        else {
          const awaiting = result.error.code === 'insecure_connection' && !request.confirmInsecure ? request : null;
          set({ status: 'idle', error: result.error, awaitingPlainHttpConsent: awaiting });
        }
      },

      answerPlainHttpConsent: async (accept) => {
        const request = get().awaitingPlainHttpConsent;
        set({ awaitingPlainHttpConsent: null, error: null });
        if (accept && request) await get().signIn({ ...request, confirmInsecure: true });
      },

      signOut: async () => {
        set({ status: 'signing_out' });
        const result = await callBridge(() => bridge.session.signOut());
        if (result.ok) set({ status: 'idle', state: result.value });
        else {
          set({ status: 'idle' });
          toasts.getState().show({ tone: 'error', title: errorText(result.error) });
        }
      },

      checkFailure: async (error) => {
        if (!isSessionGone(error) || get().state?.status !== 'signed_in') return;
        // main has already dropped the session; its state carries the prefill and the notice.
        const result = await callBridge(() => bridge.session.get());
        const next = result.ok && result.value.status === 'signed_out' ? result.value : signedOutWith(error);
        set({ state: next.notice ? next : { ...next, notice: error } });
      },
    };
  });
}

export type SessionStoreApi = ReturnType<typeof createSessionStore>;
