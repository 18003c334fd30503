// A token row's id, as main accepts it from the server and from the renderer. NocoDB 0.301.3 sends
// numbers, today's servers type the id as a string; main treats it as opaque text. The id goes
// into a URL path and a keychain entry name, so only URL-unreserved characters (RFC 3986), and
// never a dot segment: `DELETE /api/v1/tokens/..` would reach `DELETE /api/v1/` with the session.
export const TOKEN_ID = /^(?!\.{1,2}$)[A-Za-z0-9_.~-]{1,128}$/;

export const isTokenId = (value: string): boolean => TOKEN_ID.test(value);

/** The id as one path segment; callers have checked it with `isTokenId`, this keeps it one segment regardless. */
export const tokenPath = (id: string): string => `/api/v1/tokens/${encodeURIComponent(id)}`;

/** The same id on the v3 tokens route (`PATCH {enabled}`). */
export const v3TokenPath = (id: string): string => `/api/v3/meta/tokens/${encodeURIComponent(id)}`;
