// Server words the renderer shows (names, emails, error messages) are bounded here, where answers
// are parsed, so a hostile server cannot fill the window or the IPC channel with one field.
import * as v from 'valibot';

/** The longest server text the app passes on; real names and messages are far shorter. */
export const MAX_SHOWN_LENGTH = 500;

const ELLIPSIS = '…';

/** `text` cut to MAX_SHOWN_LENGTH characters, the last one an ellipsis, never splitting a surrogate pair. */
export function boundedText(text: string): string {
  if (text.length <= MAX_SHOWN_LENGTH) return text;
  const cut = text.slice(0, MAX_SHOWN_LENGTH - ELLIPSIS.length);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}${ELLIPSIS}`;
}

/** A string field of an answer that becomes UI text. */
export const shownString = v.pipe(v.string(), v.transform(boundedText));
