// Every catalog is complete: exactly the English keys, every message valid ICU, and every
// placeholder of the English message present in the translation (a missing {name} would drop the
// token's name from the sentence; a misspelt one would throw at run time).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../preload/contract.ts';

const files = import.meta.glob<Record<string, string>>('../../../renderer/i18n/catalogs/*.json', { eager: true, import: 'default' });
const read = (file: string) => files[`../../../renderer/i18n/catalogs/${file}`] ?? {};
const english = read('en.json');

/** The argument names a message uses, nested ones (inside plural and select branches) included. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      placeholders(element.children, found);
      continue;
    }
    found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
  }
  return found;
}

describe('catalogs', () => {
  it('has one catalog file per language, and no other', () => {
    const names = Object.keys(files).map((file) => file.split('/').pop());
    expect(names.sort()).toEqual(LANGUAGES.map((language) => `${language}.json`).sort());
  });

  describe.each(LANGUAGES)('%s', (language) => {
    const catalog = read(`${language}.json`);

    it('has exactly the English keys', () => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    });

    it('has a non-empty, valid ICU message for each key, with every English placeholder', () => {
      const problems: string[] = [];
      for (const [key, source] of Object.entries(english)) {
        const message = catalog[key] ?? '';
        if (message.trim() === '') {
          problems.push(`${key}: empty`);
          continue;
        }
        let used: Set<string>;
        try {
          used = placeholders(parse(message));
        } catch (error) {
          problems.push(`${key}: not valid ICU (${String(error)})`);
          continue;
        }
        const wanted = [...placeholders(parse(source))].sort().join(', ');
        const got = [...used].sort().join(', ');
        if (wanted !== got) problems.push(`${key}: placeholders {${got}} instead of {${wanted}}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
