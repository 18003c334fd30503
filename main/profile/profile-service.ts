// The Profile and Password tabs' work in main: renaming the user and changing the password
// without ending the app's session. Passwords go to the server in that one request and nowhere else.
import type { PasswordChange, SessionState } from '../../preload/contract.ts';
import { AppFailure } from '../app-error.ts';
import type { SessionService } from '../session/session-service.ts';
import { passwordChangeTimedOut, type PasswordChangeNotices } from './password-change-notice.ts';

export interface ProfileServiceOptions {
  session: Pick<SessionService, 'pin' | 'getState'>;
  /** Remembers a change that timed out, so the sign-in screen can say to try the new password. */
  notices: Pick<PasswordChangeNotices, 'timedOut' | 'settled'>;
}

export interface ProfileService {
  /** Renames the user; the session state then carries the name the server kept. */
  updateDisplayName(request: { displayName: string }): Promise<SessionState>;
  changePassword(request: PasswordChange): Promise<SessionState>;
}

// Each call pins the active account once (see main/session/session-service.ts): the rename is recorded
// on, and a password change replaces the session of, the account the request was sent for.
export function createProfileService({ session, notices }: ProfileServiceOptions): ProfileService {
  return {
    async updateDisplayName({ displayName }) {
      // The server takes any string, so the name is trimmed here (the argument check bounds it).
      const pinned = await session.pin();
      const kept = await pinned.withSession((client, jwt) => client.updateProfile(jwt, displayName.trim()));
      pinned.updateAccount(kept);
      return session.getState();
    },

    async changePassword(change) {
      const pinned = await session.pin();
      // A timeout before the change was sent (a refresh) changed nothing; after, the server may have.
      let sent = false;
      try {
        await pinned.withSessionReplaced((client, jwt) => {
          sent = true;
          return client.changePassword(jwt, change);
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
