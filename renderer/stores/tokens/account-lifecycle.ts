// What ends an account's tokens on screen: the session store says which accounts are live and who
// they are. An account that logs out, is removed, whose session ends, or whose identity changes is
// forgotten by the token model — on every screen at once — and live accounts' capabilities, as main
// detected them, are handed to the model.
import type { AccountEntry } from '../../../preload/contract.ts';
import type { SessionStoreApi } from '../session-store.ts';
import type { TokenModelApi } from './token-model.ts';

/** An account with a live session: its tokens can be listed and acted on. */
export function isLiveAccount(entry: AccountEntry): boolean {
  return entry.status === 'signed_in' || entry.status === 'memory_only';
}

/** Who is behind an account id: another user or server there is another account's data. */
const identityOf = ({ serverUrl, email }: AccountEntry) => `${serverUrl}\n${email.toLowerCase()}`;

/** Keeps the token model in step with the session store; answers the unsubscribe. */
export function followSessions(session: SessionStoreApi, model: TokenModelApi): () => void {
  let live = new Map<string, string>();
  return session.subscribe(({ state }) => {
    const entries = (state?.accounts ?? []).filter(isLiveAccount);
    const now = new Map(entries.map((entry) => [entry.id, identityOf(entry)]));
    for (const [id, identity] of live) if (now.get(id) !== identity) model.getState().forgetAccount(id);
    live = now;
    for (const entry of entries) if (entry.capabilities) model.getState().learnCapabilities(entry.id, entry.capabilities);
  });
}
