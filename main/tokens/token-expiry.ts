// The expiry the app asks a server for, from the user's choice: a number of days from now, or the
// end of a date in the user's time zone (as a date picker means it). ISO, as the server checks it.
import type { TokenExpiryChoice } from '../../preload/contract.ts';

const DAY = 24 * 3600_000;

export function expiryTime(choice: TokenExpiryChoice, now: number): string {
  if ('days' in choice) return new Date(now + choice.days * DAY).toISOString();
  const [year, month, day] = choice.date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}
