// Times in the token table: NocoDB sends `2026-11-28 02:57:57+00:00` (SQLite), ISO strings, or
// (Postgres/MySQL without a zone) `2026-11-28 02:57:57`. The app words them through the translator's
// relativeTime and dateTime (renderer/i18n/relative-time.ts), in the app's language.

/** An offset at the end: Z, +00:00, +0000 or +00. */
const HAS_OFFSET = /(?:z|[+-]\d{2}(?::?\d{2})?)$/i;
const HAS_TIME = /\d{2}:\d{2}/;

/** Milliseconds since the epoch, or null for a text that is not a time. A time without an offset is UTC (NocoDB stores UTC). */
export function parseServerTime(text: string): number | null {
  const trimmed = text.trim();
  const iso = trimmed.includes('T') ? trimmed : trimmed.replace(' ', 'T');
  // Date.parse reads an ISO date-time without an offset as local time; the server meant UTC.
  const time = Date.parse(HAS_TIME.test(iso) && !HAS_OFFSET.test(iso) ? `${iso}Z` : iso);
  return Number.isNaN(time) ? null : time;
}
