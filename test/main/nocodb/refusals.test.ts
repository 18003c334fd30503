// Only NocoDB's own refusal ends a session: a 403, or a 401 that is not in NocoDB's shape (a
// gateway, a VPN allow-list, a proxy), is `server_refused` — the session and its keychain entry stay.
import { describe, expect, it } from 'vitest';
import { createNocoClient } from '../../../main/nocodb/nocodb-client.ts';

function clientAnswering(status: number, body: string, type = 'application/json') {
  const fetch = (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof globalThis.fetch;
  return createNocoClient({ serverUrl: 'https://nocodb.example.com', fetch, timeoutMs: 1_000 });
}
const REFRESH = 'a'.repeat(80);

describe('a refusal that is not NocoDB’s', () => {
  it.each([
    [403, '{"message":"Forbidden"}'],
    [403, '{"msg":"Forbidden"}'],
    [401, '{"message":"Unauthorized"}'],
  ])('%i %s on a call is server_refused, not unauthorized', async (status, body) => {
    await expect(clientAnswering(status, body).listTokens('jwt', { limit: 1, offset: 0 })).rejects.toMatchObject({
      code: 'server_refused',
    });
  });

  it.each([
    [403, '{"message":"Forbidden"}'],
    [401, '{"message":"Unauthorized"}'],
    [400, '{"message":"Bad gateway rule"}'],
  ])('%i %s on a refresh does not end the session', async (status, body) => {
    const failure = await clientAnswering(status, body)
      .refresh(REFRESH)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: expect.not.stringMatching(/^(session_expired|unauthorized)$/) });
  });

  it('NocoDB’s own 401 ends it: unauthorized on a call, session_expired on a refresh', async () => {
    await expect(clientAnswering(401, '{"msg":"Unauthorized"}').listTokens('jwt', { limit: 1, offset: 0 })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(clientAnswering(401, '{"msg":"Token Expired. Please login again."}').refresh(REFRESH)).rejects.toMatchObject({
      code: 'session_expired',
    });
    await expect(clientAnswering(400, '{"msg":"Invalid refresh token"}').refresh(REFRESH)).rejects.toMatchObject({
      code: 'session_expired',
    });
  });
});
