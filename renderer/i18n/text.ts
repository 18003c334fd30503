import type { AppError, ErrorCode } from '../../preload/contract.ts';
import type { MessageKey } from './load-catalog.ts';

export type Values = Record<string, string | number>;

/**
 * Words a store keeps for a component to show, worded when shown (so a language change applies at
 * once): a catalog message, the server's own words as sent, or an error from main worded by its code.
 */
export type Text = { key: MessageKey; values?: Values } | { verbatim: string } | { error: AppError; words?: ErrorWords };

/** Per screen: the message that fits a code better than the generic one (`error.<code>`). */
export type ErrorWords = Partial<Record<ErrorCode, MessageKey>>;

/** A catalog message to show later. */
export const msg = (key: MessageKey, values?: Values): Text => (values ? { key, values } : { key });

/** An error from main, to word later (with a screen's words for some codes). */
export const errorMsg = (error: AppError, words?: ErrorWords): Text => (words ? { error, words } : { error });

/** True when the error's message is the server's own words (a `validation` error unless main marks it its own), shown as sent. */
export function isServerWords(error: AppError): boolean {
  const source = error.params?.['source'];
  return (source === 'server' || (error.code === 'validation' && source !== 'app')) && error.message.trim() !== '';
}

/**
 * The message for an error, most precise first: `error.<code>.<reason>` when main named a reason,
 * then the screen's word for the code, then `error.<code>`, then `error.internal`.
 */
export function errorKey(error: AppError, words: ErrorWords | undefined, has: (key: string) => key is MessageKey): MessageKey {
  const reason = error.params?.['reason'];
  const precise = typeof reason === 'string' ? `error.${error.code}.${reason}` : null;
  if (precise && has(precise)) return precise;
  const screen = words?.[error.code];
  if (screen) return screen;
  const generic = `error.${error.code}`;
  return has(generic) ? generic : 'error.internal';
}
