// An in-memory NocoDB for main's unit tests: it behaves like the real server where the services
// care (JWTs with a real `exp`, rotating refresh tokens, 401 on a dead JWT, deleted tokens that may
// stay accepted) and counts every call. Any method can be switched to fail with a given AppFailure.
import { AppFailure } from '../../main/app-error.ts';
import type { CreatedApiToken, NocoClient, NocoUser, SessionTokens } from '../../main/nocodb/types.ts';

export type ClientMethod = Exclude<keyof NocoClient, 'serverUrl'>;

export interface InMemoryNocoOptions {
  /** The server's clock, in epoch milliseconds; JWT `exp` claims are computed from it. */
  now?: () => number;
  /** JWT lifetime in seconds (NocoDB: 10 hours). */
  jwtLifetimeSeconds?: number;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A syntactically valid, unsigned JWT, as the app reads it (header.payload.signature). */
export function makeJwt(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;
}

export function createInMemoryNoco({ now = Date.now, jwtLifetimeSeconds = 36_000 }: InMemoryNocoOptions = {}) {
  const users = new Map<string, NocoUser & { password: string }>();
  const jwts = new Map<string, string>(); // JWT → email
  const refreshTokens = new Map<string, string>(); // refresh token → email
  const apiTokens = new Map<string, CreatedApiToken>();
  const acceptedAfterDelete = new Set<string>();
  /** Every value issued → its creator's email, so a deleted-but-accepted token finds its user. */
  const owners = new Map<string, string>();
  const calls: Record<ClientMethod, number> = {
    health: 0,
    signIn: 0,
    refresh: 0,
    signOut: 0,
    me: 0,
    whoIsApiToken: 0,
    listTokens: 0,
    createToken: 0,
    deleteToken: 0,
    v3Tokens: 0,
    setTokenEnabled: 0,
    updateProfile: 0,
    changePassword: 0,
  };
  /** A method set here throws this failure (after counting the call) until it is deleted. */
  const failures: Partial<Record<ClientMethod, AppFailure>> = {};
  let serial = 0;
  let nextTokenId = 1;

  /** Issues a session; `expiresInSeconds` may be negative for an already expired JWT. */
  function issueSession(email: string, expiresInSeconds = jwtLifetimeSeconds): SessionTokens {
    const user = users.get(email);
    if (!user) throw new Error(`no user ${email}`);
    serial += 1;
    const iat = Math.floor(now() / 1000);
    const jwt = makeJwt({ email, id: user.id, iat, exp: iat + expiresInSeconds, serial });
    const refreshToken = `refresh-${serial}-${'r'.repeat(16)}`;
    jwts.set(jwt, email);
    refreshTokens.set(refreshToken, email);
    return { jwt, refreshToken };
  }

  function userOfJwt(jwt: string): NocoUser & { password: string } {
    const email = jwts.get(jwt);
    const exp = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString() || '{}').exp;
    const user = email === undefined ? undefined : users.get(email);
    if (!user || typeof exp !== 'number' || exp * 1000 <= now()) {
      throw new AppFailure('unauthorized', 'The server did not accept the session. Sign in again.');
    }
    return user;
  }

  /** Counts the call, lets a switched-on failure through, and yields once like a real request. */
  async function enter(method: ClientMethod): Promise<void> {
    calls[method] += 1;
    await Promise.resolve();
    const failure = failures[method];
    if (failure) throw failure;
  }

  const publicUser = ({ id, email, displayName, isSuperAdmin }: NocoUser): NocoUser => ({ id, email, displayName, isSuperAdmin });

  function insertToken(email: string, name: string): CreatedApiToken {
    const id = String(nextTokenId++);
    // A value in a real token's shape (40 of A-Za-z0-9_-), unique by id, unless a test set the next one.
    const token = server.nextValue ?? `tok_${id}`.padEnd(40, 't');
    server.nextValue = undefined;
    owners.set(token, email);
    const prefix = server.showsTokensOnce ? token.slice(0, 8) : null;
    const row: CreatedApiToken = { id, token, name, creator: email, createdAt: '2026-01-01 00:00:00+00:00', prefix };
    apiTokens.set(id, row);
    return row;
  }

  function client(serverUrl: string): NocoClient {
    return {
      serverUrl,
      async health() {
        await enter('health');
      },
      async signIn(email, password) {
        await enter('signIn');
        // Like NocoDB, which keeps emails in lower case.
        const user = users.get(email.toLowerCase());
        if (user?.password !== password) throw new AppFailure('invalid_credentials', 'Invalid credentials');
        return issueSession(user.email);
      },
      async refresh(refreshToken) {
        await enter('refresh');
        const email = refreshTokens.get(refreshToken);
        // Rotation: the old refresh token is dead from now on.
        refreshTokens.delete(refreshToken);
        if (email === undefined) throw new AppFailure('session_expired', 'Your session has expired. Sign in again.');
        return issueSession(email);
      },
      async signOut({ jwt, refreshToken }) {
        await enter('signOut');
        const { email } = userOfJwt(jwt);
        // Like NocoDB's token_version: every session of the user dies.
        for (const [key, owner] of jwts) if (owner === email) jwts.delete(key);
        refreshTokens.delete(refreshToken);
      },
      async me(jwt) {
        await enter('me');
        return publicUser(userOfJwt(jwt));
      },
      async whoIsApiToken(apiToken) {
        await enter('whoIsApiToken');
        const row = [...apiTokens.values()].find((candidate) => candidate.token === apiToken);
        const email = row?.creator ?? (acceptedAfterDelete.has(apiToken) ? owners.get(apiToken) : undefined);
        const user = email === undefined || email === null ? undefined : users.get(email);
        return user ? publicUser(user) : null;
      },
      async listTokens(jwt, { limit, offset }) {
        await enter('listTokens');
        const caller = userOfJwt(jwt);
        // Like NocoDB: a super admin sees every user's tokens, anyone else only their own.
        const all = [...apiTokens.values()].filter((row) => caller.isSuperAdmin || row.creator === caller.email);
        // Today's servers show a token only once: their list rows carry a prefix instead.
        // Like NocoDB's DB_QUERY_LIMIT_MAX: a larger limit is cut to the server's own, which it reports.
        const pageSize = Math.min(limit, server.maxPageSize);
        const rows = all
          .slice(offset, offset + pageSize)
          .map((row) => (server.showsTokensOnce ? { ...row, token: null, prefix: row.token.slice(0, 8) } : { ...row }));
        // NocoDB 0.301.3 counts every token of the instance, not only the caller's.
        return { rows, totalRows: all.length + server.otherUsersTokens, pageSize };
      },
      async createToken(jwt, name) {
        await enter('createToken');
        return { ...insertToken(userOfJwt(jwt).email, name) };
      },
      async deleteToken(jwt, id) {
        await enter('deleteToken');
        userOfJwt(jwt);
        const row = apiTokens.get(id);
        if (!row) throw new AppFailure('not_found', 'Token not found');
        apiTokens.delete(id);
        if (server.keepsDeletedTokens) acceptedAfterDelete.add(row.token);
      },
      // Like 0.301.3 and the 2026 builds before April: no v3 token route.
      async v3Tokens(jwt) {
        await enter('v3Tokens');
        userOfJwt(jwt);
        return 'absent';
      },
      async setTokenEnabled(jwt) {
        await enter('setTokenEnabled');
        userOfJwt(jwt);
        throw new AppFailure('not_supported', 'This server cannot disable or enable tokens.', { reason: 'enable_disable' });
      },
      async updateProfile(jwt, displayName) {
        await enter('updateProfile');
        const user = userOfJwt(jwt);
        user.displayName = displayName;
        return { displayName };
      },
      async changePassword(jwt, { currentPassword, newPassword }) {
        await enter('changePassword');
        const user = userOfJwt(jwt);
        if (user.password !== currentPassword) throw new AppFailure('validation', 'Current password is wrong');
        user.password = newPassword;
        // Like NocoDB: every JWT and refresh token of the user dies; the answer brings one new refresh token.
        for (const [key, owner] of jwts) if (owner === user.email) jwts.delete(key);
        for (const [key, owner] of refreshTokens) if (owner === user.email) refreshTokens.delete(key);
        serial += 1;
        const refreshToken = `refresh-${serial}-${'r'.repeat(16)}`;
        refreshTokens.set(refreshToken, user.email);
        return { refreshToken };
      },
    };
  }

  const server = {
    client,
    calls,
    failures,
    /** Like NocoDB 0.301.3: a deleted token keeps authenticating (its cache has not forgotten it). */
    keepsDeletedTokens: false,
    /** Like today's servers: list rows carry no secret (and create answers a prefix). */
    showsTokensOnce: false,
    /** Tokens of other users that `totalRows` counts although the caller cannot see them. */
    otherUsersTokens: 0,
    /** The value the next created token gets (once), e.g. one no real server would send. */
    nextValue: undefined as string | undefined,
    /** The largest page the server hands out. */
    maxPageSize: 1000,
    addUser(email: string, password: string, displayName: string | null = null, isSuperAdmin = false): NocoUser {
      const user = { id: `us_${users.size + 1}`, email, displayName, isSuperAdmin, password };
      users.set(email, user);
      return publicUser(user);
    },
    issueSession,
    /** A token made outside the app (the web UI, a script); returns its id. */
    addTokenElsewhere: (email: string, name: string) => insertToken(email, name).id,
    /** Makes the server refuse every current JWT (as a sign-out elsewhere does); refresh tokens stay good. */
    rejectCurrentJwts: () => jwts.clear(),
    /** The refresh tokens the server would still accept. */
    liveRefreshTokens: () => [...refreshTokens.keys()],
    tokenCount: () => apiTokens.size,
    /** Whose token a value is (any value this server issued, deleted ones too). */
    ownerOf: (value: string) => owners.get(value) ?? null,
  };
  return server;
}

export type InMemoryNoco = ReturnType<typeof createInMemoryNoco>;
