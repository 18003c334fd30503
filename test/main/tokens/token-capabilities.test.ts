// Capabilities are detected once per account and asked again only when an answer contradicts them.
import { describe, expect, it } from 'vitest';
import type { PinnedSession } from '../../../main/accounts/accounts-service.ts';
import type { NocoClient } from '../../../main/nocodb/types.ts';
import { tokenCapabilitiesFrom, type V3TokensAnswer } from '../../../main/nocodb/v3-token-capabilities.ts';
import { createTokenCapabilityCache } from '../../../main/tokens/token-capabilities.ts';

/** A pinned session whose server answers the v3 probe with the next of `answers` (the last one repeats). */
function pinnedTo(answers: Array<V3TokensAnswer | Error>, accountId = 'account-1') {
  const asked: number[] = [];
  let live = true;
  const pinned = {
    account: { id: accountId, serverUrl: 'http://127.0.0.1:1', email: 'ada@example.com' },
    isSuperAdmin: false,
    isLive: () => live,
    withSession: async <T>(call: (client: NocoClient, jwt: string) => Promise<T>) => {
      const answer = answers[Math.min(asked.length, answers.length - 1)]!;
      asked.push(1);
      const client = { v3Tokens: async () => (answer instanceof Error ? Promise.reject(answer) : answer) } as unknown as NocoClient;
      return call(client, 'jwt');
    },
  } as unknown as PinnedSession;
  return { pinned, asked, end: () => (live = false) };
}

describe('token capabilities', () => {
  it('maps each answer of the v3 route: open → all, 402 → expiry at creation only, 403/404 → nothing', () => {
    expect(tokenCapabilitiesFrom('open')).toEqual({ expiryAtCreation: true, noExpiry: true, enableDisable: true });
    expect(tokenCapabilitiesFrom('licence_required')).toEqual({ expiryAtCreation: true, noExpiry: false, enableDisable: false });
    for (const answer of ['refused', 'absent'] as const)
      expect(tokenCapabilitiesFrom(answer)).toEqual({ expiryAtCreation: false, noExpiry: false, enableDisable: false });
  });

  it('asks once per account, also for callers at the same time', async () => {
    const { pinned, asked } = pinnedTo(['open']);
    const cache = createTokenCapabilityCache();
    await Promise.all([cache.of(pinned), cache.of(pinned)]);
    await cache.of(pinned);
    expect(asked).toHaveLength(1);
  });

  it('asks again when a list row shows an nc_pat_ token the capabilities say the server cannot make', async () => {
    const { pinned, asked } = pinnedTo(['absent', 'licence_required']);
    const cache = createTokenCapabilityCache();
    expect((await cache.of(pinned)).expiryAtCreation).toBe(false);
    expect(await cache.learn(pinned, { kind: 'row', prefix: 'abcd1234' })).toMatchObject({ expiryAtCreation: false });
    expect(asked).toHaveLength(1);

    expect(await cache.learn(pinned, { kind: 'row', prefix: 'nc_pat_AbCdE' })).toMatchObject({ expiryAtCreation: true });
    expect(asked).toHaveLength(2);
    expect(await cache.of(pinned)).toMatchObject({ expiryAtCreation: true });
  });

  it('asks again when a create with an expiry comes back without one, or v3 refuses a switch', async () => {
    const { pinned, asked } = pinnedTo(['open', 'absent']);
    const cache = createTokenCapabilityCache();
    await cache.of(pinned);
    expect(await cache.learn(pinned, { kind: 'created', expiryAsked: true, expiryKept: false })).toMatchObject({ expiryAtCreation: false });
    expect(asked).toHaveLength(2);

    const second = pinnedTo(['open', 'licence_required'], 'account-2');
    await cache.of(second.pinned);
    expect(await cache.learn(second.pinned, { kind: 'switch_refused' })).toMatchObject({ enableDisable: false, expiryAtCreation: true });
  });

  it('keeps nothing from a server that could not be reached, nor for a session that ended, and forgets on request', async () => {
    const { pinned, asked } = pinnedTo([new Error('offline'), 'open']);
    const cache = createTokenCapabilityCache();
    expect(await cache.of(pinned)).toEqual({ expiryAtCreation: false, noExpiry: false, enableDisable: false });
    expect(await cache.of(pinned)).toMatchObject({ enableDisable: true });
    expect(asked).toHaveLength(2);

    cache.forget('account-1');
    await cache.of(pinned);
    expect(asked).toHaveLength(3);
  });
});
