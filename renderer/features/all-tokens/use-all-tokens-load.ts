import { useEffect, useEffectEvent, useMemo } from 'react';
import type { SessionState } from '../../../preload/contract.ts';
import { useAllTokens, useSession, useTokenModel } from '../../stores/stores-context.tsx';
import type { TokenAccount } from '../../domain/all-tokens-rows.ts';
import { isLiveAccount } from '../../stores/tokens/account-lifecycle.ts';

/** The accounts with a live session, in the user's order: the ones whose tokens can be listed. */
export function signedInAccounts(state: SessionState | null): TokenAccount[] {
  if (state?.status !== 'signed_in') return [];
  return state.accounts.filter(isLiveAccount).map(({ id, email, serverUrl }) => ({ accountId: id, email, serverUrl }));
}

/**
 * Loads every signed-in account's tokens when a screen that shows them mounts (`always`), or only
 * when the set of signed-in accounts changed since the last load (the overview's counts), after
 * `delayMs` (the reminders wait, so the screen opened at launch has the servers first).
 */
export function useAllTokensLoad(always: boolean, delayMs = 0): TokenAccount[] {
  const state = useSession((s) => s.state);
  const load = useAllTokens((s) => s.load);
  const loadedIds = useTokenModel((s) => s.accounts.map((a) => a.account.accountId).join('\n'));
  const accounts = useMemo(() => signedInAccounts(state), [state]);
  const ids = accounts.map((a) => a.accountId).join('\n');
  // Runs when the signed-in accounts change, not when a load itself changes the store.
  const loadIfNeeded = useEffectEvent((wanted: string) => {
    if (always || wanted !== loadedIds) void load(accounts);
  });
  useEffect(() => {
    if (delayMs === 0) return loadIfNeeded(ids);
    const timer = setTimeout(() => loadIfNeeded(ids), delayMs);
    return () => clearTimeout(timer);
  }, [ids, delayMs]);
  return accounts;
}
