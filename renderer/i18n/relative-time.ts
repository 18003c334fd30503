// "3 hours ago", "in 2 days", "now": through Intl.RelativeTimeFormat in the app's language.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * The amount and unit for a time difference: rounded in each unit first, then the largest unit
 * whose rounded amount stays under the next one — so 59.6 minutes is "1 hour", never "60 minutes",
 * 23.6 hours "1 day" and 11.7 months "1 year". Under half a minute is "now".
 */
export function relativeParts(difference: number): [number, Intl.RelativeTimeFormatUnit] {
  const minutes = Math.round(difference / MINUTE);
  if (minutes === 0) return [0, 'second'];
  if (Math.abs(minutes) < 60) return [minutes, 'minute'];
  const hours = Math.round(difference / HOUR);
  if (Math.abs(hours) < 24) return [hours, 'hour'];
  const days = Math.round(difference / DAY);
  if (Math.abs(days) < 30) return [days, 'day'];
  const months = Math.round(difference / MONTH);
  if (Math.abs(months) < 12) return [months, 'month'];
  return [Math.sign(difference) * Math.max(1, Math.round(Math.abs(difference) / YEAR)), 'year'];
}

/** Formats `time` relative to `now` in `locale` ("vor 3 Stunden", "через 2 дня", "الآن"). */
export function createRelativeTime(locale: string): (time: number, now: number) => string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return (time, now) => {
    const [amount, unit] = relativeParts(time - now);
    return format.format(amount, unit);
  };
}
