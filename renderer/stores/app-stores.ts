import type { Bridge } from '../../preload/contract.ts';
import { bridgeAllTokensApi } from '../features/all-tokens/all-tokens-api.ts';
import { createAllTokensStore } from './all-tokens-store.ts';
import type { LoadCatalog } from '../i18n/load-catalog.ts';
import { createI18nStore } from './i18n-store.ts';
import { createProfileStore } from './profile-store.ts';
import { activeAccountOf, createSessionStore, type SessionStore } from './session-store.ts';
import { createSettingsStore } from './settings-store.ts';
import { createToastStore } from './toast-store.ts';
import { createTokensStore } from './tokens-store.ts';

/** The app's feature stores, wired to one bridge. One set per app instance (and per test). */
export function createAppStores(bridge: Bridge, options: { loadCatalog?: LoadCatalog } = {}) {
  const toasts = createToastStore();
  const session = createSessionStore(bridge, toasts);
  const onFailure = session.getState().checkFailure;
  const tokens = createTokensStore({ bridge, toasts, onFailure: (error) => void onFailure(error) });
  const allTokens = createAllTokensStore({
    api: bridgeAllTokensApi(bridge),
    toasts,
    onFailure: (error) => void onFailure(error),
    // Rotate or delete from All tokens: the Tokens tab on screen shows it at once.
    onChanged: (accountId) => {
      if (activeAccountOf(session.getState().state)?.id === accountId && tokens.getState().status !== 'idle') void tokens.getState().load();
    },
  });
  const settings = createSettingsStore(bridge, (error) => void onFailure(error));
  const i18n = createI18nStore({ bridge, settings, loadCatalog: options.loadCatalog });
  const profile = createProfileStore({
    bridge,
    onSession: (state) => session.setState({ state }),
    onFailure: (error) => void onFailure(error),
  });

  // Another account (or none) on screen: everything about the previous one goes — token rows,
  // revealed values, the create row, the delete dialog, the Use it panel, "Copy token" offers, the
  // profile forms — and its answers still on their way are ignored. When the server ended the session
  // (a notice, not the user's choice), the token name being typed is kept for that account's return.
  const shown = ({ state }: SessionStore) => (state?.status === 'signed_in' ? (activeAccountOf(state)?.id ?? null) : null);
  let lastShown: string | null = null;
  session.subscribe((now, before) => {
    const next = shown(now);
    if (next === shown(before)) return;
    if (next === null || next !== lastShown) {
      const { create } = tokens.getState();
      const endedByServer = next === null && now.state?.status === 'signed_out' && now.state.notice !== null;
      tokens.getState().reset(next);
      if (endedByServer && create.open) tokens.setState({ create: { ...create, saving: false, error: null } });
      toasts.getState().clear();
      profile.getState().resetName();
      profile.getState().resetPassword();
    }
    // Every call from a screen names the account that screen shows (the same one coming back included).
    tokens.setState({ accountId: next });
    profile.setState({ accountId: next });
    if (next !== null) lastShown = next;
  });

  return { session, toasts, tokens, allTokens, settings, profile, i18n };
}

export type AppStores = ReturnType<typeof createAppStores>;
