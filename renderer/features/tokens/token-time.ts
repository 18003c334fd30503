// Times in the token table: NocoDB sends `2026-11-28 02:57:57+00:00` (SQLite) or ISO strings.

/** Milliseconds since the epoch, or null for a text that is not a time. */
export function parseServerTime(text: string): number | null {
  const time = Date.parse(text.includes('T') ? text : text.replace(' ', 'T'));
  return Number.isNaN(time) ? null : time;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "in 2 days", "just now". */
export function relativeTime(time: number, now: number): string {
  const difference = time - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) {
      return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(difference / size), unit);
    }
  }
  return 'just now';
}

/** The exact local time, for a tooltip. */
export function exactTime(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
