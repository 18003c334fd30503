// The user's preferences and the account list (id, server and email of each, in the user's order,
// and the last opened one), kept in one small JSON file. Nothing secret goes here: sessions live in
// the keychain, one entry per listed account.
//
// The list is never lost by accident: a missing file is a first launch, but an empty, damaged or
// unreadable one is reported (`listProblem`) so the caller deletes nothing and rebuilds the list
// from the keychain; a damaged file is kept aside for the user. Memory changes only after the
// write succeeded, so memory and disk never disagree.
import * as v from 'valibot';
import { LANGUAGES, MAX_CLIPBOARD_CLEAR_SECONDS, type Settings } from '../../preload/contract.ts';
import { ACCOUNT_ID, newAccountId } from '../accounts/account-id.ts';
import { AppFailure } from '../app-error.ts';
import type { AccountRef, JsonFile, ListedAccount } from '../ports.ts';

export const DEFAULT_SETTINGS: Settings = { clipboardClearSeconds: 30, keepTokenCopies: true, expiryReminders: true, language: null };

export type { ListedAccount };

/** Why the account list could not be read at launch; null when it could (or there was no file yet). */
export type ListProblem = { kind: 'damaged'; keptAs: string | null } | { kind: 'unreadable' } | null;

/** The account list as the settings file keeps it. */
export interface AccountList {
  accounts: ListedAccount[];
  /** The last active account (also the sign-in form's prefill once the list is empty). */
  lastAccount: AccountRef | null;
}

interface SettingsDocument extends AccountList {
  settings: Settings;
  /** The keychain entries of versions before account ids were moved to today's names (or there were none). */
  keychainMigrated: boolean;
  /** Some listed account had no id yet (a file from before ids): it got one, to be written once. */
  idsAdded: boolean;
}

// Each field falls back on its own, so one bad value does not throw away the others.
const clipboardClearSeconds = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS));
const language = v.picklist(LANGUAGES);
const accountRef = v.object({ serverUrl: v.pipe(v.string(), v.nonEmpty()), email: v.pipe(v.string(), v.nonEmpty()) });

const listedAccount = v.object({ ...accountRef.entries, id: v.optional(v.pipe(v.string(), v.regex(ACCOUNT_ID))) });

const refOf = (value: unknown): AccountRef | null => {
  const parsed = v.safeParse(accountRef, value);
  return parsed.success ? { serverUrl: parsed.output.serverUrl, email: parsed.output.email } : null;
};

function parseDocument(raw: unknown, newId: () => string, firstLaunch: boolean): SettingsDocument {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = v.safeParse(clipboardClearSeconds, fields['clipboardClearSeconds']);
  const keepTokenCopies = fields['keepTokenCopies'];
  const expiryReminders = fields['expiryReminders'];
  const chosen = v.safeParse(language, fields['language']);
  const lastAccount = refOf(fields['lastAccount']);
  const listed = fields['accounts'];
  // A file from before the account list knew one account, the last one: it stays signed in.
  const entries = Array.isArray(listed) ? listed : lastAccount ? [lastAccount] : [];
  let idsAdded = false;
  const accounts = entries.flatMap((entry): ListedAccount[] => {
    const parsed = v.safeParse(listedAccount, entry);
    if (!parsed.success) return [];
    const { serverUrl, email, id } = parsed.output;
    if (id === undefined) idsAdded = true;
    return [{ id: id ?? newId(), serverUrl, email }];
  });
  return {
    idsAdded,
    keychainMigrated: firstLaunch || fields['keychainMigrated'] === true,
    settings: {
      clipboardClearSeconds: seconds.success ? seconds.output : DEFAULT_SETTINGS.clipboardClearSeconds,
      keepTokenCopies: typeof keepTokenCopies === 'boolean' ? keepTokenCopies : DEFAULT_SETTINGS.keepTokenCopies,
      expiryReminders: typeof expiryReminders === 'boolean' ? expiryReminders : DEFAULT_SETTINGS.expiryReminders,
      language: chosen.success ? chosen.output : DEFAULT_SETTINGS.language,
    },
    accounts,
    lastAccount,
  };
}

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  accountList(): Promise<AccountList & { problem: ListProblem; keychainMigrated: boolean }>;
  rememberAccounts(list: AccountList): Promise<void>;
  /** Records that the legacy keychain entries were moved (keychain-migration.ts). */
  markKeychainMigrated(): Promise<void>;
}

const cannotSave = () =>
  new AppFailure(
    'settings_unreadable',
    'Your settings file cannot be read, so no change is saved. Fix its permissions and restart the app.',
    {
      reason: 'cannot_save',
    },
  );

/** Reads the file once, then serves from memory; changes run one at a time and are written through. */
export function createSettingsService(file: JsonFile, newId: () => string = newAccountId, now: () => number = Date.now): SettingsService {
  let document: Promise<SettingsDocument> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let problem: ListProblem = null;

  async function load(): Promise<SettingsDocument> {
    const content = await file.inspect().catch(() => ({ status: 'unreadable' }) as const);
    if (content.status === 'ok') return parseDocument(content.value, newId, false);
    if (content.status === 'damaged') {
      // Kept for the user (and for support); the name says when it was found damaged.
      const tag = `damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
      problem = { kind: 'damaged', keptAs: await file.keepAside(tag).catch(() => null) };
    } else if (content.status === 'unreadable') {
      problem = { kind: 'unreadable' };
    }
    return parseDocument(undefined, newId, content.status === 'missing');
  }

  const current = () =>
    (document ??= load().then((doc) => {
      // Ids given now must be the same at the next launch: write them once (a failure is retried by the next change).
      if (doc.idsAdded) void change((same) => same).catch(() => {});
      return doc;
    }));

  function change(edit: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument> {
    const run = queue.then(async () => {
      // A file the user may still fix must not be overwritten with what this run rebuilt.
      if (problem?.kind === 'unreadable' || (problem?.kind === 'damaged' && problem.keptAs === null)) throw cannotSave();
      const next = { ...edit(await current()), idsAdded: false };
      const { settings, accounts, lastAccount, keychainMigrated } = next;
      await file.write({ ...settings, accounts, lastAccount, keychainMigrated });
      // Only now: a failed write leaves memory as it was, equal to the disk.
      document = Promise.resolve(next);
      return next;
    });
    // One failed write must not block the changes after it; this caller still sees its failure.
    queue = run.catch(() => {});
    return run;
  }

  const copyRef = ({ serverUrl, email }: AccountRef): AccountRef => ({ serverUrl, email });
  const copyListed = ({ id, serverUrl, email }: ListedAccount): ListedAccount => ({ id, serverUrl, email });

  return {
    get: async () => ({ ...(await current()).settings }),
    async update(patch) {
      const next = await change((doc) => ({
        ...doc,
        settings: {
          clipboardClearSeconds: patch.clipboardClearSeconds ?? doc.settings.clipboardClearSeconds,
          keepTokenCopies: patch.keepTokenCopies ?? doc.settings.keepTokenCopies,
          expiryReminders: patch.expiryReminders ?? doc.settings.expiryReminders,
          // null is a choice too: follow the system again.
          language: patch.language !== undefined ? patch.language : doc.settings.language,
        },
      }));
      return { ...next.settings };
    },
    async accountList() {
      const { accounts, lastAccount, keychainMigrated } = await current();
      return { accounts: accounts.map(copyListed), lastAccount: lastAccount && copyRef(lastAccount), problem, keychainMigrated };
    },
    async rememberAccounts({ accounts, lastAccount }) {
      await change((doc) => ({ ...doc, accounts: accounts.map(copyListed), lastAccount: lastAccount && copyRef(lastAccount) }));
    },
    async markKeychainMigrated() {
      await change((doc) => ({ ...doc, keychainMigrated: true }));
    },
  };
}
