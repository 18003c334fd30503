// An in-memory Bridge for component tests: behaves like main (sessions, paged tokens, settings),
// records every call, and has switches for failures and for holding a call until the test releases it.
import type {
  AccountEntry,
  AppError,
  Bridge,
  CopyResult,
  DeleteResult,
  Result,
  Revocation,
  SessionState,
  Settings,
  TokenPage,
  TokenSummary,
  TokenTestResult,
  ServerCapabilities,
} from '../../preload/contract.ts';
import { TOKEN_PAGE_SIZE } from '../../preload/contract.ts';
import { toColumns } from '../../preload/token-scan-columns.ts';
import en from '../../renderer/i18n/catalogs/en.json';

/** What main says when the keychain cannot keep the session (as on Linux without a Secret Service). */
const MEMORY_ONLY: AppError = {
  code: 'keychain_unavailable',
  message: 'The system keychain is not available. This session is kept in memory only and will not survive a restart.',
  params: { reason: 'memory_only', platform: 'linux' },
};

export const ADMIN = { serverUrl: 'http://localhost:8080', email: 'admin@example.com', password: 'password123' };
/** The admin account's id, as the fake main reports it (and the renderer names it in every call). */
export const ADMIN_ID = `${ADMIN.serverUrl} ${ADMIN.email}`;

export type MethodName =
  | 'session.get'
  | 'session.signIn'
  | 'accounts.switch'
  | 'accounts.remove'
  | 'accounts.retry'
  | 'accounts.recover'
  | 'tokens.list'
  | 'tokens.scan'
  | 'tokens.create'
  | 'tokens.reveal'
  | 'tokens.copy'
  | 'tokens.delete'
  | 'tokens.copyExample'
  | 'tokens.test'
  | 'tokens.setEnabled'
  | 'profile.update'
  | 'profile.changePassword'
  | 'settings.get'
  | 'settings.update'
  | 'tokens.exportCsv'
  | 'reminders.check'
  | 'reminders.opened'
  | 'app.boot'
  | 'app.systemLanguages'
  | 'app.setMenuLabels';

export interface FakeToken extends TokenSummary {
  value: string;
}

export interface FakeBridgeOptions {
  signedIn?: boolean;
  persistence?: 'keychain' | 'memory';
  tokens?: FakeToken[];
  /** The server's instance-wide count, when a test wants it to disagree with the rows (NocoDB 0.301.3). */
  totalRowsOverride?: number;
  revocation?: Revocation;
  clipboardClearSeconds?: number;
  /** Where main says a created token's value is held (default: the server, as on 0.301.3). */
  createdValueSource?: TokenSummary['valueSource'];
  /** What the server offers since April 2026 (expiry at creation, enable/disable); 0.301.3's nothing by default. */
  capabilities?: V3Capabilities;
  /** The language saved in the settings (null: follow the system). */
  language?: Settings['language'];
  /** What the system prefers (default en-US). */
  systemLanguages?: string[];
  /** More signed-in accounts after the first, in list order (the first, ADMIN, is active). */
  otherAccounts?: FakeAccountOptions[];
  /** Why main rebuilt the account list at launch (its settings file was damaged or unreadable). */
  listNotice?: AppError;
}

export interface FakeAccountOptions {
  serverUrl: string;
  email: string;
  password?: string;
  displayName?: string | null;
  status?: AccountEntry['status'];
  /** Why the account is not signed in, as main sends it (worded by the renderer). */
  problem?: AppError | null;
  tokens?: FakeToken[];
}

interface FakeAccount extends Omit<AccountEntry, 'active'> {
  password: string;
  tokens: FakeToken[];
}

export interface RecordedCall {
  method: MethodName;
  arg: unknown;
}

/** A token as 0.301.3 lists it (value from the server); `details` adds today's fields or another value source. */
export function makeToken(
  id: number | string,
  name: string | null,
  creator: string | null = ADMIN.email,
  details: Partial<TokenSummary> = {},
): FakeToken {
  return {
    id: String(id),
    name,
    creator,
    createdAt: '2026-11-28T10:00:00.000Z',
    valueSource: 'server',
    prefix: null,
    ...details,
    value: `tok_${String(id).padStart(36, '0')}`,
  };
}

const SCAN_PAGE = 100;

type V3Capabilities = Pick<ServerCapabilities, 'expiryAtCreation' | 'noExpiry' | 'enableDisable'>;
const NO_V3: V3Capabilities = { expiryAtCreation: false, noExpiry: false, enableDisable: false };

/** The fake server's capabilities, as main would detect them from this account's tokens (and the v3 route). */
function capabilitiesOf(tokens: readonly FakeToken[], v3: V3Capabilities = NO_V3): ServerCapabilities {
  const today = tokens.some((token) => token.prefix !== null || token.lastUsedAt !== undefined || token.expiry !== undefined);
  return { showsTokenOnce: today, tracksLastUse: today, hasExpiry: today, revokesAtOnce: today, listsOthersTokens: true, ...v3 };
}

export function makeTokens(count: number): FakeToken[] {
  return Array.from({ length: count }, (_, i) => makeToken(i + 1, `token ${i + 1}`));
}

/** The expiry main would ask for: days from now, or the end of the date (UTC here). */
function createdExpiry(choice: { days: number } | { date: string }): string {
  return 'days' in choice ? new Date(Date.now() + choice.days * 24 * 3600_000).toISOString() : `${choice.date}T23:59:59.000Z`;
}

export function createFakeBridge(options: FakeBridgeOptions = {}) {
  const capabilities: V3Capabilities = options.capabilities ?? NO_V3;
  const calls: RecordedCall[] = [];
  const failures = new Map<MethodName, { error: AppError; times: number }>();
  const holds = new Map<MethodName, Promise<void>>();
  const crashes = new Set<MethodName>();
  /** What main hands out after the user clicked a reminder (set by `clickReminder`). */
  let reminderClicked: Array<{ accountId: string; id: string }> | null = null;
  const settings: Settings = {
    clipboardClearSeconds: options.clipboardClearSeconds ?? 30,
    keepTokenCopies: true,
    expiryReminders: true,
    language: options.language ?? null,
  };
  const toAccount = (account: FakeAccountOptions): FakeAccount => ({
    id: `${account.serverUrl} ${account.email}`,
    serverUrl: account.serverUrl,
    email: account.email,
    password: account.password ?? ADMIN.password,
    displayName: account.displayName ?? null,
    status: account.status ?? 'signed_in',
    problemError: account.problem ?? null,
    tokens: [...(account.tokens ?? [])],
  });
  // Like main: the accounts with their own tokens, the active one, and accounts that could sign in.
  const admin = toAccount({ ...ADMIN, status: options.persistence === 'memory' ? 'memory_only' : 'signed_in', tokens: options.tokens });
  const known = [admin, ...(options.otherAccounts ?? []).map(toAccount)];
  let accounts = options.signedIn === false ? [] : [...known];
  let activeId: string | null = accounts[0]?.id ?? null;
  let notice: AppError | null = null;
  let prefill: { serverUrl: string; email: string } | null = null;
  const active = () => accounts.find((account) => account.id === activeId) ?? null;
  const usable = (account: FakeAccount | null) => account !== null && (account.status === 'signed_in' || account.status === 'memory_only');
  const activeTokens = () => active()?.tokens ?? [];
  let nextId = Math.max(0, ...known.flatMap((account) => account.tokens.map((t) => Number(t.id) || 0))) + 1;
  let revocation: Revocation = options.revocation ?? 'revoked';
  const testResults = new Map<string, TokenTestResult>();

  const state = (): SessionState => {
    const list = accounts.map((account) => {
      const { password: _p, tokens, ...entry } = account;
      return {
        ...entry,
        active: entry.id === activeId,
        ...(usable(account) ? { capabilities: capabilitiesOf(tokens, capabilities) } : {}),
      };
    });
    const current = active();
    if (current && usable(current)) {
      return {
        status: 'signed_in',
        account: { serverUrl: current.serverUrl, email: current.email, userId: 'us3feqlwop0wr56v', displayName: current.displayName },
        persistence: current.status === 'memory_only' ? 'memory' : 'keychain',
        persistenceProblem: current.status === 'memory_only' ? MEMORY_ONLY : null,
        accounts: list,
        ...(options.listNotice ? { listNotice: options.listNotice } : {}),
      };
    }
    return {
      status: 'signed_out',
      prefill: current ? { serverUrl: current.serverUrl, email: current.email } : prefill,
      // Like main: an active account that is not signed in says why.
      notice: current?.problemError ?? notice,
      accounts: list,
      ...(options.listNotice ? { listNotice: options.listNotice } : {}),
    };
  };

  const expireIfAsked = (error: AppError) => {
    // Like main: a dead session is dropped, and the next session.get explains why.
    if (error.code !== 'session_expired') return;
    const current = active();
    if (current) Object.assign(current, { status: 'session_ended', problemError: error });
    notice = error;
    prefill = { serverUrl: ADMIN.serverUrl, email: ADMIN.email };
  };
  const byId = (id: string): Result<FakeAccount> => {
    const account = accounts.find((candidate) => candidate.id === id);
    return account
      ? { ok: true, value: account }
      : { ok: false, error: { code: 'unknown_account', message: 'This account is no longer in the list.' } };
  };
  /** Like main: a call runs on the account it names, or is refused; never on another one. */
  const signedInById = (id: string): Result<FakeAccount> => {
    const found = byId(id);
    if (!found.ok || usable(found.value)) return found;
    return { ok: false, error: { code: 'account_not_signed_in', message: 'This account is signed out. Sign in to continue.' } };
  };
  const removeAccount = (account: FakeAccount) => {
    accounts = accounts.filter((candidate) => candidate !== account);
    if (activeId === account.id) {
      activeId = accounts.find(usable)?.id ?? null;
      prefill = { serverUrl: account.serverUrl, email: account.email };
      notice = null;
    }
  };

  async function run<T>(method: MethodName, arg: unknown, work: () => Result<T>): Promise<Result<T>> {
    calls.push({ method, arg });
    if (crashes.delete(method)) throw new TypeError('Cannot read properties of undefined (at main.cjs:1:1)');
    const hold = holds.get(method);
    holds.delete(method);
    if (hold) await hold;
    else await Promise.resolve();
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      expireIfAsked(failure.error);
      return { ok: false, error: failure.error };
    }
    return work();
  }
  const ok = <T>(value: T): Result<T> => ({ ok: true, value });
  const notFound: Result<never> = { ok: false, error: { code: 'not_found', message: 'Token not found' } };
  /** What main answers a copy of a token (or of an example holding it). */
  const copied = (tokens: FakeToken[], id: string): Result<CopyResult> =>
    tokens.some((t) => t.id === id && t.valueSource !== 'none')
      ? ok({ clearAfterSeconds: settings.clipboardClearSeconds === 0 ? null : settings.clipboardClearSeconds })
      : notFound;

  const pageOf = (tokens: FakeToken[], page: number, pageSize: number): TokenPage => {
    const start = (page - 1) * pageSize;
    return {
      tokens: tokens.slice(start, start + pageSize).map(({ value: _secret, ...summary }) => summary),
      page,
      pageSize,
      totalRows: options.totalRowsOverride ?? tokens.length,
      isLastPage: start + pageSize >= tokens.length,
      capabilities: capabilitiesOf(tokens, capabilities),
    };
  };

  const bridge: Bridge = {
    session: {
      get: () => run('session.get', undefined, () => ok(state())),
      signIn: (arg) =>
        run('session.signIn', arg, () => {
          // The admin signs in from any address (tests type their own); other accounts need theirs.
          const account = known.find(
            (candidate) => candidate.email === arg.email && (candidate.serverUrl === arg.serverUrl || candidate === admin),
          );
          if (!account || account.password !== arg.password) {
            return { ok: false, error: { code: 'invalid_credentials', message: 'Invalid credentials' } };
          }
          account.status = options.persistence === 'memory' && account === admin ? 'memory_only' : 'signed_in';
          account.problemError = null;
          if (!accounts.includes(account)) accounts = [...accounts, account];
          activeId = account.id;
          notice = null;
          return ok(state());
        }),
    },
    accounts: {
      switch: (arg) =>
        run('accounts.switch', arg, () => {
          const found = byId(arg.accountId);
          if (!found.ok) return found;
          activeId = found.value.id;
          return ok(state());
        }),
      remove: (arg) =>
        run('accounts.remove', arg, () => {
          const found = byId(arg.accountId);
          if (!found.ok) return found;
          removeAccount(found.value);
          return ok(state());
        }),
      retry: (arg) =>
        run('accounts.retry', arg, () => {
          const found = byId(arg.accountId);
          if (!found.ok) return found;
          found.value.status = 'signed_in';
          found.value.problemError = null;
          if (!usable(active())) activeId = found.value.id;
          return ok(state());
        }),
      recover: () => run('accounts.recover', undefined, () => ok(state())),
    },
    tokens: {
      list: (arg) =>
        run('tokens.list', arg, () => {
          const found = signedInById(arg.accountId);
          return found.ok ? ok(pageOf(found.value.tokens, arg.page, arg.pageSize)) : found;
        }),
      exportCsv: (arg) => run('tokens.exportCsv', arg, () => ok({ saved: true })),
      scan: (arg) =>
        // Pages of 100 here; main learns the server's own size.
        run('tokens.scan', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          const { tokens } = found.value;
          const next = arg.offset + SCAN_PAGE < tokens.length ? arg.offset + SCAN_PAGE : null;
          const page = tokens.slice(arg.offset, arg.offset + SCAN_PAGE).map(({ value: _secret, ...summary }) => summary);
          return ok({ tokens: toColumns(page), next, capabilities: capabilitiesOf(tokens, capabilities) });
        }),
      create: (arg) =>
        run('tokens.create', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          const expiry = arg.expiry && capabilities.expiryAtCreation ? { expiry: createdExpiry(arg.expiry) } : {};
          const token = makeToken(nextId++, arg.name, found.value.email, {
            valueSource: options.createdValueSource ?? 'server',
            ...expiry,
          });
          found.value.tokens.push(token);
          const { value: _secret, ...summary } = token;
          return ok(summary);
        }),
      reveal: (arg) =>
        run('tokens.reveal', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          const token = found.value.tokens.find((t) => t.id === arg.id && t.valueSource !== 'none');
          return token ? ok(token.value) : notFound;
        }),
      copy: (arg) =>
        run('tokens.copy', arg, () => {
          const found = signedInById(arg.accountId);
          return found.ok ? copied(found.value.tokens, arg.id) : found;
        }),
      delete: (arg) =>
        run('tokens.delete', arg, (): Result<DeleteResult> => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          const account = found.value;
          if (!account.tokens.some((t) => t.id === arg.id)) return notFound;
          account.tokens = account.tokens.filter((t) => t.id !== arg.id);
          return ok({ revocation });
        }),
      copyExample: (arg) =>
        run('tokens.copyExample', arg, () => {
          const found = signedInById(arg.accountId);
          return found.ok ? copied(found.value.tokens, arg.id) : found;
        }),
      setEnabled: (arg) =>
        run('tokens.setEnabled', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          const token = found.value.tokens.find((t) => t.id === arg.id);
          if (!token) return notFound;
          if (!capabilities.enableDisable)
            return { ok: false, error: { code: 'not_supported', message: 'This server cannot disable or enable tokens.' } };
          token.enabled = arg.enabled;
          return ok({ enabled: arg.enabled });
        }),
      test: (arg) =>
        run('tokens.test', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          return found.value.tokens.some((t) => t.id === arg.id) ? ok(testResults.get(arg.id) ?? 'works') : notFound;
        }),
    },
    profile: {
      update: (arg) =>
        run('profile.update', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          found.value.displayName = arg.displayName.trim();
          return ok(state());
        }),
      changePassword: (arg) =>
        run('profile.changePassword', arg, () => {
          const found = signedInById(arg.accountId);
          if (!found.ok) return found;
          if (arg.currentPassword !== found.value.password)
            return { ok: false, error: { code: 'validation', message: 'Current password is wrong' } };
          found.value.password = arg.newPassword;
          return ok(state());
        }),
    },
    reminders: {
      check: (arg) => run('reminders.check', arg, () => ok({ notified: settings.expiryReminders ? arg.tokens.length : 0 })),
      opened: () =>
        run('reminders.opened', undefined, () => {
          const tokens = reminderClicked;
          reminderClicked = null;
          return ok(tokens);
        }),
    },
    settings: {
      get: () => run('settings.get', undefined, () => ok({ ...settings })),
      update: (arg) =>
        run('settings.update', arg, () => {
          Object.assign(settings, arg);
          return ok({ ...settings });
        }),
    },
    app: {
      // As main: English words here (the language tests load theirs through `loadCatalog`).
      boot: (arg) =>
        run('app.boot', arg, () => {
          const session = state();
          const shown = session.status === 'signed_in' ? session.accounts.find((account) => account.active) : undefined;
          const found = shown && arg.showsTokens ? signedInById(shown.id) : null;
          return ok({
            settings: { ...settings },
            systemLanguages: [...(options.systemLanguages ?? ['en-US'])],
            session,
            words: { language: 'en', messages: en },
            firstPage: shown && found?.ok ? { accountId: shown.id, page: ok(pageOf(found.value.tokens, 1, TOKEN_PAGE_SIZE)) } : null,
          });
        }),
      systemLanguages: () => run('app.systemLanguages', undefined, () => ok([...(options.systemLanguages ?? ['en-US'])])),
      setMenuLabels: (arg) => run('app.setMenuLabels', arg, () => ok(null)),
    },
  };

  return {
    bridge,
    calls,
    /** The calls made to one method, in order. */
    callsTo: (method: MethodName) => calls.filter((c) => c.method === method),
    /** The next `times` calls to `method` fail with `error`. */
    fail: (method: MethodName, error: AppError, times = 1) => failures.set(method, { error, times }),
    /** The next call to `method` waits until the returned function is called. */
    hold: (method: MethodName) => {
      let release = () => {};
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    /** The next call to `method` rejects, as a broken bridge would (the real one never does). */
    crash: (method: MethodName) => crashes.add(method),
    setRevocation: (next: Revocation) => (revocation = next),
    /** What `tokens.test` answers for a token (default 'works'). */
    setTestResult: (id: number | string, result: TokenTestResult) => testResults.set(String(id), result),
    /** The active account's token names. */
    tokenNames: () => activeTokens().map((t) => t.name),
    /** The active account's id, as main would report it. */
    activeId: () => activeId,
    /** The user clicked an expiry reminder naming these tokens. */
    clickReminder: (tokens: Array<{ accountId: string; id: string }>) => (reminderClicked = tokens),
  };
}

export type FakeBridge = ReturnType<typeof createFakeBridge>;
