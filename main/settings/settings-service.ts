// The user's preferences and the account list (server and email of each, in the user's order, and
// the last active one), kept in one small JSON file. Nothing secret goes here: sessions live in the
// keychain, one entry per listed account.
import * as v from 'valibot';
import { MAX_CLIPBOARD_CLEAR_SECONDS, type Settings } from '../../preload/contract.ts';
import { ACCOUNT_ID, newAccountId } from '../accounts/account-id.ts';
import type { AccountRef, JsonFile } from '../ports.ts';

export const DEFAULT_SETTINGS: Settings = { clipboardClearSeconds: 30, keepTokenCopies: true, expiryReminders: true };

/** One account of the list: its opaque id, server and email (never a secret). */
export interface ListedAccount extends AccountRef {
  id: string;
}

/** The account list as the settings file keeps it. */
export interface AccountList {
  accounts: ListedAccount[];
  /** The last active account (also the sign-in form's prefill once the list is empty). */
  lastAccount: AccountRef | null;
}

interface SettingsDocument extends AccountList {
  settings: Settings;
  /** Some listed account had no id yet (a file from before ids): it got one, to be written once. */
  idsAdded: boolean;
}

// Each field falls back on its own, so one bad value does not throw away the others.
const clipboardClearSeconds = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS));
const accountRef = v.object({ serverUrl: v.pipe(v.string(), v.nonEmpty()), email: v.pipe(v.string(), v.nonEmpty()) });

const listedAccount = v.object({ ...accountRef.entries, id: v.optional(v.pipe(v.string(), v.regex(ACCOUNT_ID))) });

const refOf = (value: unknown): AccountRef | null => {
  const parsed = v.safeParse(accountRef, value);
  return parsed.success ? { serverUrl: parsed.output.serverUrl, email: parsed.output.email } : null;
};

function parseDocument(raw: unknown, newId: () => string): SettingsDocument {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = v.safeParse(clipboardClearSeconds, fields['clipboardClearSeconds']);
  const keepTokenCopies = fields['keepTokenCopies'];
  const expiryReminders = fields['expiryReminders'];
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
    settings: {
      clipboardClearSeconds: seconds.success ? seconds.output : DEFAULT_SETTINGS.clipboardClearSeconds,
      keepTokenCopies: typeof keepTokenCopies === 'boolean' ? keepTokenCopies : DEFAULT_SETTINGS.keepTokenCopies,
      expiryReminders: typeof expiryReminders === 'boolean' ? expiryReminders : DEFAULT_SETTINGS.expiryReminders,
    },
    accounts,
    lastAccount,
  };
}

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  accountList(): Promise<AccountList>;
  rememberAccounts(list: AccountList): Promise<void>;
}

/** Reads the file once, then serves from memory; changes run one at a time and are written through. */
export function createSettingsService(file: JsonFile, newId: () => string = newAccountId): SettingsService {
  let document: Promise<SettingsDocument> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const parse = (raw: unknown) => parseDocument(raw, newId);
  const current = () =>
    (document ??= file
      .read()
      .then(parse, () => parse(undefined))
      .then((doc) => {
        // Ids given now must be the same at the next launch: write them once (a failure is retried by the next change).
        if (doc.idsAdded) void change((same) => same).catch(() => {});
        return doc;
      }));

  function change(edit: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument> {
    const run = queue.then(async () => {
      const next = { ...edit(await current()), idsAdded: false };
      document = Promise.resolve(next);
      await file.write({ ...next.settings, accounts: next.accounts, lastAccount: next.lastAccount });
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
        },
      }));
      return { ...next.settings };
    },
    async accountList() {
      const { accounts, lastAccount } = await current();
      return { accounts: accounts.map(copyListed), lastAccount: lastAccount && copyRef(lastAccount) };
    },
    async rememberAccounts({ accounts, lastAccount }) {
      await change((doc) => ({ ...doc, accounts: accounts.map(copyListed), lastAccount: lastAccount && copyRef(lastAccount) }));
    },
  };
}
