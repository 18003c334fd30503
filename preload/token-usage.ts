// How to use an API token, as the seed's step 6 shows it: the `xc-token` header, and a request to the
// account's server for each place a user may paste it (a shell, a script, a `.env` file). Main fills
// in the real token for the clipboard; the renderer shows the same text with a mask, so what is on
// screen is exactly what gets copied, minus the secret.
//
// Server values are `[A-Za-z0-9_-]`, but a keychain copy may hold any printable character, so each
// target quotes by its own rules or refuses a value it cannot hold safely: one quoting does not fit
// all (`'\''` protects in sh, not in PowerShell or fish; `cmd` has no quotes `%` cannot cross).
import type { UsageExample } from './contract.ts';

/** An endpoint every valid token may call: it answers who the token belongs to. */
export const USAGE_PATH = '/api/v1/auth/user/me';

/** What the screen shows in place of the token. */
export const USAGE_MASK = '•'.repeat(12);

/** The places an example is written for (not the bare header block), in the order the panel lists them. */
export const USAGE_TARGETS = ['sh', 'fish', 'powershell', 'cmd', 'fetch', 'python', 'env'] as const satisfies readonly UsageExample[];
export type UsageTarget = (typeof USAGE_TARGETS)[number];

/** Each target by its own name (names, not words: the same in every language). */
export const TARGET_NAMES: Record<UsageTarget, string> = {
  sh: 'bash/zsh',
  fish: 'fish',
  powershell: 'PowerShell',
  cmd: 'cmd',
  fetch: 'JavaScript (fetch)',
  python: 'Python (requests)',
  env: '.env',
};

/** The example the panel opens with: PowerShell on Windows, a POSIX shell elsewhere. */
export const defaultTarget = (userAgent: string): UsageTarget => (/\bWindows\b/.test(userAgent) ? 'powershell' : 'sh');

/** An example's text, or a refusal when a value holds characters its target cannot quote safely. */
export type UsageText = { ok: true; text: string } | { ok: false };

// No HTTP header may hold a control character, and a line break would end the pasted command.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** A POSIX shell word that expands nothing: single quotes, each `'` inside closed, escaped and reopened. */
export const shellQuoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** A fish word: in fish's single quotes only `\` and `'` are special, each escaped by a backslash. */
export const fishQuoted = (text: string): string => `'${text.replace(/[\\']/g, '\\$&')}'`;

/** A PowerShell verbatim string: every single-quote character (typographic ones too, which PowerShell also takes as quotes) doubled. */
export const powerShellQuoted = (text: string): string => `'${text.replace(/['\u2018-\u201B]/g, '$&$&')}'`;

/** A JavaScript or Python string literal: JSON's escapes are valid in both. */
const literal = (text: string): string => JSON.stringify(text);

/**
 * Which characters each target refuses (beyond control characters): cmd expands `%` and `!` even
 * inside double quotes and has no way to put a `"` inside them (and `\` before the closing quote
 * would escape it for curl.exe's own reading); `.env` readers differ on escapes, so
 * only single-quoted text without `'` or `\` reads the same in dotenv, python-dotenv and `sh`.
 */
const REFUSED: Partial<Record<UsageTarget, RegExp>> = { cmd: /["%!\\]/, env: /['\\]/ };

/** The header block a service sends: JSON, which writes any character safely. */
export const headerBlock = (token: string): string => JSON.stringify({ headers: { 'xc-token': token } }, null, 2);

const WRITERS: Record<UsageTarget, (url: string, token: string) => string> = {
  sh: (url, token) => `curl -H ${shellQuoted(`xc-token: ${token}`)} ${shellQuoted(url)}`,
  fish: (url, token) => `curl -H ${fishQuoted(`xc-token: ${token}`)} ${fishQuoted(url)}`,
  powershell: (url, token) => `Invoke-RestMethod -Uri ${powerShellQuoted(url)} -Headers @{ 'xc-token' = ${powerShellQuoted(token)} }`,
  cmd: (url, token) => `curl.exe -H "xc-token: ${token}" "${url}"`,
  fetch: (url, token) =>
    `const response = await fetch(${literal(url)}, { headers: { 'xc-token': ${literal(token)} } });\nconsole.log(await response.json());`,
  python: (url, token) =>
    `import requests\n\nresponse = requests.get(${literal(url)}, headers={'xc-token': ${literal(token)}})\nprint(response.json())`,
  env: (url, token) => `NOCODB_URL='${url}'\nNOCODB_TOKEN='${token}'`,
};

/** The example for `target` against the account's server, with `token` in it — or a refusal. */
export function usageExample(target: UsageTarget, serverUrl: string, token: string): UsageText {
  const refused = REFUSED[target];
  const unsafe = (value: string) => CONTROL.test(value) || (refused?.test(value) ?? false);
  if (unsafe(serverUrl) || unsafe(token)) return { ok: false };
  return { ok: true, text: WRITERS[target](serverUrl + USAGE_PATH, token) };
}
