// Token ids go into a URL path with the session's JWT: a dot segment or a slash would send the
// request somewhere else on the server, so main refuses them wherever an id enters.
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import { checkArgument } from '../../../main/ipc-arguments.ts';
import { createNocoClient } from '../../../main/nocodb/nocodb-client.ts';
import { isTokenId, tokenPath } from '../../../main/nocodb/token-id.ts';

const REFUSED = ['', '.', '..', '%2e%2e', '%2E%2E', 'a/b', '../tokens', 'a b', 'a?b', 'a#b', 'a:b', '\\', 'a'.repeat(129)];
/** A well-formed account id, so only the token id decides. */
const ACCOUNT_ID = '5b0c7f1e-2d3a-4c5b-9e8f-0a1b2c3d4e5f';

describe('token ids', () => {
  it.each(REFUSED)('refuses %j in main, at the IPC boundary and in the client', async (id) => {
    expect(isTokenId(id)).toBe(false);
    expect(checkArgument('tokens:delete', { accountId: ACCOUNT_ID, id }).ok).toBe(false);
    const requested: string[] = [];
    const client = createNocoClient({
      serverUrl: 'http://127.0.0.1:9',
      fetch: async (input) => {
        requested.push(String(input));
        return new Response('{}');
      },
      timeoutMs: 1_000,
    });
    const failure = await client.deleteToken('a.jwt.value', id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).toData()).toEqual({
      code: 'invalid_argument',
      message: 'This is not a token id the server gave.',
      params: { reason: 'token_id' },
    });
    expect(requested).toEqual([]);
  });

  it.each(['1', '42', 'tk_AbC-9', 'a.b', '...', '.a', 'a..b', '~x', 'a'.repeat(128)])('accepts %j as one path segment', (id) => {
    expect(isTokenId(id)).toBe(true);
    expect(checkArgument('tokens:delete', { accountId: ACCOUNT_ID, id }).ok).toBe(true);
    const path = tokenPath(id);
    expect(new URL(path, 'http://server.test').pathname).toBe(`/api/v1/tokens/${id}`);
  });
});
