// How the client reports a server that misbehaves, is not a NocoDB, or cannot be reached.
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import { createNocoClient } from '../../../main/nocodb/nocodb-client.ts';
import type { NocoClient } from '../../../main/nocodb/types.ts';
import type { AppError } from '../../../preload/contract.ts';
import { refusingUrl, startAnsweringServer } from '../../support/answering-server.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';

const clientFor = (url: string, timeoutMs = 2_000) => createNocoClient({ serverUrl: url, fetch, timeoutMs });
/** The AppFailure a call ends with, as plain data; anything else fails the test. */
const failureOf = (promise: Promise<unknown>): Promise<AppError> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      if (error instanceof AppFailure) return error.toData();
      throw error;
    },
  );

describe('NocoDB client against a misbehaving fake server', () => {
  let fake: FakeNocodb;
  let client: NocoClient;
  let jwt: string;

  beforeAll(async () => {
    fake = await startFakeNocodb();
    client = clientFor(fake.url, 500);
    ({ jwt } = await client.signIn(fake.admin.email, fake.admin.password));
  });
  afterEach(() => fake.faults.clear());
  afterAll(() => fake.close());

  it('reports a 500 with a stack as a server error, without the stack', async () => {
    fake.faults.inject({ kind: 'server-error' }, { route: 'tokens.list' });
    const failure = await failureOf(client.listTokens(jwt, { limit: 25, offset: 0 }));
    expect(failure).toEqual(expect.objectContaining({ code: 'server_error', message: 'The server had a problem (HTTP 500). Try again.' }));
    expect(failure.message).not.toMatch(/secretFunction|stack|internal\.js/);
  });

  it('reports malformed JSON on sign-in and health as not NocoDB', async () => {
    fake.faults.inject({ kind: 'malformed-json' }, { route: 'signin' });
    expect((await failureOf(client.signIn(fake.admin.email, fake.admin.password))).code).toBe('not_nocodb');
    fake.faults.inject({ kind: 'malformed-json' }, { route: 'health' });
    expect((await failureOf(client.health())).code).toBe('not_nocodb');
  });

  it('reports malformed JSON from a signed-in call as a server error', async () => {
    fake.faults.inject({ kind: 'malformed-json' }, { route: 'tokens.list' });
    expect((await failureOf(client.listTokens(jwt, { limit: 25, offset: 0 }))).code).toBe('server_error');
  });

  it('reports an HTML page as not NocoDB, naming the address', async () => {
    fake.faults.inject({ kind: 'html' });
    expect(await failureOf(client.health())).toEqual(
      expect.objectContaining({ code: 'not_nocodb', message: expect.stringContaining(fake.url) }),
    );
  });

  it('gives up on a server that never answers, after the timeout', async () => {
    fake.faults.inject({ kind: 'hang' });
    const started = performance.now();
    expect((await failureOf(client.me(jwt))).code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('waits for a slow server that answers within the timeout', async () => {
    fake.faults.inject({ kind: 'slow', ms: 100 });
    await expect(client.health()).resolves.toBeUndefined();
  });

  it('reports a reset connection as unreachable', async () => {
    fake.faults.inject({ kind: 'reset' });
    expect((await failureOf(client.health())).code).toBe('server_unreachable');
  });

  it('reads the {error, message} shape: a dead JWT is unauthorized, a dead refresh is an expired session', async () => {
    fake.faults.inject({ kind: 'token-expired' }, { route: 'tokens.create' });
    expect((await failureOf(client.createToken(jwt, 'x'))).code).toBe('unauthorized');
    fake.faults.inject({ kind: 'token-expired' }, { route: 'refresh' });
    expect((await failureOf(client.refresh('a'.repeat(80)))).code).toBe('session_expired');
  });

  it('reads the {msg} shape: the one-token-per-user rule comes back in the server’s words', async () => {
    fake.modes.oneTokenPerUser = true;
    try {
      await client.createToken(jwt, 'first');
      expect(await failureOf(client.createToken(jwt, 'second'))).toEqual({
        code: 'validation',
        message: 'Only one token per user is allowed',
        params: { source: 'server' },
      });
    } finally {
      fake.modes.oneTokenPerUser = false;
    }
  });

  it('treats a guest answer from me as unauthorized, and a dead JWT likewise', async () => {
    expect((await failureOf(client.me('not.a.jwt'))).code).toBe('unauthorized');
    const own = await client.signIn(fake.admin.email, fake.admin.password);
    fake.expireJwts(fake.admin.email);
    expect((await failureOf(client.me(own.jwt))).code).toBe('unauthorized');
    ({ jwt } = await client.signIn(fake.admin.email, fake.admin.password));
  });

  it('counts the calls it receives', async () => {
    const before = fake.calls.health;
    await client.health();
    expect(fake.calls.health).toBe(before + 1);
  });
});

describe('NocoDB client against servers that are not NocoDB', () => {
  it('reports a refused connection as unreachable, naming the address', async () => {
    const url = await refusingUrl();
    expect(await failureOf(clientFor(url).health())).toEqual({
      code: 'server_unreachable',
      message: `Cannot reach ${url}. Check the address and that the server is running.`,
      params: { reason: 'address', serverUrl: url },
    });
  });

  it.each([
    ['a redirect (never followed)', (response: ServerResponse) => response.writeHead(302, { location: 'http://127.0.0.2:1/' }).end()],
    ['a 404 page', (response: ServerResponse) => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')],
    [
      'an answer over 1 MB',
      (response: ServerResponse) => response.writeHead(200, { 'content-type': 'application/json' }).end(`"${'x'.repeat(1_100_000)}"`),
    ],
  ])('reports %s on sign-in as not NocoDB', async (_name, answer) => {
    const server = await startAnsweringServer((_request, response) => answer(response));
    try {
      expect((await failureOf(clientFor(server.url).signIn('a@example.com', 'password'))).code).toBe('not_nocodb');
    } finally {
      await server.close();
    }
  });

  it('names only the typed address when any call meets a redirect; https only for the same host', async () => {
    let location = '';
    const server = await startAnsweringServer((_request, response) => response.writeHead(302, { location }).end());
    try {
      const client = clientFor(server.url);
      const { port } = new URL(server.url);
      location = 'https://nocodb-corp.attacker.example/api/v1/tokens';
      expect(await failureOf(client.listTokens('a.b.c', { limit: 25, offset: 0 }))).toEqual({
        code: 'not_nocodb',
        message: `${server.url} redirects to another address. Check the server address.`,
        params: { reason: 'redirect', serverUrl: server.url },
      });
      location = `https://127.0.0.1:${port}/api/v1/auth/user/me`;
      expect(await failureOf(client.me('a.b.c'))).toEqual({
        code: 'not_nocodb',
        message: `${server.url} redirects to another address. Use https://127.0.0.1:${port} as the server address instead.`,
        params: { reason: 'redirect_https', serverUrl: server.url, target: `https://127.0.0.1:${port}` },
      });
    } finally {
      await server.close();
    }
  });

  it('bounds every server text that becomes UI text: a megabyte-long display name, token name and error message', async () => {
    const megabyte = 'N'.repeat(1_000_000);
    const json = (response: ServerResponse, status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const server = await startAnsweringServer((request, response) => {
      if (request.url === '/api/v1/auth/user/me')
        return json(response, 200, { id: 'u1', email: `${'e'.repeat(600)}@example.com`, display_name: megabyte });
      if (request.url === '/api/v1/user/profile') return json(response, 200, { display_name: megabyte });
      if (request.url?.startsWith('/api/v1/tokens?')) {
        return json(response, 200, { list: [{ id: 1, description: megabyte, created_by: 'a@example.com' }], pageInfo: { totalRows: 1 } });
      }
      return json(response, 400, { msg: `Refused: ${megabyte}` });
    });
    const isBounded = (text: string | null | undefined) => text?.length === 500 && text.endsWith('…') && text.startsWith('N');
    try {
      const client = clientFor(server.url);
      const user = await client.me('a.b.c');
      expect(isBounded(user.displayName)).toBe(true);
      expect(user.email).toHaveLength(500);
      expect(isBounded((await client.updateProfile('a.b.c', 'Ada')).displayName)).toBe(true);
      expect(isBounded((await client.listTokens('a.b.c', { limit: 25, offset: 0 })).rows[0]?.name)).toBe(true);
      const refused = await failureOf(client.createToken('a.b.c', 'x'));
      expect(refused.code).toBe('validation');
      expect(refused.message).toHaveLength(500);
      expect(refused.message).toMatch(/^Refused: N+…$/);
    } finally {
      await server.close();
    }
  });

  it('refuses a sign-in answer without the refresh cookie', async () => {
    const server = await startAnsweringServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"a.b.c"}');
    });
    try {
      expect((await failureOf(clientFor(server.url).signIn('a@example.com', 'password'))).code).toBe('not_nocodb');
    } finally {
      await server.close();
    }
  });

  it('refuses token rows of the wrong shape as a server error', async () => {
    const server = await startAnsweringServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ list: [{ id: -1, token: 'short', description: null }], pageInfo: { totalRows: 1, isLastPage: true } }));
    });
    try {
      expect((await failureOf(clientFor(server.url).listTokens('a.b.c', { limit: 25, offset: 0 }))).code).toBe('server_error');
    } finally {
      await server.close();
    }
  });

  it('accepts numeric-string ids and a null name', async () => {
    const row = { id: '7', token: 'A'.repeat(40), description: null, created_by: 'a@example.com', created_at: '2026-11-28 02:57:57+00:00' };
    const server = await startAnsweringServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ list: [row], pageInfo: { totalRows: 1, isLastPage: true } }));
    });
    try {
      expect(await clientFor(server.url).listTokens('a.b.c', { limit: 25, offset: 0 })).toEqual({
        rows: [
          { id: '7', token: 'A'.repeat(40), name: null, creator: 'a@example.com', createdAt: '2026-11-28 02:57:57+00:00', prefix: null },
        ],
        totalRows: 1,
      });
    } finally {
      await server.close();
    }
  });
});
