// The Profile and Password tabs' work in main: renaming the user and changing the password
// without ending the app's session. Passwords go to the server in that one request and nowhere else.
import type { AccountScoped, PasswordChange, SessionState } from '../../preload/contract.ts';
import type { AccountsService } from '../accounts/accounts-service.ts';
import { AppFailure } from '../app-error.ts';
import { passwordChangeTimedOut, type PasswordChangeNotices } from './password-change-notice.ts';

export interface ProfileServiceOptions {
  session: Pick<AccountsService, 'pin' | 'getState'>;
  /** Remembers a change that timed out, so the sign-in screen can say to try the new password. */
  notices: Pick<PasswordChangeNotices, 'timedOut' | 'settled'>;
}

export interface ProfileService {
  /** Renames the user; the session state then carries the name the server kept. */
  updateDisplayName(request: AccountScoped & { displayName: string }): Promise<SessionState>;
  changePassword(request: PasswordChange): Promise<SessionState>;
}

// Each call pins the account its request names (see main/accounts/accounts-service.ts): the rename is
// recorded on, and a password change replaces the session of, that account and no other.
export function createProfileService({ session, notices }: ProfileServiceOptions): ProfileService {
  return {
    async updateDisplayName({ accountId, displayName }) {
      // The server takes any string, so the name is trimmed here (the argument check bounds it).
      const pinned = await session.pin(accountId);
      const kept = await pinned.withSession((client, jwt) => client.updateProfile(jwt, displayName.trim()));
      pinned.updateAccount(kept);
      return session.getState();
    },

    async changePassword({ accountId, currentPassword, newPassword }) {
      const pinned = await session.pin(accountId);
      // A timeout before the change was sent (a refresh) changed nothing; after, the server may have.
      let sent = false;
      try {
        await pinned.withSessionReplaced((client, jwt) => {
          sent = true;
          return client.changePassword(jwt, { currentPassword, newPassword });
        });
      } catch (error) {
        if (!(sent && error instanceof AppFailure && error.code === 'timeout')) throw error;
        notices.timedOut(pinned.account);
        throw passwordChangeTimedOut();
      }
      notices.settled(pinned.account);
      return session.getState();
    },
  };
}
