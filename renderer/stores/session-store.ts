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
  /** Sends the credentials to main; the password is not kept here. */
  signIn: (request: SignInRequest) => Promise<void>;
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
        else set({ status: 'idle', error: result.error });
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
