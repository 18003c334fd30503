import type { Account } from '../../preload/contract.ts';
import type { Translator } from '../i18n/index.ts';

/** How the shell names the signed-in user: "Ada Lovelace (ada@example.com)", or the email alone. */
export function accountLabel({ displayName, email }: Pick<Account, 'displayName' | 'email'>, { t }: Pick<Translator, 't'>): string {
  const name = displayName?.trim();
  return name ? t('userMenu.accountLabel', { name, email }) : email;
}
