// The CSV export of the rows shown: what a spreadsheet needs to review tokens, never a secret.
// No token value and no prefix: a prefix narrows a guess and has no place in a file that travels.
import { parseServerTime } from './token-time.ts';
import { stateOf, type AccountTokenRow, type TokenState } from './all-tokens-rows.ts';

/** The file's words in the app's language: the header (account, server, name, creator, created, last used, expires, state), states, "never used" and "never expires". */
export interface CsvWords {
  header: readonly string[];
  states: Record<TokenState, string>;
  neverUsed: string;
  neverExpires: string;
}

// Control characters (line breaks and tabs included) and direction controls are shown as visible
// escapes: a tab or line break could start a new field or row, and U+202E could reverse a name.
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const visible = (char: string) => `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;

// OWASP's CSV injection advice, for every field-splitting convention: spreadsheets set to German,
// French, Spanish, Portuguese or Russian split on `;`, and a quote protects only a field's start. So
// wherever a field could start — the cell's start, or after `,` or `;` (with spaces or quotes before
// it) — a formula character (also its full-width form) gets a leading `'`.
const FORMULA_AT_FIELD_START = /(^|[,;])([\s"]*)([=+\-@＝＋－＠])/g;

/** One cell: hidden characters made visible, formula starts neutralised, always quoted (inner quotes doubled). */
export function csvCell(text: string): string {
  const safe = text.replace(HIDDEN, visible).replace(FORMULA_AT_FIELD_START, "$1$2'$3");
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A server time as ISO 8601 (a spreadsheet reads it), `never` for the server's null, empty when not told. */
function csvTime(value: string | null | undefined, never = ''): string {
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
      csvTime(token.createdAt ?? undefined),
      csvTime(token.lastUsedAt, words.neverUsed),
      csvTime(token.expiry, words.neverExpires),
      words.states[stateOf(row, now)],
    ].map(csvCell);
  });
  return `\uFEFF${[words.header.map(csvCell), ...lines].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
