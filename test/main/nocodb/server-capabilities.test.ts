import { describe, expect, it } from 'vitest';
import { carryingCapabilities } from '../../../main/detected-capabilities.ts';
import { createCapabilityRegistry, detectCapabilities } from '../../../main/nocodb/server-capabilities.ts';
import type { ApiTokenRow } from '../../../main/nocodb/types.ts';
import { EMAIL, PASSWORD, SERVER, sessionHarness, tokenServiceOn } from '../accounts/accounts-harness.ts';

const VALUE = 'a'.repeat(40);
/** A list row of NocoDB 0.301.3: the value, no prefix, no expiry or last-use keys at all. */
const OLD_ROW: ApiTokenRow = { id: '1', token: VALUE, name: 'ci', creator: EMAIL, createdAt: null, prefix: null };
/** A list row of today's servers: no value, a prefix, expiry and last use (null: never). */
const TODAY_ROW: ApiTokenRow = { ...OLD_ROW, token: null, prefix: 'aaaaaaaa', expiry: null, lastUsedAt: null, enabled: true };

const NO_V3 = { expiryAtCreation: false, noExpiry: false, enableDisable: false };
const NOTHING = { showsTokenOnce: false, tracksLastUse: false, hasExpiry: false, revokesAtOnce: false, listsOthersTokens: false, ...NO_V3 };
const TODAY = { showsTokenOnce: true, tracksLastUse: true, hasExpiry: true, revokesAtOnce: true, listsOthersTokens: false, ...NO_V3 };

describe('server capabilities', () => {
  it('are decided from the rows the server sends, not from a version', () => {
    expect(detectCapabilities({ isSuperAdmin: false, sample: { kind: 'listed', row: OLD_ROW } })).toEqual(NOTHING);
    expect(detectCapabilities({ isSuperAdmin: false, sample: { kind: 'listed', row: TODAY_ROW } })).toEqual(TODAY);
    // A create's answer always carries the value: a prefix beside it marks today's servers.
    expect(detectCapabilities({ isSuperAdmin: false, sample: { kind: 'created', row: { ...OLD_ROW, prefix: 'aaaaaaaa' } } })).toEqual(
      TODAY,
    );
    expect(detectCapabilities({ isSuperAdmin: false, sample: { kind: 'created', row: OLD_ROW } })).toEqual(NOTHING);
    expect(detectCapabilities({ isSuperAdmin: true, sample: null }).listsOthersTokens).toBe(true);
  });

  it('are settled by the first row of an account that had none, corrected when a row contradicts them, and forgotten', () => {
    const registry = createCapabilityRegistry();
    expect(registry.learn('a', { isSuperAdmin: false, sample: null })).toEqual(NOTHING);
    expect(registry.learn('a', { isSuperAdmin: false, sample: { kind: 'created', row: { ...OLD_ROW, prefix: 'aaaaaaaa' } } })).toEqual(
      TODAY,
    );
    // An empty page later tells nothing new.
    expect(registry.learn('a', { isSuperAdmin: false, sample: null })).toEqual(TODAY);
    // The server was replaced by an older one: its rows say so.
    expect(registry.learn('a', { isSuperAdmin: false, sample: { kind: 'listed', row: OLD_ROW } })).toEqual(NOTHING);
    registry.forget('a');
    expect(registry.of('a')).toBeNull();
  });

  it('April 2026 images: decided from the v3 tokens route (open → all three, 402 → expiry at creation only, 403/404 → none) or an nc_pat_ row', () => {
    const withV3 = (v3Tokens: 'open' | 'licence_required' | 'refused' | 'absent') =>
      detectCapabilities({ isSuperAdmin: false, sample: { kind: 'listed', row: TODAY_ROW }, v3Tokens });
    expect(withV3('open')).toEqual({ ...TODAY, expiryAtCreation: true, noExpiry: true, enableDisable: true });
    expect(withV3('licence_required')).toEqual({ ...TODAY, expiryAtCreation: true });
    expect(withV3('refused')).toEqual(TODAY);
    expect(withV3('absent')).toEqual(TODAY);
    const patRow = { ...TODAY_ROW, prefix: 'nc_pat_AbCdE' };
    expect(detectCapabilities({ isSuperAdmin: false, sample: { kind: 'listed', row: patRow } })).toEqual({
      ...TODAY,
      expiryAtCreation: true,
    });
    // Later answers without the v3 route keep what it told.
    const registry = createCapabilityRegistry();
    registry.learn('a', { isSuperAdmin: false, sample: null, v3Tokens: 'open' });
    expect(registry.learn('a', { isSuperAdmin: false, sample: { kind: 'listed', row: TODAY_ROW } })).toMatchObject({ enableDisable: true });
  });

  it('keep no token value', () => {
    const registry = createCapabilityRegistry();
    registry.learn('a', { isSuperAdmin: false, sample: { kind: 'listed', row: OLD_ROW } });
    expect(JSON.stringify(registry.of('a'))).not.toContain(VALUE);
  });
});

describe('capabilities with the accounts', () => {
  async function signedIn(showsTokensOnce: boolean, superAdmin = false) {
    const h = sessionHarness({ superAdmin });
    h.noco.showsTokensOnce = showsTokensOnce;
    const registry = createCapabilityRegistry();
    const service = carryingCapabilities(h.service, registry);
    const tokens = tokenServiceOn(service, undefined, undefined, registry);
    return { h, registry, service, tokens };
  }

  it('are unknown at sign-in, learned from the first token page, and sent with the account from then on', async () => {
    const { h, service, tokens } = await signedIn(true);
    const token = await h.noco.client(SERVER).createToken(h.noco.issueSession(EMAIL, 3600).jwt, 'seed');
    expect(token.prefix).not.toBeNull();
    const state = await service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    const id = state.accounts[0]!.id;
    expect(state.accounts[0]!.capabilities).toBeUndefined();
    const page = await tokens.list({ accountId: id, page: 1, pageSize: 10 });
    expect(page.capabilities).toMatchObject({ showsTokenOnce: true, revokesAtOnce: true, listsOthersTokens: false });
    expect((await service.getState()).accounts[0]!.capabilities).toEqual(page.capabilities);
  });

  it('say whether the user sees other users’ tokens', async () => {
    const { service, tokens } = await signedIn(false, true);
    const state = await service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    expect((await tokens.list({ accountId: state.accounts[0]!.id, page: 1, pageSize: 10 })).capabilities).toEqual({
      ...NOTHING,
      listsOthersTokens: true,
    });
  });

  it('go with the account’s session', async () => {
    const { service, registry, tokens } = await signedIn(false);
    const state = await service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    const id = state.accounts[0]!.id;
    await tokens.list({ accountId: id, page: 1, pageSize: 10 });
    expect(registry.of(id)).not.toBeNull();
    const after = await service.logOut(id);
    expect(registry.of(id)).toBeNull();
    expect(after.accounts.every((entry) => entry.capabilities === undefined)).toBe(true);
  });
});
