// Bringing the accounts back: at launch (every listed account on its own: the last opened one first,
// shown as soon as it is back, then the others in parallel), and on Retry of one account. Each entry
// is read, checked against the list and resumed by itself: whatever goes wrong becomes that account's
// state (account-state.ts), never a failure of the whole app. Nothing is ever deleted here: no sweep
// of entries the list does not name, no "missing entry → forget the account". A list the settings
// file lost is rebuilt from the keychain's session entries, and stays "not recovered" (written down)
// until a rebuild succeeded.
import path from 'node:path';
import type { AppError } from '../../preload/contract.ts';
import { toAppError } from '../app-error.ts';
import type { KeychainMigration } from '../keychain/keychain-migration.ts';
import { normalizeServerUrl } from '../nocodb/server-url.ts';
import type { ListedAccount, SecretStore, StoredSession } from '../ports.ts';
import type { LiveSession } from '../session/live-session.ts';
import { SESSION_EXPIRED, SIGN_IN_AGAIN, keychainNotice } from '../session/session-messages.ts';
import type { ListProblem, SettingsService } from '../settings/settings-service.ts';
import type { AccountRecord, AccountRegistry } from './account-registry.ts';
import { identityOf } from './account-registry.ts';
import type { AccountEvent, AccountState, DamageReason } from './account-state.ts';
import type { LaunchSignals } from './launch-steps.ts';

export interface AccountRestoreOptions {
  registry: AccountRegistry;
  secretStore: SecretStore;
  settings: Pick<SettingsService, 'accountList' | 'markKeychainMigrated'>;
  /** Moves keychain entries of versions before account ids (absent: nothing to move). */
  migrateKeychain?: KeychainMigration;
  /** A live session on a stored pair (not yet checked with the server); throws for an unusable server. */
  startSession: (record: AccountRecord, stored: StoredSession) => LiveSession;
  /** Finishes a Log Out chosen before (this launch or an earlier one). */
  finishLogOut: (record: AccountRecord) => Promise<void>;
  log: (line: string) => void;
}

/** The event a failed keychain read is for its account. */
function keychainEvent(error: unknown): AccountEvent {
  const failure = toAppError(error);
  if (failure.code === 'keychain_locked') return { type: 'keychain_locked' };
  if (failure.code === 'keychain_stopped') return { type: 'keychain_stopped' };
  // No keychain at all: nothing to resume from; a sign-in keeps the session for this run.
  return { type: 'ended', reason: keychainNotice(error) };
}

/** The event a failed check with the server is: NocoDB ended it, something refused, or no answer. */
function serverEvent(error: unknown): AccountEvent {
  const failure = toAppError(error);
  if (failure.code === 'session_expired') return { type: 'ended', reason: failure };
  if (failure.code === 'unauthorized') return { type: 'ended', reason: SESSION_EXPIRED };
  if (failure.code === 'server_refused') return { type: 'refused', error: failure };
  if (failure.code === 'keychain_locked' || failure.code === 'keychain_stopped') return keychainEvent(error);
  return { type: 'offline', error: failure };
}

/** Why an entry cannot be this account's session (so its tokens go to no server), or null when it can. */
export function disagreement(account: ListedAccount, session: StoredSession): DamageReason | null {
  let serverUrl;
  try {
    serverUrl = normalizeServerUrl(session.serverUrl);
  } catch {
    return 'server';
  }
  return identityOf({ serverUrl, email: session.email }) === identityOf(account) ? null : 'mismatch';
}

function listNoticeOf(problem: NonNullable<ListProblem>): AppError {
  if (problem.kind === 'unreadable') {
    return {
      code: 'settings_unreadable',
      message:
        'Your settings file cannot be read, so the accounts were rebuilt from the keychain and no change is saved. Fix the file’s permissions and restart the app.',
      params: { reason: 'unreadable' },
    };
  }
  const kept = problem.keptAs ? ` It was kept as ${path.basename(problem.keptAs)}.` : '';
  const dropped = problem.dropped.length > 0 ? ` Entries that could not be read: ${problem.dropped.join(', ')}.` : '';
  return {
    code: 'settings_unreadable',
    message: `Your account list (settings.json) was damaged, so the accounts were rebuilt from the keychain and your other settings are back to their defaults.${kept}${dropped}`,
    params: {
      reason: problem.keptAs ? 'damaged_kept' : 'damaged',
      ...(problem.keptAs ? { file: path.basename(problem.keptAs) } : {}),
      ...(problem.dropped.length > 0 ? { dropped: problem.dropped.join(', ') } : {}),
    },
  };
}

/** The list may miss accounts, and the keychain could not be read to find them: unlock, then Retry. */
const NOT_RECOVERED: AppError = {
  code: 'settings_unreadable',
  message:
    'Your account list was damaged and could not be rebuilt, because the keychain could not be read. No account is lost: unlock your keychain and choose Retry.',
  params: { reason: 'not_recovered' },
};

export function createAccountRestore(options: AccountRestoreOptions) {
  const { registry, secretStore, settings, migrateKeychain, startSession, finishLogOut, log } = options;
  /** Ids of accounts being logged out when the app started (see log-out-record.ts). */
  let loggingOut = new Set<string>();
  /** Why nothing could be restored at launch (the keychain cannot keep a session). */
  let launchNotice: AppError | null = null;
  let listNotice: AppError | null = null;
  let listProblem: ListProblem = null;
  let migrated = true;

  async function migrate(): Promise<void> {
    if (migrated || !migrateKeychain) return;
    try {
      await migrateKeychain(registry.records().map((record) => record.account));
      migrated = true;
      await settings.markKeychainMigrated().catch(() => {});
    } catch (error) {
      log(`accounts: moving the legacy keychain entries failed with ${toAppError(error).code}; trying again later`);
    }
  }

  /** Reads one account's entry and checks it with its server: the event that decides its state. */
  async function check(record: AccountRecord): Promise<AccountEvent> {
    let entry;
    try {
      entry = await secretStore.load(record.account.id);
    } catch (error) {
      log(`accounts: reading the keychain failed with ${toAppError(error).code}`);
      return keychainEvent(error);
    }
    if (entry.status === 'none') return { type: 'ended', reason: SIGN_IN_AGAIN };
    if (entry.status === 'damaged') return { type: 'damaged', why: 'unreadable' };
    const why = disagreement(record.account, entry.session);
    if (why) return { type: 'damaged', why };
    let live: LiveSession;
    try {
      live = startSession(record, entry.session);
    } catch {
      return { type: 'damaged', why: 'server' };
    }
    try {
      const user = await live.call((client, jwt) => client.me(jwt));
      record.user = user;
      return { type: 'restored', live };
    } catch (error) {
      log(`accounts: restore failed with ${toAppError(error).code}`);
      await live.end();
      return serverEvent(error);
    }
  }

  /**
   * Resumes one account from its keychain entry. A server that does not answer leaves the entry for
   * an explicit Retry; nothing tries again on its own, so an account never signs itself in later.
   */
  async function resume(record: AccountRecord): Promise<void> {
    const event = await check(record);
    const after = registry.move(record, event);
    // Logged out (or signed in anew) while this was on its way: this session must not come back.
    if (event.type === 'restored' && (after.kind !== 'signed_in' || after.live !== event.live)) await event.live.end();
  }

  /** Starts one account's restore; its state holds the work, so a second Retry waits for the first. */
  function restoreOne(record: AccountRecord): Promise<void> {
    let begin!: () => void;
    const done = new Promise<void>((resolve) => (begin = resolve)).then(() => resume(record));
    const after = registry.move(record, { type: 'retry', done });
    // Only a state that accepted the Retry starts a restore; any other is left as it is.
    if (after.kind !== 'restoring') return Promise.resolve();
    if (after.done === done) begin();
    return after.done;
  }

  /** A `restoring` state for an account about to be listed, and what starts its restore once it is. */
  function restoringState(): { state: AccountState; start: (record: AccountRecord) => Promise<void> } {
    let begin!: (record: AccountRecord) => void;
    const done = new Promise<AccountRecord>((resolve) => (begin = resolve)).then(resume);
    return { state: { kind: 'restoring', done }, start: (record) => (begin(record), done) };
  }

  /**
   * Adds every keychain session the list lacks (a list the settings file lost). Only a complete
   * reading recovers the list; until then it stays "not recovered", which every save writes down.
   */
  async function rebuild(): Promise<boolean> {
    let entries;
    try {
      entries = await secretStore.entries();
    } catch (error) {
      log(`accounts: rebuilding the list from the keychain failed with ${toAppError(error).code}`);
      return false;
    }
    const found = entries
      .map(({ accountId, session }) => ({ id: accountId, serverUrl: session.serverUrl, email: session.email }))
      .filter((account) => !registry.records().some((r) => r.account.id === account.id))
      .filter((account) => {
        const twin = registry.byIdentity(account);
        if (twin && !twin.twins.includes(account.id)) twin.twins.push(account.id);
        return !twin;
      })
      .sort((a, b) => identityOf(a).localeCompare(identityOf(b)));
    registry.setListState('recovered');
    await Promise.all(
      found.map((account) => {
        // Logged out before the list was lost: listed only to finish that Log Out, never restored.
        if (loggingOut.has(account.id)) return finishLogOut(registry.add(account, { kind: 'logging_out' }));
        const { state, start } = restoringState();
        return start(registry.add(account, state));
      }),
    );
    return true;
  }

  /** Tries the rebuild; the list notice says what happened (the file's problem, or "not recovered"). */
  async function recoverList(): Promise<void> {
    const recovered = await rebuild();
    listNotice = recovered ? listProblem && listNoticeOf(listProblem) : NOT_RECOVERED;
    // Written down either way: recovered, or "not recovered" so that the next launch rebuilds it
    // even when this file is now valid (a damaged one was moved aside).
    await registry.save();
  }

  return {
    notices: () => ({ launchNotice, listNotice }),
    clearLaunchNotice: () => void (launchNotice = null),

    /**
     * At launch: every listed account on its own, the last opened one first — the window shows it —
     * and `listed` once the list is read. If it came back it is shown at once (`shown`), and the
     * others restore in parallel once `othersMayStart` (the first screen's keychain reads and
     * requests go first: the keychain answers one call at a time); otherwise the others restore at
     * once and another signed-in one is shown when all are done (unless the user chose one meanwhile).
     */
    async restoreAll({ listed, shown, othersMayStart }: LaunchSignals): Promise<void> {
      const list = await settings.accountList();
      listProblem = list.problem;
      loggingOut = new Set(list.loggingOut);
      const starts = new Map<string, (record: AccountRecord) => Promise<void>>();
      registry.load(list.accounts, list.lastAccount, (account): AccountState => {
        if (loggingOut.has(account.id)) return { kind: 'logging_out' };
        const { state, start } = restoringState();
        starts.set(account.id, start);
        return state;
      });
      registry.setListState(list.notRecovered ? 'not_recovered' : 'recovered');
      migrated = list.keychainMigrated;
      await migrate();
      listed();
      // Every account on its own: a restore for each, or the Log Out it was waiting for.
      const restoreOf = (record: AccountRecord) => starts.get(record.account.id)?.(record) ?? finishLogOut(record);
      const last = list.lastAccount && registry.byIdentity(list.lastAccount);
      const live = (record: AccountRecord | null | undefined) => record?.state.kind === 'signed_in';
      if (last) await restoreOf(last);
      if (live(last)) {
        registry.show(last!);
        shown();
        // The first screen's own keychain reads and requests (its token page) go before the others'.
        await othersMayStart();
      }
      await Promise.all(
        registry
          .records()
          .filter((record) => record !== last)
          .map(restoreOf),
      );
      if (list.notRecovered) await recoverList();
      // Nothing to restore: still say now (not after a sign-in) when the keychain cannot keep a session.
      if (registry.records().length === 0 && registry.listState() === 'recovered')
        await secretStore.check().catch((error: unknown) => {
          if (toAppError(error).code === 'keychain_unavailable') launchNotice = keychainNotice(error);
        });
      // If the last one could not be restored, another signed-in one opens, and the overview lists
      // the failed one with its Retry — unless the user opened one meanwhile.
      if (!registry.active()) registry.show(registry.records().find(live) ?? last ?? null);
    },

    /** Tries again for this one account: a Log Out is finished, a restore is started (or awaited). */
    async retry(record: AccountRecord): Promise<void> {
      if (record.state.kind === 'logging_out') return finishLogOut(record);
      if (record.state.kind === 'restoring') return record.state.done;
      await migrate();
      await restoreOne(record);
    },

    /** Retry for the list itself (the notice's Retry, with or without accounts on screen). */
    async recover(): Promise<void> {
      if (registry.listState() === 'not_recovered') await recoverList();
    },
  };
}

export type AccountRestore = ReturnType<typeof createAccountRestore>;
