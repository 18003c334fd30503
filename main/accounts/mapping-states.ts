// Layers over the accounts service (capabilities, password-change notices) add to every session state
// it answers; the list of the calls that answer one lives here once.
import type { SessionState } from '../../preload/contract.ts';
import type { AccountsService } from './accounts-service.ts';

/** The service with every state it answers passed through `map`. */
export function mappingStates(session: AccountsService, map: (state: SessionState) => SessionState): AccountsService {
  const mapped = (answer: Promise<SessionState>) => answer.then(map);
  return {
    ...session,
    getState: () => mapped(session.getState()),
    getShownState: () => mapped(session.getShownState()),
    signIn: (request) => mapped(session.signIn(request)),
    logOut: (id) => mapped(session.logOut(id)),
    switchTo: (id) => mapped(session.switchTo(id)),
    retry: (id) => mapped(session.retry(id)),
    recover: () => mapped(session.recover()),
  };
}
