// The settings file's document: the user's preferences, the account list, and what the account
// layer wrote down about that list (accounts whose Log Out is not finished, a list not recovered
// yet). Parsing never throws: each preference falls back on its own, and anything that is not the
// file's shape is reported (`ListProblem`), so the list is never taken for "no accounts" by mistake.
import * as v from 'valibot';
import { LANGUAGES, MAX_CLIPBOARD_CLEAR_SECONDS, type Settings } from '../../preload/contract.ts';
import { ACCOUNT_ID } from '../accounts/account-id.ts';
import type { AccountRef, ListedAccount } from '../ports.ts';

export const DEFAULT_SETTINGS: Settings = { clipboardClearSeconds: 30, keepTokenCopies: true, expiryReminders: true, language: null };

/**
 * Why the account list could not be read as it was; null when it could (or there was no file yet).
 * `dropped` names the entries left out (an email or server when the entry has one, else its position).
 */
export type ListProblem = { kind: 'damaged'; keptAs: string | null; dropped: string[] } | { kind: 'unreadable' } | null;

/** The account list as the settings file keeps it. */
export interface AccountList {
  accounts: ListedAccount[];
  /** The last active account (also the sign-in form's prefill once the list is empty). */
  lastAccount: AccountRef | null;
  /** Accounts the user logged out of whose keychain entries are not all gone yet: the Log Out is finished later. */
  loggingOut: string[];
  /**
   * The list may miss accounts the keychain holds (the file was damaged, wrong-shaped or unreadable,
   * and no rebuild from the keychain has succeeded since): every launch and Retry rebuild it.
   */
  notRecovered: boolean;
}

export interface SettingsDocument extends AccountList {
  settings: Settings;
  /** The keychain entries of versions before account ids were moved to today's names (or there were none). */
  keychainMigrated: boolean;
  /** Some listed account had no id yet (a file from before ids): it got one, to be written once. */
  idsAdded: boolean;
}

const clipboardClearSeconds = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS));
const language = v.picklist(LANGUAGES);
const accountRef = v.object({ serverUrl: v.pipe(v.string(), v.nonEmpty()), email: v.pipe(v.string(), v.nonEmpty()) });
const listedAccount = v.object({ ...accountRef.entries, id: v.optional(v.pipe(v.string(), v.regex(ACCOUNT_ID))) });

const refOf = (value: unknown): AccountRef | null => {
  const parsed = v.safeParse(accountRef, value);
  return parsed.success ? { serverUrl: parsed.output.serverUrl, email: parsed.output.email } : null;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How the notice names an entry it could not use: its email or server when readable, else its place. */
function nameOfEntry(entry: unknown, index: number): string {
  const fields = isRecord(entry) ? entry : {};
  const named = [fields['email'], fields['serverUrl']].find((field) => typeof field === 'string' && field.trim() !== '');
  return typeof named === 'string' ? named.slice(0, 120) : `#${index + 1}`;
}

export interface ParsedDocument {
  document: SettingsDocument;
  /** The file is not the settings file's shape (`{}`, `null`, `accounts` not a list): damaged. */
  wrongShape: boolean;
  dropped: string[];
}

export function defaultDocument(firstLaunch: boolean): SettingsDocument {
  return parseDocument({ accounts: [] }, () => '', firstLaunch).document;
}

export function parseDocument(raw: unknown, newId: () => string, firstLaunch: boolean): ParsedDocument {
  const fields = isRecord(raw) ? raw : {};
  const seconds = v.safeParse(clipboardClearSeconds, fields['clipboardClearSeconds']);
  const keepTokenCopies = fields['keepTokenCopies'];
  const expiryReminders = fields['expiryReminders'];
  const chosen = v.safeParse(language, fields['language']);
  const lastAccount = refOf(fields['lastAccount']);
  const listed = fields['accounts'];
  // A file from before the account list knew one account, the last one: it stays signed in.
  const legacy = listed === undefined && lastAccount !== null;
  const wrongShape = !isRecord(raw) || (!Array.isArray(listed) && !legacy);
  const entries: unknown[] = Array.isArray(listed) ? listed : legacy ? [lastAccount] : [];
  let idsAdded = false;
  const dropped: string[] = [];
  const seen = new Set<string>();
  const accounts = entries.flatMap((entry, index): ListedAccount[] => {
    const parsed = v.safeParse(listedAccount, entry);
    if (!parsed.success || (parsed.output.id !== undefined && seen.has(parsed.output.id))) {
      dropped.push(nameOfEntry(entry, index));
      return [];
    }
    const { serverUrl, email, id } = parsed.output;
    if (id === undefined) idsAdded = true;
    const account = { id: id ?? newId(), serverUrl, email };
    seen.add(account.id);
    return [account];
  });
  const pending = Array.isArray(fields['loggingOut']) ? (fields['loggingOut'] as unknown[]) : [];
  const loggingOut = accounts.map((account) => account.id).filter((id) => pending.includes(id));
  const document: SettingsDocument = {
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
    loggingOut,
    notRecovered: fields['accountsNotRecovered'] === true,
  };
  return { document, wrongShape, dropped };
}

/** The document as written to disk (`idsAdded` is this run's business only). */
export function fileContentOf({ settings, accounts, lastAccount, keychainMigrated, loggingOut, notRecovered }: SettingsDocument) {
  return {
    ...settings,
    accounts,
    lastAccount,
    keychainMigrated,
    ...(loggingOut.length > 0 ? { loggingOut } : {}),
    ...(notRecovered ? { accountsNotRecovered: true } : {}),
  };
}
