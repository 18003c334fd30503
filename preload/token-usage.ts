// How to use an API token, as the seed's step 6 shows it: the `xc-token` header, and a curl line
// against the account's server. Main fills in the real token for the clipboard; the renderer shows
// the same text with a mask, so what is on screen is exactly what gets copied, minus the secret.
import type { UsageExample } from './contract.ts';

/** An endpoint every valid token may call: it answers who the token belongs to. */
export const USAGE_PATH = '/api/v1/auth/user/me';

/** What the screen shows in place of the token. */
export const USAGE_MASK = '•'.repeat(12);

/** A POSIX shell word that expands nothing: single quotes, each `'` inside closed, escaped and reopened. */
export const shellQuoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

export function usageExample(example: UsageExample, serverUrl: string, token: string): string {
  if (example === 'headers') return JSON.stringify({ headers: { 'xc-token': token } }, null, 2);
  return `curl -H ${shellQuoted(`xc-token: ${token}`)} ${shellQuoted(serverUrl + USAGE_PATH)}`;
}
