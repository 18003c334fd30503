// The user's preferences and the account list (server and email of each, in the user's order, and
// the last active one), kept in one small JSON file. Nothing secret goes here: sessions live in the
// keychain, one entry per listed account.
import * as v from 'valibot';
import { LANGUAGES, MAX_CLIPBOARD_CLEAR_SECONDS, type Settings } from '../../preload/contract.ts';
import type { AccountRef, JsonFile } from '../ports.ts';

export const DEFAULT_SETTINGS: Settings = { clipboardClearSeconds: 30, keepTokenCopies: true, language: null };

/** The account list as the settings file keeps it. */
export interface AccountList {
  accounts: AccountRef[];
  /** The last active account (also the sign-in form's prefill once the list is empty). */
  lastAccount: AccountRef | null;
}

interface SettingsDocument extends AccountList {
  settings: Settings;
}

// Each field falls back on its own, so one bad value does not throw away the others.
const clipboardClearSeconds = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS));
const language = v.picklist(LANGUAGES);
const accountRef = v.object({ serverUrl: v.pipe(v.string(), v.nonEmpty()), email: v.pipe(v.string(), v.nonEmpty()) });

const refOf = (value: unknown): AccountRef | null => {
  const parsed = v.safeParse(accountRef, value);
  return parsed.success ? { serverUrl: parsed.output.serverUrl, email: parsed.output.email } : null;
};

function parseDocument(raw: unknown): SettingsDocument {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = v.safeParse(clipboardClearSeconds, fields['clipboardClearSeconds']);
  const keepTokenCopies = fields['keepTokenCopies'];
  const chosen = v.safeParse(language, fields['language']);
  const lastAccount = refOf(fields['lastAccount']);
  const listed = fields['accounts'];
  // A file from before the account list knew one account, the last one: it stays signed in.
  const accounts = Array.isArray(listed) ? listed.flatMap((entry) => refOf(entry) ?? []) : lastAccount ? [lastAccount] : [];
  return {
    settings: {
      clipboardClearSeconds: seconds.success ? seconds.output : DEFAULT_SETTINGS.clipboardClearSeconds,
      keepTokenCopies: typeof keepTokenCopies === 'boolean' ? keepTokenCopies : DEFAULT_SETTINGS.keepTokenCopies,
      language: chosen.success ? chosen.output : DEFAULT_SETTINGS.language,
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
export function createSettingsService(file: JsonFile): SettingsService {
  let document: Promise<SettingsDocument> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const current = () => (document ??= file.read().then(parseDocument, () => parseDocument(undefined)));

  function change(edit: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument> {
    const run = queue.then(async () => {
      const next = edit(await current());
      document = Promise.resolve(next);
      await file.write({ ...next.settings, accounts: next.accounts, lastAccount: next.lastAccount });
      return next;
    });
    // One failed write must not block the changes after it; this caller still sees its failure.
    queue = run.catch(() => {});
    return run;
  }

  const copyRef = ({ serverUrl, email }: AccountRef): AccountRef => ({ serverUrl, email });

  return {
    get: async () => ({ ...(await current()).settings }),
    async update(patch) {
      const next = await change((doc) => ({
        ...doc,
        settings: {
          clipboardClearSeconds: patch.clipboardClearSeconds ?? doc.settings.clipboardClearSeconds,
          keepTokenCopies: patch.keepTokenCopies ?? doc.settings.keepTokenCopies,
          // null is a choice too: follow the system again.
          language: patch.language !== undefined ? patch.language : doc.settings.language,
        },
      }));
      return { ...next.settings };
    },
    async accountList() {
      const { accounts, lastAccount } = await current();
      return { accounts: accounts.map(copyRef), lastAccount: lastAccount && copyRef(lastAccount) };
    },
    async rememberAccounts({ accounts, lastAccount }) {
      await change((doc) => ({ ...doc, accounts: accounts.map(copyRef), lastAccount: lastAccount && copyRef(lastAccount) }));
    },
  };
}
