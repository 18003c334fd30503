// The accounts' work in main: sign-in (adding or renewing an account), Log Out, switching what the
// window shows, Retry (of one account, or of the list), and `pin` — the lookup every account-scoped
// call starts with. Each account's state is one union (account-state.ts) moved by the registry.
//
// Every account-scoped call names its account (`accountId`), and `pin(accountId)` looks that
// account up: the call runs on it whether or not it is the one on screen, or is refused with
// `unknown_account` / `account_not_signed_in` — never run on another account. "Active" is what the
// window shows (and "last opened" is remembered for the next launch); it never decides which
// account a call is for, so a switch racing a form submit or a row Delete cannot redirect it. The
// pinned session is that call's account until it ends, so a refresh or a revocation check in the
// middle of a slow call also stays on it.
import { type Account, type SessionState, type SignInRequest } from '../../preload/contract.ts';
import { toAppError } from '../app-error.ts';
import type { KeychainMigration } from '../keychain/keychain-migration.ts';
import type { NocoClient, NocoUser, SessionTokens } from '../nocodb/types.ts';
import { normalizeServerUrl } from '../nocodb/server-url.ts';
import type { AccountRef, ListedAccount, SecretStore, StoredSession } from '../ports.ts';
import { createLiveSession, type LiveSession } from '../session/live-session.ts';
import { emailTooLong, identityMismatch, logOutPending, MAX_EMAIL_LENGTH, notSignedIn } from '../session/session-messages.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { newAccountId } from './account-id.ts';
import { createAccountLogOut } from './account-log-out.ts';
import { createAccountRegistry, identityOf, type AccountRecord } from './account-registry.ts';
import { createAccountRestore } from './account-restore.ts';
import { liveOf } from './account-state.ts';
import { sessionStateOf } from './account-view.ts';
import { createLaunchSteps } from './launch-steps.ts';
import { createOneAtATime } from './one-at-a-time.ts';

export interface AccountsServiceOptions {
  secretStore: SecretStore;
  /** Where a session goes when `secretStore` cannot be written: memory, for this run only. */
  fallbackSecretStore: SecretStore;
  settings: Pick<SettingsService, 'accountList' | 'rememberAccounts' | 'markKeychainMigrated'>;
  /** A client for a normalised server URL. */
  createClient: (serverUrl: string) => NocoClient;
  now: () => number;
  log: (line: string) => void;
  /** Makes the id of a newly added account (a random UUID in the app). */
  newId?: () => string;
  migrateKeychain?: KeychainMigration;
}

/** One account's session, held by one call from its start to its end (see the note at the top). */
export interface PinnedSession {
  readonly account: ListedAccount;
  /** Super admins see every user's tokens, and only for them does the server count the list right. */
  readonly isSuperAdmin: boolean;
  /** False once this session was logged out, ended or replaced by a new sign-in. */
  isLive(): boolean;
  /** Runs an authenticated call on this account; throws `account_not_signed_in` or `session_expired`. */
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

/** The app's accounts: their list, each one's state and session, and what the user does with them. */
export interface AccountsService {
  /** The accounts and the shown one, once every account restored at launch has settled (the first call starts restoring them). */
  getState(): Promise<SessionState>;
  /** The same once the shown account settled, the others maybe still `restoring` (main/boot/'s first screen). */
  getShownState(): Promise<SessionState>;
  /** Adds the account (or renews it when listed) and shows it. */
  signIn(request: SignInRequest): Promise<SessionState>;
  /**
   * Logs out of one account (shown or not): written down first, then its session and keychain
   * entries end and it leaves the list; while the keychain refuses it stays `logging_out`.
   */
  logOut(id: string): Promise<SessionState>;
  switchTo(id: string): Promise<SessionState>;
  /** Tries again for one account (a restore, or a Log Out to finish). Nothing else ever does. */
  retry(id: string): Promise<SessionState>;
  /** Tries again to rebuild a list that is not recovered from the keychain. */
  recover(): Promise<SessionState>;
  /** At launch, the other accounts restore once `until` settles: their keychain reads never queue before the first screen's. */
  deferOthers(until: Promise<void>): void;
  /** Pins the named account for one call; throws `unknown_account` or `account_not_signed_in`. */
  pin(accountId: string): Promise<PinnedSession>;
  /** Registers a listener for an account whose session ended; a Log Out waits for it (and stays pending when it fails). */
  onAccountEnded(listener: (account: ListedAccount, why: AccountEnd) => void | Promise<void>): void;
}

export function createAccountsService(options: AccountsServiceOptions): AccountsService {
  const { secretStore, fallbackSecretStore, settings, createClient, now, log, newId = newAccountId } = options;
  const endListeners: Array<(account: ListedAccount, why: AccountEnd) => void | Promise<void>> = [];
  const ended = async (record: AccountRecord, why: AccountEnd) => {
    await Promise.all(endListeners.map((listener) => listener(record.account, why)));
  };
  const registry = createAccountRegistry(settings, log);

  function startSession(record: AccountRecord, stored: StoredSession): LiveSession {
    const live: LiveSession = createLiveSession({
      account: record.account,
      client: createClient(stored.serverUrl),
      stored,
      store: secretStore,
      fallback: fallbackSecretStore,
      now,
      log,
      // Only the account's own session (or one still being restored) may write its entry.
      mayStore: () => liveOf(record.state) === live || (record.state.kind === 'restoring' && registry.records().includes(record)),
      async onRefused(refused, reason) {
        if (liveOf(record.state) !== refused) return; // a restore still checking it, or a session already replaced
        registry.move(record, { type: 'ended', reason });
        await ended(record, 'session_ended');
      },
    });
    return live;
  }

  const logOuts = createAccountLogOut({
    registry,
    secretStore,
    fallbackSecretStore,
    createClient,
    forgetAccount: (record) => ended(record, 'logged_out'),
    log,
  });
  const restore = createAccountRestore({
    registry,
    secretStore,
    settings,
    migrateKeychain: options.migrateKeychain,
    startSession,
    finishLogOut: (record) => logOuts.finish(record),
    log,
  });
  let othersAfter: Promise<void> = Promise.resolve();
  const launched = createLaunchSteps(
    (signals) => restore.restoreAll(signals),
    () => othersAfter,
  );
  const ensureRestored = () => launched().all;
  /** The named account as soon as it settled, whatever the others' restores are doing. */
  async function settledRecord(id: string): Promise<AccountRecord> {
    await launched().listed;
    const record = registry.byId(id);
    if (record.state.kind === 'restoring') await record.state.done;
    return record;
  }
  const state = () => {
    const { launchNotice, listNotice } = restore.notices();
    return sessionStateOf(registry, launchNotice, listNotice);
  };

  const oneAtATime = createOneAtATime();

  /** Makes the new session the account's (adding the account when it is not listed) and stores its pair. */
  async function adopt(ref: AccountRef, user: NocoUser, tokens: SessionTokens, serverUrl: string): Promise<AccountRecord> {
    const listed = registry.byIdentity(ref);
    // A Retry of this account still on its way would store its own pair after ours.
    if (listed?.state.kind === 'restoring') await listed.state.done;
    const record = listed && registry.records().includes(listed) ? listed : null;
    if (record?.state.kind === 'logging_out') throw logOutPending();
    // The old session is replaced, not signed out: on NocoDB that would end the new one too.
    await (record && liveOf(record.state))?.end();
    // A new account is listed (not signed in yet) first: its session needs its record to store for.
    const target =
      record ??
      registry.add({ id: newId(), serverUrl, email: user.email }, { kind: 'session_ended', reason: notSignedIn().toData() }, user);
    const live = startSession(target, { serverUrl, email: user.email, ...tokens });
    target.user = user;
    registry.move(target, { type: 'signed_in', live });
    await live.save();
    return target;
  }

  async function signIn({ serverUrl, email, password }: SignInRequest): Promise<SessionState> {
    await ensureRestored();
    // The keychain may hold this account under its old id: find it first, so a sign-in renews it
    // instead of adding a twin (a keychain still not answering keeps the new session in memory).
    await restore.recover();
    // Refused before any request: no server keeps a longer address (RFC 5321).
    if (email.length > MAX_EMAIL_LENGTH) throw emailTooLong();
    const client = createClient(normalizeServerUrl(serverUrl));
    const typed = { serverUrl: client.serverUrl, email };
    // A Log Out of this account not finished yet is finished first (or the sign-in waits for the keychain).
    const pending = registry.byIdentity(typed);
    if (pending?.state.kind === 'logging_out') {
      await logOuts.finish(pending);
      if (registry.records().includes(pending)) throw logOutPending();
    }
    // A place is held before the password leaves the app; renewing a listed account needs none.
    const release = registry.reserve(typed);
    try {
      const tokens = await client.signIn(email, password);
      // Nobody will use the session the server just issued: end it there instead of leaving it alive.
      const endUnused = () =>
        client
          .signOut(tokens)
          .catch((error: unknown) => log(`accounts: sign-out of an unused session failed with ${toAppError(error).code}`));
      const user = await client.me(tokens.jwt).catch(async (error: unknown) => {
        await endUnused();
        throw error;
      });
      if (identityOf({ ...typed, email: user.email }) !== identityOf(typed)) {
        await endUnused();
        throw identityMismatch(email, user.email);
      }
      // One sign-in per account at a time: two at once would both add it, or leave one session unowned.
      const listed = await oneAtATime(identityOf(typed), () =>
        adopt(typed, user, tokens, client.serverUrl).catch(async (error: unknown) => {
          await endUnused();
          throw error;
        }),
      );
      registry.show(listed);
      restore.clearLaunchNotice();
      await registry.save();
      return state();
    } finally {
      release();
    }
  }

  return {
    async getState() {
      await ensureRestored();
      return state();
    },

    async getShownState() {
      await launched().shown;
      return state();
    },

    signIn,

    async logOut(id) {
      await ensureRestored();
      await logOuts.logOut(registry.byId(id));
      return state();
    },

    // Waits for its own account only, and for no disk: the write only remembers which account opens next.
    async switchTo(id) {
      registry.show(await settledRecord(id));
      void registry.save();
      return state();
    },

    async retry(id) {
      await ensureRestored();
      const record = registry.byId(id);
      await restore.retry(record);
      // Nobody to show yet: the account that just came back opens.
      if (record.state.kind === 'signed_in' && registry.active()?.state.kind !== 'signed_in') {
        registry.show(record);
        await registry.save();
      }
      return state();
    },

    async recover() {
      await ensureRestored();
      await restore.recover();
      if (registry.active()?.state.kind !== 'signed_in') {
        const back = registry.records().find((record) => record.state.kind === 'signed_in');
        if (back) registry.show(back);
      }
      return state();
    },

    // A call for one account waits for that account's restore only, never for the others'.
    async pin(accountId) {
      const record = await settledRecord(accountId);
      const live = liveOf(record.state);
      if (!live || !record.user) throw notSignedIn();
      const { isSuperAdmin } = record.user;
      return {
        account: record.account,
        isSuperAdmin,
        isLive: () => liveOf(record.state) === live && live.status() !== 'ended' && registry.records().includes(record),
        withSession: (run) => live.call(run),
        withSessionReplaced: (run) => live.replace(run),
        updateAccount(change) {
          if (record.user) record.user = { ...record.user, ...change };
        },
      };
    },

    deferOthers(until) {
      othersAfter = until.catch(() => {});
    },

    onAccountEnded(listener) {
      endListeners.push(listener);
    },
  };
}
