import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AllTokensStore } from './all-tokens-store.ts';
import type { AppStores } from './app-stores.ts';
import type { I18nStore } from './i18n-store.ts';
import type { ProfileStore } from './profile-store.ts';
import type { SessionStore } from './session-store.ts';
import type { SettingsStore } from './settings-store.ts';
import type { ToastStore } from './toast-store.ts';
import type { TokenModel } from './tokens/account-tokens.ts';
import type { TokensStore } from './tokens-store.ts';

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext value={stores}>{children}</StoresContext>;
}

function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing.');
  return stores;
}

// Components read through small selectors so they re-render only for what they show.
export const useSession = <T,>(select: (s: SessionStore) => T): T => useStore(useStores().session, select);
export const useTokens = <T,>(select: (s: TokensStore) => T): T => useStore(useStores().tokens, select);
export const useAllTokens = <T,>(select: (s: AllTokensStore) => T): T => useStore(useStores().allTokens, select);
/** The All tokens store's actions (stable functions): reading them subscribes to nothing. */
export const useAllTokensActions = (): AllTokensStore => useStores().allTokens.getState();
/** The per-account token model that both token screens show (renderer/stores/tokens/token-model.ts). */
export const useTokenModel = <T,>(select: (s: TokenModel) => T): T => useStore(useStores().tokenModel, select);
/** The token model's actions (stable functions): reading them subscribes to nothing. */
export const useTokenModelActions = (): TokenModel => useStores().tokenModel.getState();
export const useToasts = <T,>(select: (s: ToastStore) => T): T => useStore(useStores().toasts, select);
export const useProfile = <T,>(select: (s: ProfileStore) => T): T => useStore(useStores().profile, select);
export const useSettings = <T,>(select: (s: SettingsStore) => T): T => useStore(useStores().settings, select);
export const useI18nStore = <T,>(select: (s: I18nStore) => T): T => useStore(useStores().i18n, select);
