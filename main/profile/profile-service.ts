// The Profile and Password tabs' work in main: renaming the user and changing the password
// without ending the app's session. Passwords go to the server in that one request and nowhere else.
import type { AccountScoped, PasswordChange, SessionState } from '../../preload/contract.ts';
import type { SessionService } from '../accounts/accounts-service.ts';

export interface ProfileServiceOptions {
  session: Pick<SessionService, 'pin' | 'getState'>;
}

export interface ProfileService {
  /** Renames the user; the session state then carries the name the server kept. */
  updateDisplayName(request: AccountScoped & { displayName: string }): Promise<SessionState>;
  changePassword(request: PasswordChange): Promise<SessionState>;
}

// Each call pins the account its request names (see main/accounts/accounts-service.ts): the rename is
// recorded on, and a password change replaces the session of, that account and no other.
export function createProfileService({ session }: ProfileServiceOptions): ProfileService {
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
      await pinned.withSessionReplaced((client, jwt) => client.changePassword(jwt, { currentPassword, newPassword }));
      return session.getState();
    },
  };
}
