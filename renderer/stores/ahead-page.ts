// A switch asks main for the new account's page 1 beside `accounts:switch` (every call names its
// account), so the Tokens tab's first load after the switch takes that page instead of asking again.
import type { Result, TokenPage } from '../../preload/contract.ts';

/** How long a page asked beside a switch counts as what the server holds (as main's page fetched at launch). */
const AHEAD_FRESH_MS = 10_000;

export function createAheadPage(listFirstPage: (accountId: string) => Promise<Result<TokenPage>>) {
  let ahead: { accountId: string; askedAt: number; page: Promise<Result<TokenPage>> } | null = null;
  return {
    /** Asks for the account's page 1; `switched` says whether the switch was carried out. */
    ask(accountId: string, switched: Promise<boolean>) {
      const asked = { accountId, askedAt: performance.now(), page: listFirstPage(accountId) };
      ahead = asked;
      // A switch refused or overtaken shows another account: its page must not be shown later.
      void switched.then((done) => {
        if (!done && ahead === asked) ahead = null;
      });
    },
    /** The page asked for this account, taken once and only while fresh; else null. */
    take(accountId: string) {
      const taken = ahead;
      if (taken?.accountId !== accountId) return null;
      ahead = null;
      return performance.now() - taken.askedAt <= AHEAD_FRESH_MS ? taken.page : null;
    },
    /** Drops a page asked for any account but this one. */
    keepOnlyFor(accountId: string | null) {
      if (ahead?.accountId !== accountId) ahead = null;
    },
  };
}
