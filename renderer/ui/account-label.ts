import type { Account } from '../../preload/contract.ts';

/** How the shell names the signed-in user: "Ada Lovelace (ada@example.com)", or the email alone. */
export function accountLabel({ displayName, email }: Pick<Account, 'displayName' | 'email'>): string {
  const name = displayName?.trim();
  return name ? `${name} (${email})` : email;
}
