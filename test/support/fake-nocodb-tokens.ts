// The fake NocoDB's API tokens: how it stores them, mints them and shows them, per generation. The
// images of April 2026 and later (shared/nocodb/API-current.md, "Images of April 2026 and later")
// add `nc_pat_` tokens (made when a create carries an expiry; only a SHA-256 hash kept, the first 12
// characters as prefix, the value answered once), v3 `/api/v3/meta/tokens` (open, or licence-gated:
// 402 LICENSE_REQUIRED on every call) and a v1 PATCH that answers 501 "Use V3 API".
import { createHash, randomBytes } from 'node:crypto';

/** What the server answers: status, body, and the session cookies it sets. */
export interface Answer {
  status: number;
  body?: unknown;
  refreshCookie?: string | 'clear';
  /** Today's servers also set the JWT as an `nc_token` cookie. */
  ncTokenCookie?: string;
}

export interface StoredToken {
  /** A number on 0.301.3, a string on today's servers. */
  id: number | string;
  /** The value, for the classic token; null for an `nc_pat_` token (only its hash is kept). */
  token: string | null;
  /** SHA-256 of the value, hex: how the server finds the token a request carries. */
  hash: string;
  prefix: string;
  description: string | null;
  userId: string;
  createdBy: string;
  createdAt: string;
  /** ISO or `2026-… +00:00` timestamp; null: never. */
  expiry: string | null;
  enabled: boolean;
  lastUsedAt: string | null;
}

/** How the fake's v3 token API behaves: absent (before April 2026), open, or behind the licence gate. */
export type V3Tokens = 'absent' | 'open' | 'licence-gated';

export const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** Today's Community Edition: 40 characters of A-Za-z0-9. */
export const TOKEN_ALPHABET_2026 = TOKEN_ALPHABET.slice(0, 62);
/** How many leading characters today's server keeps of a classic token (inferred; any length works for the app). */
const CLASSIC_PREFIX_LENGTH = 8;
/** `token_prefix` of an `nc_pat_` token: its first 12 characters (source). */
const PAT_PREFIX_LENGTH = 12;

export const LICENSE_REQUIRED: Answer = {
  status: 402,
  body: { msg: 'The "feature_ee_core" feature requires an Enterprise license.', code: 'LICENSE_REQUIRED' },
};
export const NOT_WITH_API_TOKEN: Answer = { status: 403, body: { msg: 'Not allowed with API token' } };
export const V1_UPDATE_REFUSED: Answer = { status: 501, body: { msg: 'Token update via V1 API is not supported. Use V3 API.' } };

export const hashOf = (value: string): string => createHash('sha256').update(value).digest('hex');

export function randomToken(alphabet: string): string {
  return Array.from(randomBytes(40), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A new value: `nc_pat_` + 40 of A-Za-z0-9_- when asked, else the classic 40 characters. */
export function mintValue(kind: 'classic' | 'nc_pat', alphabet: string): { value: string; prefix: string } {
  if (kind === 'nc_pat') {
    const value = `nc_pat_${randomToken(TOKEN_ALPHABET)}`;
    return { value, prefix: value.slice(0, PAT_PREFIX_LENGTH) };
  }
  const value = randomToken(alphabet);
  return { value, prefix: value.slice(0, CLASSIC_PREFIX_LENGTH) };
}

/**
 * An expiry as the server's create and update check it: an ISO date in the future. Answers the
 * normalised ISO text, or the 400 the server answers.
 */
export function checkExpiry(value: unknown, now = Date.now()): { expiry: string } | { refused: Answer } {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) return { refused: { status: 400, body: { msg: 'Invalid expiry date format' } } };
  if (time <= now) return { refused: { status: 400, body: { msg: 'Expiry date must be in the future' } } };
  return { expiry: new Date(time).toISOString() };
}

/** Whether the token has expired by now (an expiry in the `2026-… +00:00` form too). */
export const hasExpired = (row: StoredToken, now = Date.now()): boolean =>
  row.expiry !== null && Date.parse(row.expiry.replace(' ', 'T')) <= now;

/** 0.301.3's list row: the whole secret in `token`. */
export function rowJson(row: StoredToken) {
  return {
    id: row.id,
    token: row.token,
    description: row.description,
    fk_user_id: row.userId,
    fk_sso_client_id: null,
    base_id: null,
    created_at: row.createdAt,
    updated_at: row.createdAt,
    created_by: row.createdBy,
  };
}

/** Today's list row: no `token` (shown once), a string id, and the new fields. */
export function listRowJson2026(row: StoredToken) {
  const { token: _secret, ...rest } = { ...rowJson(row), id: String(row.id) };
  return { ...rest, token_prefix: row.prefix, expiry: row.expiry, enabled: row.enabled, last_used_at: row.lastUsedAt };
}

/** A v3 `/api/v3/meta/tokens` object. */
function v3RowJson(row: StoredToken) {
  return {
    id: String(row.id),
    title: row.description,
    created_at: row.createdAt,
    updated_at: row.createdAt,
    token_prefix: row.prefix,
    expiry: row.expiry,
    enabled: row.enabled,
    last_used_at: row.lastUsedAt,
  };
}

export interface V3Caller {
  id: string;
  superAdmin: boolean;
}

export interface V3Store {
  tokens: StoredToken[];
  /** Stores a new token for the caller; answers the row and the value (shown once). */
  insert(caller: V3Caller, fields: { description: string; expiry: string | null }): { row: StoredToken; value: string };
}

/**
 * `/api/v3/meta/tokens[/:id]` for a signed-in caller (the auth check is the caller's), in the open
 * April 2026 mode: list, create (`{title, expiry?}` → 201 with the token once), PATCH
 * `{title?, expiry? (null: never), enabled?}`, DELETE.
 */
export function v3TokensAnswer(method: string, pathname: string, caller: V3Caller, body: unknown, store: V3Store): Answer {
  const given = isRecord(body) ? body : {};
  const idText = pathname.split('/')[5];
  if (idText === undefined) {
    if (method === 'GET') {
      const own = store.tokens.filter((row) => caller.superAdmin || row.userId === caller.id).toReversed();
      return {
        status: 200,
        body: {
          list: own.map(v3RowJson),
          pageInfo: { totalRows: own.length, page: 1, pageSize: own.length, isFirstPage: true, isLastPage: true },
        },
      };
    }
    const title = given.title;
    if (typeof title !== 'string' || title.trim() === '' || title.length > 255)
      return { status: 400, body: { msg: 'Token title is required' } };
    let expiry: string | null = null;
    if (given.expiry !== undefined && given.expiry !== null) {
      const checked = checkExpiry(given.expiry);
      if ('refused' in checked) return checked.refused;
      expiry = checked.expiry;
    }
    const { row, value } = store.insert(caller, { description: title, expiry });
    return { status: 201, body: { ...v3RowJson(row), token: value } };
  }
  const index = store.tokens.findIndex((row) => String(row.id) === idText && (caller.superAdmin || row.userId === caller.id));
  const row = store.tokens[index];
  if (row === undefined) return { status: 404, body: { msg: 'Token not found' } };
  if (method === 'DELETE') {
    store.tokens.splice(index, 1);
    return { status: 200, body: { deleted: true } };
  }
  if (given.title !== undefined) {
    if (typeof given.title !== 'string' || given.title.trim() === '') return { status: 400, body: { msg: 'Token title is required' } };
    row.description = given.title;
  }
  if (given.expiry === null) row.expiry = null;
  else if (given.expiry !== undefined) {
    const checked = checkExpiry(given.expiry);
    if ('refused' in checked) return checked.refused;
    row.expiry = checked.expiry;
  }
  if (typeof given.enabled === 'boolean') row.enabled = given.enabled;
  return { status: 200, body: v3RowJson(row) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
