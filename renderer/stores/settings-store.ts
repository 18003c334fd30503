import { createStore } from 'zustand/vanilla';
import type { AppError, Bridge, Settings } from '../../preload/contract.ts';
import { errorMsg, type Text } from '../i18n/index.ts';
import { callBridge } from './call-bridge.ts';

export interface SettingsStore {
  settings: Settings | null;
  status: 'idle' | 'loading' | 'saving' | 'ready' | 'error';
  error: Text | null;
  load: () => Promise<void>;
  /** Starts with the settings main's boot answer brought (instead of `load`). */
  startWith: (settings: Settings) => void;
  /** Resolves to true when main accepted the change. */
  update: (change: Partial<Settings>) => Promise<boolean>;
}

export function createSettingsStore(bridge: Bridge, onFailure: (error: AppError) => void) {
  return createStore<SettingsStore>()((set) => ({
    settings: null,
    status: 'idle',
    error: null,

    load: async () => {
      set({ status: 'loading', error: null });
      const result = await callBridge(() => bridge.settings.get());
      if (result.ok) set({ status: 'ready', settings: result.value });
      else {
        onFailure(result.error);
        set({ status: 'error', error: errorMsg(result.error) });
      }
    },

    startWith: (settings) => set({ status: 'ready', settings, error: null }),

    update: async (change) => {
      set({ status: 'saving', error: null });
      const result = await callBridge(() => bridge.settings.update(change));
      if (result.ok) {
        set({ status: 'ready', settings: result.value });
        return true;
      }
      onFailure(result.error);
      set({ status: 'error', error: errorMsg(result.error) });
      return false;
    },
  }));
}

export type SettingsStoreApi = ReturnType<typeof createSettingsStore>;
