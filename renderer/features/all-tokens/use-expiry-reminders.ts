import { useEffect, useEffectEvent } from 'react';
import { useI18n } from '../../stores/i18n-context.tsx';
import { navigate } from '../../routing/hash-route.ts';
import { useAllTokensActions, useTokenModel } from '../../stores/stores-context.tsx';
import { reminderWords } from '../../domain/all-tokens-messages.ts';
import { DAY } from '../../domain/all-tokens-rows.ts';
import { useAllTokensLoad } from './use-all-tokens-load.ts';

/**
 * At launch the reminders wait this long before they load every account's tokens: the screen the
 * app opens on (a Tokens tab waiting for its first page) must not queue behind 20 accounts' pages.
 */
const LAUNCH_DELAY_MS = 2_000;

/**
 * Expiry reminders while the app runs: every account's tokens are loaded after launch and once a day,
 * and main is handed the ones that expire (it notifies at most once per token a day). When the user
 * clicked a reminder, the window's next focus opens All tokens showing just those tokens.
 */
export function useExpiryReminders(): void {
  const accounts = useAllTokensLoad(false, LAUNCH_DELAY_MS);
  const settled = useTokenModel((s) => s.accounts.length > 0 && s.accounts.every((load) => load.status !== 'loading'));
  const { remind, takeReminder, load } = useAllTokensActions();
  const { t } = useI18n();

  // Worded here, in the app's language, for main's notification.
  const remindNow = useEffectEvent(() => void remind(Date.now(), reminderWords(t)));
  useEffect(() => {
    if (settled) remindNow();
  }, [settled]);

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
