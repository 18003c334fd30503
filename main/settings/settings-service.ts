// The user's preferences and the account list (id, server and email of each, in the user's order,
// the last opened one, the Log Outs not finished yet), kept in one small JSON file. Nothing secret
// goes here: sessions live in the keychain, one entry per listed account.
//
// The list is never lost by accident: a missing file is a first launch, but an empty, damaged,
// wrong-shaped or unreadable one is reported (`problem`) and the list is marked "not recovered" —
// written down, so the next launch still rebuilds it from the keychain even if a write (a language
// change) made the file valid meanwhile. A damaged file is kept aside for the user. Memory changes
// only after the write succeeded, so memory and disk never disagree.
import type { Settings } from '../../preload/contract.ts';
import { newAccountId } from '../accounts/account-id.ts';
import { AppFailure } from '../app-error.ts';
import type { AccountRef, JsonFile, ListedAccount } from '../ports.ts';
import {
  defaultDocument,
  fileContentOf,
  parseDocument,
  type AccountList,
  type ListProblem,
  type SettingsDocument,
} from './settings-document.ts';

export { DEFAULT_SETTINGS, type AccountList, type ListProblem } from './settings-document.ts';
export type { ListedAccount };

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

  const keepAside = () => {
    // Kept for the user (and for support); the name says when it was found damaged.
    const tag = `damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    return file.keepAside(tag).catch(() => null);
  };

  async function load(): Promise<SettingsDocument> {
    const content = await file.inspect().catch(() => ({ status: 'unreadable' }) as const);
    if (content.status === 'ok') {
      const { document: parsed, wrongShape, dropped } = parseDocument(content.value, newId, false);
      if (!wrongShape && dropped.length === 0) return parsed;
      problem = { kind: 'damaged', keptAs: await keepAside(), dropped };
      return { ...parsed, notRecovered: true };
    }
    if (content.status === 'damaged') problem = { kind: 'damaged', keptAs: await keepAside(), dropped: [] };
    else if (content.status === 'unreadable') problem = { kind: 'unreadable' };
    return { ...defaultDocument(content.status === 'missing'), notRecovered: problem !== null };
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
      await file.write(fileContentOf(next));
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
      const { accounts, lastAccount, keychainMigrated, loggingOut, notRecovered } = await current();
      return {
        accounts: accounts.map(copyListed),
        lastAccount: lastAccount && copyRef(lastAccount),
        loggingOut: [...loggingOut],
        notRecovered,
        problem,
        keychainMigrated,
      };
    },
    async rememberAccounts({ accounts, lastAccount, loggingOut, notRecovered }) {
      await change((doc) => ({
        ...doc,
        accounts: accounts.map(copyListed),
        lastAccount: lastAccount && copyRef(lastAccount),
        loggingOut: [...loggingOut],
        notRecovered,
      }));
    },
    async markKeychainMigrated() {
      await change((doc) => ({ ...doc, keychainMigrated: true }));
    },
  };
}
