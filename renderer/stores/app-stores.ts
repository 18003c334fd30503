import type { AppError, Bridge } from '../../preload/contract.ts';
import { followSessions } from './tokens/account-lifecycle.ts';
import { bridgeTokenApi } from './tokens/token-api.ts';
import { createTokenModel } from './tokens/token-model.ts';
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
  // A switch asks for the new account's first token page beside it, not after its answer.
  const session = createSessionStore(bridge, toasts, {
    onSwitch: (accountId, switched) => tokens.getState().listAhead(accountId, switched),
  });
  const onFailure = session.getState().checkFailure;
  const api = bridgeTokenApi(bridge);
  const failed = (error: AppError) => void onFailure(error);
  // One token model for every screen; the session store decides when an account's part of it ends.
  const tokenModel = createTokenModel({ api, toasts, onFailure: failed });
  followSessions(session, tokenModel);
  const tokens = createTokensStore({ api, model: tokenModel, onFailure: failed });
  const allTokens = createAllTokensStore({ api, model: tokenModel, toasts, onFailure: failed });
  const settings = createSettingsStore(bridge, (error) => void onFailure(error));
  const i18n = createI18nStore({ bridge, settings, loadCatalog: options.loadCatalog });
  const profile = createProfileStore({
    bridge,
    onSession: (state) => session.setState({ state }),
    onFailure: (error) => void onFailure(error),
  });

  // Another account (or none) on screen: the screens' state about the previous one goes — the page of
  // token rows, the create row, the delete dialog, the Use it panel, "Copy token" offers, the
  // profile forms — and its answers still on their way are ignored. (What the account itself holds —
  // revealed values, Test results — is the token model's, which ends with the account.) When the server ended the session
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

  return { session, toasts, tokenModel, tokens, allTokens, settings, profile, i18n };
}

export type AppStores = ReturnType<typeof createAppStores>;
