// The ports main's services run on. The composition root (`main.ts`) passes Electron- and
// OS-backed implementations; tests and the end-to-end harness pass their own.
import type { NotificationPort, SaveDialogPort } from './desktop-ports.ts';
import type { MenuLabels } from '../preload/contract.ts';

/** What the keychain keeps for one account: only what is needed to resume the session. */
export interface StoredSession {
  serverUrl: string;
  email: string;
  refreshToken: string;
  jwt: string;
}

/** Names one account: the same email on another server, or another email on the same server, is another account. */
export interface AccountRef {
  serverUrl: string;
  email: string;
}

/** A listed account: its opaque id (what every call names), server and email. Never a secret. */
export interface ListedAccount extends AccountRef {
  id: string;
}

/** An account's session entry as read: none, one that is not a session (damaged), or its session. */
export type StoredEntry = { status: 'none' } | { status: 'damaged' } | { status: 'ok'; session: StoredSession };

/**
 * The OS keychain, or a memory stand-in: one session entry per account id. Every method may throw
 * AppFailure('keychain_locked'), ('keychain_stopped') or ('keychain_unavailable'); a keychain that
 * could not answer is never read as "no session".
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  /** The account's entry: none, damaged, or its session. */
  load(accountId: string): Promise<StoredEntry>;
  /** Resolves when the store can be used (a keychain that is there and unlocked); throws like the others otherwise. */
  check(): Promise<void>;
  /**
   * Starts what the store reads through (the keychain's worker: keytar loaded, D-Bus connected) at
   * once, so the first read does not wait for it; a failure here is met again by that read.
   */
  warmUp?(): void;
  /** Every readable session entry, to rebuild an account list the settings file lost (damaged ones are left out, never deleted). */
  entries(): Promise<Array<{ accountId: string; session: StoredSession }>>;
  save(accountId: string, session: StoredSession): Promise<void>;
  remove(accountId: string): Promise<void>;
}

/**
 * Copies of API tokens created in the app (today's servers show a token only once), kept in the
 * OS keychain apart from the session. Every call names the account; every method may throw
 * AppFailure('keychain_locked') or ('keychain_unavailable').
 */
export interface TokenVault {
  readonly kind: 'keychain' | 'memory';
  /** The copies kept for these tokens of the account: token id → value (ids without a copy are left out). */
  load(accountId: string, tokenIds: string[]): Promise<Map<string, string>>;
  /**
   * Keeps a copy when `stillWanted` (asked when the keychain is about to write, after any Log Out or
   * "forget every copy" queued before it) says so; answers whether it was written.
   */
  put(accountId: string, tokenId: string, value: string, stillWanted: () => Promise<boolean>): Promise<boolean>;
  remove(accountId: string, tokenId: string): Promise<void>;
  /** Forgets every copy of the account (logging out). */
  clear(accountId: string): Promise<void>;
  /** Forgets every copy of every account (the setting turned off). */
  clearAll(): Promise<void>;
}

export interface ClipboardWriteOptions {
  /** Mark the entry as a secret, so clipboard history, sync and managers skip it where the OS allows. */
  concealed?: boolean;
}

/** The system clipboard (`clipboard/system-clipboard.ts` over Electron's in the app). */
export interface ClipboardPort {
  // Electron 45's clipboard is promise-based; test clipboards may answer synchronously.
  readText(): string | Promise<string>;
  writeText(text: string, options?: ClipboardWriteOptions): void | Promise<void>;
}

/** What a JSON file holds: nothing yet (first launch), a value, or something that cannot be used. */
export type JsonFileContent =
  | { status: 'missing' }
  | { status: 'ok'; value: unknown }
  /** Empty, or not JSON. */
  | { status: 'damaged' }
  /** It exists but cannot be read (permissions, an I/O error). */
  | { status: 'unreadable' };

/** A small JSON document in the app's data folder, for non-secret preferences only. */
export interface JsonFile {
  /** The value; a missing or damaged file reads as `undefined`, an unreadable one throws. */
  read(): Promise<unknown>;
  inspect(): Promise<JsonFileContent>;
  /** Renames the file to `<name>.<tag>` (kept for the user); answers the new path. */
  keepAside(tag: string): Promise<string>;
  write(value: unknown): Promise<void>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The system's language preferences (Electron's app.getPreferredSystemLanguages() / app.getLocale()). */
export interface LocalePort {
  /** BCP 47 tags, most preferred first. */
  preferredLanguages(): string[];
}

/** The application menu, rebuilt in the words the renderer sends. */
export interface MenuPort {
  setLabels(labels: MenuLabels): void;
}

export interface AppPorts {
  /** The OS save dialog (CSV export of All tokens); without one, an export saves nothing. */
  saveDialog?: SaveDialogPort;
  /** OS notifications (expiry reminders); without them, no reminder is shown. */
  notifications?: NotificationPort;
  /** Brings the app's window to the front. */
  showWindow?: () => void;
  secretStore: SecretStore;
  /** Used when `secretStore` fails at run time, so the session survives this run in memory. */
  fallbackSecretStore: SecretStore;
  /** Copies of created tokens; when it fails, a created token stays usable for this run only. */
  tokenVault: TokenVault;
  /** Moves the keychain entries of versions before account ids, once (absent: nothing to move). */
  migrateKeychain?: (accounts: ListedAccount[]) => Promise<void>;
  clipboard: ClipboardPort;
  settingsFile: JsonFile;
  /** The Log Outs not finished, kept apart from the settings file (see accounts/log-out-record.ts). */
  logOutFile: JsonFile;
  /** The plain-http servers the user accepted sending a password to (see nocodb/server-check.ts). */
  httpConsentFile: JsonFile;
  fetch: typeof fetch;
  timers: Timers;
  now: () => number;
  /** Per-request timeout for calls to the NocoDB server. */
  requestTimeoutMs: number;
  /** Developer log: never a secret, never a server body. */
  log: (line: string) => void;
  /** Without one (tests), the app follows no system language: English. */
  locale?: LocalePort;
  /** The Electron app's menu; tests and the harness have none. */
  menu?: MenuPort;
  /** Registers work the app finishes before it quits (the Electron app; tests need none). */
  onQuit?: (task: () => Promise<void>) => void;
}
