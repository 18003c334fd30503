// The app's accounts and their sessions. Main owns the truth: the ordered account list (kept in
// the settings file, without secrets), one keychain entry per listed account, and which account
// is active. Each signed-in account has its own live session: restored from the keychain at launch
// (all in parallel), refreshed when its JWT expires, written back after every rotation, ended on
// Log Out. Every authenticated call goes through `call`, which refreshes once (shared by concurrent
// callers) and retries once on a 401.
//
// Why main pins the account per call instead of every token channel naming its account: the
// renderer only ever acts on the account it shows, so an account argument on every channel would
// add a contract change (and a check) to every existing and future channel while saying nothing
// main does not already know. Instead each handler calls `pin()` once when it starts; the pinned
// session is that call's account until it ends, so a switch in the middle of a slow request can
// never send the rest of it (a refresh, a revocation check, a cached value) to another account.
// The renderer, for its part, ignores answers that arrive after it switched.
import {
  MAX_ACCOUNTS,
  type Account,
  type AccountEntry,
  type AppError,
  type ErrorCode,
  type SessionState,
  type SignInRequest,
} from '../../preload/contract.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { NocoClient, NocoUser } from '../nocodb/types.ts';
import { normalizeServerUrl } from '../nocodb/server-url.ts';
import type { AccountRef, SecretStore, StoredSession } from '../ports.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { accountKey } from './account-key.ts';
import { isJwtExpiring } from './jwt-expiry.ts';
import {
  SESSION_ENDED,
  SESSION_EXPIRED,
  SIGN_IN_AGAIN,
  accountLimitReached,
  keychainNotice,
  memoryOnlyWarning,
  notSignedIn,
  unknownAccount,
} from './session-messages.ts';

export interface SessionServiceOptions {
  secretStore: SecretStore;
  /** Where a session goes when `secretStore` cannot be written: memory, for this run only. */
  fallbackSecretStore: SecretStore;
  settings: Pick<SettingsService, 'accountList' | 'rememberAccounts'>;
  /** A client for a normalised server URL. */
  createClient: (serverUrl: string) => NocoClient;
  now: () => number;
  log: (line: string) => void;
}

/** One account's session, held by one call from its start to its end (see the note at the top). */
export interface PinnedSession {
  readonly account: AccountRef;
  /** Super admins see every user's tokens, and only for them does the server count the list right. */
  readonly isSuperAdmin: boolean;
  /** False once this session was logged out, ended or replaced by a new sign-in. */
  isLive(): boolean;
  /** Runs an authenticated call on this account; throws `not_signed_in` or `session_expired`. */
  withSession<T>(call: (client: NocoClient, jwt: string) => Promise<T>): Promise<T>;
  /**
   * Runs a call after which the server refuses the session's tokens and hands out a new refresh
   * token (a password change). Other calls on this account wait; the session is refreshed with the
   * new token and the new pair stored before any of them goes on.
   */
  withSessionReplaced(call: (client: NocoClient, jwt: string) => Promise<{ refreshToken: string }>): Promise<void>;
  /** Records a change the server accepted for this account's user (a new display name). */
  updateAccount(change: Pick<Account, 'displayName'>): void;
}

/** Why an account's session stopped: the user logged it out, or the server refused to refresh it. */
export type AccountEnd = 'logged_out' | 'session_ended';

export interface SessionService {
  /** The accounts and the active one; the first call restores every account from the keychain. */
  getState(): Promise<SessionState>;
  /** Adds the account (or renews it when listed) and makes it the active one. */
  signIn(request: SignInRequest): Promise<SessionState>;
  /** Logs out of the active account only, then opens the next signed-in one. */
  signOut(): Promise<SessionState>;
  switchTo(id: string): Promise<SessionState>;
  /** Logs out of one account (active or not) and takes it off the list. */
  remove(id: string): Promise<SessionState>;
  /** Tries again to restore an account whose server did not answer. Nothing else ever does. */
  retry(id: string): Promise<SessionState>;
  /** Pins the active account for one call; throws `not_signed_in` when it is not signed in. */
  pin(): Promise<PinnedSession>;
  /** Runs one authenticated call on the active account (pinned for the call). */
  withSession<T>(call: (client: NocoClient, jwt: string) => Promise<T>): Promise<T>;
  /** Registers a listener for an account whose session ended (to drop what belongs to it). */
  onAccountEnded(listener: (account: AccountRef, why: AccountEnd) => void | Promise<void>): void;
}

/** One session's live state. `session` is replaced on every rotation. */
interface LiveSession {
  record: AccountRecord;
  client: NocoClient;
  session: StoredSession;
  store: SecretStore;
  persistenceWarning: AppError | null;
  /** The refresh in flight, shared by every caller that needs a new JWT. */
  refreshing: Promise<string> | null;
  /** Set once the session is logged out, expired or replaced, so a late refresh does not bring it back. */
  ended: boolean;
  /** A call that replaces the session (a password change); every other call waits for it. */
  replacing: Promise<void> | null;
}

/** One listed account. Without a live session it says why: ended, or its server did not answer. */
interface AccountRecord {
  ref: AccountRef;
  live: LiveSession | null;
  /** The user as the server last described them (kept for the overview after the session ends). */
  user: NocoUser | null;
  problem: AppError | null;
  retrying: Promise<void> | null;
  /** Log Out has started: only its own server sign-out may still use the session. */
  removing: boolean;
}

/** Problems after which only a new sign-in helps; any other one (offline, a server error) may pass: Retry. */
const ENDED_CODES: ErrorCode[] = ['session_expired', 'keychain_unavailable'];

const hasCode = (error: unknown, ...codes: ErrorCode[]) => error instanceof AppFailure && codes.includes(error.code);

const idOf = ({ serverUrl, email }: AccountRef) => accountKey(serverUrl, email);

// NocoDB keeps emails in lower case; a user may type them otherwise.
const sameAccount = (a: AccountRef, b: AccountRef) => a.serverUrl === b.serverUrl && a.email.toLowerCase() === b.email.toLowerCase();

const toAccount = ({ serverUrl }: AccountRef, user: NocoUser): Account => ({
  serverUrl,
  email: user.email,
  userId: user.id,
  displayName: user.displayName,
});

export function createSessionService(options: SessionServiceOptions): SessionService {
  const { secretStore, fallbackSecretStore, settings, createClient, now, log } = options;
  const endListeners: Array<(account: AccountRef, why: AccountEnd) => void | Promise<void>> = [];
  // Awaited by Log Out, so what a listener forgets (keychain copies) is gone before it answers.
  const ended = async (record: AccountRecord, why: AccountEnd) => {
    await Promise.all(endListeners.map((listener) => listener(record.ref, why)));
  };

  let records: AccountRecord[] = [];
  let active: AccountRecord | null = null;
  /** The last active account: the prefill of the sign-in form when no account is active. */
  let lastAccount: AccountRef | null = null;
  /** Why nothing could be restored at launch (the keychain could not be read). */
  let launchNotice: AppError | null = null;
  let restoring: Promise<void> | null = null;

  const findRecord = (ref: AccountRef) => records.find((record) => sameAccount(record.ref, ref));

  function recordById(id: string): AccountRecord {
    const record = records.find((candidate) => idOf(candidate.ref) === id);
    if (!record) throw unknownAccount();
    return record;
  }

  const liveSession = (record: AccountRecord, client: NocoClient, session: StoredSession): LiveSession => ({
    record,
    client,
    session,
    store: secretStore,
    persistenceWarning: null,
    refreshing: null,
    ended: false,
    replacing: null,
  });

  /** Writes the list and the last active account; a failed write costs the order, never a session. */
  async function rememberList(): Promise<void> {
    if (active) lastAccount = active.ref;
    await settings.rememberAccounts({ accounts: records.map((record) => record.ref), lastAccount }).catch((error: unknown) => {
      log(`session: remembering the accounts failed with ${toAppError(error).code}`);
    });
  }

  /** Writes the session to its store; when the keychain refuses, moves it to memory and says so. */
  async function persist(live: LiveSession, next: StoredSession): Promise<void> {
    try {
      await live.store.save(next);
    } catch (error) {
      log(`session: keychain write failed with ${toAppError(error).code}; keeping the session in memory`);
      await fallbackSecretStore.save(next);
      // The keychain may still hold the previous, now dead, refresh token: drop it if it can be reached.
      if (live.store !== fallbackSecretStore) await forget(live.store, live.session);
      live.store = fallbackSecretStore;
      live.persistenceWarning = memoryOnlyWarning(error);
    }
    live.session = next;
  }

  async function forget(store: SecretStore, { serverUrl, email }: AccountRef): Promise<void> {
    await store.remove(serverUrl, email).catch((error: unknown) => {
      log(`session: removing a stored session failed with ${toAppError(error).code}`);
    });
  }

  /** Stops the session from being used, so its callers see `not_signed_in` at once. */
  function detach(live: LiveSession): void {
    live.ended = true;
    if (live.record.live === live) live.record.live = null;
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
      const { record } = live;
      // A session replaced by a new sign-in must not take the new one's entry (or state) with it.
      if (record.live !== live && record.live !== null) {
        detach(live);
        throw notSignedIn();
      }
      const wasCurrent = record.live === live;
      detach(live);
      await forget(live.store, live.session);
      if (wasCurrent) {
        record.problem = reason;
        void ended(record, 'session_ended');
      }
      throw new AppFailure('session_expired', reason.message, reason.params);
    }
    // Logged out meanwhile (or being logged out during its Retry): the new pair must not bring the
    // session, or its keychain entry, back.
    if (live.ended || (live.record.removing && live.record.live !== live)) throw notSignedIn();
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
    if (live.ended) throw notSignedIn();
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

  /**
   * Resumes one account from its keychain entry. A server that does not answer leaves the entry for
   * an explicit Retry; nothing tries again on its own, so an account never signs itself in later.
   */
  async function resume(record: AccountRecord): Promise<void> {
    let stored: StoredSession | null;
    try {
      stored = await secretStore.load(record.ref.serverUrl, record.ref.email);
    } catch (error) {
      log(`session: reading the keychain failed with ${toAppError(error).code}`);
      record.problem = keychainNotice(error);
      return;
    }
    if (!stored) {
      record.problem = SIGN_IN_AGAIN;
      return;
    }
    const live = liveSession(record, createClient(stored.serverUrl), stored);
    try {
      const user = await call(live, (client, jwt) => client.me(jwt));
      // Logged out while this was on its way: the entry is already gone and must stay gone.
      if (live.ended || !records.includes(record)) return;
      record.live = live;
      record.user = user;
      record.problem = null;
    } catch (error) {
      log(`session: restore failed with ${toAppError(error).code}`);
      live.ended = true;
      // An expired session was already forgotten by `rotate`; anything else keeps the entry for Retry.
      // (with `rotate`'s words: expired, or ended by the server).
      record.problem = toAppError(error);
    }
  }

  /** At launch: every listed account in parallel; keychain entries the list does not hold are deleted. */
  async function restoreAll(): Promise<void> {
    const list = await settings.accountList();
    lastAccount = list.lastAccount;
    records = list.accounts
      .slice(0, MAX_ACCOUNTS)
      .map((ref) => ({ ref, live: null, user: null, problem: null, retrying: null, removing: false }));
    let stored: AccountRef[];
    try {
      stored = await secretStore.accounts();
    } catch (error) {
      log(`session: reading the keychain failed with ${toAppError(error).code}`);
      launchNotice = keychainNotice(error);
      for (const record of records) record.problem = launchNotice;
      active = (lastAccount && findRecord(lastAccount)) ?? null;
      return;
    }
    const orphans = stored.filter((ref) => !records.some((record) => idOf(record.ref) === idOf(ref)));
    await Promise.all([...orphans.map((ref) => forget(secretStore, ref)), ...records.map(resume)]);
    const last = lastAccount && findRecord(lastAccount);
    // The last active account opens; if it could not be restored, another signed-in one does, and
    // the overview lists the failed one with its Retry.
    active = last?.live ? last : (records.find((record) => record.live) ?? last ?? null);
  }

  const ensureRestored = () => (restoring ??= restoreAll());

  function entryOf(record: AccountRecord): AccountEntry {
    const { ref, live, user, problem } = record;
    const status = live
      ? live.store.kind === 'memory'
        ? 'memory_only'
        : 'signed_in'
      : problem && !ENDED_CODES.includes(problem.code)
        ? 'unreachable'
        : 'session_ended';
    return {
      id: idOf(ref),
      serverUrl: ref.serverUrl,
      email: ref.email,
      displayName: user?.displayName ?? null,
      status,
      problem: live ? null : (problem?.message ?? null),
      // The renderer words it by code; only present when there is a problem.
      ...(live || !problem ? {} : { problemError: problem }),
      active: record === active,
    };
  }

  function currentState(): SessionState {
    const accounts = records.map(entryOf);
    const live = active?.live;
    if (active && live && active.user) {
      return {
        status: 'signed_in',
        account: toAccount(active.ref, active.user),
        persistence: live.store.kind,
        persistenceWarning: live.persistenceWarning?.message ?? null,
        ...(live.persistenceWarning ? { persistenceProblem: live.persistenceWarning } : {}),
        accounts,
      };
    }
    return { status: 'signed_out', prefill: active?.ref ?? lastAccount, notice: active?.problem ?? launchNotice, accounts };
  }

  /** Ends an account's session on the server and in its store; the record stays unless removed. */
  async function logOut(record: AccountRecord): Promise<void> {
    const live = record.live;
    if (live) {
      // The server first, refreshing an expired JWT if needed, so the server really ends the session.
      await call(live, (client, jwt) => client.signOut({ jwt, refreshToken: live.session.refreshToken })).catch((error: unknown) =>
        log(`session: server sign-out failed with ${toAppError(error).code}`),
      );
      detach(live);
      // A refresh still being written must land before the entry is removed, not after.
      await live.refreshing?.catch(() => {});
      await forget(live.store, live.session);
    }
    // An account that was never restored (server offline) still has its entry in the keychain.
    await Promise.all([forget(secretStore, record.ref), forget(fallbackSecretStore, record.ref)]);
  }

  async function removeRecord(record: AccountRecord): Promise<SessionState> {
    const index = records.indexOf(record);
    if (index < 0 || record.removing) return currentState();
    record.removing = true;
    await logOut(record);
    records = records.filter((candidate) => candidate !== record);
    await ended(record, 'logged_out');
    if (active === record) {
      // The next signed-in account after it (in the user's order), else the one before; else none.
      const after = [...records.slice(index), ...records.slice(0, index)];
      active = after.find((candidate) => candidate.live) ?? null;
      lastAccount = active?.ref ?? record.ref;
    }
    await rememberList();
    return currentState();
  }

  async function pin(): Promise<PinnedSession> {
    await ensureRestored();
    const record = active;
    const live = record?.live;
    if (!record || !live || !record.user) throw notSignedIn();
    const { isSuperAdmin } = record.user;
    return {
      account: record.ref,
      isSuperAdmin,
      isLive: () => !live.ended,
      withSession: (run) => call(live, run),
      withSessionReplaced: (run) => replace(live, run),
      updateAccount(change) {
        if (record.user) record.user = { ...record.user, ...change };
      },
    };
  }

  return {
    async getState() {
      await ensureRestored();
      return currentState();
    },

    async signIn({ serverUrl, email, password }) {
      await ensureRestored();
      const client = createClient(normalizeServerUrl(serverUrl));
      // Refused before the password leaves the app; renewing a listed account is always allowed.
      if (!findRecord({ serverUrl: client.serverUrl, email }) && records.length >= MAX_ACCOUNTS) throw accountLimitReached(MAX_ACCOUNTS);
      const tokens = await client.signIn(email, password);
      const user = await client.me(tokens.jwt).catch(async (error: unknown) => {
        // Nobody will use the session the server just issued: end it there instead of leaving it alive.
        await client.signOut(tokens).catch((signOutError: unknown) => {
          log(`session: sign-out of the unused session failed with ${toAppError(signOutError).code}`);
        });
        throw error;
      });
      const ref = { serverUrl: client.serverUrl, email: user.email };
      const record = findRecord(ref);
      if (!record && records.length >= MAX_ACCOUNTS) throw accountLimitReached(MAX_ACCOUNTS);
      // A Retry of this account still on its way would store its own pair after ours.
      await record?.retrying;
      const previous = record?.live;
      if (previous) {
        // The old session is replaced, not signed out: on NocoDB that would end the new one too.
        detach(previous);
        await previous.refreshing?.catch(() => {});
      }
      const listed = record ?? { ref, live: null, user, problem: null, retrying: null, removing: false };
      const live = liveSession(listed, client, { ...ref, jwt: tokens.jwt, refreshToken: tokens.refreshToken });
      await persist(live, live.session);
      Object.assign(listed, { live, user, problem: null });
      if (!record) records = [...records, listed];
      active = listed;
      launchNotice = null;
      await rememberList();
      return currentState();
    },

    async signOut() {
      await ensureRestored();
      return active ? removeRecord(active) : currentState();
    },

    async switchTo(id) {
      await ensureRestored();
      active = recordById(id);
      await rememberList();
      return currentState();
    },

    async remove(id) {
      await ensureRestored();
      return removeRecord(recordById(id));
    },

    async retry(id) {
      await ensureRestored();
      const record = recordById(id);
      if (!record.live) {
        record.retrying ??= resume(record).finally(() => {
          record.retrying = null;
        });
        await record.retrying;
        // Nobody to show yet: the account that just came back opens.
        if (record.live && !active?.live) {
          active = record;
          await rememberList();
        }
      }
      return currentState();
    },

    pin,

    withSession: async (run) => (await pin()).withSession(run),

    onAccountEnded(listener) {
      endListeners.push(listener);
    },
  };
}
