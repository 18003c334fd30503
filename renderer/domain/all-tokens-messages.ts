// The catalog keys of All tokens' words that depend on a value (renderer/i18n/catalogs), and the
// words the CSV export and the expiry reminder take from the catalog in the app's language.
import type { MessageKey, Translator } from '../i18n/index.ts';
import type { TokenFilter, TokenState } from './all-tokens-rows.ts';
import type { CsvWords } from './tokens-csv.ts';

export const FILTER_LABELS: Record<TokenFilter, MessageKey> = {
  all: 'allTokens.filter.all',
  expired: 'allTokens.filter.expired',
  expiring: 'allTokens.filter.expiring',
  disabled: 'allTokens.filter.disabled',
  unused: 'allTokens.filter.unused',
  others: 'allTokens.filter.others',
};

export const STATE_LABELS: Record<TokenState, MessageKey> = {
  active: 'allTokens.state.active',
  expired: 'allTokens.state.expired',
  disabled: 'allTokens.state.disabled',
};

/** "3 tokens" or "2 of 3 tokens". */
export const shownCount = (t: Translator['t'], shown: number, total: number): string =>
  shown === total ? t('allTokens.count', { total }) : t('allTokens.countOf', { shown, total });

/** The CSV's header and state words, in the app's language (a spreadsheet user reads them). */
export function csvWords(t: Translator['t']): CsvWords {
  return {
    header: [
      t('allTokens.column.account'),
      t('allTokens.column.server'),
      t('tokens.column.name'),
      t('tokens.column.creator'),
      t('allTokens.column.created'),
      t('tokens.column.lastUsed'),
      t('tokens.column.expires'),
      t('allTokens.column.state'),
    ],
    states: { active: t(STATE_LABELS.active), expired: t(STATE_LABELS.expired), disabled: t(STATE_LABELS.disabled) },
    neverUsed: t('tokens.neverUsed'),
    neverExpires: t('tokens.neverExpires'),
  };
}

/** The expiry reminder's words: a title for each count (main picks the one for the tokens it names). */
export function reminderWords(t: Translator['t']): (count: number) => { titles: string[]; body: string } {
  return (count) => ({
    titles: Array.from({ length: count }, (_, index) => t('reminders.title', { count: index + 1 })),
    body: t('reminders.body'),
  });
}
