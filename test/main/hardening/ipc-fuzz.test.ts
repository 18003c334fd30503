// Property-based fuzzing of EVERY contract channel through the real IPC router and the real
// handlers, wired to the fake NocoDB server. The renderer is assumed hostile. Payloads are derived
// from one valid argument per channel (VALID_ARGS): valid but for one field, a field dropped, a
// prototype key added, strings far too long, unicode edge cases, and shapes that are wrong outright.
// Each must get a typed error or a valid answer; no secret may show up in any answer or log line.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/create-handlers.ts';
import { checkArgument } from '../../../main/ipc-arguments.ts';
import { createIpcRouter, type IpcRouter } from '../../../main/ipc-router.ts';
import { APP_ENTRY_URL, createSenderCheck } from '../../../main/security.ts';
import {
  CHANNELS,
  ERROR_CODES,
  LANGUAGES,
  MENU_ITEMS,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  USAGE_EXAMPLES,
  type ArgOf,
  type Channel,
  type MenuLabels,
  type Result,
  type SessionState,
} from '../../../preload/contract.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import { memoryPorts } from '../../support/memory-ports.ts';

/** The goal for one `npm test` run, spread evenly over however many channels the contract has. */
const MIN_PAYLOADS = 10_000;
const RUNS_PER_CHANNEL = Math.ceil(MIN_PAYLOADS / CHANNELS.length);
const CHANNEL_TIMEOUT_MS = 60_000;
const SIGNED_IN = '<account>';
const sender = { webContentsId: 1, isMainFrame: true, url: APP_ENTRY_URL };

const UNICODE_EDGES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uFEFF', // byte order mark
  '\u202E', // right-to-left override
  '\u200D\u200B', // zero-width joiner and space
  '\u2028\u2029', // JavaScript line and paragraph separators
  'e\u0301'.repeat(40), // combining marks
  '👩‍👩‍👧‍👦',
  '\u{10FFFF}\uFFFF',
  'İı',
  'Ａｄａ',
];
const unicodeText = fc.oneof(fc.constantFrom(...UNICODE_EDGES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }));
/** Valid text of `min..max` characters, often with unicode edge cases. */
const text = (min: number, max: number) =>
  fc
    .oneof(fc.string({ minLength: min, maxLength: Math.min(max, 60) }), unicodeText, fc.constant('n'.repeat(max)))
    .filter((value) => value.length >= min && value.length <= max && value.trim().length > 0);

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', '');
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom('', ' ', '\u0000', '\n\r\t', '<script>alert(1)</script>', '../../etc/passwd', '.', '..', '%2e%2e', 'a/b'),
  fc.constantFrom('x'.repeat(256), 'x'.repeat(2_049), 'x'.repeat(100_000), '🙂'.repeat(5_000)),
);
/** Strings at the edge of what a field allows: dot segments and slashes (URL paths), empty, blank, huge. */
const edgeString = fc.constantFrom('.', '..', '%2e%2e', 'a/b', '', ' ', 'x'.repeat(100_000));
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, -1, 2 ** 53, Number.MAX_VALUE, 0.5, 101, 3601),
  fc.integer({ min: -2_000_000_000, max: 0 }),
);
const hostileValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, [], {}, () => 1, Symbol('s'), 10n),
);
const deeplyNested = fc.integer({ min: 50, max: 2_000 }).map((depth) => {
  let value: unknown = { id: 1 };
  for (let i = 0; i < depth; i += 1) value = { id: value };
  return value;
});

// Valid values of the argument fields.
const tokenId = fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(String), fc.stringMatching(/^[A-Za-z0-9_~-]{1,128}$/));
/** `<account>` stands for the signed-in account's id (known once signed in); the others name no account. */
const accountId = fc.oneof(
  fc.constant(SIGNED_IN),
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.constantFrom('__proto__', 'constructor', 'http://127.0.0.1:1 nobody@example.com'),
);
const password = (min: number) => fc.oneof(fc.string({ minLength: min, maxLength: 64 }), fc.constant('p'.repeat(1_024)));

/**
 * One valid argument per channel; every payload of the fuzz is derived from these. A contract change
 * to a channel's argument is a change of its line here (typed against the contract, so it cannot be
 * forgotten); a new channel without a line fails the typecheck and the coverage test below.
 */
const VALID_ARGS: { [C in Channel]: fc.Arbitrary<ArgOf<C>> } = {
  'session:get': fc.constant(undefined),
  'app:boot': fc.record({ showsTokens: fc.boolean() }),
  'session:sign-in': fc.record(
    {
      // The fake server, another (unreachable) server, or an address the sign-in refuses.
      serverUrl: fc.oneof(fc.constant('<fake>'), fc.webUrl(), text(1, 2_048)),
      email: fc.oneof(fc.emailAddress(), text(1, 320)),
      password: password(1),
      confirmInsecure: fc.boolean(),
    },
    { requiredKeys: ['serverUrl', 'email', 'password'] },
  ),
  'accounts:switch': fc.record({ accountId }),
  'accounts:remove': fc.record({ accountId }),
  'accounts:retry': fc.record({ accountId }),
  'accounts:recover': fc.constant(undefined),
  'tokens:scan': fc.record({ accountId, offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 })) }),
  'tokens:list': fc.record({ accountId, page: fc.integer({ min: 1, max: 1_000_000 }), pageSize: fc.integer({ min: 1, max: 100 }) }),
  'tokens:create': fc.record(
    {
      accountId,
      name: text(1, MAX_TOKEN_NAME_LENGTH),
      expiry: fc.oneof(
        fc.record({ days: fc.integer({ min: 1, max: 3_650 }) }),
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
          .map((date) => ({ date: date.toISOString().slice(0, 10) })),
      ),
    },
    { requiredKeys: ['accountId', 'name'] },
  ),
  'tokens:reveal': fc.record({ accountId, id: tokenId }),
  'tokens:copy': fc.record({ accountId, id: tokenId }),
  'tokens:delete': fc.record({ accountId, id: tokenId }),
  'tokens:copy-example': fc.record({ accountId, id: tokenId, example: fc.constantFrom(...USAGE_EXAMPLES) }),
  'tokens:test': fc.record({ accountId, id: tokenId }),
  'tokens:set-enabled': fc.record({ accountId, id: tokenId, enabled: fc.boolean() }),
  'profile:update': fc.record({ accountId, displayName: text(1, MAX_DISPLAY_NAME_LENGTH) }),
  'profile:change-password': fc.record({ accountId, currentPassword: password(1), newPassword: password(MIN_PASSWORD_LENGTH) }),
  // Main writes the renderer's CSV where the user picks (the memory port's dialog); any text up to the bound.
  'tokens:export-csv': fc.record({ text: fc.oneof(fc.string({ maxLength: 2_000 }), unicodeText) }),
  // The renderer words the reminder: one title per count of tokens it sends, and the body.
  'reminders:check': fc
    .tuple(
      fc.array(fc.record({ accountId, id: tokenId, expiresAt: fc.integer({ min: 0, max: 4_102_444_800_000 }) }), { maxLength: 6 }),
      text(1, 200),
      text(1, 500),
    )
    .map(([tokens, title, body]) => ({ tokens, words: { titles: tokens.map((_, index) => `${index + 1} ${title}`.slice(0, 200)), body } })),
  'reminders:opened': fc.constant(undefined),
  'settings:get': fc.constant(undefined),
  'settings:update': fc.record(
    {
      clipboardClearSeconds: fc.integer({ min: 0, max: 3_600 }),
      keepTokenCopies: fc.boolean(),
      expiryReminders: fc.boolean(),
      language: fc.constantFrom(null, ...LANGUAGES),
    },
    { requiredKeys: [] },
  ),
  'app:system-languages': fc.constant(undefined),
  'app:set-menu-labels': fc
    .array(fc.stringMatching(/^\p{L}[\p{L} &.]{0,39}$/u), { minLength: MENU_ITEMS.length, maxLength: MENU_ITEMS.length })
    .map((labels) => Object.fromEntries(MENU_ITEMS.map((item, index) => [item, labels[index]])) as MenuLabels),
};

/** A copy of `base` with `key` set as an own, enumerable property (even `__proto__`), as IPC would deliver it. */
function withKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Payloads almost like a valid argument: one field wrong, missing or added. */
function nearMisses(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.tuple(valid, fc.nat(), fc.oneof(hostileValue, edgeString)).map(([arg, pick, value]) => {
      if (typeof arg !== 'object' || arg === null) return value;
      const keys = Object.keys(arg);
      return keys.length === 0 ? withKey(arg, 'id', value) : withKey(arg, keys[pick % keys.length]!, value);
    }),
    fc.tuple(valid, fc.nat()).map(([arg, pick]) => {
      if (typeof arg !== 'object' || arg === null) return {};
      const copy: Record<string, unknown> = { ...arg };
      const keys = Object.keys(copy);
      if (keys.length > 0) delete copy[keys[pick % keys.length]!];
      return copy;
    }),
    fc
      .tuple(valid, hostileKey, hostileValue)
      .map(([arg, key, value]) => withKey(typeof arg === 'object' && arg !== null ? arg : {}, key, value)),
    valid.map((arg) => (typeof arg === 'object' && arg !== null ? Object.assign(Object.create(null) as object, arg) : arg)),
    valid.map((arg) => [arg]),
  );
}

const payloadsFor = (channel: Channel) =>
  fc.oneof(
    { weight: 6, arbitrary: nearMisses(VALID_ARGS[channel]) },
    { weight: 1, arbitrary: VALID_ARGS[channel] as fc.Arbitrary<unknown> },
    { weight: 2, arbitrary: fc.oneof(hostileValue, deeplyNested, fc.array(hostileValue, { maxLength: 4 })) },
  );

const ERROR_MESSAGE_MAX = 600;

function expectTypedAnswer(answer: Result<unknown>) {
  expect(typeof answer.ok).toBe('boolean');
  if (!answer.ok) {
    expect(ERROR_CODES).toContain(answer.error.code);
    expect(typeof answer.error.message).toBe('string');
    expect(answer.error.message.length).toBeLessThan(ERROR_MESSAGE_MAX);
    expect(answer.error.message).not.toMatch(/\n\s+at |Error:/);
  }
}

describe('IPC fuzzing through the real router and handlers', () => {
  let server: FakeNocodb;
  let router: IpcRouter;
  let logs: string[];
  let signIn: () => Promise<void>;
  let rememberStoredSession: () => Promise<void>;
  /** The signed-in account's id, which `<account>` in a payload stands for. */
  let signedInId = '';
  const payloads = Object.fromEntries(CHANNELS.map((channel) => [channel, { accepted: 0, refused: 0 }])) as Record<
    Channel,
    { accepted: number; refused: number }
  >;
  /** Request paths the URL parser changed (e.g. `/api/v1/tokens/..` → `/api/v1/`): there must be none. */
  const rewrittenPaths: string[] = [];
  /** Every secret seen so far: the fake's admin password, each stored session (rotations too), each revealed token. */
  const secrets = new Set<string>();
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const totalPayloads = () => Object.values(payloads).reduce((sum, { accepted, refused }) => sum + accepted + refused, 0);
  const totalServerCalls = () => Object.values(server.calls).reduce((sum, n) => sum + n, 0);
  const leakIn = (texts: string[], more: string[] = []) =>
    [...secrets, ...more].find((secret) => texts.some((textSeen) => textSeen.includes(secret))) ?? null;

  beforeAll(async () => {
    server = await startFakeNocodb();
    secrets.add(server.admin.password);
    // Only the fake server answers; any other address fails at once, as an unreachable server would.
    // A path that URL parsing rewrites (a dot segment from an id) would reach another endpoint: recorded.
    const fetchOnlyFake: typeof fetch = (input, init) => {
      const url = String(input);
      if (!url.startsWith(`${server.url}/`)) return Promise.reject(new TypeError('fetch failed'));
      const path = url.slice(server.url.length).split('?', 1)[0]!;
      if (new URL(url).pathname !== path) rewrittenPaths.push(path);
      return fetch(input, init);
    };
    const memory = memoryPorts({ fetch: fetchOnlyFake, requestTimeoutMs: 2_000 });
    logs = memory.logs;
    router = createIpcRouter({
      handlers: createHandlers(memory.ports),
      isTrustedSender: createSenderCheck(() => 1),
      log: (line) => logs.push(line),
    });
    rememberStoredSession = async () => {
      for (const { session } of await memory.ports.secretStore.entries())
        [session.jwt, session.refreshToken].forEach((secret) => secrets.add(secret));
    };
    signIn = async () => {
      const answer = await router.dispatch('session:sign-in', sender, { serverUrl: server.url, ...server.admin });
      expect(answer.ok).toBe(true);
      if (answer.ok) signedInId = (answer.value as SessionState).accounts.find((account) => account.active)?.id ?? '';
      await rememberStoredSession();
    };
    await signIn();
    expect((await router.dispatch('tokens:create', sender, { accountId: signedInId, name: 'keep me' })).ok).toBe(true);
  });
  afterAll(async () => {
    const perChannel = Object.values(payloads).map(({ accepted, refused }) => accepted + refused);
    console.log(`IPC fuzz: ${totalPayloads()} payloads across ${CHANNELS.length} channels (at least ${Math.min(...perChannel)} each)`);
    await server?.close();
  });

  it('has a valid argument (and so fuzz cover) for every channel of the contract, and no other', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)(
    '%s: every payload gets a typed error or a valid answer, shows no secret; refused ones reach no server',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel), async (generated) => {
          const arg = !isRecord(generated)
            ? generated
            : channel === 'session:sign-in' && generated['serverUrl'] === '<fake>'
              ? { ...generated, serverUrl: server.url }
              : generated['accountId'] === SIGNED_IN
                ? { ...generated, accountId: signedInId }
                : generated;
          const accepted = checkArgument(channel, arg).ok;
          const callsBefore = totalServerCalls();
          const logsBefore = logs.length;
          const answer = await router.dispatch(channel, sender, arg);

          expectTypedAnswer(answer);
          expect(rewrittenPaths).toEqual([]);
          if (!accepted) {
            expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
            expect(totalServerCalls()).toBe(callsBefore);
          }
          // A well-formed id that names no listed account is refused as such: never run on another account.
          if (accepted && isRecord(arg) && typeof arg['accountId'] === 'string' && arg['accountId'] !== signedInId) {
            expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_account' } });
          }
          payloads[channel][accepted ? 'accepted' : 'refused'] += 1;
          // Only a requested Show may answer a secret (its token's value); the payload's own passwords count too.
          const revealed = channel === 'tokens:reveal' && answer.ok;
          expect(leakIn([...(revealed ? [] : [JSON.stringify(answer)]), ...logs.slice(logsBefore)], passwordsIn(arg))).toBeNull();
          if (revealed) secrets.add(answer.value as string);
          // A valid sign-out (or a sign-in elsewhere) may leave the app signed out: sign in again.
          if (accepted) {
            await rememberStoredSession();
            const state = await router.dispatch('session:get', sender, undefined);
            if (!state.ok || (state.value as { status: string }).status !== 'signed_in') await signIn();
          }
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
      expect(payloads[channel].refused).toBeGreaterThan(0);
      expect(payloads[channel].accepted).toBeGreaterThan(0);
    },
    // Not a timing target (that is `npm run bench`): room for a loaded machine, where a valid sign-out and
    // the sign-in after it take a few hundred requests per channel.
    CHANNEL_TIMEOUT_MS,
  );

  it(`adds up to at least ${MIN_PAYLOADS} payloads, with no secret in any log and no prototype polluted`, () => {
    expect(totalPayloads()).toBeGreaterThanOrEqual(MIN_PAYLOADS);
    expect(Object.values(payloads).every(({ accepted, refused }) => accepted + refused >= RUNS_PER_CHANNEL)).toBe(true);
    // Sessions rotated and tokens were shown, so the checks above had real secrets to look for.
    expect(secrets.size).toBeGreaterThan(10);
    expect(leakIn(logs)).toBeNull();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

/** The passwords a payload carries (long enough that finding one in an answer is no coincidence). */
function passwordsIn(arg: unknown): string[] {
  if (!isRecord(arg)) return [];
  return ['password', 'currentPassword', 'newPassword'].flatMap((key) => {
    const value = arg[key];
    return typeof value === 'string' && value.length >= 12 ? [value] : [];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
