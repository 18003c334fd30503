// The ports main's services run on. The composition root (`main.ts`) passes Electron- and
// OS-backed implementations; tests and the end-to-end harness pass their own.
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

/**
 * The OS keychain (keytar), or a memory stand-in: one entry per account. Every method may throw
 * AppFailure('keychain_unavailable').
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  /** Every account that has an entry (damaged ones too, so they can be removed). */
  accounts(): Promise<AccountRef[]>;
  /** The account's session, or null when it has no entry or the entry is damaged. */
  load(serverUrl: string, email: string): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  remove(serverUrl: string, email: string): Promise<void>;
}

/** Whose token copies: every vault call names the account, so several accounts can keep theirs side by side. */
export interface VaultAccount {
  serverUrl: string;
  email: string;
}

/**
 * Copies of API tokens created in the app (today's servers show a token only once), kept in the
 * OS keychain apart from the session. Every method may throw AppFailure('keychain_unavailable').
 */
export interface TokenVault {
  readonly kind: 'keychain' | 'memory';
  /** Every copy kept for the account: token id → value. */
  load(account: VaultAccount): Promise<Map<string, string>>;
  put(account: VaultAccount, id: string, value: string): Promise<void>;
  remove(account: VaultAccount, id: string): Promise<void>;
  /** Forgets every copy of the account (signing out). */
  clear(account: VaultAccount): Promise<void>;
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

/** A small JSON document in the app's data folder, for non-secret preferences only. */
export interface JsonFile {
  read(): Promise<unknown>;
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
  secretStore: SecretStore;
  /** Used when `secretStore` fails at run time, so the session survives this run in memory. */
  fallbackSecretStore: SecretStore;
  /** Copies of created tokens; when it fails, a created token stays usable for this run only. */
  tokenVault: TokenVault;
  clipboard: ClipboardPort;
  settingsFile: JsonFile;
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
