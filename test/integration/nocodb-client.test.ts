// One contract for the NocoDB client, run against the fake server in both generations (0.301.3 and
// today's 2026 servers, built from shared/nocodb/API-current.md) AND a real NocoDB 0.301.3, so the
// fake cannot drift from what a real server answers. Where the generations differ, each case says
// what each one does; the real server proves the 0.301.3 side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/create-handlers.ts';
import { createNocoClient } from '../../main/nocodb/nocodb-client.ts';
import { tokenCapabilitiesFrom } from '../../main/nocodb/v3-token-capabilities.ts';
import type { ApiTokenRow, CreatedApiToken, NocoClient } from '../../main/nocodb/types.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { startFakeNocodb, type FakeGeneration } from '../support/fake-nocodb.ts';
import { memoryPorts } from '../support/memory-ports.ts';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { shownId } from '../support/shown-account.ts';

interface ServerUnderTest {
  /** The server with its super admin. */
  admin: NocodbCredentials;
  generation: FakeGeneration;
  close(): Promise<void>;
}

function clientFor(url: string): NocoClient {
  return createNocoClient({ serverUrl: url, fetch, timeoutMs: 15_000 });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

const refreshStatus = async (url: string, refreshToken: string) =>
  (await fetch(`${url}/api/v1/auth/token/refresh`, { method: 'POST', headers: { cookie: `refresh_token=${refreshToken}` } })).status;

function contractSuite(name: string, start: () => Promise<ServerUnderTest>): void {
  describe(`NocoDB client contract — ${name}`, () => {
    let server: ServerUnderTest;
    const showsTokensOnce = () => server.generation === '2026';
    let client: NocoClient;
    // A user of this suite's own, so the admin's instance-wide token list cannot disturb paging.
    let user: NocodbCredentials;

    beforeAll(async () => {
      server = await start();
      client = clientFor(server.admin.url);
      user = await signUpUser(server.admin.url);
    });
    afterAll(() => server.close());

    it('answers the health check', async () => {
      await expect(client.health()).resolves.toBeUndefined();
    });

    it('signs in with a JWT and a refresh token, and knows who the JWT belongs to', async () => {
      const session = await client.signIn(server.admin.email, server.admin.password);
      expect(session.jwt.split('.')).toHaveLength(3);
      expect(session.refreshToken.length).toBeGreaterThanOrEqual(20);
      const me = await client.me(session.jwt);
      expect(me.email).toBe(server.admin.email);
      expect(me.id).not.toBe('');
      expect(me.isSuperAdmin).toBe(true);
      expect((await client.me((await client.signIn(user.email, user.password)).jwt)).isSuperAdmin).toBe(false);
    });

    it('answers a page past the end with no rows (0.301.3 refuses such an offset with a 422)', async () => {
      const { jwt } = await client.signIn(user.email, user.password);
      await expect(client.listTokens(jwt, { limit: 10, offset: 1_000_000 })).resolves.toMatchObject({ rows: [] });
    });

    it('refuses a wrong password with the server’s words', async () => {
      await expect(client.signIn(server.admin.email, 'not-the-password')).rejects.toMatchObject({
        code: 'invalid_credentials',
        message: 'Invalid credentials',
      });
    });

    it('rotates the refresh token: the new session works, the old refresh token is dead', async () => {
      const first = await client.signIn(user.email, user.password);
      const second = await client.refresh(first.refreshToken);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await client.me(second.jwt)).email).toBe(user.email);
      expect(await codeOf(client.refresh(first.refreshToken))).toBe('session_expired');
    });

    it('creates, lists page by page, identifies and deletes API tokens', async () => {
      const { jwt } = await client.signIn(user.email, user.password);
      const names = ['contract one', 'contract two', 'contract three'];
      const created: CreatedApiToken[] = [];
      for (const tokenName of names) created.push(await client.createToken(jwt, tokenName));
      for (const [index, row] of created.entries()) {
        expect(row.token).toMatch(showsTokensOnce() ? /^[A-Za-z0-9]{40}$/ : /^[A-Za-z0-9_-]{40}$/);
        expect(row.name).toBe(names[index]);
        expect(row.id).toMatch(/^\S+$/);
      }

      // Paging is judged by the rows alone: the server's counts cover every user's tokens.
      const firstPage = await client.listTokens(jwt, { limit: 2, offset: 0 });
      const secondPage = await client.listTokens(jwt, { limit: 2, offset: 2 });
      expect(firstPage.rows).toHaveLength(2);
      expect(secondPage.rows).toHaveLength(1);
      const listed = [...firstPage.rows, ...secondPage.rows];
      expect(listed.map((row) => row.id).sort()).toEqual(created.map((row) => row.id).sort());
      // The list carries the secret on 0.301.3 and only a prefix on today's servers (shown once).
      expect(listed.find((row) => row.id === created[0]!.id)).toMatchObject({
        token: showsTokensOnce() ? null : created[0]!.token,
        name: 'contract one',
        creator: user.email,
      });

      expect((await client.whoIsApiToken(created[0]!.token))?.email).toBe(user.email);

      for (const row of created) await client.deleteToken(jwt, row.id);
      expect((await client.listTokens(jwt, { limit: 25, offset: 0 })).rows).toEqual([]);
    });

    it("lists newest first on today's servers, in creation order on 0.301.3", async () => {
      const own = await signUpUser(server.admin.url);
      const { jwt } = await client.signIn(own.email, own.password);
      const first = await client.createToken(jwt, 'older');
      const second = await client.createToken(jwt, 'newer');
      const { rows } = await client.listTokens(jwt, { limit: 10, offset: 0 });
      expect(rows.map((row) => row.id)).toEqual(showsTokensOnce() ? [second.id, first.id] : [first.id, second.id]);
    });

    it('reads prefix, expiry, enabled and last use where the server sends them, and only there', async () => {
      const own = await signUpUser(server.admin.url);
      const { jwt } = await client.signIn(own.email, own.password);
      const created = await client.createToken(jwt, 'details');
      const before = (await client.listTokens(jwt, { limit: 10, offset: 0 })).rows[0]!;
      await client.whoIsApiToken(created.token);
      const after = (await client.listTokens(jwt, { limit: 10, offset: 0 })).rows[0]!;
      // What each row tells, with a missing key told apart from the server's own null.
      const details = (row: ApiTokenRow) => ({
        prefixOfTheValue: row.prefix !== null && created.token.startsWith(row.prefix),
        expiry: 'expiry' in row ? row.expiry : 'no such field',
        enabled: 'enabled' in row ? row.enabled : 'no such field',
        used: 'lastUsedAt' in row ? row.lastUsedAt !== null : 'no such field',
      });
      // Today's servers: a prefix of the value, no expiry (Community Edition), enabled, the use recorded.
      // 0.301.3: none of these fields, so the app shows no such columns.
      expect([details(before), details(after)]).toStrictEqual(
        showsTokensOnce()
          ? [
              { prefixOfTheValue: true, expiry: null, enabled: true, used: false },
              { prefixOfTheValue: true, expiry: null, enabled: true, used: true },
            ]
          : Array.from({ length: 2 }, () => ({
              prefixOfTheValue: false,
              expiry: 'no such field',
              enabled: 'no such field',
              used: 'no such field',
            })),
      );
    });

    it("a deleted token stops working at once on today's servers; 0.301.3 keeps accepting it (its cache)", async () => {
      const { jwt } = await client.signIn(user.email, user.password);
      const created = await client.createToken(jwt, 'revocation');
      await client.deleteToken(jwt, created.id);
      const afterDelete = await client.whoIsApiToken(created.token);
      expect(afterDelete?.email ?? null).toBe(showsTokensOnce() ? null : user.email);
    });

    it("a second sign-in ends the first session on today's servers; 0.301.3 keeps both", async () => {
      const own = await signUpUser(server.admin.url);
      const first = await client.signIn(own.email, own.password);
      await client.signIn(own.email, own.password);
      // Today's servers: `me` answers 401 for the dead JWT (not a guest), and its refresh token is gone too.
      expect(await codeOf(client.me(first.jwt))).toBe(showsTokensOnce() ? 'unauthorized' : 'resolved');
      expect(await codeOf(client.refresh(first.refreshToken))).toBe(showsTokensOnce() ? 'session_expired' : 'resolved');
    });

    it('passes on the server’s words for a name over 255 characters', async () => {
      const { jwt } = await client.signIn(user.email, user.password);
      await expect(client.createToken(jwt, 'x'.repeat(256))).rejects.toMatchObject({
        code: 'validation',
        message: 'Token name must NOT have more than 255 characters',
      });
    });

    it('answers null for an API token the server does not know', async () => {
      await expect(client.whoIsApiToken('A'.repeat(40))).resolves.toBeNull();
    });

    it('reports a server error for an unknown token id, without the server’s stack', async () => {
      const { jwt } = await client.signIn(user.email, user.password);
      const failure = await client.deleteToken(jwt, '987654').catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'server_error', message: 'The server had a problem (HTTP 500). Try again.' });
    });

    it('renames the user, and passes on nothing of the answer but the name', async () => {
      const own = await signUpUser(server.admin.url);
      const { jwt } = await client.signIn(own.email, own.password);
      // What the server really answers: the whole user row, password hash and salt included.
      const raw = await fetch(`${own.url}/api/v1/user/profile`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'xc-auth': jwt },
        body: JSON.stringify({ display_name: 'Raw Name' }),
      });
      const rawRow = (await raw.json()) as Record<string, unknown>;
      expect(rawRow).toHaveProperty('password');
      expect(rawRow).toHaveProperty('salt');

      const kept = await client.updateProfile(jwt, 'Ada Lovelace');

      expect(kept).toEqual({ displayName: 'Ada Lovelace' });
      const secrets = [rawRow['password'], rawRow['salt'], rawRow['token_version'], rawRow['email_verification_token']].filter(
        (value): value is string => typeof value === 'string' && value !== '',
      );
      expect(secrets.length).toBeGreaterThanOrEqual(2);
      for (const secret of secrets) expect(JSON.stringify(kept)).not.toContain(secret);
      expect((await client.me(jwt)).displayName).toBe('Ada Lovelace');
    });

    it('changes the password: only the new refresh token goes on; old JWT, old refresh token and old password are refused', async () => {
      const own = await signUpUser(server.admin.url);
      const first = await client.signIn(own.email, own.password);
      const token = await client.createToken(first.jwt, 'survives the change');
      const newPassword = `${own.password}-new`;

      const { refreshToken } = await client.changePassword(first.jwt, { currentPassword: own.password, newPassword });

      expect(refreshToken).not.toBe(first.refreshToken);
      expect(await codeOf(client.me(first.jwt))).toBe('unauthorized');
      expect(await codeOf(client.refresh(first.refreshToken))).toBe('session_expired');
      const renewed = await client.refresh(refreshToken);
      expect((await client.me(renewed.jwt)).email).toBe(own.email);
      expect(await codeOf(client.signIn(own.email, own.password))).toBe('invalid_credentials');
      await expect(client.signIn(own.email, newPassword)).resolves.toMatchObject({ jwt: expect.any(String) });
      // API tokens are not sessions: they keep working.
      expect((await client.whoIsApiToken(token.token))?.email).toBe(own.email);
    });

    it('refuses a wrong current password, a short new or current one and a dead session with the server’s words', async () => {
      const own = await signUpUser(server.admin.url);
      const { jwt } = await client.signIn(own.email, own.password);

      await expect(client.changePassword(jwt, { currentPassword: 'not-the-password', newPassword: 'long enough' })).rejects.toMatchObject({
        code: 'validation',
        message: 'Current password is wrong',
      });
      await expect(client.changePassword(jwt, { currentPassword: own.password, newPassword: 'short' })).rejects.toMatchObject({
        code: 'validation',
        message: 'New password must NOT have fewer than 8 characters',
      });
      // A current password under 8 characters is refused by its length before it is compared.
      await expect(client.changePassword(jwt, { currentPassword: 'short', newPassword: 'long enough' })).rejects.toMatchObject({
        code: 'validation',
        message: 'Current password must NOT have fewer than 8 characters',
      });
      await client.signOut({ jwt, refreshToken: '' });
      expect(await codeOf(client.changePassword(jwt, { currentPassword: own.password, newPassword: 'long enough' }))).toBe('unauthorized');
      // None of the refusals changed anything.
      await expect(client.signIn(own.email, own.password)).resolves.toMatchObject({ jwt: expect.any(String) });
    });

    it('keeps the app signed in across a password change: the next token call needs no sign-in, the store holds the new pair', async () => {
      const own = await signUpUser(server.admin.url);
      const secretStore = createMemorySecretStore();
      const handlers = createHandlers(memoryPorts({ secretStore }).ports);
      const accountId = shownId(await handlers['session:sign-in']({ serverUrl: own.url, email: own.email, password: own.password }));
      const stored = async () => {
        const entry = await secretStore.load(accountId);
        return entry.status === 'ok' ? entry.session : null;
      };
      const before = await stored();

      const state = await handlers['profile:change-password']({
        accountId,
        currentPassword: own.password,
        newPassword: `${own.password}-2`,
      });

      expect(state).toMatchObject({ status: 'signed_in', account: { email: own.email } });
      const after = await stored();
      expect(after?.refreshToken).not.toBe(before?.refreshToken);
      expect(after?.jwt).not.toBe(before?.jwt);
      await expect(handlers['tokens:list']({ accountId, page: 1, pageSize: 10 })).resolves.toMatchObject({ page: 1 });
      expect(await refreshStatus(own.url, before!.refreshToken)).toBe(400);
      expect((await client.me(after!.jwt)).email).toBe(own.email);
    });

    it('offers no v3 tokens: no expiry at creation, no switch (a switch attempt is not_supported), whatever the v3 route answers', async () => {
      const session = await client.signIn(user.email, user.password);
      const created = await client.createToken(session.jwt, 'no v3');

      expect(tokenCapabilitiesFrom(await client.v3Tokens(session.jwt))).toEqual({
        expiryAtCreation: false,
        noExpiry: false,
        enableDisable: false,
      });
      expect(await codeOf(client.setTokenEnabled(session.jwt, created.id, false))).toBe('not_supported');
      await client.deleteToken(session.jwt, created.id);
    });

    it('signs out: the JWT and the refresh token stop working', async () => {
      const own = await signUpUser(server.admin.url);
      const session = await client.signIn(own.email, own.password);
      await client.signOut(session);
      expect(await codeOf(client.me(session.jwt))).toBe('unauthorized');
      expect(await codeOf(client.refresh(session.refreshToken))).toBe('session_expired');
    });
  });
}

for (const generation of ['0.301.3', '2026'] as const) {
  contractSuite(`fake server, ${generation}`, async () => {
    // Like the real 0.301.3 (API.md): a deleted token keeps working until the cache forgets it.
    const fake = await startFakeNocodb({ generation, modes: { deletedTokensStillWork: true } });
    return { admin: { url: fake.url, ...fake.admin }, generation, close: fake.close };
  });
}

contractSuite('real NocoDB 0.301.3', async () => ({ admin: realNocodb(), generation: '0.301.3', close: async () => {} }));
