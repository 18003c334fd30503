// A lint of the nine catalogs for the classes of error a native-speaker review found: a select that
// matches no branch (its argument isolated), a number shown without a plural, a count message that
// never reaches its singular wording (ja/zh have no `one`; fr/pt-BR put 0 in `one`), French
// punctuation that can wrap alone, half-width `:`/`()` against CJK text, one key serving two
// meanings, and text left in English.
import { parse, TYPE, type MessageFormatElement, type PluralElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../preload/contract.ts';
import type { Catalog, MessageKey } from '../../../renderer/i18n/load-catalog.ts';
import { createTranslator } from '../../../renderer/i18n/translator.ts';

const files = import.meta.glob<Catalog>('../../../renderer/i18n/catalogs/*.json', { eager: true, import: 'default' });
const catalogOf = (language: Language) => files[`../../../renderer/i18n/catalogs/${language}.json`]!;
const english = catalogOf('en');
const KEYS = Object.keys(english) as MessageKey[];

/** Every element of a message, those inside plural and select branches and tags included. */
function* walk(elements: readonly MessageFormatElement[]): Generator<MessageFormatElement> {
  for (const element of elements) {
    yield element;
    if (element.type === TYPE.tag) yield* walk(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) yield* walk(option.value);
    }
  }
}

const plurals = (message: string) => [...walk(parse(message))].filter((element): element is PluralElement => element.type === TYPE.plural);
const hasPound = (elements: readonly MessageFormatElement[]) => [...walk(elements)].some((element) => element.type === TYPE.pound);

/** Numbers that label rather than count (a page, "3 of 7", a range, a unit symbol, a badge): no plural needed. */
const NUMBER_LABELS = new Set<string>([
  'tokens.pagination.page',
  'allTokens.countOf:shown',
  'allTokens.bulk.progress',
  'allTokens.deleteSelectedCount',
  'allTokens.disableSelectedCount',
  'profile.clipboard.invalid',
  'error.timeout.address',
]);

/** Values that are the same in English and this language: names, placeholders only, or the language's own word. */
const SAME_AS_ENGLISH: Partial<Record<Language, readonly MessageKey[]>> = {
  es: ['account.title.tokens', 'tokens.column.token', 'allTokens.count', 'menu.zoom'],
  'pt-BR': ['account.title.tokens', 'tokens.column.token', 'allTokens.count', 'menu.zoom'],
  de: ['shell.appNav', 'account.title.tokens', 'tokens.column.token', 'allTokens.column.server', 'profile.name'],
  fr: ['app.notifications', 'tokens.column.actions', 'tokens.pagination', 'tokens.pagination.page', 'menu.services', 'menu.zoom'],
};
const NAMES = new Set(['NocoDB Account Manager']);
const onlyPlaceholders = (message: string) => message.replace(/\{[^}]*\}/g, '').replace(/[\s().,:;·-]/g, '') === '';

/**
 * Qualifiers whose words depend on what they qualify: "never" used is 从未使用 and "never" expires is
 * 永不过期. A key that is just the bare word (`tokens.never`) invites a second use for another meaning.
 */
const QUALIFIERS = new Set(['never', 'none', 'always', 'unknown', 'all', 'nothing']);

/** NocoDB's own terms in each language, and the other words for the same thing that crept in. */
const NOT_THE_TERM: Partial<Record<Language, RegExp>> = {
  ja: /サインイン|サインアウト|API トークン/, // NocoDB: ログイン, ログアウト, APIトークン
  ru: /учётн\S* запис/, // the app's word for an account is «аккаунт» («учётные данные» are credentials)
  'pt-BR': /Keychain/, // macOS's own word is Chaves (Acesso às Chaves)
};

const CJK = '[\\u3040-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef、。「」]';
const HALF_WIDTH_AFTER_CJK = new RegExp(`${CJK}\\s*[:()]|[()]\\s*${CJK}`, 'u');

describe('catalog lint', () => {
  describe.each(LANGUAGES)('%s', (language) => {
    const catalog = catalogOf(language);
    const rules = new Intl.PluralRules(language);
    const categories = new Set(rules.resolvedOptions().pluralCategories);
    // Whether `one` holds exactly the number 1 in this language (not 0 as in fr/pt-BR, nor 21 as in ru).
    const oneIsOnlyOne = Array.from({ length: 200 }, (_, n) => n).every((n) => (rules.select(n) === 'one') === (n === 1));

    it('matches every select branch through the real translator (no isolated select argument)', () => {
      const translator = createTranslator(language, catalog);
      const problems: string[] = [];
      for (const key of KEYS) {
        for (const element of walk(parse(catalog[key]))) {
          if (element.type !== TYPE.select) continue;
          for (const branch of Object.keys(element.options).filter((name) => name !== 'other')) {
            const values = { [element.value]: branch };
            const expected = new IntlMessageFormat(catalog[key], language).format(fill(catalog[key], values));
            let got: string;
            try {
              got = translator.t(key, fill(catalog[key], values));
            } catch {
              got = '';
            }
            if (got.replace(/[\u2068\u2069]/g, '') !== String(expected))
              problems.push(`${key}: ${element.value}=${branch} missed its branch`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('shows every counted number through a plural', () => {
      const problems: string[] = [];
      for (const key of KEYS) {
        const elements = [...walk(parse(catalog[key]))];
        const counted = new Set(plurals(catalog[key]).map((plural) => plural.value));
        for (const element of elements) {
          if (element.type !== TYPE.number || counted.has(element.value)) continue;
          if (NUMBER_LABELS.has(key) || NUMBER_LABELS.has(`${key}:${element.value}`)) continue;
          // A language without plural forms words every number alike.
          if (categories.size > 1) problems.push(`${key}: {${element.value}} is a number without a plural`);
        }
        for (const plural of plurals(english[key])) {
          if (categories.size > 1 && !plurals(catalog[key]).some((own) => own.value === plural.value)) {
            problems.push(`${key}: English counts {${plural.value}} with a plural, this does not`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('reaches every plural branch, and words exactly one only for 1 (=1 where `one` is not just 1)', () => {
      const problems: string[] = [];
      for (const key of KEYS) {
        const englishSingular = new Map(
          plurals(english[key]).map((plural) => [
            plural.value,
            plural.options['one'] !== undefined && !hasPound(plural.options['one'].value),
          ]),
        );
        for (const plural of plurals(catalog[key])) {
          for (const [name, option] of Object.entries(plural.options)) {
            if (name.startsWith('=')) continue;
            if (!categories.has(name as Intl.LDMLPluralRule)) problems.push(`${key}: \`${name}\` is never reached in ${language}`);
            else if (name === 'one' && !hasPound(option.value) && !oneIsOnlyOne) {
              problems.push(`${key}: \`one\` is worded for exactly one, but holds other numbers in ${language}; use =1`);
            }
          }
          // English words the singular without a number ("this token"): so must this language, for 1.
          const wordsOne = plural.options['=1'] !== undefined || (oneIsOnlyOne && plural.options['one'] !== undefined);
          if (englishSingular.get(plural.value) && !wordsOne) problems.push(`${key}: no wording for exactly one (=1)`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('keeps text out of English, but for names and the language’s own words', () => {
      if (language === 'en') return;
      const allowed = new Set(SAME_AS_ENGLISH[language] ?? []);
      const same = KEYS.filter(
        (key) => catalog[key] === english[key] && !allowed.has(key) && !NAMES.has(english[key]) && !onlyPlaceholders(english[key]),
      );
      expect(same).toEqual([]);
    });

    it('uses NocoDB’s terms, one word for one thing', () => {
      const term = NOT_THE_TERM[language];
      expect(term ? KEYS.filter((key) => term.test(catalog[key])) : []).toEqual([]);
    });

    it('uses its own typography', () => {
      const problems: string[] = [];
      for (const key of KEYS) {
        const text = catalog[key];
        if (language === 'fr') {
          // A narrow no-break space before ? ! : ; » and after «, so the sign never wraps alone.
          if (/(?:^|[^\u202F])[?!;»]|[ \u00A0]:|«(?!\u202F)/u.test(text.replace(/https?:\/\//g, ''))) problems.push(key);
        }
        if (language === 'ja' || language === 'zh-Hans') {
          if (HALF_WIDTH_AFTER_CJK.test(text)) problems.push(key);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('gives a qualifier one key per meaning: named for what it qualifies, never the bare word', () => {
    const bare = KEYS.filter((key) => {
      const segments = key.split('.');
      const word = english[key].toLowerCase();
      return QUALIFIERS.has(word) && segments.length <= 2 && segments.at(-1)!.toLowerCase() === word;
    });
    expect(bare).toEqual([]);
  });
});

/** Values for a message: the given ones, 2 for other counts, a plain word for other text. */
function fill(message: string, given: Record<string, string>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const element of walk(parse(message))) {
    if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = 2;
    else if (element.type === TYPE.argument || element.type === TYPE.select) values[element.value] ??= 'x';
  }
  return { ...values, ...given };
}
