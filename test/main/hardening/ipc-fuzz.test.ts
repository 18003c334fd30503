// Property-based fuzzing of EVERY contract channel through the real IPC router and the real
// handlers, wired to the fake NocoDB server. The renderer is assumed hostile.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/create-handlers.ts';
import { checkArgument } from '../../../main/ipc-arguments.ts';
import { createIpcRouter, type IpcRouter } from '../../../main/ipc-router.ts';
import { APP_ENTRY_URL, createSenderCheck } from '../../../main/security.ts';
import { CHANNELS, ERROR_CODES, type Channel, type Result } from '../../../preload/contract.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import { memoryPorts } from '../../support/memory-ports.ts';

const RUNS_PER_CHANNEL = 400;
const sender = { webContentsId: 1, isMainFrame: true, url: APP_ENTRY_URL };

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'then', '');
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '\n\r\t', '\u202e', '<script>alert(1)</script>', '../../etc/passwd', 'x'.repeat(100_000)),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, -1, 2 ** 53, Number.MAX_VALUE, 1e308, 0.5),
  fc.integer({ min: -2_000_000_000, max: 0 }),
);
const hostileValue = fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }), hostileString, hostileNumber);
/** Objects shaped like a real argument (the right keys) with wrong values, extra or polluting keys. */
const nearMiss = fc
  .record(
    {
      accountId: hostileValue,
      name: hostileValue,
      id: hostileValue,
      page: hostileValue,
      pageSize: hostileValue,
      serverUrl: hostileValue,
      email: hostileValue,
      password: hostileValue,
      clipboardClearSeconds: hostileValue,
      example: hostileValue,
      displayName: hostileValue,
      currentPassword: hostileValue,
      newPassword: hostileValue,
      keepTokenCopies: hostileValue,
    },
    { requiredKeys: [] },
  )
  .chain((base) =>
    fc.option(fc.tuple(hostileKey, hostileValue), { nil: undefined }).map((extra) => {
      if (!extra) return base;
      const copy = JSON.parse(JSON.stringify(base) ?? '{}') as Record<string, unknown>;
      Object.defineProperty(copy, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return copy;
    }),
  );
const deeplyNested = fc.integer({ min: 50, max: 5000 }).map((depth) => {
  let value: unknown = { id: 1 };
  for (let i = 0; i < depth; i += 1) value = { id: value };
  return value;
});
const payload = fc.oneof(hostileValue, nearMiss, deeplyNested, fc.array(hostileValue, { maxLength: 5 }));

function expectTypedAnswer(answer: Result<unknown>) {
  expect(typeof answer.ok).toBe('boolean');
  if (!answer.ok) {
    expect(ERROR_CODES).toContain(answer.error.code);
    expect(typeof answer.error.message).toBe('string');
    expect(answer.error.message.length).toBeLessThan(300);
    expect(answer.error.message).not.toMatch(/\n\s+at |Error:/);
  }
}

describe('IPC fuzzing through the real router and handlers', () => {
  let server: FakeNocodb;
  let router: IpcRouter;
  let cases = 0;
  /** The signed-in account's id, which the accepted calls name. */
  let accountId = '';
  const totalServerCalls = () => Object.values(server.calls).reduce((sum, n) => sum + n, 0);

  beforeAll(async () => {
    server = await startFakeNocodb();
    const { ports } = memoryPorts();
    router = createIpcRouter({ handlers: createHandlers(ports), isTrustedSender: createSenderCheck(() => 1) });
    const signIn = await router.dispatch('session:sign-in', sender, { serverUrl: server.url, ...server.admin });
    expect(signIn.ok).toBe(true);
    accountId = signIn.ok ? ((signIn.value as { accounts: Array<{ id: string }> }).accounts[0]?.id ?? '') : '';
    expect((await router.dispatch('tokens:create', sender, { accountId, name: 'keep me' })).ok).toBe(true);
  });
  afterAll(async () => {
    console.log(`IPC fuzz: ${cases} payloads across ${CHANNELS.length} channels`);
    await server.close();
  });

  it.each(CHANNELS)('%s: every rejected payload is a typed error, reaches no server, changes no state', async (channel: Channel) => {
    const before = {
      session: await router.dispatch('session:get', sender, undefined),
      tokens: await router.dispatch('tokens:list', sender, { accountId, page: 1, pageSize: 100 }),
      settings: await router.dispatch('settings:get', sender, undefined),
    };
    const callsBefore = totalServerCalls();
    await fc.assert(
      fc.asyncProperty(payload, async (arg) => {
        fc.pre(!checkArgument(channel, arg).ok);
        cases += 1;
        const answer = await router.dispatch(channel, sender, arg);
        expectTypedAnswer(answer);
        expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(totalServerCalls()).toBe(callsBefore);
    expect({
      session: await router.dispatch('session:get', sender, undefined),
      tokens: await router.dispatch('tokens:list', sender, { accountId, page: 1, pageSize: 100 }),
      settings: await router.dispatch('settings:get', sender, undefined),
    }).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('id');
  });

  it('accepted edge values (huge ids, unicode names, page bounds, unknown account ids) get a result or a typed error, never a throw', async () => {
    const stateBefore = await router.dispatch('session:get', sender, undefined);
    const unknownId = fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
        fc.uuid(),
        fc.constantFrom(`${server.url} nobody@example.com`, `${server.url} `, ' x', '__proto__', 'constructor'),
      )
      .filter((id) => id !== accountId && checkArgument('accounts:switch', { accountId: id }).ok);
    const accountCall = fc.record({
      channel: fc.constantFrom<Channel>('accounts:switch', 'accounts:remove', 'accounts:retry', 'session:sign-out'),
      arg: fc.record({ accountId: unknownId }),
    });
    await fc.assert(
      fc.asyncProperty(accountCall, async ({ channel, arg }) => {
        cases += 1;
        const answer = await router.dispatch(channel, sender, arg);
        expectTypedAnswer(answer);
        // No listed account has such an id: nothing may change, whatever the channel.
        expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_account' } });
      }),
      { numRuns: 150 },
    );
    expect(await router.dispatch('session:get', sender, undefined)).toEqual(stateBefore);

    const namedAccount = fc.oneof(fc.constant(accountId), unknownId);
    const accepted = fc.oneof(
      fc.record({
        channel: fc.constantFrom<Channel>('tokens:reveal', 'tokens:copy', 'tokens:delete'),
        arg: fc.record({
          accountId: namedAccount,
          id: fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(String), fc.stringMatching(/^[A-Za-z0-9_.:~-]{1,128}$/)),
        }),
      }),
      fc.record({
        channel: fc.constant<Channel>('tokens:list'),
        arg: fc.record({
          accountId: namedAccount,
          page: fc.integer({ min: 1, max: 1_000_000 }),
          pageSize: fc.integer({ min: 1, max: 100 }),
        }),
      }),
      fc.record({
        channel: fc.constant<Channel>('tokens:create'),
        arg: fc.record({
          accountId: namedAccount,
          name: fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
            .filter((name) => checkArgument('tokens:create', { accountId, name }).ok),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(accepted, async ({ channel, arg }) => {
        cases += 1;
        expectTypedAnswer(await router.dispatch(channel, sender, arg));
      }),
      { numRuns: 150 },
    );
    expect((await router.dispatch('session:get', sender, undefined)) as Result<{ status: string }>).toMatchObject({
      ok: true,
      value: { status: 'signed_in' },
    });
  });
});
