import { createStore } from 'zustand/vanilla';
import type { Text } from '../i18n/index.ts';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface ToastAction {
  label: Text;
  run: () => void;
  testId?: string;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  title: Text;
  description?: Text;
  action?: ToastAction;
  /** Milliseconds on screen; Radix pauses the countdown while the pointer or focus is on it. */
  duration: number;
  /** What the toast is about (e.g. one token), so it can be withdrawn when that goes away. */
  about?: string;
}

export type NewToast = Omit<Toast, 'id' | 'duration'> & { duration?: number };

export interface ToastStore {
  toasts: Toast[];
  show: (toast: NewToast) => void;
  dismiss: (id: number) => void;
  /** Withdraws every toast whose subject starts with this one (a token's, or an account's every token's). */
  dismissAbout: (about: string) => void;
  /** Withdraws every toast (another account is on screen now). */
  clear: () => void;
}

/** NocoDB shows its "Copied to clipboard" toast for about three seconds. */
const DEFAULT_TOAST_MS = 3000;
/** More would pile up over the page and cover its buttons during quick work; the oldest goes first. */
export const MAX_TOASTS = 3;

export function createToastStore() {
  let nextId = 1;
  return createStore<ToastStore>()((set) => ({
    toasts: [],
    show: (toast) =>
      set((s) => ({
        toasts: [...s.toasts, { ...toast, duration: toast.duration ?? DEFAULT_TOAST_MS, id: nextId++ }].slice(-MAX_TOASTS),
      })),
    dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    dismissAbout: (about) => set((s) => ({ toasts: s.toasts.filter((t) => !t.about?.startsWith(about)) })),
    clear: () => set({ toasts: [] }),
  }));
}

export type ToastStoreApi = ReturnType<typeof createToastStore>;
