// The CSV export of the rows shown: what a spreadsheet needs to review tokens, never a secret.
// No token value and no prefix: a prefix narrows a guess and has no place in a file that travels.
import { parseServerTime } from './token-time.ts';
import { stateOf, type AccountTokenRow, type TokenState } from './all-tokens-rows.ts';

/** The file's words in the app's language: the header (account, server, name, creator, created, last used, expires, state), states and "never". */
export interface CsvWords {
  header: readonly string[];
  states: Record<TokenState, string>;
  never: string;
}

// OWASP's CSV injection advice: a cell a spreadsheet would read as a formula starts with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starts neutralised, then quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A server time as ISO 8601 (a spreadsheet reads it), "never" for the server's null, empty when not told. */
function csvTime(value: string | null | undefined, never: string): string {
  if (value === undefined) return '';
  if (value === null) return never;
  const time = parseServerTime(value);
  return time === null ? value : new Date(time).toISOString();
}

/** RFC 4180 text (CRLF lines) with a byte-order mark, so spreadsheets read the names as UTF-8. */
export function tokensCsv(rows: readonly AccountTokenRow[], now: number, words: CsvWords): string {
  const lines = rows.map((row) => {
    const { account, token } = row;
    return [
      account.email,
      account.serverUrl,
      token.name ?? '',
      token.creator ?? '',
      csvTime(token.createdAt ?? undefined, words.never),
      csvTime(token.lastUsedAt, words.never),
      csvTime(token.expiry, words.never),
      words.states[stateOf(row, now)],
    ].map(csvCell);
  });
  return `\uFEFF${[words.header.map(csvCell), ...lines].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
