import { describe, expect, it } from 'vitest';
import { readRefreshCookie } from '../../../main/nocodb/refresh-cookie.ts';

function headersWith(...cookies: string[]): Headers {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return headers;
}

describe('readRefreshCookie', () => {
  it('reads the refresh token among other cookies', () => {
    const headers = headersWith('theme=dark; Path=/', 'refresh_token=4e83b0f4; Path=/; Expires=Mon, 28 Dec 2026 03:46:23 GMT; HttpOnly');
    expect(readRefreshCookie(headers)).toBe('4e83b0f4');
  });

  it("reads it by name next to today's nc_token cookie, in either order", () => {
    const ncToken = 'nc_token=eyJhbGciOi.eyJlbWFpbCI6.sig; Path=/api; Max-Age=36000; HttpOnly';
    const refresh = 'refresh_token=9c1f; Path=/; Expires=Mon, 28 Dec 2026 03:46:23 GMT; HttpOnly; SameSite=Lax';
    expect(readRefreshCookie(headersWith(ncToken, refresh))).toBe('9c1f');
    expect(readRefreshCookie(headersWith(refresh, ncToken))).toBe('9c1f');
  });

  it('finds none when the answer sets none or clears it', () => {
    expect(readRefreshCookie(headersWith())).toBeNull();
    expect(readRefreshCookie(headersWith('refresh_token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'))).toBeNull();
  });

  it('refuses a value that could not be sent back in a Cookie header', () => {
    expect(readRefreshCookie(headersWith('refresh_token="a b"; Path=/'))).toBeNull();
  });
});
