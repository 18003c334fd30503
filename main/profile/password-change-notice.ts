// A password change that times out may still have gone through on the server: NocoDB then ends every
// session of the user, and the app, which never got the new refresh cookie, lands on sign-in. This
// remembers such a change per account and words what the user sees next: the Password page's error
// now, the sign-in notice (and the account's problem in the overview) once the session has ended.
import type { AccountEntry, AppError, SessionState } from '../../preload/contract.ts';
import { AppFailure } from '../app-error.ts';
import type { AccountRef } from '../ports.ts';
import type { AccountsService } from '../accounts/accounts-service.ts';
import { mappingStates } from '../accounts/mapping-states.ts';

export const passwordChangeTimedOut = () =>
  new AppFailure(
    'timeout',
    'The server did not answer in time, so the app cannot tell whether your password was changed: it may have changed on the server. If the app asks you to sign in, try the new password first.',
    { reason: 'password_change' },
  );

/** The sign-in notice after such a change; the code stays the session's own. */
export const TRY_NEW_PASSWORD =
  'Your session ended after a password change the server did not confirm: your password may have changed on the server. Try the new password first.';
const tryNewPassword: AppError = { code: 'session_expired', message: TRY_NEW_PASSWORD, params: { reason: 'password_uncertain' } };

// NocoDB keeps emails in lower case; the account list keeps them as typed.
const same = (a: AccountRef, b: AccountRef) => a.serverUrl === b.serverUrl && a.email.toLowerCase() === b.email.toLowerCase();

export interface PasswordChangeNotices {
  /** A change for this account was sent and got no answer. */
  timedOut(account: AccountRef): void;
  /** The account's password is known again (changed, or signed in with): nothing more to say. */
  settled(account: AccountRef): void;
  /** The state with the notice and the account's problem worded for such an account whose session ended. */
  explain(state: SessionState): SessionState;
}

export function createPasswordChangeNotices(): PasswordChangeNotices {
  let uncertain: AccountRef[] = [];
  const isUncertain = (account: AccountRef) => uncertain.some((candidate) => same(candidate, account));
  const explainEntry = (entry: AccountEntry): AccountEntry =>
    entry.status === 'session_ended' && isUncertain(entry) ? { ...entry, problemError: tryNewPassword } : entry;

  return {
    timedOut(account) {
      if (!isUncertain(account)) uncertain = [...uncertain, { serverUrl: account.serverUrl, email: account.email }];
    },
    settled(account) {
      uncertain = uncertain.filter((candidate) => !same(candidate, account));
    },
    explain(state) {
      if (uncertain.length === 0) return state;
      const accounts = state.accounts.map(explainEntry);
      if (state.status === 'signed_in') return { ...state, accounts };
      const { notice, prefill } = state;
      const ended = notice?.code === 'session_expired' && prefill !== null && isUncertain(prefill);
      return { ...state, accounts, notice: ended ? tryNewPassword : notice };
    },
  };
}

/** The session service with every state it answers explained, and a sign-in settling its account. */
export function explainingPasswordChanges(session: AccountsService, notices: PasswordChangeNotices): AccountsService {
  const signIn: AccountsService['signIn'] = async (request) => {
    const state = await session.signIn(request);
    if (state.status === 'signed_in') notices.settled(state.account);
    return state;
  };
  return mappingStates({ ...session, signIn }, notices.explain);
}
