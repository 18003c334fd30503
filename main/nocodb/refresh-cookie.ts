// NocoDB hands out its refresh token as an HttpOnly browser cookie. A desktop main process has no
// cookie jar, so it reads `Set-Cookie` itself and sends the value back as a `Cookie` header.

const COOKIE_NAME = 'refresh_token';
// Cookie-value characters (RFC 6265); anything else would break the Cookie header we send back.
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;

/** The refresh token set by this answer, or null when it set none (or cleared it). */
export function readRefreshCookie(headers: Headers): string | null {
  for (const cookie of headers.getSetCookie()) {
    const pair = cookie.split(';', 1)[0] ?? '';
    const equals = pair.indexOf('=');
    if (equals === -1 || pair.slice(0, equals).trim() !== COOKIE_NAME) continue;
    const value = pair.slice(equals + 1).trim();
    if (COOKIE_VALUE.test(value)) return value;
  }
  return null;
}

export function isSendableRefreshToken(value: string): boolean {
  return COOKIE_VALUE.test(value);
}

export function refreshCookieHeader(refreshToken: string): string {
  return `${COOKIE_NAME}=${refreshToken}`;
}
