// The CSV export of the rows shown: what a spreadsheet needs to review tokens, never a secret.
// No token value and no prefix: a prefix narrows a guess and has no place in a file that travels.
import { parseServerTime } from '../tokens/token-time.ts';
import { stateOf, type AccountTokenRow } from './all-tokens-rows.ts';

export const CSV_HEADER = ['Account', 'Server', 'Token name', 'Creator', 'Created', 'Last used', 'Expires', 'State'] as const;

const STATE_WORDS = { active: 'Active', expired: 'Expired', disabled: 'Disabled' } as const;

// OWASP's CSV injection advice: a cell a spreadsheet would read as a formula starts with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starts neutralised, then quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A server time as ISO 8601 (a spreadsheet reads it), "Never" for the server's null, empty when not told. */
function csvTime(value: string | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'Never';
  const time = parseServerTime(value);
  return time === null ? value : new Date(time).toISOString();
}

/** RFC 4180 text (CRLF lines) with a byte-order mark, so spreadsheets read the names as UTF-8. */
export function tokensCsv(rows: readonly AccountTokenRow[], now: number): string {
  const lines = rows.map(({ account, token }) =>
    [
      account.email,
      account.serverUrl,
      token.name ?? '',
      token.creator ?? '',
      csvTime(token.createdAt ?? undefined),
      csvTime(token.lastUsedAt),
      csvTime(token.expiry),
      STATE_WORDS[stateOf(token, now)],
    ].map(csvCell),
  );
  return `\uFEFF${[CSV_HEADER.map(csvCell), ...lines].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
