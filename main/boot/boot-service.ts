// Start-up in one hop. At launch main starts the keychain's worker and restores the shown account
// first, fetches its first token page while the window is still loading, and only then restores the
// others; the renderer's first line asks once (`app:boot`) for everything its first screen needs. The
// answer waits for the shown account only: others may still be `restoring`, and the renderer asks
// `session:get` (which answers once they settled) for the rest.
//
// A page fetched at launch is handed over only for the account it was fetched for, only to a
// window that opens on the Tokens tab, only once and only while fresh; an account whose session
// ended (at launch or since) gets none. Its failure travels too, so the Tokens tab shows it as it
// would its own. A page the server is slow to give is not waited for: the boot answer goes without
// it and the Tokens tab's first list request joins the one on its way.
import {
  TOKEN_PAGE_SIZE,
  type AppError,
  type BootAnswer,
  type BootRequest,
  type Result,
  type SessionState,
  type TokenPage,
  type TokenPageRequest,
} from '../../preload/contract.ts';
import { matchLanguage } from '../../preload/language-match.ts';
import type { AccountsService } from '../accounts/accounts-service.ts';
import { toAppError } from '../app-error.ts';
import type { Timers } from '../ports.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { TokenService } from '../tokens/token-service.ts';
import { wordsOf } from './boot-words.ts';

/** How long a page fetched at launch counts as what the server holds now. */
export const PREFETCH_FRESH_MS = 10_000;
/** How long the boot answer waits for the first page before it goes without it. */
export const FIRST_PAGE_WAIT_MS = 250;

export interface BootServiceOptions {
  session: Pick<AccountsService, 'getShownState' | 'deferOthers' | 'onAccountEnded'>;
  settings: Pick<SettingsService, 'get'>;
  tokens: Pick<TokenService, 'list'>;
  systemLanguages: () => string[];
  timers: Timers;
  now: () => number;
  log: (line: string) => void;
}

interface Fetch {
  accountId: string;
  fetchedAt: number;
  page: Promise<TokenPage>;
  settled: boolean;
}

/** The account the window shows, when it is signed in. */
const shownSignedIn = (state: SessionState): string | null =>
  state.status === 'signed_in' ? (state.accounts.find((entry) => entry.active)?.id ?? null) : null;

const isFirstPage = ({ page, pageSize }: TokenPageRequest) => page === 1 && pageSize === TOKEN_PAGE_SIZE;

export function createBootService({ session, settings, tokens, systemLanguages, timers, now, log }: BootServiceOptions) {
  /** The page fetched at launch, until a boot answer takes it. */
  let prefetch: Fetch | null = null;
  /** A page the boot answer went without (slow server), until the Tokens tab's first request joins it. */
  let joinable: Fetch | null = null;
  // Its session ended or was logged out: a page fetched for it must not be shown.
  session.onAccountEnded((account) => {
    if (prefetch?.accountId === account.id) prefetch = null;
    if (joinable?.accountId === account.id) joinable = null;
  });

  const fetchFirstPage = (accountId: string): Fetch => {
    const fetch: Fetch = {
      accountId,
      fetchedAt: now(),
      page: tokens.list({ accountId, page: 1, pageSize: TOKEN_PAGE_SIZE }),
      settled: false,
    };
    void fetch.page.then(
      () => (fetch.settled = true),
      () => (fetch.settled = true),
    );
    return fetch;
  };

  /** The launch's page for this account while fresh (used once), else a new request. */
  const takeOrFetch = (accountId: string): Fetch => {
    const taken = prefetch;
    prefetch = null;
    return taken?.accountId === accountId && now() - taken.fetchedAt <= PREFETCH_FRESH_MS ? taken : fetchFirstPage(accountId);
  };

  /** The page's outcome, or null when it takes longer than FIRST_PAGE_WAIT_MS. */
  async function within(fetch: Fetch): Promise<Result<TokenPage> | null> {
    let timer: unknown;
    const late = new Promise<null>((resolve) => (timer = timers.setTimeout(() => resolve(null), FIRST_PAGE_WAIT_MS)));
    const outcome = fetch.page.then(
      (value): Result<TokenPage> => ({ ok: true, value }),
      (error: unknown): Result<TokenPage> => ({ ok: false, error: toAppError(error) as AppError }),
    );
    try {
      return await Promise.race([outcome, late]);
    } finally {
      timers.clearTimeout(timer);
    }
  }

  return {
    /**
     * At launch, before the window exists: restores every account (the shown one first) and fetches
     * the shown one's first token page as soon as it is back, while the others are still restoring.
     */
    launch(): void {
      // The other accounts restore once this page is fetched, or FIRST_PAGE_WAIT_MS after launch.
      let othersMayStart!: () => void;
      session.deferOthers(new Promise<void>((resolve) => (othersMayStart = resolve)));
      timers.setTimeout(() => othersMayStart(), FIRST_PAGE_WAIT_MS);
      void session
        .getShownState()
        .then((state) => {
          const accountId = shownSignedIn(state);
          if (!accountId) return othersMayStart();
          prefetch = fetchFirstPage(accountId);
          void prefetch.page.then(othersMayStart, othersMayStart);
        })
        .catch((error: unknown) => {
          othersMayStart();
          log(`boot: restoring the accounts at launch failed with ${toAppError(error).code}`);
        });
    },

    /** Everything the first screen needs. */
    async boot({ showsTokens }: BootRequest): Promise<BootAnswer> {
      const languages = systemLanguages();
      const [saved, restored] = await Promise.all([settings.get(), session.getShownState()]);
      const accountId = showsTokens ? shownSignedIn(restored) : null;
      let page: Result<TokenPage> | null = null;
      if (accountId) {
        const fetch = takeOrFetch(accountId);
        page = await within(fetch);
        joinable = page ? null : fetch;
      }
      // The session may have ended while the page was on its way: the state after it decides.
      const state = accountId ? await session.getShownState() : restored;
      const firstPage = page && accountId && shownSignedIn(state) === accountId ? { accountId, page } : null;
      return {
        settings: saved,
        systemLanguages: languages,
        session: state,
        words: wordsOf(saved.language ?? matchLanguage(languages)),
        firstPage,
      };
    },

    /** `tokens:list`: the Tokens tab's first request joins the page the boot answer went without, while it is on its way. */
    list(request: TokenPageRequest): Promise<TokenPage> {
      const pending = joinable;
      joinable = null;
      if (pending && !pending.settled && pending.accountId === request.accountId && isFirstPage(request)) return pending.page;
      return tokens.list(request);
    },
  };
}
