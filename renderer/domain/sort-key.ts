// A key made once per text (when a row is made) that orders under plain `<` exactly as the app's
// collator does (base strength, numeric): sorting 20,000 rows then compares strings in JS instead of
// calling Intl.Collator a few hundred thousand times, which kept the page's one thread busy while
// pages of tokens waited. Only printable ASCII gets a key: every app language orders it the same way
// (test/renderer/all-tokens/sort-key.test.ts checks each against Intl.Collator). Any other text gets
// none, and the collator compares it.

/** Printable ASCII other than digits and letters, in the collator's order (space first). */
const PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
/** A number sorts after every punctuation mark and before every letter. */
const NUMBER = PUNCTUATION.length + 1;
const LETTER_BASE = PUNCTUATION.length + 2;
/** ICU compares longer digit runs in pieces; such (rare) texts are left to the collator. */
const MAX_DIGITS = 200;
/** Longer texts are left to the collator too: their codes are spread into one call, which has a bound. */
const MAX_LENGTH = 1000;

/** Each printable ASCII character's one-unit key; digits are keyed by their run, not here. */
const UNITS: (number | undefined)[] = [];
for (let index = 0; index < PUNCTUATION.length; index += 1) UNITS[PUNCTUATION.charCodeAt(index)] = index + 1;
for (let letter = 0; letter < 26; letter += 1) {
  // Base strength: a capital is the same letter.
  UNITS[0x61 + letter] = UNITS[0x41 + letter] = LETTER_BASE + letter;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * The text's key, or null where only the collator knows its order. A run of digits is keyed as its
 * number: a marker, then how many digits it has without leading zeros, then those digits, so 9 < 10
 * and 007 = 7, as the numeric collator has them. Built from char codes in one go: a flat one-byte
 * string, smaller than the rope that `+=` would leave in each of 20,000 rows.
 */
export function sortKey(text: string): string | null {
  if (text.length > MAX_LENGTH) return null;
  const codes: number[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) {
      let end = index;
      while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
      if (end - index > MAX_DIGITS) return null;
      let start = index;
      while (start < end - 1 && text.charCodeAt(start) === 0x30) start += 1;
      codes.push(NUMBER, end - start);
      for (; start < end; start += 1) codes.push(text.charCodeAt(start));
      index = end;
    } else {
      const unit = UNITS[code];
      if (unit === undefined) return null;
      codes.push(unit);
      index += 1;
    }
  }
  return String.fromCharCode(...codes);
}

/** Two texts in the collator's order: by their keys where both have one. */
export function compareTexts(a: string, aKey: string | null, b: string, bKey: string | null, compare: Intl.Collator['compare']): number {
  if (aKey === null || bKey === null) return compare(a, b);
  return aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
}
