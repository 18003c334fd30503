// The Profile and Password tabs' work in main: renaming the user and changing the password
// without ending the app's session. Passwords go to the server in that one request and nowhere else.
import type { PasswordChange, SessionState } from '../../preload/contract.ts';
import type { SessionService } from '../session/session-service.ts';

export interface ProfileServiceOptions {
  session: Pick<SessionService, 'withSession' | 'withSessionReplaced' | 'updateAccount' | 'getState'>;
}

export interface ProfileService {
  /** Renames the user; the session state then carries the name the server kept. */
  updateDisplayName(request: { displayName: string }): Promise<SessionState>;
  changePassword(request: PasswordChange): Promise<SessionState>;
}

export function createProfileService({ session }: ProfileServiceOptions): ProfileService {
  return {
    async updateDisplayName({ displayName }) {
      // The server takes any string, so the name is trimmed here (the argument check bounds it).
      const kept = await session.withSession((client, jwt) => client.updateProfile(jwt, displayName.trim()));
      session.updateAccount(kept);
      return session.getState();
    },

    async changePassword(change) {
      await session.withSessionReplaced((client, jwt) => client.changePassword(jwt, change));
      return session.getState();
    },
  };
}
