// A small real HTTP server on 127.0.0.1 that answers like NocoDB 0.301.3 (see shared/nocodb/API.md),
// quirks included: rotating refresh cookies, JWTs with `exp` and a per-user `token_version`, a guest
// answer from `me`, AJV validation bodies, a 500 with a stack for an unknown delete, both error shapes.
// With `generation: '2026'` it answers like today's NocoDB instead (shared/nocodb/API-current.md):
// list rows without the secret but with prefix/expiry/enabled/last use, string ids, newest first,
// a deleted token refused at once, a sign-in that ends the user's other sessions, `me` answering 401
// for a bad JWT, and an `nc_token` cookie next to `refresh_token` (in alternating order).
// `generation: 'april-2026'` adds what the official images carry since April 2026 (`nc_pat_` tokens
// with an expiry, v3 `/api/v3/meta/tokens` with enable/disable, v1 PATCH answering 501), and
// `'licence-gated'` the same with every v3 call answering 402 LICENSE_REQUIRED (fake-nocodb-tokens.ts).
// Tests steer it through `faults` (one-off misbehaviour), `modes` (server variants) and `calls` (counters).
// Given a `url`, it listens nowhere and answers only through its `fetch` (the renderer's tests give
// that to main as its HTTP port): the same exchange, without a socket (fake-nocodb-fetch.ts).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { answerFetch } from './fake-nocodb-fetch.ts';
import { header, MALFORMED, readJson, refreshCookie, sendExchange, type FakeRequest } from './fake-nocodb-http.ts';
import type { AddressInfo } from 'node:net';
import {
  checkExpiry,
  hasExpired,
  hashOf,
  isRecord,
  LICENSE_REQUIRED,
  listRowJson2026,
  mintValue,
  NOT_WITH_API_TOKEN,
  rowJson,
  TOKEN_ALPHABET,
  TOKEN_ALPHABET_2026,
  V1_UPDATE_REFUSED,
  v3TokensAnswer,
  type Answer,
  type StoredToken,
  type V3Tokens,
} from './fake-nocodb-tokens.ts';

export type FakeRoute =
  | 'health'
  | 'signin'
  | 'signup'
  | 'refresh'
  | 'signout'
  | 'me'
  | 'tokens.list'
  | 'tokens.create'
  | 'tokens.delete'
  | 'tokens.update'
  | 'v3.tokens'
  | 'profile.update'
  | 'password.change';

/** A one-off misbehaviour, applied to the next matching request(s) instead of the normal answer. */
export type Fault =
  | { kind: 'server-error' } // 500 `{msg, innerError:{stack}}`, as 0.301.3 answers an unknown delete
  | { kind: 'malformed-json' } // 200 application/json whose body is cut off mid-object
  | { kind: 'html' } // 200 text/html page, as a proxy or another web app would answer
  | { kind: 'hang' } // never answers (until close())
  | { kind: 'reset' } // drops the connection with a TCP reset
  | { kind: 'slow'; ms: number } // the normal answer, after a delay
  | { kind: 'token-expired' }; // 401 `{error,message}` "Token Expired", as for a dead JWT

export interface FaultTarget {
  /** Only requests to this route; every route when omitted. */
  route?: FakeRoute;
  /** How many requests get the fault (default 1; Infinity for all). */
  times?: number;
}

export interface FakeUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly superAdmin: boolean;
}

export interface FakeCredentials {
  email: string;
  password: string;
}

/** Server variants a test may switch at any time. */
export interface FakeModes {
  /** Lifetime of newly issued JWTs; 0 or less issues JWTs that are already expired. */
  jwtLifetimeSeconds: number;
  /** Older enterprise servers: a second create answers 400 "Only one token per user is allowed". */
  oneTokenPerUser: boolean;
  /** 0.301.3's cache quirk: a deleted API token keeps authenticating `me` with `xc-token`. */
  deletedTokensStillWork: boolean;
}

/**
 * Which NocoDB the fake answers like: the npm registry's newest (0.301.3), the 2026 builds before
 * April, or the images of April 2026 and later with their v3 token API open or licence-gated.
 */
export type FakeGeneration = '0.301.3' | '2026' | 'april-2026' | 'licence-gated';

/** A token put on the server behind the app's back (as the web UI or a script would). */
export interface ForeignToken {
  description?: string | null;
  /** `2026-…` timestamp, or null for never (today's servers only show it); from April 2026 one makes an `nc_pat_` token. */
  expiry?: string | null;
  enabled?: boolean;
  lastUsedAt?: string | null;
}

export interface FakeNocodb {
  /** Base URL, e.g. `http://127.0.0.1:39211`. */
  readonly url: string;
  /** A fetch that hands requests for this server to it directly, no socket (main's HTTP port is fetch-shaped). */
  readonly fetch: typeof fetch;
  readonly generation: FakeGeneration;
  /** The super admin that exists from the start. */
  readonly admin: FakeCredentials;
  readonly users: readonly FakeUser[];
  /** Requests received per route, faulted ones included (e.g. `calls.refresh` for single-flight tests). */
  readonly calls: Record<FakeRoute, number>;
  readonly modes: FakeModes;
  readonly faults: {
    inject(fault: Fault, target?: FaultTarget): void;
    clear(): void;
  };
  addUser(credentials: FakeCredentials): FakeUser;
  /** Creates a token for the user without any request; returns its id and full value. */
  addToken(email: string, token?: ForeignToken): { id: string; token: string };
  /** The user's tokens as the server holds them now (never their values). */
  tokensOf(email: string): FakeTokenState[];
  /** Changes a token behind the app's back (as time, the web UI or an admin would). */
  changeToken(id: string, change: { expiry?: string | null; enabled?: boolean }): void;
  /** Every JWT issued so far (for one user, or all) is refused from now on with 401 "Token Expired". */
  expireJwts(email?: string): void;
  /** Ends every session of the user, refresh tokens included (as a sign-in elsewhere does on today's servers). */
  endSessions(email: string): void;
  /** Deletes a token behind the app's back (as the web UI would; with `deletedTokensStillWork`, it keeps working). */
  removeToken(id: string): void;
  close(): Promise<void>;
}

export interface FakeTokenState {
  id: string;
  description: string | null;
  prefix: string;
  expiry: string | null;
  enabled: boolean;
}

export interface FakeNocodbOptions {
  /** Answer only through `fetch`, at this address, without listening on a port (in-process tests). */
  url?: string;
  /** Default '0.301.3'. */
  generation?: FakeGeneration;
  admin?: FakeCredentials;
  modes?: Partial<FakeModes>;
}

interface StoredUser extends Omit<FakeUser, 'password'> {
  password: string;
  displayName: string | null;
  tokenVersion: string;
  /** Stand-ins for the secrets 0.301.3's profile answer leaks (password hash, salt, verification token). */
  passwordHash: string;
  salt: string;
  emailVerificationToken: string;
}

const UNAUTHORIZED: Answer = { status: 401, body: { msg: 'Unauthorized' } };
const INVALID_TOKEN: Answer = {
  status: 401,
  body: { error: 'ERR_AUTHENTICATION_REQUIRED', message: 'Authentication required - Invalid token' },
};
const TOKEN_EXPIRED: Answer = {
  status: 401,
  body: { error: 'ERR_AUTHENTICATION_REQUIRED', message: 'Authentication required - Token Expired. Please login again.' },
};
const GUEST = { roles: { guest: true }, workspace_roles: null, base_roles: null };

const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; route: FakeRoute }> = [
  { method: 'GET', pattern: /^\/api\/v1\/health$/, route: 'health' },
  { method: 'POST', pattern: /^\/api\/v1\/auth\/user\/signin$/, route: 'signin' },
  { method: 'POST', pattern: /^\/api\/v1\/auth\/user\/signup$/, route: 'signup' },
  { method: 'POST', pattern: /^\/api\/v1\/auth\/token\/refresh$/, route: 'refresh' },
  { method: 'POST', pattern: /^\/api\/v1\/auth\/user\/signout$/, route: 'signout' },
  { method: 'GET', pattern: /^\/api\/v1\/auth\/user\/me$/, route: 'me' },
  { method: 'GET', pattern: /^\/api\/v1\/tokens$/, route: 'tokens.list' },
  { method: 'POST', pattern: /^\/api\/v1\/tokens$/, route: 'tokens.create' },
  { method: 'DELETE', pattern: /^\/api\/v1\/tokens\/[^/]+$/, route: 'tokens.delete' },
  { method: 'PATCH', pattern: /^\/api\/v1\/tokens\/[^/]+$/, route: 'tokens.update' },
  { method: 'GET', pattern: /^\/api\/v3\/meta\/tokens$/, route: 'v3.tokens' },
  { method: 'POST', pattern: /^\/api\/v3\/meta\/tokens$/, route: 'v3.tokens' },
  { method: 'PATCH', pattern: /^\/api\/v3\/meta\/tokens\/[^/]+$/, route: 'v3.tokens' },
  { method: 'DELETE', pattern: /^\/api\/v3\/meta\/tokens\/[^/]+$/, route: 'v3.tokens' },
  { method: 'PATCH', pattern: /^\/api\/v1\/user\/profile$/, route: 'profile.update' },
  { method: 'POST', pattern: /^\/api\/v1\/auth\/password\/change$/, route: 'password.change' },
];

/** What the fake does with one request: an answer, a body no NocoDB would send, or a fault that is no answer. */
export type Exchange =
  | { kind: 'answer'; answer: Answer; ncTokenFirst: boolean }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

/** Starts a fake NocoDB on a free 127.0.0.1 port (or in-process only, with `url`). Call `close()` when done. */
export async function startFakeNocodb(options: FakeNocodbOptions = {}): Promise<FakeNocodb> {
  const startedAt = Date.now();
  const jwtSecret = randomBytes(32);
  const users: StoredUser[] = [];
  const tokens: StoredToken[] = [];
  const refreshTokens = new Map<string, string>(); // refresh token → user id
  const issuedJwts: Array<{ jwt: string; userId: string }> = [];
  const expiredJwts = new Set<string>();
  const staleTokens = new Map<string, string>(); // deleted API token → owner id, still accepted by the "cache"
  const pendingFaults: Array<{ fault: Fault; route: FakeRoute | undefined; remaining: number }> = [];
  const calls = Object.fromEntries(ROUTES.map(({ route }) => [route, 0])) as Record<FakeRoute, number>;
  const modes: FakeModes = { jwtLifetimeSeconds: 36_000, oneTokenPerUser: false, deletedTokensStillWork: false, ...options.modes };
  const generation = options.generation ?? '0.301.3';
  const today = generation !== '0.301.3';
  /** The images of April 2026 and later. */
  const april = generation === 'april-2026' || generation === 'licence-gated';
  const v3: V3Tokens = generation === 'april-2026' ? 'open' : generation === 'licence-gated' ? 'licence-gated' : 'absent';
  let nextTokenId = 1;

  function addUser({ email, password }: FakeCredentials, superAdmin = false): StoredUser {
    const salt = `$2a$10$${randomBytes(11).toString('base64url')}`;
    const user: StoredUser = {
      id: `us${randomBytes(7).toString('hex')}`,
      email,
      password,
      superAdmin,
      displayName: null,
      tokenVersion: randomBytes(8).toString('hex'),
      passwordHash: `${salt}${randomBytes(23).toString('base64url')}`,
      salt,
      emailVerificationToken: randomUUID(),
    };
    users.push(user);
    return user;
  }
  const admin = options.admin ?? { email: 'admin@example.com', password: 'Password123!' };
  addUser(admin, true);

  function issueSession(user: StoredUser): Answer {
    const now = Math.floor(Date.now() / 1000);
    // `jti` keeps two JWTs issued within one second apart, so `expireJwts` never kills a later one.
    const payload = {
      email: user.email,
      id: user.id,
      roles: user.superAdmin ? { super: true } : { 'org-level-viewer': true },
      token_version: user.tokenVersion,
      iat: now,
      exp: now + modes.jwtLifetimeSeconds,
      jti: issuedJwts.length + 1,
    };
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
    const jwt = `${unsigned}.${createHmac('sha256', jwtSecret).update(unsigned).digest('base64url')}`;
    issuedJwts.push({ jwt, userId: user.id });
    const refreshToken = randomBytes(40).toString('hex');
    refreshTokens.set(refreshToken, user.id);
    return { status: 200, body: { token: jwt }, refreshCookie: refreshToken, ...(today ? { ncTokenCookie: jwt } : {}) };
  }

  /** The user behind `xc-auth`; 'dead' for a well-formed JWT the server no longer accepts. */
  function jwtUser(request: FakeRequest): StoredUser | 'dead' | null {
    const jwt = header(request, 'xc-auth');
    const [head, body, signature] = jwt?.split('.') ?? [];
    if (jwt === undefined || head === undefined || body === undefined || signature === undefined) return null;
    const expected = createHmac('sha256', jwtSecret).update(`${head}.${body}`).digest('base64url');
    if (signature !== expected) return null;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { id: string; token_version: string; exp: number };
    const user = users.find((candidate) => candidate.id === payload.id);
    if (user === undefined) return null;
    const alive = payload.exp * 1000 > Date.now() && payload.token_version === user.tokenVersion && !expiredJwts.has(jwt);
    return alive ? user : 'dead';
  }

  /** The user behind `xc-token`, or why the server refuses it (from April 2026: disabled, expired); null: unknown. */
  function apiTokenCheck(request: FakeRequest): StoredUser | Answer | null {
    const value = header(request, 'xc-token');
    if (value === undefined) return null;
    const hash = hashOf(value);
    const row = tokens.find((candidate) => candidate.hash === hash);
    const owner = row?.userId ?? staleTokens.get(value);
    if (row !== undefined && today) {
      // Today's server refuses a disabled or expired token, and records every use.
      if (!row.enabled || hasExpired(row)) {
        if (!april) return null;
        return { status: 401, body: { msg: row.enabled ? 'Token has expired' : 'Token is disabled' } };
      }
      row.lastUsedAt = timestamp();
    }
    return users.find((user) => user.id === owner) ?? null;
  }

  function apiTokenUser(request: FakeRequest): StoredUser | null {
    const checked = apiTokenCheck(request);
    return checked !== null && 'status' in checked ? null : checked;
  }

  function userJson(user: StoredUser, extra: Record<string, unknown> = {}) {
    return {
      ...extra,
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      roles: user.superAdmin ? { super: true } : { 'org-level-viewer': true },
      base_roles: null,
      workspace_roles: null,
    };
  }

  function handle(route: FakeRoute, request: FakeRequest, path: string, body: unknown): Answer {
    switch (route) {
      case 'health':
        return { status: 200, body: { message: 'OK', timestamp: Date.now(), uptime: (Date.now() - startedAt) / 1000 } };
      case 'signin': {
        const { email, password } = fields(body);
        if (email === undefined || password === undefined) return UNAUTHORIZED;
        const user = users.find((candidate) => candidate.email === email.toLowerCase() && candidate.password === password);
        if (user === undefined) return { status: 400, body: { msg: 'Invalid credentials' } };
        // Today's server ends every other session of the user at each sign-in.
        if (today) endSessionsOf(user);
        return issueSession(user);
      }
      case 'signup': {
        const { email, password } = fields(body);
        if (email === undefined || password === undefined) return UNAUTHORIZED;
        if (password.length < 8) return ajvError('/password', 'minLength', { limit: 8 }, 'must NOT have fewer than 8 characters');
        if (users.some((user) => user.email === email.toLowerCase())) return { status: 400, body: { msg: 'User already exist' } };
        return issueSession(addUser({ email: email.toLowerCase(), password }));
      }
      case 'refresh': {
        const presented = refreshCookie(request);
        if (presented === undefined) return { status: 400, body: { msg: 'Missing refresh token' } };
        const userId = refreshTokens.get(presented);
        const user = users.find((candidate) => candidate.id === userId);
        if (user === undefined) return { status: 400, body: { msg: 'Authentication required - Invalid refresh token' } };
        refreshTokens.delete(presented); // rotation: the old value is dead from now on
        return issueSession(user);
      }
      case 'signout': {
        const user = jwtUser(request);
        if (user === null || user === 'dead') return user === 'dead' ? TOKEN_EXPIRED : UNAUTHORIZED;
        const presented = refreshCookie(request);
        if (presented !== undefined) refreshTokens.delete(presented);
        user.tokenVersion = randomBytes(8).toString('hex'); // every JWT of this user dies
        return { status: 200, body: { msg: 'Signed out successfully' }, refreshCookie: 'clear' };
      }
      case 'me': {
        if (header(request, 'xc-auth') !== undefined) {
          const user = jwtUser(request);
          // Today's server answers any JWT it does not accept with 401, not with a guest.
          if (user === 'dead' || (user === null && today)) return TOKEN_EXPIRED;
          return { status: 200, body: user === null ? GUEST : userJson(user, { isAuthorized: true }) };
        }
        const user = apiTokenCheck(request);
        if (user !== null && 'status' in user) return user;
        // A token the server does not know falls back to a guest: 200, no email.
        return { status: 200, body: user === null ? GUEST : userJson(user, { is_api_token: true, isAuthorized: true }) };
      }
      case 'profile.update': {
        const user = jwtUser(request);
        if (user === 'dead') return TOKEN_EXPIRED;
        // 0.301.3 reads the user without checking there is one: no session is a 500 with a stack.
        if (user === null) return serverCrash("TypeError: Cannot read properties of null (reading 'email')");
        // It validates nothing: "" and 300 characters are kept; other fields (email, roles) are ignored.
        if (isRecord(body) && typeof body.display_name === 'string') user.displayName = body.display_name;
        return { status: 200, body: profileRowJson(user) };
      }
      case 'password.change': {
        // An API token may change the password too, as on the real server.
        const user = header(request, 'xc-auth') === undefined ? apiTokenUser(request) : jwtUser(request);
        if (user === 'dead') return TOKEN_EXPIRED;
        if (user === null) return INVALID_TOKEN;
        return changePassword(user, body);
      }
      case 'tokens.list':
      case 'tokens.create':
      case 'tokens.delete':
      case 'tokens.update':
      case 'v3.tokens': {
        const pathname = path.split('?', 1)[0] ?? path;
        // Only the images of April 2026 and later have these two; the others route nothing there.
        if ((route === 'v3.tokens' && v3 === 'absent') || (route === 'tokens.update' && !april))
          return { status: 404, body: { msg: `Cannot ${request.method} ${pathname}` } };
        const user = jwtUser(request);
        if (user === 'dead') return TOKEN_EXPIRED;
        if (user === null) return april && header(request, 'xc-token') !== undefined ? NOT_WITH_API_TOKEN : UNAUTHORIZED;
        if (route === 'v3.tokens') {
          if (v3 === 'licence-gated') return LICENSE_REQUIRED;
          return v3TokensAnswer(request.method ?? 'GET', pathname, user, body, {
            tokens,
            insert: (caller, asked) => insertToken(caller, asked),
          });
        }
        if (route === 'tokens.update') return V1_UPDATE_REFUSED;
        if (route === 'tokens.list') return listTokens(user, path);
        if (route === 'tokens.create') return createToken(user, body);
        return deleteToken(user, path.slice(path.lastIndexOf('/') + 1));
      }
    }
  }

  function changePassword(user: StoredUser, body: unknown): Answer {
    const given = isRecord(body) ? body : {};
    const errors = ['currentPassword', 'newPassword'].flatMap((field) => {
      const value = given[field];
      if (value === undefined) return [ajvIssue('', 'required', { missingProperty: field }, `must have required property '${field}'`)];
      if (typeof value !== 'string') return [ajvIssue(`/${field}`, 'type', { type: 'string' }, 'must be string')];
      return value.length < 8 ? [ajvIssue(`/${field}`, 'minLength', { limit: 8 }, 'must NOT have fewer than 8 characters')] : [];
    });
    if (errors.length > 0) return { status: 400, body: { msg: 'Invalid request body', errors } };
    if (given.currentPassword !== user.password) return { status: 400, body: { msg: 'Current password is wrong' } };
    user.password = given.newPassword as string;
    // Every JWT (token_version) and every refresh token of the user dies; the answer sets one new cookie.
    user.tokenVersion = randomBytes(8).toString('hex');
    for (const [token, owner] of refreshTokens) if (owner === user.id) refreshTokens.delete(token);
    const refreshToken = randomBytes(40).toString('hex');
    refreshTokens.set(refreshToken, user.id);
    return { status: 200, body: { msg: 'Password has been updated successfully' }, refreshCookie: refreshToken };
  }

  function listTokens(user: StoredUser, path: string): Answer {
    const query = new URL(path, 'http://fake').searchParams;
    const limit = Math.max(1, Number(query.get('limit') ?? 25) || 25);
    const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
    if (offset > 0 && offset >= tokens.length) {
      return { status: 422, body: { error: 'ERR_INVALID_OFFSET_VALUE', message: `Offset value '${offset}' is invalid` } };
    }
    const own = user.superAdmin ? tokens : tokens.filter((row) => row.userId === user.id);
    // Today's server lists newest first (`created_at desc`).
    const visible = today ? own.toReversed() : own;
    const page = visible.slice(offset, offset + limit);
    return {
      status: 200,
      body: {
        list: page.map((row) => (today ? listRowJson2026(row) : rowJson(row))),
        // Quirk: totalRows and isLastPage count the whole instance, even for a user who sees only their own tokens.
        pageInfo: {
          totalRows: tokens.length,
          page: Math.floor(offset / limit) + 1,
          pageSize: limit,
          isFirstPage: offset === 0,
          isLastPage: offset + page.length >= tokens.length,
        },
      },
    };
  }

  function createToken(user: StoredUser, body: unknown): Answer {
    const description = isRecord(body) ? body.description : undefined;
    if (description !== undefined && typeof description !== 'string')
      return ajvError('/description', 'type', { type: 'string' }, 'must be string');
    if (typeof description === 'string' && description.length > 255)
      return ajvError('/description', 'maxLength', { limit: 255 }, 'must NOT have more than 255 characters');
    if (modes.oneTokenPerUser && tokens.some((row) => row.userId === user.id))
      return { status: 400, body: { msg: 'Only one token per user is allowed' } };
    // From April 2026 an expiry makes an `nc_pat_` token; earlier servers ignore it.
    const asked = isRecord(body) && april ? body.expiry : undefined;
    let expiry: string | null = null;
    if (asked !== undefined && asked !== null) {
      const checked = checkExpiry(asked);
      if ('refused' in checked) return checked.refused;
      expiry = checked.expiry;
    }
    const { row, value } = insertToken(user, { description: description ?? null, expiry });
    if (today) return { status: 200, body: { ...listRowJson2026(row), token: value } };
    const { created_by: _createdBy, ...created } = rowJson(row);
    return { status: 200, body: { ...created, permissions: null, expiry: null, enabled: 1, db_alias: null, fk_workspace_id: null } };
  }

  function insertToken(user: { id: string }, extra: ForeignToken): { row: StoredToken; value: string } {
    const owner = users.find((candidate) => candidate.id === user.id)!;
    const id = today ? `tk${randomBytes(8).toString('hex')}` : nextTokenId++;
    const kind = april && extra.expiry !== undefined && extra.expiry !== null ? 'nc_pat' : 'classic';
    const { value, prefix } = mintValue(kind, today ? TOKEN_ALPHABET_2026 : TOKEN_ALPHABET);
    const row: StoredToken = {
      id,
      // Servers that show a token once keep no value; 0.301.3 lists it, so keeps it.
      token: today ? null : value,
      hash: hashOf(value),
      prefix,
      description: extra.description ?? null,
      userId: owner.id,
      createdBy: owner.email,
      createdAt: timestamp(),
      expiry: extra.expiry ?? null,
      enabled: extra.enabled ?? true,
      lastUsedAt: extra.lastUsedAt ?? null,
    };
    tokens.push(row);
    return { row, value };
  }

  /** Today's sign-in: a new `token_version` and no refresh token left, so every other session dies. */
  function endSessionsOf(user: StoredUser): void {
    user.tokenVersion = randomBytes(8).toString('hex');
    for (const [refreshToken, owner] of refreshTokens) if (owner === user.id) refreshTokens.delete(refreshToken);
  }

  function deleteToken(user: StoredUser, idText: string): Answer {
    const index = tokens.findIndex((row) => String(row.id) === idText);
    const row = tokens[index];
    if (row === undefined) {
      return {
        status: 500,
        body: {
          msg: "Something didn't work as expected. Please try again.",
          innerError: {
            message: 'Token not found',
            stack: `Error: Token not found\n    at ApiTokensService.apiTokenDelete (${process.cwd()}/node_modules/nocodb/dist/main.js:1:2)`,
          },
        },
      };
    }
    if (row.userId !== user.id && !user.superAdmin) return { status: 404, body: { msg: 'Token not found' } };
    tokens.splice(index, 1);
    // Today's server also evicts the token from its cache: it stops working at once.
    if (modes.deletedTokensStillWork && row.token !== null) staleTokens.set(row.token, row.userId);
    return { status: 200 };
  }

  /** The first pending fault for this route, used up by one. */
  function takeFault(route: FakeRoute | undefined): Fault | undefined {
    const pending = pendingFaults.find((entry) => entry.remaining > 0 && (entry.route === undefined || entry.route === route));
    if (pending === undefined) return undefined;
    pending.remaining -= 1;
    return pending.fault;
  }

  let cookiesIssued = 0;
  /** What the fake does with one request: its answer, or a fault that is no answer at all. */
  async function exchange(request: FakeRequest, body: unknown): Promise<Exchange> {
    const path = request.url ?? '/';
    const pathname = path.split('?', 1)[0] ?? '/';
    const route = ROUTES.find((entry) => entry.method === request.method && entry.pattern.test(pathname))?.route;
    if (route !== undefined) calls[route] += 1;
    const fault = takeFault(route);
    if (fault?.kind === 'hang' || fault?.kind === 'reset') return { kind: fault.kind };
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'html') {
      return {
        kind: 'raw',
        contentType: 'text/html; charset=utf-8',
        text: '<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>',
      };
    }
    if (fault?.kind === 'malformed-json') return { kind: 'raw', contentType: 'application/json; charset=utf-8', text: '{"token":"eyJ' };
    const answer: Answer =
      fault?.kind === 'server-error'
        ? {
            status: 500,
            body: {
              msg: "Something didn't work as expected.",
              innerError: { stack: 'Error: boom\n    at secretFunction (/srv/nocodb/internal.js:42:7)' },
            },
          }
        : fault?.kind === 'token-expired'
          ? TOKEN_EXPIRED
          : route === undefined
            ? { status: 404, body: { msg: `Cannot ${request.method} ${pathname}` } }
            : body === MALFORMED
              ? { status: 400, body: { msg: 'Invalid JSON in request body' } }
              : handle(route, request, path, body);
    // Today's server sets two cookies; which comes first alternates, so clients must read them by name.
    cookiesIssued += answer.ncTokenCookie === undefined ? 0 : 1;
    return { kind: 'answer', answer, ncTokenFirst: cookiesIssued % 2 === 0 };
  }

  const server = createServer((request, response) => {
    void readJson(request)
      .then((body) => exchange(request, body))
      .then((outcome) => sendExchange(request, response, outcome))
      .catch(() => response.destroy());
  });
  let url = options.url;
  if (url === undefined) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  return {
    url,
    fetch: answerFetch(exchange),
    generation,
    admin,
    users,
    calls,
    modes,
    faults: {
      inject(fault, target = {}) {
        pendingFaults.push({ fault, route: target.route, remaining: target.times ?? 1 });
      },
      clear() {
        pendingFaults.length = 0;
      },
    },
    addUser: (credentials) => addUser(credentials),
    addToken(email, token = {}) {
      const user = users.find((candidate) => candidate.email === email);
      if (user === undefined) throw new Error(`The fake has no user ${email}.`);
      const { row, value } = insertToken(user, token);
      return { id: String(row.id), token: value };
    },
    tokensOf: (email) =>
      tokens
        .filter((row) => row.createdBy === email)
        .map(({ id, description, prefix, expiry, enabled }) => ({ id: String(id), description, prefix, expiry, enabled })),
    changeToken(id, change) {
      const row = tokens.find((candidate) => String(candidate.id) === id);
      if (row === undefined) throw new Error(`The fake has no token ${id}.`);
      if (change.expiry !== undefined) row.expiry = change.expiry;
      if (change.enabled !== undefined) row.enabled = change.enabled;
    },
    endSessions(email) {
      const user = users.find((candidate) => candidate.email === email);
      if (user === undefined) throw new Error(`The fake has no user ${email}.`);
      endSessionsOf(user);
    },
    removeToken(id) {
      const index = tokens.findIndex((row) => String(row.id) === id);
      const row = tokens[index];
      if (row === undefined) throw new Error(`The fake has no token ${id}.`);
      tokens.splice(index, 1);
      if (modes.deletedTokensStillWork && row.token !== null) staleTokens.set(row.token, row.userId);
    },
    expireJwts(email) {
      const owner = users.find((user) => user.email === email)?.id;
      for (const { jwt, userId } of issuedJwts) if (email === undefined || userId === owner) expiredJwts.add(jwt);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections(); // hanging requests included
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function fields(body: unknown): { email?: string; password?: string } {
  if (!isRecord(body)) return {};
  return {
    email: typeof body.email === 'string' && body.email !== '' ? body.email : undefined,
    password: typeof body.password === 'string' && body.password !== '' ? body.password : undefined,
  };
}

function ajvIssue(instancePath: string, keyword: string, params: Record<string, unknown>, message: string) {
  const schemaPath = instancePath === '' ? `#/${keyword}` : `#/properties${instancePath}/${keyword}`;
  return { instancePath, schemaPath, keyword, params, message };
}

function ajvError(instancePath: string, keyword: string, params: Record<string, unknown>, message: string): Answer {
  return { status: 400, body: { msg: 'Invalid request body', errors: [ajvIssue(instancePath, keyword, params, message)] } };
}

function serverCrash(error: string): Answer {
  return {
    status: 500,
    body: {
      msg: "Something didn't work as expected. Please try again. If the problem persists, contact support.",
      innerError: { msg: error, stack: `${error}\n    at UsersService.profileUpdate (/srv/nocodb/dist/main.js:1:2)` },
    },
  };
}

/** The whole user row, as 0.301.3 answers a profile update: secrets included. */
function profileRowJson(user: StoredUser) {
  return {
    id: user.id,
    email: user.email,
    password: user.passwordHash,
    salt: user.salt,
    email_verification_token: user.emailVerificationToken,
    email_verified: null,
    roles: user.superAdmin ? 'super' : 'org-level-viewer',
    token_version: user.tokenVersion,
    display_name: user.displayName,
    is_new_user: 1,
  };
}

/** `2026-11-28 02:57:57+00:00`, as NocoDB's SQLite rows show it. */
function timestamp(): string {
  return `${new Date().toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
