import type { Bridge } from '../../preload/contract.ts';
import { activeAccountOf, createSessionStore, type SessionStore } from './session-store.ts';
import { createSettingsStore } from './settings-store.ts';
import { createToastStore } from './toast-store.ts';
import { createTokensStore } from './tokens-store.ts';

/** The app's feature stores, wired to one bridge. One set per app instance (and per test). */
export function createAppStores(bridge: Bridge) {
  const toasts = createToastStore();
  const session = createSessionStore(bridge, toasts);
  const onFailure = session.getState().checkFailure;
  const tokens = createTokensStore({ bridge, toasts, onFailure: (error) => void onFailure(error) });
  const settings = createSettingsStore(bridge, (error) => void onFailure(error));

  // Another account (or none) on screen: everything about the previous one's tokens goes — rows,
  // revealed values, the create row, the delete dialog, "Copy token" offers — and its answers
  // still on their way are ignored.
  const shown = ({ state }: SessionStore) => (state?.status === 'signed_in' ? (activeAccountOf(state)?.id ?? null) : null);
  session.subscribe((now, before) => {
    if (shown(now) === shown(before)) return;
    tokens.getState().reset();
    toasts.getState().clear();
  });

  return { session, toasts, tokens, settings };
}

export type AppStores = ReturnType<typeof createAppStores>;
