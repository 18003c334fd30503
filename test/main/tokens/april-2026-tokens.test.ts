// The images of April 2026 and later (shared/nocodb/API-current.md): expiry at creation, `nc_pat_`
// tokens, enable/disable through v3 — run through main's real handlers against the fake NocoDB in its
// "april-2026" (v3 open) and "licence-gated" (v3 402) generations, and against a 0.301.3-style and an
// early-2026 server, where none of it exists and nothing changes.
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/create-handlers.ts';
import type { ServerCapabilities } from '../../../preload/contract.ts';
import { startFakeNocodb, type FakeGeneration, type FakeNocodb } from '../../support/fake-nocodb.ts';
import { memoryPorts } from '../../support/memory-ports.ts';
import { shownId } from '../../support/shown-account.ts';

const DAY = 24 * 3600_000;
const TOKEN_VALUE = /^(nc_pat_)?[A-Za-z0-9_-]{40}$/;
type V3 = Pick<ServerCapabilities, 'expiryAtCreation' | 'noExpiry' | 'enableDisable'>;
const NOTHING: V3 = { expiryAtCreation: false, noExpiry: false, enableDisable: false };

let server: FakeNocodb | undefined;
afterEach(() => server?.close());

async function signedIn(generation: FakeGeneration) {
  server = await startFakeNocodb({ generation });
  const { ports, clipboard } = memoryPorts();
  const handlers = createHandlers(ports);
  const { email, password } = server.admin;
  const accountId = shownId(await handlers['session:sign-in']({ serverUrl: server.url, email, password }));
  return { handlers, accountId, clipboard, fake: server };
}

const daysUntil = (expiry: string | null | undefined) => (Date.parse(expiry ?? '') - Date.now()) / DAY;

describe('April 2026 images, v3 open', () => {
  it('detects expiry at creation, no expiry and enable/disable, once per account', async () => {
    const { handlers, accountId, fake } = await signedIn('april-2026');
    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });
    await handlers['tokens:scan']({ accountId, offset: 0 });
    await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });

    expect(page.capabilities).toMatchObject({ expiryAtCreation: true, noExpiry: true, enableDisable: true });
    expect(fake.calls['v3.tokens']).toBe(1);
  });

  it('creates an nc_pat_ token that expires in 30 days on the server; its value is copied, tested and deleted through v1', async () => {
    const { handlers, accountId, clipboard, fake } = await signedIn('april-2026');
    const created = await handlers['tokens:create']({ accountId, name: 'thirty', expiry: { days: 30 } });

    const [held] = fake.tokensOf(fake.admin.email);
    expect(daysUntil(held?.expiry)).toBeCloseTo(30, 2);
    expect(daysUntil(created.expiry)).toBeCloseTo(30, 2);
    expect(created.prefix).toMatch(/^nc_pat_[A-Za-z0-9_-]{5}$/);
    const listed = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });
    expect(listed.tokens[0]).toMatchObject({ id: created.id, prefix: created.prefix, enabled: true });

    await handlers['tokens:copy']({ accountId, id: created.id });
    expect(clipboard.text).toMatch(TOKEN_VALUE);
    expect(clipboard.text.startsWith(created.prefix!)).toBe(true);
    expect(await handlers['tokens:test']({ accountId, id: created.id })).toBe('works');

    expect(await handlers['tokens:delete']({ accountId, id: created.id })).toEqual({ revocation: 'revoked' });
    expect(fake.tokensOf(fake.admin.email)).toEqual([]);
  });

  it('creates to the end of a chosen date, and without an expiry a token that never expires', async () => {
    const { handlers, accountId, fake } = await signedIn('april-2026');
    const date = new Date(Date.now() + 10 * DAY);
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    await handlers['tokens:create']({ accountId, name: 'dated', expiry: { date: day } });
    const never = await handlers['tokens:create']({ accountId, name: 'never' });

    const byName = new Map(fake.tokensOf(fake.admin.email).map((token) => [token.description, token]));
    expect(new Date(byName.get('dated')!.expiry!).getTime()).toBe(
      new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59).getTime(),
    );
    expect(byName.get('never')?.expiry).toBeNull();
    expect(never.prefix).not.toMatch(/^nc_pat_/);
  });

  it('disables and enables a token on the server; Test on the disabled token says the server refuses it because it is disabled', async () => {
    const { handlers, accountId, fake } = await signedIn('april-2026');
    const { id } = await handlers['tokens:create']({ accountId, name: 'switched', expiry: { days: 7 } });

    expect(await handlers['tokens:set-enabled']({ accountId, id, enabled: false })).toEqual({ enabled: false });
    expect(fake.tokensOf(fake.admin.email)[0]?.enabled).toBe(false);
    expect(await handlers['tokens:test']({ accountId, id })).toBe('disabled');
    expect((await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 })).tokens[0]?.enabled).toBe(false);

    expect(await handlers['tokens:set-enabled']({ accountId, id, enabled: true })).toEqual({ enabled: true });
    expect(fake.tokensOf(fake.admin.email)[0]?.enabled).toBe(true);
    expect(await handlers['tokens:test']({ accountId, id })).toBe('works');
  });

  it('says a token that has expired is refused because it expired', async () => {
    const { handlers, accountId, fake } = await signedIn('april-2026');
    const { id } = await handlers['tokens:create']({ accountId, name: 'soon', expiry: { days: 1 } });
    fake.changeToken(id, { expiry: new Date(Date.now() - 1_000).toISOString() });

    expect(await handlers['tokens:test']({ accountId, id })).toBe('expired');
  });
});

describe('April 2026 images behind the licence gate (v3 answers 402)', () => {
  it('still creates a token with an expiry, offers no switch and no "No expiry", and a switch attempt is a typed refusal', async () => {
    const { handlers, accountId, fake } = await signedIn('licence-gated');
    const created = await handlers['tokens:create']({ accountId, name: 'gated', expiry: { days: 90 } });
    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });

    expect(page.capabilities).toMatchObject({ expiryAtCreation: true, noExpiry: false, enableDisable: false });
    expect(daysUntil(fake.tokensOf(fake.admin.email)[0]?.expiry)).toBeCloseTo(90, 2);
    expect(created.prefix).toMatch(/^nc_pat_/);
    await expect(handlers['tokens:set-enabled']({ accountId, id: created.id, enabled: false })).rejects.toMatchObject({
      code: 'not_supported',
      params: { reason: 'enable_disable' },
    });
    expect(fake.tokensOf(fake.admin.email)[0]?.enabled).toBe(true);
  });
});

describe.each(['0.301.3', '2026'] as const)('a %s server (no v3 tokens)', (generation) => {
  it('offers none of it, and a create with an expiry sends none (the old journey is unchanged)', async () => {
    const { handlers, accountId, fake } = await signedIn(generation);
    const created = await handlers['tokens:create']({ accountId, name: 'plain', expiry: { days: 30 } });
    const page = await handlers['tokens:list']({ accountId, page: 1, pageSize: 10 });

    expect(page.capabilities).toMatchObject(NOTHING);
    expect(fake.tokensOf(fake.admin.email)[0]?.expiry).toBeNull();
    expect(created).not.toHaveProperty('expiry', expect.any(String));
    await expect(handlers['tokens:set-enabled']({ accountId, id: created.id, enabled: false })).rejects.toMatchObject({
      code: 'not_supported',
    });
  });
});
