// What each account's server offers for its tokens (see nocodb/v3-token-capabilities.ts), detected
// once per account and asked by the token service. An entry ends with the account's session (Log
// Out, session ended: `forget`), and is detected again when an answer contradicts it.
import type { TokenCapabilities } from '../../preload/contract.ts';
import type { PinnedSession } from '../accounts/accounts-service.ts';
import { contradicts, detectTokenCapabilities, OLDER_SERVER, type TokenEvidence } from '../nocodb/v3-token-capabilities.ts';

export interface TokenCapabilityCache {
  /** The account's capabilities: detected on the first call, then kept (an undecided probe is retried next time). */
  of(pinned: PinnedSession): Promise<TokenCapabilities>;
  /** Holds an answer against what was detected; detects again when it contradicts. */
  learn(pinned: PinnedSession, evidence: TokenEvidence): Promise<TokenCapabilities>;
  forget(accountId: string): void;
}

export function createTokenCapabilityCache(): TokenCapabilityCache {
  /** Account id → its detection (one request shared by every caller while it runs). */
  const detected = new Map<string, Promise<TokenCapabilities | null>>();

  function detect(pinned: PinnedSession): Promise<TokenCapabilities | null> {
    const running = detectTokenCapabilities(() => pinned.withSession((client, jwt) => client.v3Tokens(jwt)));
    detected.set(pinned.account.id, running);
    void running.then((capabilities) => {
      // Undecided (the server did not answer), or the session ended meanwhile: nothing is kept.
      if ((capabilities === null || !pinned.isLive()) && detected.get(pinned.account.id) === running) detected.delete(pinned.account.id);
    });
    return running;
  }

  async function of(pinned: PinnedSession): Promise<TokenCapabilities> {
    return (await (detected.get(pinned.account.id) ?? detect(pinned))) ?? OLDER_SERVER;
  }

  return {
    of,
    async learn(pinned, evidence) {
      const known = await of(pinned);
      if (!contradicts(known, evidence)) return known;
      return (await detect(pinned)) ?? OLDER_SERVER;
    },
    forget(accountId) {
      detected.delete(accountId);
    },
  };
}
