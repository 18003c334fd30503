// The app's words in nine languages (FormatJS's intl-messageformat: ICU MessageFormat through Intl).
//
// How a component words something (`useI18n` lives with the stores, in stores/i18n-context.tsx, so
// this barrel stays below them and holds no React):
//   const { t, say, relativeTime, dateTime } = useI18n();
//   t('tokens.add')                          → "Add New API Token" in the app's language
//   t('tokens.created', { name })            → ICU placeholders, plurals ({n, plural, one {…} other {…}}), selects
// A text value shown in a sentence is isolated (FSI … PDI) with its own direction controls removed,
// so a token name holding U+202E cannot reverse the sentence (bidi.ts); select and plural arguments
// are matched as given.
// Every message lives in catalogs/en.json (the keys are typed from it) and in each other catalog with
// exactly the same keys; test/renderer/i18n/catalogs.test.ts checks keys, ICU syntax and placeholders.
//
// Stores keep words as `Text` (msg(key, values) | errorMsg(error, words) | { verbatim }) and components
// show them with `say(text)`, so a language change applies to what is already on screen.
//
// Errors: main sends `{ code, message, params? }`. The renderer words an error by its code:
// `error.<code>.<params.reason>` when that message exists, else the screen's ErrorWords for the code,
// else `error.<code>`; params fill the placeholders. Errors with `params.source === 'server'` (and
// `validation` errors unless `source === 'app'`) carry the server's own words in `message`, shown as
// sent; otherwise `message` is English for logs and tests only.
//
// Adding a language: add its tag to LANGUAGES (preload/contract.ts), its own name and direction to
// LANGUAGE_INFO (languages.ts) and catalogs/<tag>.json with every key of en.json.
export { LANGUAGE_INFO, matchLanguage } from './languages.ts';
export type { Catalog, MessageKey } from './load-catalog.ts';
export { errorMsg, msg, type ErrorWords, type Text, type Values } from './text.ts';
export type { Translator } from './translator.ts';
