// Text direction of values placed inside sentences. A value from a server or the user (a token name,
// an email, a server's error) is isolated (FSI … PDI) so its own direction cannot reorder the
// sentence around it — in every language: U+202E in a token name reverses the rest of an English
// sentence as surely as an Arabic one.

/** Explicit direction controls: embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// Printable ASCII holds only left-to-right letters, European digits and neutrals: in a left-to-right
// sentence it resolves left to right exactly as the sentence does, isolated or not. Such a value is
// left bare there, so copied English text and the tests' exact strings carry no invisible marks.
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The value as one isolated run (bare when it is plain ASCII in a left-to-right sentence). Its own
 * controls go first: an unmatched PDI inside would close the isolation early, and an unmatched
 * isolate initiator would take the closing PDI for itself.
 */
export function isolated(value: string, dir: 'ltr' | 'rtl'): string {
  if (dir === 'ltr' && PLAIN_ASCII.test(value)) return value;
  return `${FSI}${value.replace(BIDI_CONTROLS, '')}${PDI}`;
}
