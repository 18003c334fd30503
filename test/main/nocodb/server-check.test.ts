// Before any credential is sent, sign-in asks the server's health check: a redirect is refused,
// naming https only for the same server, and a plain-http server off this machine needs the user's consent
// (remembered per server). Real HTTP servers on 127.0.0.1; a non-loopback name is routed to them.
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/create-handlers.ts';
import { needsPlainHttpConsent } from '../../../main/nocodb/server-check.ts';
import { startAnsweringServer, type AnsweringServer } from '../../support/answering-server.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import { memoryJsonFile, memoryPorts } from '../../support/memory-ports.ts';
import { LAN_HOST, fetchResolvingTestNames, lanUrlFor } from '../../support/resolving-fetch.ts';

describe('plain-http consent rule', () => {
  it.each([
    ['https://app.nocodb.com', false],
    ['http://localhost:8080', false],
    ['http://127.0.0.1:8080', false],
    ['http://127.1.2.3:8080', false],
    ['http://[::1]:8080', false],
    // Some resolvers send `*.localhost` to DNS: it may be another machine.
    ['http://nocodb.localhost:8080', true],
    ['http://localhost.:8080', true],
    ['http://nocodb.example.com', true],
    ['http://192.168.1.20:8080', true],
    ['http://10.0.0.5', true],
    ['http://[fd00::1]:8080', true],
    ['http://localhost.evil.com', true],
  ])('%s needs consent: %s', (url, expected) => {
    expect(needsPlainHttpConsent(url)).toBe(expected);
  });
});

describe('sign-in asks the health check first', () => {
  let redirecting: AnsweringServer;
  let location: (url: string) => string = () => '';
  const seen: string[] = [];

  beforeEach(async () => {
    seen.length = 0;
    redirecting = await startAnsweringServer((request: IncomingMessage, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.writeHead(302, { location: location(request.url ?? '/') }).end();
    });
  });
  afterEach(() => redirecting.close());

  const signInFailure = async () => {
    const { ports } = memoryPorts();
    const handlers = createHandlers(ports);
    return Promise.resolve(handlers['session:sign-in']({ serverUrl: redirecting.url, email: 'ada@example.com', password: 'pw' })).catch(
      (error: unknown) => error,
    );
  };
  const port = () => new URL(redirecting.url).port;

  // An attacker on the network answers the health check with their own https server: never named.
  it.each([
    ['another host over https', (path: string) => `https://nocodb-corp.attacker.example${path}`],
    ['another host, same port', (path: string) => `https://attacker.example:${port()}${path}`],
    ['a look-alike of the host', () => `https://127.0.0.1.attacker.example:${port()}/`],
    ['the same host, another https port', () => `https://127.0.0.1:1${port()}/`],
    ['the same host over plain http elsewhere', () => `http://127.0.0.1:${port()}/nocodb/api/v1/health`],
    ['a relative path', () => '/login'],
    ['an unparsable location', () => 'http://[oops'],
  ])('refuses a redirect to %s, naming only the address the user typed', async (_what, to) => {
    location = to;
    const failure = await signInFailure();

    expect(failure).toMatchObject({
      code: 'redirected',
      message: `${redirecting.url} redirects to another address, so the app did not send your password. Check the server address.`,
    });
    expect(seen).toEqual(['GET /api/v1/health']);
  });

  it.each([
    ['on the same port', () => `https://127.0.0.1:${port()}/api/v1/health`, () => `https://127.0.0.1:${port()}`],
    ['on 443', () => 'https://127.0.0.1/api/v1/health', () => 'https://127.0.0.1'],
  ])('suggests https for the same host %s', async (_what, to, suggested) => {
    location = to;
    const failure = await signInFailure();

    expect(failure).toMatchObject({
      code: 'redirected',
      message: `${redirecting.url} redirects to another address, so the app did not send your password. Use ${suggested()} as the server address instead.`,
    });
    expect(seen).toEqual(['GET /api/v1/health']);
  });
});

describe('a plain-http server on another machine', () => {
  let server: FakeNocodb;
  beforeEach(async () => {
    server = await startFakeNocodb();
  });
  afterEach(() => server.close());

  const setup = (consentFile = memoryJsonFile()) => {
    const { ports } = memoryPorts({ fetch: fetchResolvingTestNames, httpConsentFile: consentFile });
    return { handlers: createHandlers(ports), consentFile };
  };
  const request = (extra: { confirmInsecure?: boolean } = {}) => ({
    serverUrl: lanUrlFor(server.url),
    ...server.admin,
    ...extra,
  });

  it('is refused until the user confirms, and no password reaches it meanwhile', async () => {
    const { handlers } = setup();

    await expect(Promise.resolve(handlers['session:sign-in'](request()))).rejects.toMatchObject({
      code: 'insecure_connection',
      message: expect.stringMatching(/unencrypted/),
    });
    expect(server.calls.signin).toBe(0);

    await expect(Promise.resolve(handlers['session:sign-in'](request({ confirmInsecure: true })))).resolves.toMatchObject({
      status: 'signed_in',
    });
    expect(server.calls.signin).toBe(1);
  });

  it('remembers the consent for that server, across restarts', async () => {
    const first = setup();
    const signedIn = await first.handlers['session:sign-in'](request({ confirmInsecure: true }));
    await first.handlers['accounts:remove']({ accountId: signedIn.accounts[0]?.id ?? 'none' });

    const again = setup(first.consentFile);
    await expect(Promise.resolve(again.handlers['session:sign-in'](request()))).resolves.toMatchObject({ status: 'signed_in' });
    expect(JSON.stringify(first.consentFile.content)).not.toContain(server.admin.password);
  });

  it('does not carry the consent over to another server', async () => {
    const { handlers } = setup();
    await handlers['session:sign-in'](request({ confirmInsecure: true }));

    const other = { ...request(), serverUrl: lanUrlFor(server.url, `other.${LAN_HOST}`) };
    await expect(Promise.resolve(handlers['session:sign-in'](other))).rejects.toMatchObject({ code: 'insecure_connection' });
  });

  // Reached through the resolving fetch, so only the host rule can stop these before the server.
  it.each(['a$(touch${IFS}marker).example.test', 'a`id`.example.test', "a'b.example.test", 'a!b.example.test', 'a_b.example.test'])(
    'refuses the host %s before any request, even with consent',
    async (host) => {
      const { handlers } = setup();
      const serverUrl = lanUrlFor(server.url, host);

      await expect(Promise.resolve(handlers['session:sign-in']({ ...request({ confirmInsecure: true }), serverUrl }))).rejects.toEqual(
        expect.objectContaining({
          code: 'invalid_argument',
          message: 'The server name may only contain letters, digits, hyphens and dots (or be an IP address). Check the server address.',
        }),
      );
      expect(server.calls.health + server.calls.signin).toBe(0);
    },
  );

  it('needs no consent on this machine (loopback)', async () => {
    const { handlers } = setup();
    await expect(Promise.resolve(handlers['session:sign-in']({ serverUrl: server.url, ...server.admin }))).resolves.toMatchObject({
      status: 'signed_in',
    });
  });
});
