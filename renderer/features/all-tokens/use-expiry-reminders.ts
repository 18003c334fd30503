import { useEffect, useEffectEvent } from 'react';
import { navigate } from '../../routing/hash-route.ts';
import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { DAY } from './all-tokens-rows.ts';
import { useAllTokensLoad } from './use-all-tokens-load.ts';

/**
 * Expiry reminders while the app runs: every account's tokens are loaded at launch and once a day,
 * and main is handed the ones that expire (it notifies at most once per token a day). When the user
 * clicked a reminder, the window's next focus opens All tokens showing just those tokens.
 */
export function useExpiryReminders(): void {
  const accounts = useAllTokensLoad(false);
  const settled = useAllTokens((s) => s.accounts.length > 0 && s.accounts.every((load) => load.status !== 'loading'));
  const { remind, takeReminder, load } = useAllTokensActions();

  useEffect(() => {
    if (settled) void remind(Date.now());
  }, [settled, remind]);

  const reloadAll = useEffectEvent(() => void load(accounts));
  useEffect(() => {
    const timer = setInterval(reloadAll, DAY);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const onFocus = async () => {
      if (await takeReminder()) navigate('all-tokens');
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [takeReminder]);
}
