// The NocoDB HTTP client: one method per server call, each mapping the server's answers (quirks
// included, see shared/nocodb/API.md) to typed results or an AppFailure with a contract code.
import * as v from 'valibot';
import { AppFailure } from '../app-error.ts';
import { failureFor, isNocodbRefusal, isRecord, notNocodb, serverMessage, unexpectedAnswer } from './answer-errors.ts';
import { createTransport, type NocoAnswer, type NocoRequest } from './http-transport.ts';
import { isSendableRefreshToken, readRefreshCookie, refreshCookieHeader } from './refresh-cookie.ts';
import {
  createdTokenRow,
  healthAnswer,
  profileAnswer,
  sessionAnswer,
  tokenListAnswer,
  userAnswer,
  v3TokenAnswer,
  v3TokenListAnswer,
} from './response-schemas.ts';
import { normalizeServerUrl } from './server-url.ts';
import { isTokenId, tokenPath, v3TokenPath } from './token-id.ts';
import type { NocoClient, NocoClientOptions, NocoUser, SessionTokens } from './types.ts';

/** Decides what a non-2xx answer means for one call; `undefined` falls back to the general rules. */
type Special = (answer: NocoAnswer) => AppFailure | undefined;

// A header value must be visible ASCII; fetch would otherwise throw a TypeError before sending.
const HEADER_VALUE = /^[\x21-\x7e]+$/;

export function createNocoClient(options: NocoClientOptions): NocoClient {
  const serverUrl = normalizeServerUrl(options.serverUrl);
  const send = createTransport({ serverUrl, fetch: options.fetch, timeoutMs: options.timeoutMs });

  /** Returns a 2xx answer; anything else is thrown as an AppFailure. */
  function success(answer: NocoAnswer, special?: Special): NocoAnswer {
    if (answer.status >= 200 && answer.status < 300) return answer;
    throw special?.(answer) ?? failureFor(answer, serverUrl);
  }

  /** Sends the request and returns a 2xx answer; anything else is thrown as an AppFailure. */
  async function succeed(request: NocoRequest, special?: Special): Promise<NocoAnswer> {
    return success(await send(request), special);
  }

  function parse<S extends v.GenericSchema>(schema: S, answer: NocoAnswer, bad: () => AppFailure): v.InferOutput<S> {
    if (answer.body.kind === 'html') throw notNocodb(serverUrl);
    const result = v.safeParse(schema, answer.body.kind === 'json' ? answer.body.value : undefined);
    if (!result.success) throw bad();
    return result.output;
  }

  /** Reads `{ token }` plus the rotating refresh cookie from a sign-in or refresh answer. */
  function session(answer: NocoAnswer, bad: () => AppFailure): SessionTokens {
    const { token } = parse(sessionAnswer, answer, bad);
    const refreshToken = readRefreshCookie(answer.headers);
    if (refreshToken === null) throw bad();
    return { jwt: token, refreshToken };
  }

  function jwtHeader(jwt: string): Record<string, string> {
    if (!HEADER_VALUE.test(jwt))
      throw new AppFailure('unauthorized', 'The saved session is not valid. Sign in again.', { reason: 'saved_session' });
    return { 'xc-auth': jwt };
  }

  const isGuest = (answer: NocoAnswer) => answer.body.kind === 'json' && isRecord(answer.body.value) && !('id' in answer.body.value);
  const notNocodbOn404: Special = (answer) => (answer.status === 404 ? notNocodb(serverUrl) : undefined);
  const notNocodbBody = () => notNocodb(serverUrl);
  const isInvalidOffset = (answer: NocoAnswer) =>
    answer.status === 422 &&
    answer.body.kind === 'json' &&
    isRecord(answer.body.value) &&
    answer.body.value['error'] === 'ERR_INVALID_OFFSET_VALUE';

  return {
    serverUrl,

    async health() {
      parse(healthAnswer, await succeed({ method: 'GET', path: '/api/v1/health' }, notNocodbOn404), notNocodbBody);
    },

    async signIn(email, password) {
      const answer = await succeed({ method: 'POST', path: '/api/v1/auth/user/signin', json: { email, password } }, (refused) => {
        // NocoDB answers 400 "Invalid credentials" for a wrong password and an unknown email alike.
        if (refused.status === 400 || refused.status === 401) {
          const words = refused.status === 400 ? serverMessage(refused) : null;
          return words
            ? new AppFailure('invalid_credentials', words, { source: 'server' })
            : new AppFailure('invalid_credentials', 'Invalid credentials');
        }
        return notNocodbOn404(refused);
      });
      return session(answer, notNocodbBody);
    },

    async refresh(refreshToken) {
      const expired = () => new AppFailure('session_expired', 'Your session has expired. Sign in again.');
      if (!isSendableRefreshToken(refreshToken)) throw expired();
      const answer = await succeed(
        { method: 'POST', path: '/api/v1/auth/token/refresh', headers: { cookie: refreshCookieHeader(refreshToken) } },
        // 400 "Invalid/Missing refresh token" (the token was rotated or revoked), 401 "Token Expired".
        // Only in NocoDB's own shape: the same status from a gateway leaves the session alone.
        (refused) => ((refused.status === 400 || refused.status === 401) && isNocodbRefusal(refused) ? expired() : undefined),
      );
      return session(answer, unexpectedAnswer);
    },

    async signOut({ jwt, refreshToken }) {
      const headers = jwtHeader(jwt);
      if (isSendableRefreshToken(refreshToken)) headers.cookie = refreshCookieHeader(refreshToken);
      await succeed({ method: 'POST', path: '/api/v1/auth/user/signout', headers });
    },

    async me(jwt) {
      const answer = await succeed({ method: 'GET', path: '/api/v1/auth/user/me', headers: jwtHeader(jwt) });
      // NocoDB answers an unknown session with 200 and a guest user rather than 401.
      if (isGuest(answer)) throw new AppFailure('unauthorized', 'The server did not accept the session. Sign in again.');
      return parse(userAnswer, answer, unexpectedAnswer);
    },

    async whoIsApiToken(apiToken): Promise<NocoUser | null> {
      if (!HEADER_VALUE.test(apiToken)) return null;
      let answer: NocoAnswer;
      try {
        answer = await succeed({ method: 'GET', path: '/api/v1/auth/user/me', headers: { 'xc-token': apiToken } });
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'unauthorized') return null;
        throw error;
      }
      return isGuest(answer) ? null : parse(userAnswer, answer, unexpectedAnswer);
    },

    async listTokens(jwt, { limit, offset }) {
      const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
      const answer = await send({ method: 'GET', path: `/api/v1/tokens?${query}`, headers: jwtHeader(jwt) });
      // 0.301.3 refuses an offset at or past the instance's token count (422): that page is simply empty.
      if (offset > 0 && isInvalidOffset(answer)) return { rows: [], totalRows: offset };
      return parse(tokenListAnswer, success(answer), unexpectedAnswer);
    },

    async createToken(jwt, name, expiry) {
      const json = expiry === undefined ? { description: name } : { description: name, expiry };
      const answer = await succeed({ method: 'POST', path: '/api/v1/tokens', headers: jwtHeader(jwt), json });
      return parse(createdTokenRow, answer, unexpectedAnswer);
    },

    async v3Tokens(jwt) {
      const answer = await send({ method: 'GET', path: '/api/v3/meta/tokens', headers: jwtHeader(jwt) });
      if (answer.status === 402) return 'licence_required';
      if (answer.status === 403) return 'refused';
      const listed = answer.status === 200 && answer.body.kind === 'json' && v.is(v3TokenListAnswer, answer.body.value);
      // Anything else (404, a 401 the list call will meet too, a page that is not NocoDB's) offers nothing.
      return listed ? 'open' : 'absent';
    },

    async setTokenEnabled(jwt, id, enabled) {
      if (!isTokenId(id)) throw new AppFailure('invalid_argument', 'This is not a token id the server gave.', { reason: 'token_id' });
      const answer = await succeed({ method: 'PATCH', path: v3TokenPath(id), headers: jwtHeader(jwt), json: { enabled } }, (refused) => {
        // 402 licence gate, 403 plan, 404 without the route: the server cannot switch tokens off.
        if (refused.status === 402 || refused.status === 403 || (refused.status === 404 && serverMessage(refused) !== 'Token not found'))
          return new AppFailure('not_supported', 'This server cannot disable or enable tokens.', { reason: 'enable_disable' });
        return undefined;
      });
      return parse(v3TokenAnswer, answer, unexpectedAnswer);
    },

    async deleteToken(jwt, id) {
      if (!isTokenId(id)) throw new AppFailure('invalid_argument', 'This is not a token id the server gave.', { reason: 'token_id' });
      await succeed({ method: 'DELETE', path: tokenPath(id), headers: jwtHeader(jwt) });
    },

    async updateProfile(jwt, displayName) {
      const answer = await succeed({
        method: 'PATCH',
        path: '/api/v1/user/profile',
        headers: jwtHeader(jwt),
        json: { display_name: displayName },
      });
      return parse(profileAnswer, answer, unexpectedAnswer);
    },

    async changePassword(jwt, { currentPassword, newPassword }) {
      const answer = await succeed({
        method: 'POST',
        path: '/api/v1/auth/password/change',
        headers: jwtHeader(jwt),
        json: { currentPassword, newPassword },
      });
      // The password is changed by now; without the new cookie the session cannot go on.
      const refreshToken = readRefreshCookie(answer.headers);
      if (refreshToken === null) {
        throw new AppFailure(
          'session_expired',
          'Your password was changed, but the server did not renew the session. Sign in with the new password.',
          { reason: 'password_not_renewed' },
        );
      }
      return { refreshToken };
    },
  };
}
