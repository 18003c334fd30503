// Capabilities travel with the accounts: every session state main answers carries, for each account
// whose capabilities are known, what its server can do. A state answer never asks a server and never
// waits: an account's capabilities become known with its first token page (the page asks the v3
// tokens route beside its own request and carries them; see main/tokens/token-capabilities.ts), and
// until then its entry has none — "unknown yet", for which the renderer shows no column and no action
// beyond NocoDB 0.301.3's. An account's end, or a new sign-in, forgets them.
import type { SessionState } from '../preload/contract.ts';
import type { AccountsService } from './accounts/accounts-service.ts';
import { mappingStates } from './accounts/mapping-states.ts';
import type { CapabilityRegistry } from './nocodb/server-capabilities.ts';

export function carryingCapabilities(session: AccountsService, capabilities: CapabilityRegistry): AccountsService {
  const withCapabilities = (state: SessionState): SessionState => {
    const accounts = state.accounts.map((entry) => {
      const found = capabilities.of(entry.id);
      return found ? { ...entry, capabilities: found } : entry;
    });
    return { ...state, accounts };
  };

  // Whatever ends a session forgets what was learned with it; a new sign-in asks again.
  session.onAccountEnded((account) => capabilities.forget(account.id));

  const signIn: AccountsService['signIn'] = async (request) => {
    const state = await session.signIn(request);
    const signedIn = state.accounts.find((entry) => entry.active);
    if (signedIn) capabilities.forget(signedIn.id);
    return state;
  };
  return mappingStates({ ...session, signIn }, withCapabilities);
}
