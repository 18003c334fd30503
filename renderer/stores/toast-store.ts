import { createStore } from 'zustand/vanilla';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string;
  action?: ToastAction;
  /** Milliseconds on screen; Radix pauses the countdown while the pointer or focus is on it. */
  duration: number;
}

export type NewToast = Omit<Toast, 'id' | 'duration'> & { duration?: number };

export interface ToastStore {
  toasts: Toast[];
  show: (toast: NewToast) => void;
  dismiss: (id: number) => void;
}

/** NocoDB shows its "Copied to clipboard" toast for about three seconds. */
const DEFAULT_TOAST_MS = 3000;

export function createToastStore() {
  let nextId = 1;
  return createStore<ToastStore>()((set) => ({
    toasts: [],
    show: (toast) =>
      set((s) => ({ toasts: [...s.toasts, { ...toast, duration: toast.duration ?? DEFAULT_TOAST_MS, id: nextId++ }] })),
    dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  }));
}

export type ToastStoreApi = ReturnType<typeof createToastStore>;
