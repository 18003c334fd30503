// Log Out, made durable: the decision is written down first (the settings file lists the account as
// logging out), then the session is ended on the server and its keychain entries removed. A locked
// or stopped keychain, a crash or a restart can delay the removal but never undo the decision: the
// account stays `logging_out` until its entries are gone, and Retry, the next launch (or a sign-in
// of the same account) finishes it. Nothing here ever brings a session back.
import { toAppError } from '../app-error.ts';
import type { NocoClient } from '../nocodb/types.ts';
import type { SecretStore } from '../ports.ts';
import type { AccountRecord, AccountRegistry } from './account-registry.ts';
import { disagreement } from './account-restore.ts';
import { liveOf } from './account-state.ts';

export interface AccountLogOutOptions {
  registry: AccountRegistry;
  secretStore: SecretStore;
  fallbackSecretStore: SecretStore;
  createClient: (serverUrl: string) => NocoClient;
  /** What else belongs to the account (its token copies); throws when the keychain refuses. */
  forgetAccount: (record: AccountRecord) => Promise<void>;
  log: (line: string) => void;
}

export function createAccountLogOut({
  registry,
  secretStore,
  fallbackSecretStore,
  createClient,
  forgetAccount,
  log,
}: AccountLogOutOptions) {
  /** One finishing run per account at a time: a Retry during a launch's run waits for it. */
  const finishing = new Map<AccountRecord, Promise<void>>();

  /** Ends a session that was not restored (read from its entry): best effort, the entry goes anyway. */
  async function endOnServer(record: AccountRecord): Promise<void> {
    const entry = await secretStore.load(record.account.id);
    // A damaged entry's tokens are sent nowhere, least of all to a server it does not name.
    if (entry.status !== 'ok' || disagreement(record.account, entry.session)) return;
    await createClient(record.account.serverUrl).signOut(entry.session);
  }

  async function finishOnce(record: AccountRecord, askServer: boolean): Promise<void> {
    try {
      if (askServer)
        await endOnServer(record).catch((error: unknown) => log(`accounts: server sign-out failed with ${toAppError(error).code}`));
      // The session entry first: it is what could sign the account back in.
      for (const id of [record.account.id, ...record.twins]) await Promise.all([secretStore.remove(id), fallbackSecretStore.remove(id)]);
      await forgetAccount(record);
    } catch (error) {
      log(`accounts: finishing a Log Out failed with ${toAppError(error).code}; it stays recorded`);
      return;
    }
    registry.drop(record);
    await registry.save();
  }

  /** Removes what the keychain holds for an account being logged out; on success it leaves the list. */
  function finish(record: AccountRecord, askServer = true): Promise<void> {
    if (record.state.kind !== 'logging_out' || !registry.records().includes(record)) return Promise.resolve();
    let run = finishing.get(record);
    if (!run) {
      run = finishOnce(record, askServer).finally(() => finishing.delete(record));
      finishing.set(record, run);
    }
    return run;
  }

  /** The user chose Log Out: recorded first, then carried out as far as the keychain lets it. */
  async function logOut(record: AccountRecord): Promise<void> {
    if (record.state.kind === 'logging_out') return finish(record);
    const live = liveOf(record.state);
    registry.move(record, { type: 'log_out' });
    if (!(await registry.save())) log('accounts: a Log Out could not be written down; it is carried out now');
    if (live) {
      // The server first, refreshing an expired JWT if needed, so the server really ends the session.
      await live
        .call((client, jwt) => client.signOut({ jwt, refreshToken: live.stored().refreshToken }))
        .catch((error: unknown) => log(`accounts: server sign-out failed with ${toAppError(error).code}`));
      await live.end();
      await live.forget().catch(() => {}); // a memory-only session; the keychain entry goes in `finish`
    }
    // A restore still on its way is not waited for: from now on its refresh stores nothing (its
    // keychain writes were queued before this removal), and it ends its own session when it lands.
    await finish(record, live === null);
  }

  return { logOut, finish };
}
