// The account list: which accounts exist, in the user's order, which one the window shows and which
// was opened last, the 20-account limit, and its one persistence (the settings file). Changes are
// synchronous; `save` writes the result once.
import { MAX_ACCOUNTS, type AppError } from '../../preload/contract.ts';
import { toAppError } from '../app-error.ts';
import type { NocoUser } from '../nocodb/types.ts';
import type { AccountRef, ListedAccount } from '../ports.ts';
import type { LiveSession } from '../session/live-session.ts';
import { accountLimitReached, unknownAccount } from '../session/session-messages.ts';
import type { SettingsService } from '../settings/settings-service.ts';

/** One listed account. Without a live session it says why (`problem`). */
export interface AccountRecord {
  readonly account: ListedAccount;
  live: LiveSession | null;
  /** The user as the server last described them (kept for the overview after the session ends). */
  user: NocoUser | null;
  problem: AppError | null;
  retrying: Promise<void> | null;
  /** Log Out has started: nothing may bring its session back. */
  removing: boolean;
}

/**
 * An account's identity: the normalised server URL and the email case-folded (NocoDB keeps emails
 * in lower case; a user may type them otherwise). Never the id, which is opaque.
 */
export const identityOf = ({ serverUrl, email }: AccountRef) => `${serverUrl} ${email.toLowerCase()}`;

export function createAccountRegistry(settings: Pick<SettingsService, 'rememberAccounts'>, log: (line: string) => void) {
  let records: AccountRecord[] = [];
  /** Sign-ins of new accounts under way: each holds a place, so concurrent ones cannot pass the limit. */
  let reserved = 0;
  let active: AccountRecord | null = null;
  /** The last opened account: opened at the next launch, and the sign-in form's prefill when none is left. */
  let lastOpened: AccountRef | null = null;

  const byIdentity = (ref: AccountRef) => records.find((record) => identityOf(record.account) === identityOf(ref)) ?? null;

  return {
    records: () => records,
    active: () => active,
    lastOpened: () => lastOpened,

    /** The list as read at launch (or rebuilt). */
    load(accounts: ListedAccount[], last: AccountRef | null) {
      records = accounts
        .slice(0, MAX_ACCOUNTS)
        .map((account) => ({ account, live: null, user: null, problem: null, retrying: null, removing: false }));
      lastOpened = last;
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

    add(record: AccountRecord) {
      records = [...records, record];
    },

    /** Takes the account off the list; if it was shown, the next signed-in one (in the user's order) is. */
    drop(record: AccountRecord) {
      const index = records.indexOf(record);
      records = records.filter((candidate) => candidate !== record);
      if (active !== record) return;
      const after = [...records.slice(index), ...records.slice(0, index)];
      active = after.find((candidate) => candidate.live) ?? null;
      lastOpened = active?.account ?? record.account;
    },

    show(record: AccountRecord | null) {
      active = record;
      if (record) lastOpened = record.account;
    },

    /** Writes the list and the last opened account; a failed write costs the order, never a session. */
    async save(): Promise<void> {
      const accounts = records.map(({ account: { id, serverUrl, email } }) => ({ id, serverUrl, email }));
      const last = lastOpened && { serverUrl: lastOpened.serverUrl, email: lastOpened.email };
      await settings.rememberAccounts({ accounts, lastAccount: last }).catch((error: unknown) => {
        log(`accounts: remembering the list failed with ${toAppError(error).code}`);
      });
    },
  };
}

export type AccountRegistry = ReturnType<typeof createAccountRegistry>;
