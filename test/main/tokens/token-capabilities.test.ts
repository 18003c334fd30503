// The token service's answers keep an account's v3 token capabilities true: an answer that
// contradicts them asks the server's v3 tokens route again; anything else asks nothing.
import { describe, expect, it } from 'vitest';
import type { PinnedSession } from '../../../main/accounts/accounts-service.ts';
import { createCapabilityRegistry } from '../../../main/nocodb/server-capabilities.ts';
import type { ApiTokenRow, NocoClient } from '../../../main/nocodb/types.ts';
import type { V3TokensAnswer } from '../../../main/nocodb/v3-token-capabilities.ts';
import { createCapabilityLearning } from '../../../main/tokens/token-capabilities.ts';

const ROW: ApiTokenRow = {
  id: '1',
  token: null,
  name: 'ci',
  creator: 'ada@example.com',
  createdAt: null,
  prefix: 'aaaaaaaa',
  expiry: null,
};

/** A pinned session whose server answers the v3 route with the next of `answers` (the last one repeats). */
function setUp(first: V3TokensAnswer, answers: Array<V3TokensAnswer | Error>) {
  const asked: number[] = [];
  const pinned = {
    account: { id: 'account-1', serverUrl: 'http://127.0.0.1:1', email: 'ada@example.com' },
    isSuperAdmin: false,
    isLive: () => true,
    withSession: async <T>(call: (client: NocoClient, jwt: string) => Promise<T>) => {
      const answer = answers[Math.min(asked.length, answers.length - 1)]!;
      asked.push(1);
      const client = { v3Tokens: async () => (answer instanceof Error ? Promise.reject(answer) : answer) } as unknown as NocoClient;
      return call(client, 'jwt');
    },
  } as unknown as PinnedSession;
  const registry = createCapabilityRegistry();
  // What the sign-in detected.
  registry.learn('account-1', { isSuperAdmin: false, sample: null, v3Tokens: first });
  return { pinned, asked, learning: createCapabilityLearning(registry) };
}

describe('token capabilities kept true by the answers', () => {
  it('an nc_pat_ row on a server detected without v3 tokens asks the route again; ordinary rows ask nothing', async () => {
    const { pinned, asked, learning } = setUp('absent', ['open']);
    expect(await learning.fromPage(pinned, [ROW])).toMatchObject({ expiryAtCreation: false, enableDisable: false });
    expect(asked).toHaveLength(0);

    const upgraded = await learning.fromPage(pinned, [ROW, { ...ROW, id: '2', prefix: 'nc_pat_AbCdE' }]);
    expect(asked).toHaveLength(1);
    expect(upgraded).toMatchObject({ expiryAtCreation: true, noExpiry: true, enableDisable: true });
  });

  it('a create whose answer dropped the expiry asked, and a refused switch, ask again', async () => {
    const { pinned, asked, learning } = setUp('open', ['absent']);
    expect(await learning.fromCreate(pinned, { ...ROW, token: 'a'.repeat(40), expiry: '2027-01-01T00:00:00Z' }, true)).toMatchObject({
      enableDisable: true,
    });
    expect(asked).toHaveLength(0);
    expect(await learning.fromCreate(pinned, { ...ROW, token: 'a'.repeat(40), expiry: null }, true)).toMatchObject({
      expiryAtCreation: false,
      enableDisable: false,
    });
    expect(asked).toHaveLength(1);

    const gated = setUp('open', ['licence_required']);
    expect(await gated.learning.fromSwitchRefused(gated.pinned)).toMatchObject({ expiryAtCreation: true, enableDisable: false });
  });

  it('a server that cannot be reached for the new question keeps what it had', async () => {
    const { pinned, learning } = setUp('open', [new Error('offline')]);
    expect(await learning.fromSwitchRefused(pinned)).toMatchObject({ enableDisable: true });
  });
});
