import type { Bridge } from '../../preload/contract.ts';
import { createProfileStore } from './profile-store.ts';
import { createSessionStore } from './session-store.ts';
import { createSettingsStore } from './settings-store.ts';
import { createToastStore } from './toast-store.ts';
import { createTokensStore, initialTokensData } from './tokens-store.ts';

/** The app's feature stores, wired to one bridge. One set per app instance (and per test). */
export function createAppStores(bridge: Bridge) {
  const toasts = createToastStore();
  const session = createSessionStore(bridge, toasts);
  const onFailure = session.getState().checkFailure;
  const tokens = createTokensStore({ bridge, toasts, onFailure: (error) => void onFailure(error) });
  const settings = createSettingsStore(bridge, (error) => void onFailure(error));
  const profile = createProfileStore({
    bridge,
    onSession: (state) => session.setState({ state }),
    onFailure: (error) => void onFailure(error),
  });

  // Leaving the signed-in state forgets everything about the previous account's tokens. When the
  // server ended the session (a notice, not the user's choice), the name being typed is kept.
  session.subscribe((now, before) => {
    if (before.state?.status === 'signed_in' && now.state?.status !== 'signed_in') {
      const { create } = tokens.getState();
      const endedByServer = now.state?.status === 'signed_out' && now.state.notice !== null;
      tokens.setState({ ...initialTokensData(), ...(endedByServer && create.open ? { create: { ...create, saving: false, error: null } } : {}) });
      profile.getState().resetName();
      profile.getState().resetPassword();
    }
  });

  return { session, toasts, tokens, settings, profile };
}

export type AppStores = ReturnType<typeof createAppStores>;
