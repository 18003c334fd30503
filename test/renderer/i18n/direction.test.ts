// Every message of every catalog, formatted with a value that carries U+202E (right-to-left
// override) and a stray U+2069: the sentence's own words stay as they are, in order, and the value
// sits in one closed isolation, in every language.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../preload/contract.ts';
import type { Catalog, MessageKey } from '../../../renderer/i18n/load-catalog.ts';
import { createTranslator } from '../../../renderer/i18n/translator.ts';

const files = import.meta.glob<Catalog>('../../../renderer/i18n/catalogs/*.json', { eager: true, import: 'default' });
const HOSTILE = 'evil\u202E\u2069 name';
const ISOLATE = /\u2068[^\u2066-\u2069]*\u2069/g;
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Values for a message: `value` for each shown text argument, a number for plurals, the first branch for selects. */
function valuesFor(elements: MessageFormatElement[], value: string, values: Record<string, string | number> = {}) {
  for (const element of elements) {
    if (element.type === TYPE.argument) values[element.value] ??= value;
    else if (element.type === TYPE.number || element.type === TYPE.plural) values[element.value] = 2;
    else if (element.type === TYPE.select) values[element.value] = Object.keys(element.options)[0] ?? 'other';
    else if (element.type === TYPE.tag) valuesFor(element.children, value, values);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) valuesFor(option.value, value, values);
    }
  }
  return values;
}

describe.each(LANGUAGES)('text direction in %s', (language) => {
  const catalog = files[`../../../renderer/i18n/catalogs/${language}.json`]!;
  const translator = createTranslator(language, catalog);

  it('keeps every sentence in order around a value carrying U+202E', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const key of Object.keys(catalog) as MessageKey[]) {
      const ast = parse(catalog[key]);
      const hostile = translator.t(key, valuesFor(ast, HOSTILE));
      const plain = translator.t(key, valuesFor(ast, 'é'));
      if (!hostile.includes('evil')) continue;
      checked += 1;
      // Outside the isolations: no direction control, and exactly the sentence's own words.
      const outside = hostile.replace(ISOLATE, '<value>');
      if (CONTROLS.test(outside)) problems.push(`${key}: a direction control outside an isolation`);
      if (outside !== plain.replace(ISOLATE, '<value>')) problems.push(`${key}: the sentence changed around the value`);
      if (!hostile.includes('\u2068evil name\u2069')) problems.push(`${key}: the value is not isolated`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
