import type { Language } from '../../preload/contract.ts';
import type en from './catalogs/en.json';

/** A message id of the English catalog; every catalog has exactly these (test/renderer/i18n/catalogs.test.ts). */
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

// One chunk per language: the build fetches only the catalog of the language on screen.
const CATALOGS = import.meta.glob<Catalog>('./catalogs/*.json', { import: 'default' });

export type LoadCatalog = (language: Language) => Promise<Catalog>;

/** Fetches one language's messages (ICU MessageFormat strings). */
export const loadCatalog: LoadCatalog = async (language) => {
  const load = CATALOGS[`./catalogs/${language}.json`];
  if (!load) throw new Error(`No catalog for ${language}.`);
  return load();
};
