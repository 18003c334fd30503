// What the user reads about their session: why they see the sign-in screen, or why the session
// will not survive a restart. English for logs; the renderer words each by its code and params.reason.
// Never a secret, never a server detail.
import type { AppError } from '../../preload/contract.ts';
import { AppFailure } from '../app-error.ts';
import { keychainPlatform, keychainUnavailable } from '../keychain/keychain-unavailable.ts';

export const SESSION_EXPIRED: AppError = { code: 'session_expired', message: 'Your session expired. Sign in again.' };

/** The server refused a JWT that had not expired yet, and its refresh token: something ended the session. */
export const SESSION_ENDED: AppError = {
  code: 'session_expired',
  message:
    'Your session expired: the server ended it, for example because this account signed in somewhere else (NocoDB ends other sessions at each sign-in). Sign in again.',
  params: { reason: 'ended' },
};

/** The account a call names has no live session (logged out, ended, or not restored). */
export const notSignedIn = () => new AppFailure('account_not_signed_in', 'This account is signed out. Sign in to continue.');

/** The keychain's own explanation (what the system needs), or the generic one for an unexpected error. */
const keychainFailure = (error: unknown) =>
  error instanceof AppFailure && error.code === 'keychain_unavailable' ? error : keychainUnavailable();

const keychainProblem = (error: unknown, reason: string, consequence: string): AppError => {
  const failure = keychainFailure(error);
  const platform = failure.params?.['platform'] ?? keychainPlatform(process.platform);
  return { code: 'keychain_unavailable', message: `${failure.message} ${consequence}`, params: { reason, platform } };
};

/** Shown on the sign-in screen when the keychain could not be read at launch. */
export const keychainNotice = (error: unknown): AppError =>
  keychainProblem(error, 'launch', 'You can still sign in, but the session will only last until you close the app.');

/** Shown while signed in when the session could not be written to the keychain. */
export const memoryOnlyWarning = (error: unknown): AppError =>
  keychainProblem(error, 'memory_only', 'This session is kept in memory only and will not survive a restart.');

export const accountLimitReached = (max: number) =>
  new AppFailure('account_limit', `You can keep up to ${max} accounts. Log out of one you no longer use to add another.`, { max });

/** A sign-in of an account whose Log Out waits for the keychain: the Log Out is finished first. */
export const logOutPending = () =>
  new AppFailure('keychain_locked', 'This account is still being logged out: unlock your keychain and choose Retry on its card first.', {
    reason: 'log_out_pending',
  });

export const unknownAccount = () => new AppFailure('unknown_account', 'This account is no longer in the list.');

/** Shown for a listed account whose keychain entry is gone (or damaged). */
export const SIGN_IN_AGAIN: AppError = {
  code: 'session_expired',
  message: 'Signed out. Sign in again to use this account.',
  params: { reason: 'sign_in_again' },
};

/** The longest email address a server accepts (RFC 5321 allows 254 characters). */
export const MAX_EMAIL_LENGTH = 254;

export const emailTooLong = () =>
  new AppFailure('validation', `This email address is longer than ${MAX_EMAIL_LENGTH} characters, so no server accepts it.`, {
    reason: 'email_too_long',
    source: 'app',
    max: MAX_EMAIL_LENGTH,
  });

/** The server signed in someone else than the user typed (a proxy, a misconfigured server): refused, never kept. */
export const identityMismatch = (typed: string, answered: string) =>
  new AppFailure(
    'invalid_credentials',
    `The server answered for ${answered} instead of ${typed}, so the app did not keep this sign-in and signed that session out.`,
    { reason: 'identity_mismatch', typed, answered },
  );
