// Bringing the accounts back: at launch (every listed account in parallel, the last opened one
// shown), and on Retry. A keychain that cannot be read is a state (`keychain_locked`, or
// unavailable), never "signed out", and nothing is ever deleted here: no sweep of entries the list
// does not name, no "missing entry → forget the account". A list the settings file lost is
// rebuilt from the keychain's session entries.
import path from 'node:path';
import type { AppError } from '../../preload/contract.ts';
import { toAppError } from '../app-error.ts';
import type { KeychainMigration } from '../keychain/keychain-migration.ts';
import type { ListedAccount, SecretStore } from '../ports.ts';
import type { LiveSession } from '../session/live-session.ts';
import { SIGN_IN_AGAIN, keychainNotice } from '../session/session-messages.ts';
import type { ListProblem, SettingsService } from '../settings/settings-service.ts';
import type { AccountRecord, AccountRegistry } from './account-registry.ts';

export interface AccountRestoreOptions {
  registry: AccountRegistry;
  secretStore: SecretStore;
  settings: Pick<SettingsService, 'accountList' | 'markKeychainMigrated'>;
  /** Moves keychain entries of versions before account ids (absent: nothing to move). */
  migrateKeychain?: KeychainMigration;
  /** A live session on a stored pair (not yet checked with the server). */
  startSession: (record: AccountRecord, stored: NonNullable<Awaited<ReturnType<SecretStore['load']>>>) => LiveSession;
  log: (line: string) => void;
}

/** What the user reads for an account the keychain would not give back. */
const keychainProblem = (error: unknown): AppError => {
  const problem = toAppError(error);
  // Locked: the account's card offers Retry, and says so.
  return problem.code === 'keychain_locked' ? { ...problem, params: { reason: 'retry' } } : keychainNotice(error);
};

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
  return {
    code: 'settings_unreadable',
    message: `Your account list (settings.json) was damaged, so the accounts were rebuilt from the keychain and your other settings are back to their defaults.${kept}`,
    params: problem.keptAs ? { reason: 'damaged_kept', file: path.basename(problem.keptAs) } : { reason: 'damaged' },
  };
}

export function createAccountRestore({ registry, secretStore, settings, migrateKeychain, startSession, log }: AccountRestoreOptions) {
  /** Why nothing could be restored at launch (the keychain could not be read for a lost list). */
  let launchNotice: AppError | null = null;
  let listNotice: AppError | null = null;
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

  /**
   * Resumes one account from its keychain entry. A server that does not answer leaves the entry for
   * an explicit Retry; nothing tries again on its own, so an account never signs itself in later.
   */
  async function resume(record: AccountRecord): Promise<void> {
    let stored;
    try {
      stored = await secretStore.load(record.account.id);
    } catch (error) {
      log(`accounts: reading the keychain failed with ${toAppError(error).code}`);
      record.problem = keychainProblem(error);
      return;
    }
    if (!stored) {
      record.problem = SIGN_IN_AGAIN;
      return;
    }
    const live = startSession(record, stored);
    try {
      const user = await live.call((client, jwt) => client.me(jwt));
      // Logged out while this was on its way: the entry is already gone and must stay gone.
      if (live.status() === 'ended' || record.removing || !registry.records().includes(record)) return;
      Object.assign(record, { live, user, problem: null });
    } catch (error) {
      log(`accounts: restore failed with ${toAppError(error).code}`);
      await live.end();
      // Expired or ended by the server (its entry is gone), or offline (the entry stays for Retry).
      record.problem = toAppError(error);
    }
  }

  /** A list the settings file lost, from the keychain's session entries (ids are the entries' names). */
  async function rebuild(): Promise<ListedAccount[]> {
    try {
      const entries = await secretStore.entries();
      return entries
        .map(({ accountId, session }) => ({ id: accountId, serverUrl: session.serverUrl, email: session.email }))
        .sort((a, b) => `${a.serverUrl} ${a.email}`.localeCompare(`${b.serverUrl} ${b.email}`));
    } catch (error) {
      log(`accounts: rebuilding the list from the keychain failed with ${toAppError(error).code}`);
      launchNotice = keychainProblem(error);
      return [];
    }
  }

  return {
    notices: () => ({ launchNotice, listNotice }),
    clearLaunchNotice: () => void (launchNotice = null),

    /** At launch: every listed account in parallel; the last opened one is shown if it came back. */
    async restoreAll(): Promise<void> {
      const list = await settings.accountList();
      let accounts = list.accounts;
      if (list.problem) {
        listNotice = listNoticeOf(list.problem);
        accounts = await rebuild();
      }
      registry.load(accounts, list.lastAccount);
      // Nothing to restore: still say now (not after a sign-in) when the keychain cannot keep a session.
      if (accounts.length === 0 && !launchNotice)
        await secretStore.check().catch((error: unknown) => (launchNotice = keychainProblem(error)));
      migrated = list.keychainMigrated;
      await migrate();
      await Promise.all(registry.records().map(resume));
      if (list.problem && accounts.length > 0) await registry.save();
      const last = list.lastAccount && registry.byIdentity(list.lastAccount);
      // If the last one could not be restored, another signed-in one opens, and the overview lists
      // the failed one with its Retry.
      registry.show(last?.live ? last : (registry.records().find((record) => record.live) ?? last ?? null));
    },

    /**
     * Tries again to restore an account that was not. A locked keychain was locked for every
     * account: once unlocked, one Retry brings them all back.
     */
    async retry(record: AccountRecord): Promise<void> {
      if (record.live) return;
      await migrate();
      const locked = record.problem?.code === 'keychain_locked';
      const again = locked ? registry.records().filter((r) => !r.live && r.problem?.code === 'keychain_locked') : [record];
      await Promise.all(
        again.map(
          (candidate) =>
            (candidate.retrying ??= resume(candidate).finally(() => {
              candidate.retrying = null;
            })),
        ),
      );
    },
  };
}

export type AccountRestore = ReturnType<typeof createAccountRestore>;
