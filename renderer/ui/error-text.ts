import type { AppError, ErrorCode } from '../../preload/contract.ts';

/** Words for a code when main sent no message; each screen passes the ones that fit it. */
export type ErrorWords = Partial<Record<ErrorCode, string>>;

const SOMETHING_WENT_WRONG = 'Something went wrong. Please try again.';

const GENERIC: ErrorWords = {
  server_unreachable: 'Cannot reach the server. Check the address and your connection.',
  timeout: 'The server took too long to answer. Please try again.',
  server_error: 'The server could not do this right now. Please try again.',
  session_expired: 'Your session has expired. Please sign in again.',
  not_signed_in: 'You are signed out. Please sign in again.',
  account_not_signed_in: 'This account is signed out. Please sign in again.',
  unknown_account: 'This account is no longer in the list.',
};

/** The user-facing text for an error: main's message (already user-safe) first, then the fallbacks. */
export function errorText(error: AppError, words: ErrorWords = {}): string {
  const message = error.message.trim();
  if (message !== '') return message;
  return words[error.code] ?? GENERIC[error.code] ?? SOMETHING_WENT_WRONG;
}
