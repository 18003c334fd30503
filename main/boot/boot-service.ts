// Start-up in one hop. At launch main restores the accounts at once (the keychain worker starts
// with it) and fetches the shown account's first token page while the window is still loading; the
// renderer's first line then asks once (`app:boot`) for everything its first screen needs.
//
// A page fetched at launch is handed over only for the account it was fetched for, only to a
// window that opens on the Tokens tab, only once and only while fresh; an account whose session
// ended (at launch or since) gets none. Anything else fetches anew, as a Tokens tab opened later would.
import { TOKEN_PAGE_SIZE, type BootAnswer, type BootRequest, type SessionState, type TokenPage } from '../../preload/contract.ts';
import { matchLanguage } from '../../preload/language-match.ts';
import type { AccountsService } from '../accounts/accounts-service.ts';
import { toAppError } from '../app-error.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { TokenService } from '../tokens/token-service.ts';
import { wordsOf } from './boot-words.ts';

/** How long a page fetched at launch counts as what the server holds now. */
export const PREFETCH_FRESH_MS = 10_000;

export interface BootServiceOptions {
  session: Pick<AccountsService, 'getState' | 'onAccountEnded'>;
  settings: Pick<SettingsService, 'get'>;
  tokens: Pick<TokenService, 'list'>;
  systemLanguages: () => string[];
  now: () => number;
  log: (line: string) => void;
}

interface Prefetch {
  accountId: string;
  fetchedAt: number;
  page: Promise<TokenPage | null>;
}

/** The account the window shows, when it is signed in. */
const shownSignedIn = (state: SessionState): string | null =>
  state.status === 'signed_in' ? (state.accounts.find((entry) => entry.active)?.id ?? null) : null;

export function createBootService({ session, settings, tokens, systemLanguages, now, log }: BootServiceOptions) {
  let prefetch: Prefetch | null = null;
  // Its session ended or was logged out: a page fetched for it must not be shown.
  session.onAccountEnded((account) => {
    if (prefetch?.accountId === account.id) prefetch = null;
  });

  /** Page 1 of an account's tokens; null when the server did not give it (the Tokens tab asks again and shows why). */
  const firstPageOf = (accountId: string): Promise<TokenPage | null> =>
    tokens.list({ accountId, page: 1, pageSize: TOKEN_PAGE_SIZE }).catch((error: unknown) => {
      log(`boot: the first token page was not fetched (${toAppError(error).code})`);
      return null;
    });

  /** Used once, and only for its account while fresh. */
  const takePrefetch = (accountId: string): Promise<TokenPage | null> | null => {
    const taken = prefetch;
    prefetch = null;
    return taken?.accountId === accountId && now() - taken.fetchedAt <= PREFETCH_FRESH_MS ? taken.page : null;
  };

  return {
    /** At launch, before the window exists: restores every account and fetches the shown one's first token page. */
    launch(): void {
      void session
        .getState()
        .then((state) => {
          const accountId = shownSignedIn(state);
          if (accountId) prefetch = { accountId, fetchedAt: now(), page: firstPageOf(accountId) };
        })
        .catch((error: unknown) => log(`boot: restoring the accounts at launch failed with ${toAppError(error).code}`));
    },

    /** Everything the first screen needs. */
    async boot({ showsTokens }: BootRequest): Promise<BootAnswer> {
      const languages = systemLanguages();
      const [saved, restored] = await Promise.all([settings.get(), session.getState()]);
      const accountId = showsTokens ? shownSignedIn(restored) : null;
      const page = accountId ? await (takePrefetch(accountId) ?? firstPageOf(accountId)) : null;
      // The session may have ended while the page was on its way: the state after it decides.
      const state = accountId ? await session.getState() : restored;
      const firstPage = page && accountId && shownSignedIn(state) === accountId ? { accountId, page } : null;
      return {
        settings: saved,
        systemLanguages: languages,
        session: state,
        words: wordsOf(saved.language ?? matchLanguage(languages)),
        firstPage,
      };
    },
  };
}

export type BootService = ReturnType<typeof createBootService>;
