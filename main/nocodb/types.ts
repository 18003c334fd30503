import type { V3TokensAnswer } from './v3-token-capabilities.ts';

// What main's services need from a NocoDB server. `nocodb-client.ts` implements it over fetch;
// every method throws AppFailure with a code from the contract, never a raw fetch error.

/** The signed-in user, as `/api/v1/auth/user/me` describes them. */
export interface NocoUser {
  id: string;
  email: string;
  displayName: string | null;
  /** Super admins see every user's tokens, and only for them does the server count the list right. */
  isSuperAdmin: boolean;
}

/** A session: the short-lived JWT (`xc-auth`) and the rotating refresh token (HttpOnly cookie). */
export interface SessionTokens {
  jwt: string;
  refreshToken: string;
}

/**
 * One API token as main keeps it; `token` is the full secret and never leaves main unasked.
 * Today's servers show the secret only in the answer to its create: their list rows have none.
 */
export interface ApiTokenRow {
  /** Opaque text (0.301.3's numbers are converted by the client). */
  id: string;
  token: string | null;
  name: string | null;
  creator: string | null;
  createdAt: string | null;
  prefix: string | null;
  // Present only when the server sends the field (today's servers); null is the server's own null.
  expiry?: string | null;
  lastUsedAt?: string | null;
  enabled?: boolean;
}

/** A create's answer: the one row that always carries the secret. */
export type CreatedApiToken = ApiTokenRow & { token: string };

export interface ApiTokenPage {
  rows: ApiTokenRow[];
  /** The server's count; NocoDB 0.301.3 counts every token of the instance, not only the caller's. */
  totalRows: number;
  /** The page size the server says it applied (its own limit, e.g. 1,000 on 0.301.3), when it says. */
  pageSize?: number;
}

export interface NocoClient {
  /** The normalised base URL, e.g. `http://127.0.0.1:8080`. */
  readonly serverUrl: string;
  health(): Promise<void>;
  signIn(email: string, password: string): Promise<SessionTokens>;
  /** Exchanges the refresh token for a new session; the old refresh token is dead afterwards. */
  refresh(refreshToken: string): Promise<SessionTokens>;
  signOut(session: SessionTokens): Promise<void>;
  /** The user behind a JWT; throws `unauthorized` when the server answers as a guest or 401. */
  me(jwt: string): Promise<NocoUser>;
  /** The user an API token authenticates as (`xc-token`), or null when the server refuses it. */
  whoIsApiToken(apiToken: string): Promise<NocoUser | null>;
  listTokens(jwt: string, page: { limit: number; offset: number }): Promise<ApiTokenPage>;
  /** `expiry` (ISO, future) only to servers with expiry at creation: there it makes an `nc_pat_` token. */
  createToken(jwt: string, name: string, expiry?: string): Promise<CreatedApiToken>;
  /** How the server answers its v3 tokens route; throws only when it cannot be reached. */
  v3Tokens(jwt: string): Promise<V3TokensAnswer>;
  /** Disables or enables a token (v3 `PATCH {enabled}`); throws `not_supported` where v3 tokens are not available. */
  setTokenEnabled(jwt: string, id: string, enabled: boolean): Promise<{ enabled: boolean }>;
  deleteToken(jwt: string, id: string): Promise<void>;
  /** Sets the user's display name; answers the name the server kept (and nothing else of its answer). */
  updateProfile(jwt: string, displayName: string): Promise<{ displayName: string | null }>;
  /**
   * Changes the password. The server then refuses every earlier JWT and refresh token of the user;
   * the answer's new refresh token (no JWT) is the only way to go on without signing in again.
   */
  changePassword(jwt: string, change: { currentPassword: string; newPassword: string }): Promise<{ refreshToken: string }>;
}

export interface NocoClientOptions {
  serverUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
}
