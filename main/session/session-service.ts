// The signed-in session: restored from the keychain at launch, refreshed when the JWT expires,
// written back after every rotation, ended on sign-out. Every authenticated call goes through
// `withSession`, which refreshes once (shared by concurrent callers) and retries once on a 401.
import type { Account, AppError, ErrorCode, SessionState, SignInRequest } from '../../preload/contract.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { NocoClient, NocoUser } from '../nocodb/types.ts';
import { normalizeServerUrl } from '../nocodb/server-url.ts';
import type { SecretStore, StoredSession } from '../ports.ts';
import type { LastAccount, SettingsService } from '../settings/settings-service.ts';
import { isJwtExpiring } from './jwt-expiry.ts';
import { SESSION_ENDED, SESSION_EXPIRED, keychainNotice, memoryOnlyWarning, notSignedIn } from './session-messages.ts';

export interface SessionServiceOptions {
  secretStore: SecretStore;
  /** Where the session goes when `secretStore` cannot be written: memory, for this run only. */
  fallbackSecretStore: SecretStore;
  settings: Pick<SettingsService, 'lastAccount' | 'rememberAccount'>;
  /** A client for a normalised server URL. */
  createClient: (serverUrl: string) => NocoClient;
  now: () => number;
  log: (line: string) => void;
}

export interface SessionService {
  /** The session as the renderer may see it; the first call restores the last session from the keychain. */
  getState(): Promise<SessionState>;
  signIn(request: SignInRequest): Promise<SessionState>;
  signOut(): Promise<SessionState>;
  /** Runs an authenticated call with the current JWT; throws `not_signed_in` or `session_expired`. */
  withSession<T>(call: (client: NocoClient, jwt: string) => Promise<T>): Promise<T>;
  /**
   * Runs a call after which the server refuses the session's tokens and hands out a new refresh
   * token (a password change). Other calls wait; the session is refreshed with the new token and
   * the new pair stored before any of them goes on.
   */
  withSessionReplaced(call: (client: NocoClient, jwt: string) => Promise<{ refreshToken: string }>): Promise<void>;
  /** Records a change the server accepted for the signed-in user (a new display name). */
  updateAccount(change: Pick<Account, 'displayName'>): void;
  /** Throws `not_signed_in` unless a session is active. */
  requireSignedIn(): Promise<void>;
  /** Whether the signed-in user is a super admin (false when signed out). */
  isSuperAdmin(): boolean;
  /** Registers a listener for the end or change of the signed-in account (to drop what belongs to it). */
  onAccountChange(listener: () => void): void;
}

/** One session's live state. `session` is replaced on every rotation. */
interface LiveSession {
  client: NocoClient;
  session: StoredSession;
  store: SecretStore;
  persistenceWarning: string | null;
  /** The refresh in flight, shared by every caller that needs a new JWT. */
  refreshing: Promise<string> | null;
  /** Set once the session is signed out or expired, so a late refresh does not bring it back. */
  ended: boolean;
  /** A call that replaces the session (a password change); every other call waits for it. */
  replacing: Promise<void> | null;
}

const hasCode = (error: unknown, ...codes: ErrorCode[]) => error instanceof AppFailure && codes.includes(error.code);

const toAccount = (serverUrl: string, user: NocoUser): Account => ({
  serverUrl,
  email: user.email,
  userId: user.id,
  displayName: user.displayName,
});

const accountOf = ({ serverUrl, email }: StoredSession): LastAccount => ({ serverUrl, email });

const sameAccount = (a: StoredSession, b: StoredSession) => a.serverUrl === b.serverUrl && a.email === b.email;

export function createSessionService(options: SessionServiceOptions): SessionService {
  const { secretStore, fallbackSecretStore, settings, createClient, now, log } = options;
  const accountListeners: Array<() => void> = [];
  const onAccountChange = () => accountListeners.forEach((listener) => listener());

  let active: { live: LiveSession; account: Account; isSuperAdmin: boolean } | null = null;
  let notice: AppError | null = null;
  let prefill: LastAccount | null = null;
  // Bumped whenever the user signs in or out, so a slow launch restore cannot overrule them.
  let generation = 0;
  let restoring: Promise<void> | null = null;

  const liveSession = (client: NocoClient, session: StoredSession): LiveSession => ({
    client,
    session,
    store: secretStore,
    persistenceWarning: null,
    refreshing: null,
    ended: false,
    replacing: null,
  });

  /** Writes the session to its store; when the keychain refuses, moves it to memory and says so. */
  async function persist(live: LiveSession, next: StoredSession): Promise<void> {
    try {
      await live.store.save(next);
    } catch (error) {
      log(`session: keychain write failed with ${toAppError(error).code}; keeping the session in memory`);
      await fallbackSecretStore.save(next);
      // The keychain may still hold the previous, now dead, refresh token: drop it if it can be reached.
      if (live.store !== fallbackSecretStore) await forget(live);
      live.store = fallbackSecretStore;
      live.persistenceWarning = memoryOnlyWarning(error);
    }
    live.session = next;
  }

  async function forget(live: LiveSession): Promise<void> {
    const { serverUrl, email } = live.session;
    await live.store.remove(serverUrl, email).catch((error: unknown) => {
      log(`session: removing the stored session failed with ${toAppError(error).code}`);
    });
  }

  /** Stops the session from being used, so concurrent callers see `not_signed_in` at once. */
  function detach(live: LiveSession): void {
    live.ended = true;
    prefill = accountOf(live.session);
    if (active?.live !== live) return;
    active = null;
    generation += 1;
    onAccountChange();
  }

  // The refresh token rotates, so the new pair is stored before anything uses it.
  async function rotate(live: LiveSession): Promise<string> {
    let tokens;
    try {
      tokens = await live.client.refresh(live.session.refreshToken);
    } catch (error) {
      log(`session: refresh failed with ${toAppError(error).code}`);
      // Offline or a server hiccup: the session may still be good, so keep it.
      if (!hasCode(error, 'session_expired', 'unauthorized')) throw error;
      // A JWT refused before its time means the server ended the session (today's NocoDB does so at
      // every sign-in elsewhere); an old JWT simply expired.
      const reason = isJwtExpiring(live.session.jwt, now()) ? SESSION_EXPIRED : SESSION_ENDED;
      detach(live);
      if (!active) notice = reason;
      await forget(live);
      throw new AppFailure('session_expired', reason.message);
    }
    // Signed out meanwhile: the new pair must not bring the session (or its keychain entry) back.
    if (live.ended) throw notSignedIn();
    await persist(live, { ...live.session, jwt: tokens.jwt, refreshToken: tokens.refreshToken });
    return tokens.jwt;
  }

  /** A JWT newer than `staleJwt`: the one another caller already got, or one refresh shared by all. */
  function freshJwt(live: LiveSession, staleJwt: string): Promise<string> {
    if (live.ended) return Promise.reject(notSignedIn());
    if (live.session.jwt !== staleJwt) return Promise.resolve(live.session.jwt);
    live.refreshing ??= rotate(live).finally(() => {
      live.refreshing = null;
    });
    return live.refreshing;
  }

  async function call<T>(live: LiveSession, run: (client: NocoClient, jwt: string) => Promise<T>): Promise<T> {
    // Checked and acted on in the same tick: a refresh is either started before a replacement (which
    // then waits for it) or not at all until the replacement has stored its new pair.
    if (live.replacing) await live.replacing;
    let jwt = live.session.jwt;
    if (isJwtExpiring(jwt, now())) jwt = await freshJwt(live, jwt);
    try {
      return await run(live.client, jwt);
    } catch (error) {
      // Only a refused session is retried: the server did nothing, so running the call again is safe.
      if (!hasCode(error, 'unauthorized')) throw error;
      if (live.replacing) await live.replacing;
      return run(live.client, await freshJwt(live, jwt));
    }
  }

  /** Runs `run` while every other call waits, then goes on with the refresh token it answered. */
  async function replace(live: LiveSession, run: (client: NocoClient, jwt: string) => Promise<{ refreshToken: string }>): Promise<void> {
    const previous = live.replacing;
    const replaced = (async () => {
      await previous?.catch(() => {});
      // A refresh already under way must land first, or it would overwrite the new refresh token.
      await live.refreshing?.catch(() => {});
      let jwt = live.session.jwt;
      if (isJwtExpiring(jwt, now())) jwt = await freshJwt(live, jwt);
      let answer;
      try {
        answer = await run(live.client, jwt);
      } catch (error) {
        if (!hasCode(error, 'unauthorized')) throw error;
        answer = await run(live.client, await freshJwt(live, jwt));
      }
      if (live.ended) throw notSignedIn();
      // Every earlier JWT and refresh token is dead on the server now: refresh with the new one at once.
      live.session = { ...live.session, refreshToken: answer.refreshToken };
      try {
        await freshJwt(live, live.session.jwt);
      } catch (error) {
        if (live.ended) throw error;
        // Offline right after the change: keep the new refresh token, so the next call (or launch) can refresh.
        await persist(live, live.session);
      }
    })();
    const settled = replaced.catch(() => {});
    live.replacing = settled;
    void settled.then(() => {
      if (live.replacing === settled) live.replacing = null;
    });
    return replaced;
  }

  /** Resumes the last session at launch. A failure that may pass (offline) lets the next call try again. */
  async function restore(): Promise<void> {
    const startedAt = generation;
    let stored: StoredSession | null;
    try {
      stored = await secretStore.load();
    } catch (error) {
      log(`session: reading the keychain failed with ${toAppError(error).code}`);
      if (startedAt === generation) notice = keychainNotice(error);
      return;
    }
    if (!stored || startedAt !== generation) return;
    prefill = accountOf(stored);
    try {
      const live = liveSession(createClient(stored.serverUrl), stored);
      const user = await call(live, (client, jwt) => client.me(jwt));
      if (startedAt !== generation) return;
      active = { live, account: toAccount(live.client.serverUrl, user), isSuperAdmin: user.isSuperAdmin };
      notice = null;
    } catch (error) {
      log(`session: restore failed with ${toAppError(error).code}`);
      // An expired session was already forgotten by `rotate`; anything else keeps the entry for a retry.
      if (hasCode(error, 'session_expired') || startedAt !== generation) return;
      notice = toAppError(error);
      restoring = null;
    }
  }

  const ensureRestored = () => (restoring ??= restore());

  async function currentState(): Promise<SessionState> {
    if (active) {
      const { live, account } = active;
      return { status: 'signed_in', account, persistence: live.store.kind, persistenceWarning: live.persistenceWarning };
    }
    return { status: 'signed_out', prefill: prefill ?? (await settings.lastAccount()), notice };
  }

  async function requireActive(): Promise<LiveSession> {
    await ensureRestored();
    if (!active) throw notSignedIn();
    return active.live;
  }

  return {
    async getState() {
      await ensureRestored();
      return currentState();
    },

    async signIn({ serverUrl, email, password }) {
      const client = createClient(normalizeServerUrl(serverUrl));
      const tokens = await client.signIn(email, password);
      const user = await client.me(tokens.jwt).catch(async (error: unknown) => {
        // Nobody will use the session the server just issued: end it there instead of leaving it alive.
        await client.signOut(tokens).catch((signOutError: unknown) => {
          log(`session: sign-out of the unused session failed with ${toAppError(signOutError).code}`);
        });
        throw error;
      });
      const { jwt, refreshToken } = tokens;
      const live = liveSession(client, { serverUrl: client.serverUrl, email: user.email, jwt, refreshToken });
      await persist(live, live.session);
      const previous = active?.live;
      if (previous) {
        detach(previous);
        // Another account's entry would only keep a secret nobody uses any more.
        if (!sameAccount(previous.session, live.session)) await forget(previous);
      }
      generation += 1;
      restoring = Promise.resolve();
      active = { live, account: toAccount(client.serverUrl, user), isSuperAdmin: user.isSuperAdmin };
      notice = null;
      prefill = accountOf(live.session);
      onAccountChange();
      await settings.rememberAccount(prefill).catch((error: unknown) => {
        log(`session: remembering the account failed with ${toAppError(error).code}`);
      });
      return currentState();
    },

    async signOut() {
      await ensureRestored();
      const live = active?.live;
      if (live) {
        // The server first, refreshing an expired JWT if needed, so the server really ends the session.
        await call(live, (client, jwt) => client.signOut({ jwt, refreshToken: live.session.refreshToken })).catch(
          (error: unknown) => log(`session: server sign-out failed with ${toAppError(error).code}`),
        );
        detach(live);
        // A refresh still being written must land before the entry is removed, not after.
        await live.refreshing?.catch(() => {});
        await forget(live);
      }
      restoring = Promise.resolve();
      notice = null;
      return currentState();
    },

    withSession: async (run) => call(await requireActive(), run),

    withSessionReplaced: async (run) => replace(await requireActive(), run),

    updateAccount(change) {
      if (active) active = { ...active, account: { ...active.account, ...change } };
    },

    async requireSignedIn() {
      await requireActive();
    },

    isSuperAdmin: () => active?.isSuperAdmin ?? false,

    onAccountChange(listener) {
      accountListeners.push(listener);
    },
  };
}
