// The NocoDB servers behind the renderer tests: one in-process fake per address, reached through
// one fetch (main's HTTP port) that can also take a server off the network.
import { connectionFailed } from '../support/fake-nocodb-fetch.ts';
import { startFakeNocodb, type FakeGeneration, type FakeNocodb, type ForeignToken } from '../support/fake-nocodb.ts';

/** A token put on a server before the app looks (as the web UI would): its name, and who made it. */
export interface SeedToken extends Omit<ForeignToken, 'description'> {
  name: string | null;
  /** Default: the account's own email. */
  creator?: string;
}

/** A token named `name`, with today's fields when a test gives them. */
export const seedToken = (name: string | null, details: Omit<SeedToken, 'name'> = {}): SeedToken => ({ name, ...details });

/** `count` tokens named 'token 1', 'token 2', … (ids 1, 2, … on a 0.301.3 server). */
export const seedTokens = (count: number): SeedToken[] => Array.from({ length: count }, (_, i) => seedToken(`token ${i + 1}`));

export function createTestServers() {
  const servers = new Map<string, FakeNocodb>();
  const offline = new Set<string>();
  const fetch: typeof globalThis.fetch = (input, init) => {
    const { origin } = new URL(String(input));
    const server = servers.get(origin);
    if (server === undefined || offline.has(origin)) return Promise.reject(connectionFailed('ECONNREFUSED'));
    return server.fetch(input, init);
  };
  return {
    fetch,
    /** The server at `serverUrl`, started on first use with this account as its super admin. */
    async serverFor(serverUrl: string, admin: { email: string; password: string }, generation?: FakeGeneration) {
      const origin = new URL(serverUrl).origin;
      let server = servers.get(origin);
      if (server === undefined) {
        server = await startFakeNocodb({ url: origin, admin, generation });
        servers.set(origin, server);
      } else if (!server.users.some((user) => user.email === admin.email)) server.addUser(admin);
      return server;
    },
    /** Puts tokens on the server for `owner` (their creators are added as users if the server lacks them); answers their ids and values. */
    seed(server: FakeNocodb, owner: string, tokens: readonly SeedToken[]): Array<{ name: string | null; id: string; token: string }> {
      return tokens.map(({ name, creator = owner, ...details }) => {
        if (!server.users.some((user) => user.email === creator)) server.addUser({ email: creator, password: 'Password123!' });
        return { name, ...server.addToken(creator, { ...details, description: name }) };
      });
    },
    /** The server at this address; throws for one no account uses. */
    at(serverUrl: string): FakeNocodb {
      const server = servers.get(new URL(serverUrl).origin);
      if (server === undefined) throw new Error(`No test server at ${serverUrl}.`);
      return server;
    },
    /** Makes the server at `serverUrl` answer at `alias` too (one machine, two names). */
    alias(alias: string, serverUrl: string) {
      servers.set(new URL(alias).origin, this.at(serverUrl));
    },
    /** Takes the server off the network (every request is refused) or puts it back. */
    setOffline(serverUrl: string, isOffline = true) {
      const { origin } = new URL(serverUrl);
      if (isOffline) offline.add(origin);
      else offline.delete(origin);
    },
  };
}
