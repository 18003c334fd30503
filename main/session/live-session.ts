// One account's signed-in session: its JWT rotation (one refresh shared by every caller), one retry
// after a 401, the replacement after a password change, and where its pair is stored (the keychain,
// or memory when the keychain refuses a write). Its `status` is one field with its transitions here:
//
//   live ──call needs a new JWT──► refreshing ──stored──► live
//   live ──password change──────► replacing ──new pair stored──► live
//   any ──logged out / refused by the server / replaced by a new sign-in──► ended (final)
import { AppFailure, toAppError } from '../app-error.ts';
import type { NocoClient } from '../nocodb/types.ts';
import type { ListedAccount, SecretStore, StoredSession } from '../ports.ts';
import type { AppError } from '../../preload/contract.ts';
import { isJwtExpiring } from './jwt-expiry.ts';
import { SESSION_ENDED, SESSION_EXPIRED, memoryOnlyWarning, notSignedIn } from './session-messages.ts';

export type LiveStatus = 'live' | 'refreshing' | 'replacing' | 'ended';

type Run<T> = (client: NocoClient, jwt: string) => Promise<T>;

export interface LiveSessionOptions {
  account: ListedAccount;
  client: NocoClient;
  stored: StoredSession;
  store: SecretStore;
  /** Where the pair goes when `store` refuses a write: memory, for this run only. */
  fallback: SecretStore;
  now: () => number;
  log: (line: string) => void;
  /** False once its account is being logged out: a refresh landing then keeps its pair in memory only. */
  mayStore: () => boolean;
  /** The server refused to refresh: the session is over (`ended` already), with the words to show. */
  onRefused: (live: LiveSession, reason: typeof SESSION_EXPIRED) => Promise<void>;
}

export interface LiveSession {
  readonly account: ListedAccount;
  readonly client: NocoClient;
  status(): LiveStatus;
  /** The pair as last stored. */
  stored(): StoredSession;
  persistence(): SecretStore['kind'];
  /** Why the session is memory-only, in words for the user; null while it is in the keychain. */
  persistenceWarning(): AppError | null;
  /** Stores the pair it started with (a new sign-in): in the keychain, or in memory when it refuses. */
  save(): Promise<void>;
  /** Runs an authenticated call; throws account_not_signed_in once ended, session_expired when refused. */
  call<T>(run: Run<T>): Promise<T>;
  /** Runs a call after which the server hands out a new refresh token (a password change); others wait. */
  replace(run: Run<{ refreshToken: string }>): Promise<void>;
  /** Stops it for good (logged out, replaced); waits for a refresh still being written. */
  end(): Promise<void>;
  /** Removes its pair from where it is stored. Throws when the keychain refuses. */
  forget(): Promise<void>;
}

const hasCode = (error: unknown, ...codes: string[]) => error instanceof AppFailure && codes.includes(error.code);

export function createLiveSession(options: LiveSessionOptions): LiveSession {
  const { account, client, fallback, now, log, mayStore, onRefused } = options;
  let status: LiveStatus = 'live';
  let stored = options.stored;
  let store = options.store;
  let warning: AppError | null = null;
  /** The refresh in flight, shared by every caller that needs a new JWT. */
  let refreshing: Promise<string> | null = null;
  /** A password change in flight: every other call waits for it. */
  let replacing: Promise<void> | null = null;

  const ended = () => status === 'ended';
  const settle = () => {
    if (!ended()) status = replacing ? 'replacing' : 'live';
  };

  /** Stores the pair; when the keychain refuses, moves it to memory and says so. */
  async function persist(next: StoredSession): Promise<void> {
    try {
      await store.save(account.id, next);
    } catch (error) {
      log(`session: keychain write failed with ${toAppError(error).code}; keeping the session in memory`);
      await fallback.save(account.id, next);
      // The keychain may still hold the previous refresh token. It stays: only Log Out, or NocoDB
      // refusing it at the next launch, deletes an entry (and it still names the account for a rebuild).
      store = fallback;
      warning = memoryOnlyWarning(error);
    }
    stored = next;
  }

  // The refresh token rotates, so the new pair is stored before anything uses it.
  async function rotate(): Promise<string> {
    let tokens;
    try {
      tokens = await client.refresh(stored.refreshToken);
    } catch (error) {
      log(`session: refresh failed with ${toAppError(error).code}`);
      // Offline or a server hiccup: the session may still be good, so keep it.
      if (!hasCode(error, 'session_expired', 'unauthorized') || ended()) throw ended() ? notSignedIn() : error;
      // A JWT refused before its time means the server ended the session (today's NocoDB does so at
      // every sign-in elsewhere); an old JWT simply expired.
      const reason = isJwtExpiring(stored.jwt, now()) ? SESSION_EXPIRED : SESSION_ENDED;
      status = 'ended';
      await store
        .remove(account.id)
        .catch((removal: unknown) => log(`session: removing a refused session failed with ${toAppError(removal).code}`));
      await onRefused(session, reason);
      throw new AppFailure('session_expired', reason.message, reason.params);
    }
    // Replaced meanwhile: the new pair must not bring the session back.
    if (ended()) throw notSignedIn();
    const next = { ...stored, jwt: tokens.jwt, refreshToken: tokens.refreshToken };
    // Being logged out: the pair serves the sign-out on the server, but never writes its entry back.
    if (mayStore()) await persist(next);
    else stored = next;
    return tokens.jwt;
  }

  /** A JWT newer than `staleJwt`: the one another caller already got, or one refresh shared by all. */
  function freshJwt(staleJwt: string): Promise<string> {
    if (ended()) return Promise.reject(notSignedIn());
    if (stored.jwt !== staleJwt) return Promise.resolve(stored.jwt);
    if (!refreshing) {
      status = 'refreshing';
      refreshing = rotate().finally(() => {
        refreshing = null;
        settle();
      });
    }
    return refreshing;
  }

  async function call<T>(run: Run<T>): Promise<T> {
    if (ended()) throw notSignedIn();
    // Checked and acted on in the same tick: a refresh is either started before a replacement (which
    // then waits for it) or not at all until the replacement has stored its new pair.
    if (replacing) await replacing;
    let jwt = stored.jwt;
    if (isJwtExpiring(jwt, now())) jwt = await freshJwt(jwt);
    try {
      return await run(client, jwt);
    } catch (error) {
      // Only a refused session is retried: the server did nothing, so running the call again is safe.
      if (!hasCode(error, 'unauthorized')) throw error;
      if (replacing) await replacing;
      return run(client, await freshJwt(jwt));
    }
  }

  async function replaceWith(run: Run<{ refreshToken: string }>, previous: Promise<void> | null): Promise<void> {
    await previous?.catch(() => {});
    // A refresh already under way must land first, or it would overwrite the new refresh token.
    await refreshing?.catch(() => {});
    let jwt = stored.jwt;
    if (isJwtExpiring(jwt, now())) jwt = await freshJwt(jwt);
    let answer;
    try {
      answer = await run(client, jwt);
    } catch (error) {
      if (!hasCode(error, 'unauthorized')) throw error;
      answer = await run(client, await freshJwt(jwt));
    }
    if (ended()) throw notSignedIn();
    // Every earlier JWT and refresh token is dead on the server now: refresh with the new one at once.
    stored = { ...stored, refreshToken: answer.refreshToken };
    try {
      await freshJwt(stored.jwt);
    } catch (error) {
      if (ended()) throw error;
      // Offline right after the change: keep the new refresh token, so the next call (or launch) can refresh.
      await persist(stored);
    }
  }

  const session: LiveSession = {
    account,
    client,
    status: () => status,
    stored: () => stored,
    persistence: () => store.kind,
    persistenceWarning: () => warning,
    save: () => persist(stored),
    call,
    replace(run) {
      const replaced = replaceWith(run, replacing);
      const quiet = replaced.catch(() => {});
      replacing = quiet;
      status = 'replacing';
      void quiet.then(() => {
        if (replacing === quiet) replacing = null;
        settle();
      });
      return replaced;
    },
    async end() {
      status = 'ended';
      // A refresh still being written must land before the entry is removed, not after.
      await refreshing?.catch(() => {});
    },
    forget: () => store.remove(account.id),
  };
  return session;
}
