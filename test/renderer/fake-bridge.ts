// An in-memory Bridge for component tests: behaves like main (sessions, paged tokens, settings),
// records every call, and has switches for failures and for holding a call until the test releases it.
import type {
  AppError,
  Bridge,
  CopyResult,
  DeleteResult,
  Result,
  Revocation,
  SessionState,
  Settings,
  TokenSummary,
  TokenTestResult,
} from '../../preload/contract.ts';

export const ADMIN = { serverUrl: 'http://localhost:8080', email: 'admin@example.com', password: 'password123' };

export type MethodName =
  | 'session.get'
  | 'session.signIn'
  | 'session.signOut'
  | 'tokens.list'
  | 'tokens.create'
  | 'tokens.reveal'
  | 'tokens.copy'
  | 'tokens.delete'
  | 'tokens.copyExample'
  | 'tokens.test'
  | 'profile.update'
  | 'profile.changePassword'
  | 'settings.get'
  | 'settings.update';

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
}

export interface RecordedCall {
  method: MethodName;
  arg: unknown;
}

/** A token as 0.301.3 lists it (value from the server); `details` adds today's fields or another value source. */
export function makeToken(id: number | string, name: string | null, creator: string | null = ADMIN.email, details: Partial<TokenSummary> = {}): FakeToken {
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

export function makeTokens(count: number): FakeToken[] {
  return Array.from({ length: count }, (_, i) => makeToken(i + 1, `token ${i + 1}`));
}

export function createFakeBridge(options: FakeBridgeOptions = {}) {
  const calls: RecordedCall[] = [];
  const failures = new Map<MethodName, { error: AppError; times: number }>();
  const holds = new Map<MethodName, Promise<void>>();
  const crashes = new Set<MethodName>();
  const settings: Settings = { clipboardClearSeconds: options.clipboardClearSeconds ?? 30, keepTokenCopies: true };
  let tokens = [...(options.tokens ?? [])];
  let nextId = Math.max(0, ...tokens.map((t) => Number(t.id) || 0)) + 1;
  let revocation: Revocation = options.revocation ?? 'revoked';
  let password = ADMIN.password;
  let displayName: string | null = null;
  const testResults = new Map<string, TokenTestResult>();

  const signedIn = (): SessionState => ({
    status: 'signed_in',
    account: { serverUrl: ADMIN.serverUrl, email: ADMIN.email, userId: 'us3feqlwop0wr56v', displayName },
    persistence: options.persistence ?? 'keychain',
    persistenceWarning: options.persistence === 'memory' ? 'The system keychain is unavailable, so you will be signed out when the app quits.' : null,
  });
  let session: SessionState = options.signedIn === false ? { status: 'signed_out', prefill: null, notice: null } : signedIn();

  const expireIfAsked = (error: AppError) => {
    // Like main: a dead session is dropped, and the next session.get explains why.
    if (error.code === 'session_expired') {
      session = { status: 'signed_out', prefill: { serverUrl: ADMIN.serverUrl, email: ADMIN.email }, notice: error };
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
  const copied = (id: string): Result<CopyResult> =>
    tokens.some((t) => t.id === id && t.valueSource !== 'none')
      ? ok({ clearAfterSeconds: settings.clipboardClearSeconds === 0 ? null : settings.clipboardClearSeconds })
      : notFound;

  const bridge: Bridge = {
    session: {
      get: () => run('session.get', undefined, () => ok(session)),
      signIn: (arg) =>
        run('session.signIn', arg, () => {
          if (arg.email !== ADMIN.email || arg.password !== password) {
            return { ok: false, error: { code: 'invalid_credentials', message: 'Invalid credentials' } };
          }
          session = signedIn();
          return ok(session);
        }),
      signOut: () =>
        run('session.signOut', undefined, () => {
          session = { status: 'signed_out', prefill: { serverUrl: ADMIN.serverUrl, email: ADMIN.email }, notice: null };
          return ok(session);
        }),
    },
    tokens: {
      list: (arg) =>
        run('tokens.list', arg, () => {
          const start = (arg.page - 1) * arg.pageSize;
          return ok({
            tokens: tokens.slice(start, start + arg.pageSize).map(({ value: _secret, ...summary }) => summary),
            page: arg.page,
            pageSize: arg.pageSize,
            totalRows: options.totalRowsOverride ?? tokens.length,
            isLastPage: start + arg.pageSize >= tokens.length,
          });
        }),
      create: (arg) =>
        run('tokens.create', arg, () => {
          const token = makeToken(nextId++, arg.name, ADMIN.email, { valueSource: options.createdValueSource ?? 'server' });
          tokens.push(token);
          const { value: _secret, ...summary } = token;
          return ok(summary);
        }),
      reveal: (arg) =>
        run('tokens.reveal', arg, () => {
          const token = tokens.find((t) => t.id === arg.id && t.valueSource !== 'none');
          return token ? ok(token.value) : notFound;
        }),
      copy: (arg) => run('tokens.copy', arg, () => copied(arg.id)),
      delete: (arg) =>
        run('tokens.delete', arg, (): Result<DeleteResult> => {
          if (!tokens.some((t) => t.id === arg.id)) return notFound;
          tokens = tokens.filter((t) => t.id !== arg.id);
          return ok({ revocation });
        }),
      copyExample: (arg) => run('tokens.copyExample', arg, () => copied(arg.id)),
      test: (arg) =>
        run('tokens.test', arg, () => (tokens.some((t) => t.id === arg.id) ? ok(testResults.get(arg.id) ?? 'works') : notFound)),
    },
    profile: {
      update: (arg) =>
        run('profile.update', arg, () => {
          displayName = arg.displayName.trim();
          session = signedIn();
          return ok(session);
        }),
      changePassword: (arg) =>
        run('profile.changePassword', arg, () => {
          if (arg.currentPassword !== password) return { ok: false, error: { code: 'validation', message: 'Current password is wrong' } };
          password = arg.newPassword;
          return ok(session);
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
    tokenNames: () => tokens.map((t) => t.name),
  };
}

export type FakeBridge = ReturnType<typeof createFakeBridge>;
