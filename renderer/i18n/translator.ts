import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../preload/contract.ts';
import { LANGUAGE_INFO } from './languages.ts';
import type { Catalog, MessageKey } from './load-catalog.ts';
import { errorKey, isServerWords, type Text, type Values } from './text.ts';

/** What components word things with: catalog messages, stored texts, relative and exact times. */
export interface Translator {
  language: Language;
  dir: 'ltr' | 'rtl';
  /** A catalog message with its values filled in (ICU: plurals, selects, numbers). */
  t: (key: MessageKey, values?: Values) => string;
  /** A text a store kept: a message, the server's words, or an error worded by its code. */
  say: (text: Text) => string;
  /** "3 hours ago", "in 2 days", "now", in the app's language. */
  relativeTime: (time: number, now: number) => string;
  /** The exact date and time, for a tooltip. */
  dateTime: (time: number) => string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * The amount and unit for a time difference: rounded in each unit first, so 59.6 minutes is
 * "1 hour", never "60 minutes"; then the largest unit whose rounded amount stays under the next.
 */
export function relativeParts(difference: number): [number, Intl.RelativeTimeFormatUnit] {
  const minutes = Math.round(difference / MINUTE);
  if (Math.abs(minutes) < 1) return [0, 'second'];
  if (Math.abs(minutes) < 60) return [minutes, 'minute'];
  const hours = Math.round(difference / HOUR);
  if (Math.abs(hours) < 24) return [hours, 'hour'];
  const days = Math.round(difference / DAY);
  if (Math.abs(days) < 30) return [days, 'day'];
  const months = Math.round(difference / MONTH);
  if (Math.abs(months) < 12) return [months, 'month'];
  return [Math.sign(difference) * Math.max(1, Math.round(Math.abs(difference) / YEAR)), 'year'];
}

export function createTranslator(language: Language, catalog: Catalog): Translator {
  const formats = new Map<MessageKey, IntlMessageFormat>();
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const exact = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  const has = (key: string): key is MessageKey => Object.hasOwn(catalog, key);

  const t = (key: MessageKey, values?: Values): string => {
    let format = formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalog[key], language);
      formats.set(key, format);
    }
    return String(format.format(values));
  };

  return {
    language,
    dir: LANGUAGE_INFO[language].dir,
    t,
    say: (text) => {
      if ('verbatim' in text) return text.verbatim;
      if ('key' in text) return t(text.key, text.values);
      const { error } = text;
      if (isServerWords(error)) return error.message.trim();
      // A message whose values main did not send cannot be worded: the next, plainer one is.
      const attempt = (key: string, values?: Values) => {
        try {
          return has(key) ? t(key, values) : null;
        } catch {
          return null;
        }
      };
      return attempt(errorKey(error, text.words, has), error.params) ?? attempt(`error.${error.code}`) ?? t('error.internal');
    },
    relativeTime: (time, now) => {
      const [amount, unit] = relativeParts(time - now);
      return relative.format(amount, unit);
    },
    dateTime: (time) => exact.format(time),
  };
}
