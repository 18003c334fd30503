// The account list: which accounts exist, in the user's order, each one's state, which one the
// window shows and which was opened last, the 20-account limit, and its one persistence (the
// settings file). Changes are synchronous; `save` writes the result once. An account's state moves
// only through `move` (account-state.ts decides what an event does).
import { MAX_ACCOUNTS } from '../../preload/contract.ts';
import { toAppError } from '../app-error.ts';
import type { NocoUser } from '../nocodb/types.ts';
import type { AccountRef, ListedAccount } from '../ports.ts';
import { accountLimitReached, unknownAccount } from '../session/session-messages.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { liveOf, nextState, type AccountEvent, type AccountState } from './account-state.ts';

/** One listed account and its state. */
export interface AccountRecord {
  readonly account: ListedAccount;
  /** Read anywhere; changed only by `registry.move`. */
  readonly state: AccountState;
  /** The user as the server last described them (kept for the overview after the session ends). */
  user: NocoUser | null;
  /**
   * Other keychain entries of the same account found by a rebuild (a sign-in while the list was not
   * recovered wrote a new one): never restored, but removed with the account at its Log Out.
   */
  twins: string[];
}

/** Whether the list may miss accounts the keychain holds (see settings-document.ts). */
export type ListState = 'recovered' | 'not_recovered';

/**
 * An account's identity: the normalised server URL and the email case-folded (NocoDB keeps emails
 * in lower case; a user may type them otherwise). Never the id, which is opaque.
 */
export const identityOf = ({ serverUrl, email }: AccountRef) => `${serverUrl} ${email.toLowerCase()}`;

export function createAccountRegistry(settings: Pick<SettingsService, 'rememberAccounts'>, log: (line: string) => void) {
  let records: Array<{ account: ListedAccount; state: AccountState; user: NocoUser | null; twins: string[] }> = [];
  /** Sign-ins of new accounts under way: each holds a place, so concurrent ones cannot pass the limit. */
  let reserved = 0;
  let active: AccountRecord | null = null;
  /** The last opened account: opened at the next launch, and the sign-in form's prefill when none is left. */
  let lastOpened: AccountRef | null = null;
  let listState: ListState = 'recovered';

  const byIdentity = (ref: AccountRef): AccountRecord | null =>
    records.find((record) => identityOf(record.account) === identityOf(ref)) ?? null;
  const writable = (record: AccountRecord) => records.find((candidate) => candidate === record);

  return {
    records: (): readonly AccountRecord[] => records,
    active: () => active,
    lastOpened: () => lastOpened,
    listState: () => listState,
    setListState: (next: ListState) => void (listState = next),

    /** The list as read at launch, each account in the state `initial` gives it. */
    load(accounts: ListedAccount[], last: AccountRef | null, initial: (account: ListedAccount) => AccountState) {
      records = accounts.slice(0, MAX_ACCOUNTS).map((account) => ({ account, state: initial(account), user: null, twins: [] }));
      lastOpened = last;
    },

    /** The one way an account's state changes; answers the state it is in afterwards. */
    move(record: AccountRecord, event: AccountEvent): AccountState {
      const target = writable(record);
      if (!target) return record.state; // off the list already: nothing to change
      target.state = nextState(target.state, event);
      return target.state;
    },

    byIdentity,

    /** The account a call names; throws unknown_account. */
    byId(id: string): AccountRecord {
      const record = records.find((candidate) => candidate.account.id === id);
      if (!record) throw unknownAccount();
      return record;
    },

    /** Holds a place for a new account until `release`; throws account_limit when the list is full. */
    reserve(ref: AccountRef): () => void {
      if (byIdentity(ref)) return () => {};
      if (records.length + reserved >= MAX_ACCOUNTS) throw accountLimitReached(MAX_ACCOUNTS);
      reserved += 1;
      let held = true;
      return () => {
        if (held) reserved -= 1;
        held = false;
      };
    },

    /** Adds an account (a new sign-in, or one found in the keychain by a rebuild) in the given state. */
    add(account: ListedAccount, state: AccountState, user: NocoUser | null = null): AccountRecord {
      const record = { account, state, user, twins: [] };
      records = [...records, record];
      return record;
    },

    /** Takes the account off the list; if it was shown, the next signed-in one (in the user's order) is. */
    drop(record: AccountRecord) {
      const index = records.indexOf(record as (typeof records)[number]);
      records = records.filter((candidate) => candidate !== record);
      if (active !== record) return;
      const after = [...records.slice(index), ...records.slice(0, index)];
      active = after.find((candidate) => liveOf(candidate.state)) ?? null;
      lastOpened = active?.account ?? record.account;
    },

    show(record: AccountRecord | null) {
      active = record;
      if (record) lastOpened = record.account;
    },

    /**
     * Writes the list, the last opened account, the Log Outs not finished and whether the list is
     * recovered; answers false when the write failed (it costs the order, never a session).
     */
    async save(): Promise<boolean> {
      const accounts = records.map(({ account: { id, serverUrl, email } }) => ({ id, serverUrl, email }));
      const loggingOut = records.filter((record) => record.state.kind === 'logging_out').map((record) => record.account.id);
      const last = lastOpened && { serverUrl: lastOpened.serverUrl, email: lastOpened.email };
      return settings.rememberAccounts({ accounts, lastAccount: last, loggingOut, notRecovered: listState === 'not_recovered' }).then(
        () => true,
        (error: unknown) => {
          log(`accounts: remembering the list failed with ${toAppError(error).code}`);
          return false;
        },
      );
    },
  };
}

export type AccountRegistry = ReturnType<typeof createAccountRegistry>;
