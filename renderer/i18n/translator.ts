import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../preload/contract.ts';
import { isolated } from './bidi.ts';
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

/**
 * The arguments a message shows as they are (`{name}`), in its branches too. A `select` or `plural`
 * argument is matched, not shown: isolating it would make `linux` match no branch.
 */
function shownArguments(elements: readonly MessageFormatElement[]): Set<string> {
  const shown = new Set<string>();
  const matched = new Set<string>();
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type === TYPE.argument) shown.add(element.value);
      else if (element.type === TYPE.tag) walk(element.children);
      else if (element.type === TYPE.plural || element.type === TYPE.select) {
        matched.add(element.value);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(elements);
  for (const name of matched) shown.delete(name);
  return shown;
}

export function createTranslator(language: Language, catalog: Catalog): Translator {
  const formats = new Map<MessageKey, { format: IntlMessageFormat; shown: Set<string> }>();
  const exact = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  const has = (key: string): key is MessageKey => Object.hasOwn(catalog, key);
  const dir = LANGUAGE_INFO[language].dir;

  const t = (key: MessageKey, values?: Values): string => {
    let message = formats.get(key);
    if (!message) {
      const format = new IntlMessageFormat(catalog[key], language);
      message = { format, shown: shownArguments(format.getAst()) };
      formats.set(key, message);
    }
    const { format, shown } = message;
    // Text values shown inside the sentence are isolated in every language (see bidi.ts).
    const filled = values
      ? Object.fromEntries(
          Object.entries(values).map(([name, value]) => [
            name,
            typeof value === 'string' && shown.has(name) ? isolated(value, dir) : value,
          ]),
        )
      : values;
    return String(format.format(filled));
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
