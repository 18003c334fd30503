// The IPC contract: every channel the renderer may call, with its argument and result types and
// the error codes it can answer with. Main, preload and renderer import this file type-only
// (apart from the channel list, which is plain data), so it is the single source of truth.

/** Name of the global the preload exposes: `window.nocodb`. */
export const BRIDGE_GLOBAL = 'nocodb';

export const ERROR_CODES = [
  'invalid_argument', // the renderer sent something the contract does not allow
  'forbidden', // the call came from a frame that is not the app's own
  'internal', // a bug in main; details stay in main
  'invalid_credentials',
  'unauthorized', // the server refused the session for this call
  'session_expired', // the session could not be refreshed; sign in again
  'not_signed_in',
  'server_unreachable',
  'timeout',
  'not_nocodb', // the URL answers, but not like a NocoDB server
  'validation', // the server refused the input; message is the server's own words
  'not_found',
  'server_error',
  'keychain_unavailable',
  'redirected', // the server redirects; sign-in refused before any credential was sent
  'insecure_connection', // plain http to another machine; sign in again with `confirmInsecure` once the user agrees
  'account_limit', // the app already keeps MAX_ACCOUNTS accounts
  'unknown_account', // no account of the list has the id the call names
  'account_not_signed_in', // the account the call names has no live session
  'keychain_locked', // the keychain refused or is locked: a state to unlock and Retry, never "signed out"
  'settings_unreadable', // the settings file was damaged or unreadable: the account list was rebuilt from the keychain
  'keychain_stopped', // the keychain's worker process stopped answering (it crashed): Retry starts a new one
  'server_refused', // a 403, or an answer that is not NocoDB's, refused the call: something in front of the server; the session is kept
  'not_supported', // the account's server does not offer this (e.g. enable/disable without v3 tokens)
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as it crosses IPC: plain data, never a thrown object, never a stack trace. */
export interface AppError {
  code: ErrorCode;
  /** English words for logs and tests; the renderer words the error by `code` and `params` in the user's language (see renderer/i18n). */
  message: string;
  /**
   * What the renderer needs to word the error: `reason` picks a more precise message for the code,
   * the other values fill its placeholders. `source: 'server'` marks `message` as the server's own words,
   * shown as sent (always so for `validation`).
   */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** What the renderer may know about the signed-in user. */
export interface Account {
  serverUrl: string;
  email: string;
  userId: string;
  displayName: string | null;
}

/** Where the session lives: the OS keychain, or (when that is unavailable) this run's memory. */
export type SessionPersistence = 'keychain' | 'memory';

/** How many accounts the app keeps at most. */
export const MAX_ACCOUNTS = 20;

/**
 * An account's state, one at a time (main/accounts/account-state.ts owns the transitions):
 * - `signed_in` / `memory_only`: usable (its session in the keychain, or in this run's memory only);
 * - `restoring`: its entry is being read and checked with its server;
 * - `keychain_locked`, `keychain_stopped` (the keychain's worker stopped answering), `server_refused`
 *   (a 403 or an answer not NocoDB's: a VPN, proxy or firewall) and `unreachable`: the session is
 *   kept, Retry tries again;
 * - `damaged_entry`: its saved sign-in cannot be used (Remove, or Sign in again);
 * - `session_ended`: NocoDB ended it, or nothing is saved (Sign in again);
 * - `logging_out`: Log Out was chosen and is written down; its keychain entries are not gone yet
 *   (Retry, an unlock or the next launch finishes it — never signs it back in).
 */
export type AccountStatus =
  | 'signed_in'
  | 'memory_only'
  | 'restoring'
  | 'keychain_locked'
  | 'keychain_stopped'
  | 'server_refused'
  | 'unreachable'
  | 'damaged_entry'
  | 'session_ended'
  | 'logging_out';

/**
 * What an account's server can do, detected by main from the server's answers to the account's first
 * token page (see main/nocodb/server-capabilities.ts); every token page carries them. Every screen
 * asks these, by name, before it shows a column or offers an action; none guesses from which fields a
 * page carries. Not known yet (no page asked) means: nothing beyond NO_CAPABILITIES.
 */
export interface ServerCapabilities {
  /** The list never carries a token's value again (today's servers): only a copy kept by the app can be shown. */
  showsTokenOnce: boolean;
  /** The list says when each token was last used. */
  tracksLastUse: boolean;
  /** The list says when each token expires. */
  hasExpiry: boolean;
  /** A deleted token stops working at once (NocoDB 0.301.3 keeps accepting it for a while). */
  revokesAtOnce: boolean;
  /** The user's list holds every user's tokens (a super admin). */
  listsOthersTokens: boolean;
  // The next three come with the images of April 2026 and later, decided from how the server answers
  // its v3 tokens route (see main/nocodb/v3-token-capabilities.ts).
  /** A create may choose when the token expires (it is then an `nc_pat_` token). */
  expiryAtCreation: boolean;
  /** A token may also be made that never expires, next to those with an expiry (v3 tokens open). */
  noExpiry: boolean;
  /** A token can be disabled and enabled again (v3 `PATCH {enabled}`). */
  enableDisable: boolean;
}

/**
 * What a server is taken to offer until its answers tell: nothing beyond NocoDB 0.301.3 for a user
 * who is not a super admin — no column without data, and no action the server may not have.
 */
export const NO_CAPABILITIES: ServerCapabilities = {
  showsTokenOnce: false,
  tracksLastUse: false,
  hasExpiry: false,
  revokesAtOnce: false,
  listsOthersTokens: false,
  expiryAtCreation: false,
  noExpiry: false,
  enableDisable: false,
};

/**
 * One account of the app's list, as the overview and the user menu show it. Nothing secret. (The
 * signed-in user's `Account` below is another thing: what the server says about the shown user.)
 */
export interface AccountEntry {
  /**
   * Names the account in every account-scoped call. Opaque (not derived from the server or the
   * email), created when the account is first added and kept across restarts.
   */
  id: string;
  serverUrl: string;
  email: string;
  displayName: string | null;
  status: AccountStatus;
  /** What the card words after the status, when the state has a detail (why the session ended, the server's refusal). */
  problemError?: AppError | null;
  /** The account the app shows now. */
  active: boolean;
  /** What its server can do; absent while unknown (no live session, or no token page of it asked its server yet). */
  capabilities?: ServerCapabilities;
}

/** Said when the list may miss accounts the keychain holds: its Retry is `accounts:recover`. */
export type ListState = 'not_recovered';

export type SessionState =
  | {
      status: 'signed_in';
      account: Account;
      persistence: SessionPersistence;
      /** Why the session is memory-only, as an error the renderer words in the user's language. */
      persistenceProblem?: AppError | null;
      /** Every account of the app, in the user's order; the active one is `account`. */
      accounts: AccountEntry[];
      /** Why the account list was rebuilt at launch (the settings file was damaged or unreadable), or why it is not yet. */
      listNotice?: AppError | null;
      list?: ListState;
    }
  | {
      status: 'signed_out';
      /** The server and email to fill the sign-in form with (the last account), if any. */
      prefill: { serverUrl: string; email: string } | null;
      /** Why the user sees the sign-in screen (an expired session, an unreachable server), if not by choice. */
      notice: AppError | null;
      /** Every account of the app (none of them active and signed in). */
      accounts: AccountEntry[];
      /** Why the account list was rebuilt at launch (the settings file was damaged or unreadable), or why it is not yet. */
      listNotice?: AppError | null;
      list?: ListState;
    };

export interface SignInRequest {
  serverUrl: string;
  email: string;
  password: string;
  /** The user accepts sending the password over plain http to this server (after `insecure_connection`). */
  confirmInsecure?: boolean;
}

/**
 * Where main can get a token's value from for Show and Copy: the server's list (NocoDB 0.301.3),
 * the app's keychain copy, this run's memory (created now, no copy kept), or nowhere (a server
 * that shows a token only once, and the token was made outside the app).
 */
export type TokenValueSource = 'server' | 'keychain' | 'memory' | 'none';

/** A token as the list shows it. The secret value stays in main. */
export interface TokenSummary {
  /** Opaque: NocoDB 0.301.3 numbers its rows, today's servers type the id as a string. */
  id: string;
  name: string | null;
  creator: string | null;
  createdAt: string | null;
  valueSource: TokenValueSource;
  /** The first characters of the token, when the server tells them (today's servers). */
  prefix: string | null;
  // The next two are present only where the account's capabilities say the server tracks them.
  /** When the token stops working; null: never. */
  expiry?: string | null;
  /** When the token was last used; null: never. */
  lastUsedAt?: string | null;
  enabled?: boolean;
}

/** Every account-scoped call names the account it is for; main runs it on that one or refuses. */
export interface AccountScoped {
  accountId: string;
}

export interface TokenPageRequest extends AccountScoped {
  /** 1-based. */
  page: number;
  /** 1..100. */
  pageSize: number;
}

/** How long a new token works, where the server has expiry at creation: days from now, or to the end of a date (`YYYY-MM-DD`, the user's day). None: no expiry. */
export type TokenExpiryChoice = { days: number } | { date: string };

/** The lengths NocoDB's own create dialog offers, in days (365: one year); the default is 90, as there. */
export const EXPIRY_DAY_CHOICES = [7, 30, 60, 90, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;
/** The longest expiry the app asks for (a kept token's rotation copies its length). */
export const MAX_EXPIRY_DAYS = 3650;

export interface TokenCreateRequest extends AccountScoped {
  name: string;
  /** Sent only to servers with expiry at creation; elsewhere the token never expires, as before. */
  expiry?: TokenExpiryChoice;
}

export interface TokenPage {
  tokens: TokenSummary[];
  page: number;
  pageSize: number;
  /**
   * Exact on the last page and for a super admin; otherwise the rows known to exist so far (the
   * server's count covers the whole instance, not the user's tokens).
   */
  totalRows: number;
  isLastPage: boolean;
  /** The account's capabilities as main knows them after this page (a first token row may have settled them). */
  capabilities: ServerCapabilities;
}

/** A column whose values repeat: each distinct value once, and per token the index of its value. */
export interface SharedColumn<T> {
  values: T[];
  at: number[];
}

/** A page of tokens as columns, for the All tokens scan (see token-scan-columns.ts). */
export interface TokenColumns {
  id: string[];
  name: Array<string | null>;
  /** An account's tokens mostly share one creator (0.301.3 lists only the user's own). */
  creator: SharedColumn<string | null>;
  createdAt: Array<string | null>;
  valueSource: SharedColumn<TokenValueSource>;
  prefix: Array<string | null>;
  /** Present when the page's summaries carry the field (the server tracks it: see TokenSummary). */
  expiry?: Array<string | null>;
  lastUsedAt?: Array<string | null>;
  /** Present when any summary carries `enabled`; null for a token whose server did not say. */
  enabled?: Array<boolean | null>;
}

/** A page of the All tokens view: from `offset`, as many tokens as the server gives in one page. */
export interface TokenScanRequest {
  accountId: string;
  offset: number;
}

export interface TokenScanPage {
  /** The page's tokens as columns (token-scan-columns.ts packs and unpacks them): a smaller answer than one object per token. */
  tokens: TokenColumns;
  /** The offset of the next page; null after the last. */
  next: number | null;
  /** The account's capabilities as main knows them after this page. */
  capabilities: ServerCapabilities;
}

export interface CopyResult {
  /** When the clipboard will be cleared (if it still holds the token), or null when auto-clear is off. */
  clearAfterSeconds: number | null;
}

/** What the server does with a deleted token, checked right after the delete. */
export type Revocation =
  | 'revoked' // checked: the server refuses the deleted token
  | 'still_accepted' // checked: the server still accepts it (NocoDB 0.301.3's cache)
  | 'immediate' // not checkable (main never held the value), but this server shows tokens once, and such servers revoke at once
  | 'unknown';

/** One token of one account. */
export interface TokenRef extends AccountScoped {
  id: string;
}

export interface DeleteResult {
  revocation: Revocation;
}

/** What the server does with a token when the app sends it as `xc-token` (the Test action). */
export type TokenTestResult =
  | 'works'
  | 'rejected'
  // The server refuses it because it is disabled, or because it has expired (its list row says so).
  | 'disabled'
  | 'expired'
  // The server accepts it although the token is no longer in its list (NocoDB 0.301.3's cache).
  | 'deleted_but_accepted';

/**
 * Which ready-to-paste example "Copy example" puts on the clipboard (see preload/token-usage.ts): the
 * header block, or a request for bash/zsh, fish, PowerShell, cmd, JavaScript, Python or a `.env` file.
 */
export const USAGE_EXAMPLES = ['headers', 'sh', 'fish', 'powershell', 'cmd', 'fetch', 'python', 'env'] as const;
export type UsageExample = (typeof USAGE_EXAMPLES)[number];

export interface PasswordChange extends AccountScoped {
  currentPassword: string;
  newPassword: string;
}

export interface Settings {
  /** Seconds after a copy before the clipboard is cleared; 0 turns auto-clear off. */
  clipboardClearSeconds: number;
  /** Keep a copy of each token created in the app in the OS keychain; turning it off forgets every copy. */
  keepTokenCopies: boolean;
  /** One OS notification a day for the tokens that expire within 7 days. */
  expiryReminders: boolean;
  /** The language the user chose in Profile; null follows the system's preferred languages. */
  language: Language | null;
}

/** The largest CSV export main writes (characters): far beyond 20 accounts × 100,000 tokens of names. */
export const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;

/** Tokens that expire within this many days raise the expiry reminder. */
export const REMINDER_DAYS = 7;

/** The reminder's words in the app's language. Main counts the tokens it names, so there is a title for each count. */
export interface ReminderWords {
  /** `titles[n - 1]` says that n tokens expire this week: one title per token sent. */
  titles: string[];
  body: string;
}

/** A token with an expiry the renderer listed, for the expiry reminder. */
export interface ExpiringToken {
  accountId: string;
  id: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The app's languages (BCP 47), English first: it is the fallback. */
export const LANGUAGES = ['en', 'zh-Hans', 'es', 'pt-BR', 'de', 'fr', 'ja', 'ru', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The application menu's items; the renderer words them in the user's language (`app:set-menu-labels`). */
export const MENU_ITEMS = [
  'app',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'file',
  'close',
  'edit',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'selectAll',
  'view',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleFullScreen',
  'window',
  'minimize',
  'zoom',
  'front',
] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];
export type MenuLabels = Record<MenuItem, string>;

export const MAX_TOKEN_NAME_LENGTH = 255;
export const MAX_DISPLAY_NAME_LENGTH = 255;
/** NocoDB's own rule for a new password (the server checks it too). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_CLIPBOARD_CLEAR_SECONDS = 3600;

/** NocoDB's own UI shows 10 tokens a page; so does the Tokens tab (and the page main fetches at launch). */
export const TOKEN_PAGE_SIZE = 10;

/** What the renderer's first line asks main for (see `app:boot`). */
export interface BootRequest {
  /** The window opens on the Tokens tab: the active account's first token page comes along. */
  showsTokens: boolean;
}

/** Everything the first screen needs, in one answer. */
export interface BootAnswer {
  settings: Settings;
  /** The system's preferred languages (as `app:system-languages`). */
  systemLanguages: string[];
  session: SessionState;
  /** The messages of the language the app speaks (the saved choice, else the system's), so none waits for a fetch. */
  words: { language: Language; messages: Record<string, string> };
  /**
   * Page 1 of the signed-in active account's tokens (or why the server did not give it), when asked
   * for and answered in time; else null (the Tokens tab asks for it itself).
   */
  firstPage: { accountId: string; page: Result<TokenPage> } | null;
}

/** Channel name → argument and result. Adding a feature = one entry here, one handler, one bridge method. */
export interface Contract {
  'session:get': { arg: void; result: SessionState };
  'session:sign-in': { arg: SignInRequest; result: SessionState };
  'accounts:switch': { arg: AccountScoped; result: SessionState };
  /** Log Out of one account (from the user menu or its card): it leaves the list once its keychain entries are gone. */
  'accounts:remove': { arg: AccountScoped; result: SessionState };
  'accounts:retry': { arg: AccountScoped; result: SessionState };
  /** Retry for a list not recovered: rebuilds it from the keychain (works with no account listed). */
  'accounts:recover': { arg: void; result: SessionState };
  'tokens:list': { arg: TokenPageRequest; result: TokenPage };
  /** One page of every token of an account, as large as its server allows (All tokens). */
  'tokens:scan': { arg: TokenScanRequest; result: TokenScanPage };
  'tokens:create': { arg: TokenCreateRequest; result: TokenSummary };
  /** Disables or enables a token on its server (v3 tokens); answers the state the server kept. */
  'tokens:set-enabled': { arg: TokenRef & { enabled: boolean }; result: { enabled: boolean } };
  'tokens:reveal': { arg: TokenRef; result: string };
  'tokens:copy': { arg: TokenRef; result: CopyResult };
  'tokens:delete': { arg: TokenRef; result: DeleteResult };
  'tokens:copy-example': { arg: TokenRef & { example: UsageExample }; result: CopyResult };
  'tokens:test': { arg: TokenRef; result: TokenTestResult };
  /** Renames the account's user; answers the session with the new name. */
  'profile:update': { arg: AccountScoped & { displayName: string }; result: SessionState };
  /** Changes the account's password and keeps its session (other devices are signed out by the server). */
  'profile:change-password': { arg: PasswordChange; result: SessionState };
  /** Writes the CSV the renderer made (no token values) where the user picks in the OS save dialog. */
  'tokens:export-csv': { arg: { text: string }; result: { saved: boolean } };
  /** Raises one OS notification for the tokens expiring within 7 days not yet named today (when the setting is on). */
  'reminders:check': { arg: { tokens: ExpiringToken[]; words: ReminderWords }; result: { notified: number } };
  /** The tokens of the reminder the user clicked since the last call, once; null when none was clicked. */
  'reminders:opened': { arg: void; result: Array<{ accountId: string; id: string }> | null };
  'settings:get': { arg: void; result: Settings };
  'settings:update': { arg: Partial<Settings>; result: Settings };
  /** The system's preferred languages, most preferred first (BCP 47), for a user who chose none. */
  'app:system-languages': { arg: void; result: string[] };
  /** The first screen's settings, languages, session, words and token page, in one answer. */
  'app:boot': { arg: BootRequest; result: BootAnswer };
  /** Words the application menu in the renderer's language. */
  'app:set-menu-labels': { arg: MenuLabels; result: null };
}

export type Channel = keyof Contract;
export type ArgOf<C extends Channel> = Contract[C]['arg'];
export type ResultOf<C extends Channel> = Contract[C]['result'];

/** The bridge object's shape: `window.nocodb.tokens.create({ name })`. */
export const BRIDGE_METHODS = {
  session: { get: 'session:get', signIn: 'session:sign-in' },
  accounts: { switch: 'accounts:switch', remove: 'accounts:remove', retry: 'accounts:retry', recover: 'accounts:recover' },
  tokens: {
    list: 'tokens:list',
    scan: 'tokens:scan',
    exportCsv: 'tokens:export-csv',
    create: 'tokens:create',
    reveal: 'tokens:reveal',
    copy: 'tokens:copy',
    delete: 'tokens:delete',
    copyExample: 'tokens:copy-example',
    test: 'tokens:test',
    setEnabled: 'tokens:set-enabled',
  },
  profile: { update: 'profile:update', changePassword: 'profile:change-password' },
  settings: { get: 'settings:get', update: 'settings:update' },
  reminders: { check: 'reminders:check', opened: 'reminders:opened' },
  app: { boot: 'app:boot', systemLanguages: 'app:system-languages', setMenuLabels: 'app:set-menu-labels' },
} as const satisfies Record<string, Record<string, Channel>>;

/**
 * What main tells its window without being asked: bridge method → the IPC channel it comes on. They
 * carry nothing and no handler answers them, so they are no `Channel`; the renderer subscribes with
 * `window.nocodb.events.onScreenLocked(listener)`, which answers how to unsubscribe.
 */
export const BRIDGE_EVENTS = {
  /** The OS locked the screen or is putting the machine to sleep: whoever looks next may be someone else. */
  onScreenLocked: 'event:screen-locked',
} as const;

export type EventChannel = (typeof BRIDGE_EVENTS)[keyof typeof BRIDGE_EVENTS];

type Methods = typeof BRIDGE_METHODS;
type Call<C extends Channel> = ArgOf<C> extends void ? () => Promise<Result<ResultOf<C>>> : (arg: ArgOf<C>) => Promise<Result<ResultOf<C>>>;

export type Bridge = {
  readonly [G in keyof Methods]: { readonly [M in keyof Methods[G]]: Methods[G][M] extends Channel ? Call<Methods[G][M]> : never };
} & {
  readonly events: { readonly [E in keyof typeof BRIDGE_EVENTS]: (listener: () => void) => () => void };
};

/** Every channel, once; tests check that the bridge and main's handlers cover exactly these. */
export const CHANNELS = Object.values(BRIDGE_METHODS).flatMap((group) => Object.values(group)) as Channel[];
