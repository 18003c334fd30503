// Capabilities travel with the accounts: every session state main answers carries, for each account
// with a live session, what its server can do. An account's server is asked once — when it signs in
// or is restored (the first state that shows it live) — with a one-row token list; later token pages
// refine it (see main/nocodb/server-capabilities.ts). An account's end forgets them.
import type { AccountEntry, SessionState } from '../preload/contract.ts';
import type { AccountsService } from './accounts/accounts-service.ts';
import { toAppError } from './app-error.ts';
import type { CapabilityRegistry, TokenSample } from './nocodb/server-capabilities.ts';

export function detectingCapabilities(
  session: AccountsService,
  capabilities: CapabilityRegistry,
  log: (line: string) => void,
): AccountsService {
  /** Detections under way, so concurrent state answers share one request per account. */
  const asking = new Map<string, Promise<void>>();

  async function ask(accountId: string): Promise<void> {
    const pinned = await session.pin(accountId);
    const [{ rows }, v3Tokens] = await Promise.all([
      pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: 1, offset: 0 })),
      // The v3 tokens route (April 2026 images); a server that did not answer it decides nothing yet.
      pinned.withSession((client, jwt) => client.v3Tokens(jwt)).catch(() => undefined),
    ]);
    if (!pinned.isLive()) return;
    const sample: TokenSample | null = rows[0] ? { kind: 'listed', row: rows[0] } : null;
    capabilities.learn(accountId, { isSuperAdmin: pinned.isSuperAdmin, sample, ...(v3Tokens === undefined ? {} : { v3Tokens }) });
  }

  /** Asks every account not detected yet; one without a live session (pin refuses it) or an answer stays without. */
  const detect = (entry: AccountEntry) => {
    if (capabilities.of(entry.id)) return undefined;
    let run = asking.get(entry.id);
    if (!run) {
      run = ask(entry.id)
        .catch((error: unknown) => {
          const { code } = toAppError(error);
          if (code !== 'account_not_signed_in' && code !== 'not_signed_in') log(`capabilities: detection failed with ${code}`);
        })
        .finally(() => asking.delete(entry.id));
      asking.set(entry.id, run);
    }
    return run;
  };

  const withCapabilities = async (answer: Promise<SessionState>): Promise<SessionState> => {
    const state = await answer;
    await Promise.all(state.accounts.map(detect));
    const accounts = state.accounts.map((entry) => {
      const found = capabilities.of(entry.id);
      return found ? { ...entry, capabilities: found } : entry;
    });
    return { ...state, accounts };
  };

  // Whatever ends a session forgets what was learned with it; a new sign-in asks again.
  session.onAccountEnded((account) => capabilities.forget(account.id));

  return {
    ...session,
    getState: () => withCapabilities(session.getState()),
    signIn: (request) =>
      withCapabilities(
        session.signIn(request).then((state) => {
          const signedIn = state.accounts.find((entry) => entry.active);
          if (signedIn) capabilities.forget(signedIn.id);
          return state;
        }),
      ),
    logOut: (id) => withCapabilities(session.logOut(id)),
    switchTo: (id) => withCapabilities(session.switchTo(id)),
    retry: (id) => withCapabilities(session.retry(id)),
    recover: () => withCapabilities(session.recover()),
  };
}
