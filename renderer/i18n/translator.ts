import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../preload/contract.ts';
import { LANGUAGE_INFO } from './languages.ts';
import { createRelativeTime } from './relative-time.ts';
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

export function createTranslator(language: Language, catalog: Catalog): Translator {
  const formats = new Map<MessageKey, IntlMessageFormat>();
  const exact = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  const has = (key: string): key is MessageKey => Object.hasOwn(catalog, key);

  const dir = LANGUAGE_INFO[language].dir;
  // In right-to-left text, a value (an email, a URL, a token name) is isolated so its own direction
  // cannot reorder the sentence around it (FSI … PDI).
  const isolate = (values: Values | undefined): Values | undefined =>
    dir === 'rtl' && values
      ? Object.fromEntries(
          Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? `\u2068${value}\u2069` : value]),
        )
      : values;

  const t = (key: MessageKey, values?: Values): string => {
    let format = formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalog[key], language);
      formats.set(key, format);
    }
    return String(format.format(isolate(values)));
  };

  return {
    language,
    dir,
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
    relativeTime: createRelativeTime(language),
    dateTime: (time) => exact.format(time),
  };
}
