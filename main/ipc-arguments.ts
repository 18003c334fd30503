// Checks every argument that arrives over IPC. The renderer is treated as untrusted: each channel's
// argument starts as `unknown` and reaches its handler only in the exact shape the contract names.
import * as v from 'valibot';
import {
  LANGUAGES,
  MAX_CLIPBOARD_CLEAR_SECONDS,
  MAX_ACCOUNTS,
  MENU_ITEMS,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_EXPIRY_DAYS,
  MAX_EXPORT_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  USAGE_EXAMPLES,
  type ArgOf,
  type Channel,
} from '../preload/contract.ts';
import { ACCOUNT_ID } from './accounts/account-id.ts';
import { TOKEN_ID } from './nocodb/token-id.ts';

// Printable text only: control characters have no place in a name, an email or a URL.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const printable = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters'),
  );

/** A name a user typed: printable, bounded, and more than blanks. */
const nameText = (max: number) =>
  v.pipe(
    printable(max),
    v.check((name) => name.trim().length > 0, 'must not be empty'),
  );

// An account id is opaque (a random UUID made by main); anything else names no account.
const accountScoped = { accountId: v.pipe(v.string(), v.regex(ACCOUNT_ID)) };
const account = v.strictObject(accountScoped);

const tokenId = v.strictObject({
  ...accountScoped,
  id: v.pipe(v.string(), v.regex(TOKEN_ID)),
});

const noArgument = v.undefined();

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
const calendarDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((text) => {
    const [year, month, day] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'must be a calendar date'),
);

const expiryChoice = v.union([
  v.strictObject({ days: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(MAX_EXPIRY_DAYS)) }),
  v.strictObject({ date: calendarDate }),
]);

// Passwords may hold any character; only the size is bounded.
const password = (min: number) => v.pipe(v.string(), v.minLength(min), v.maxLength(1024));

const schemas = {
  'session:get': noArgument,
  'session:sign-in': v.strictObject({
    serverUrl: v.pipe(printable(2048), v.nonEmpty()),
    // No server keeps a longer address (RFC 5321): refused before any request.
    email: v.pipe(printable(254), v.nonEmpty()),
    password: password(1),
    confirmInsecure: v.optional(v.boolean()),
  }),
  'accounts:switch': account,
  'accounts:remove': account,
  'accounts:retry': account,
  'accounts:recover': noArgument,
  'tokens:list': v.strictObject({
    ...accountScoped,
    page: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(1_000_000)),
    pageSize: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(100)),
  }),
  'tokens:scan': v.strictObject({
    ...accountScoped,
    offset: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000_000)),
  }),
  'tokens:create': v.strictObject({ ...accountScoped, name: nameText(MAX_TOKEN_NAME_LENGTH), expiry: v.optional(expiryChoice) }),
  'tokens:set-enabled': v.strictObject({ ...tokenId.entries, enabled: v.boolean() }),
  'tokens:reveal': tokenId,
  'tokens:copy': tokenId,
  'tokens:delete': tokenId,
  'tokens:copy-example': v.strictObject({ ...tokenId.entries, example: v.picklist(USAGE_EXAMPLES) }),
  'tokens:test': tokenId,
  'profile:update': v.strictObject({
    ...accountScoped,
    // The server checks nothing (0.301.3 keeps "" and 300 characters alike), so main does.
    displayName: nameText(MAX_DISPLAY_NAME_LENGTH),
  }),
  'profile:change-password': v.strictObject({
    ...accountScoped,
    currentPassword: password(1),
    newPassword: password(MIN_PASSWORD_LENGTH),
  }),
  'tokens:export-csv': v.strictObject({ text: v.pipe(v.string(), v.maxLength(MAX_EXPORT_LENGTH)) }),
  'reminders:check': v.pipe(
    v.strictObject({
      tokens: v.pipe(
        v.array(v.strictObject({ ...tokenId.entries, expiresAt: v.pipe(v.number(), v.safeInteger()) })),
        v.maxLength(MAX_ACCOUNTS * 100_000),
      ),
      words: v.strictObject({
        titles: v.pipe(v.array(v.pipe(printable(200), v.nonEmpty())), v.maxLength(MAX_ACCOUNTS * 100_000)),
        body: v.pipe(printable(500), v.nonEmpty()),
      }),
    }),
    v.check(({ tokens, words }) => words.titles.length >= tokens.length, 'needs a title for each count of tokens'),
  ),
  'reminders:opened': noArgument,
  'settings:get': noArgument,
  'settings:update': v.strictObject({
    clipboardClearSeconds: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS))),
    keepTokenCopies: v.optional(v.boolean()),
    expiryReminders: v.optional(v.boolean()),
    language: v.optional(v.nullable(v.picklist(LANGUAGES))),
  }),
  'app:system-languages': noArgument,
  'app:boot': v.strictObject({ showsTokens: v.boolean() }),
  // Every item, each a short printable label: the menu is rebuilt from exactly these.
  'app:set-menu-labels': v.strictObject(
    Object.fromEntries(MENU_ITEMS.map((item) => [item, v.pipe(printable(100), v.nonEmpty())])),
  ) as unknown as v.GenericSchema<unknown, ArgOf<'app:set-menu-labels'>>,
} satisfies { [C in Channel]: v.GenericSchema<unknown, ArgOf<C>> };

export type ArgumentCheck = { ok: true; value: unknown } | { ok: false; message: string };

/** Checks `arg` against the channel's schema; the message names the field, never echoes its value. */
export function checkArgument(channel: Channel, arg: unknown): ArgumentCheck {
  const result = v.safeParse(schemas[channel] as v.GenericSchema, arg);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, message: `Invalid argument for ${channel}${path ? ` (${path})` : ''}.` };
}
