// Checks every argument that arrives over IPC. The renderer is treated as untrusted: each channel's
// argument starts as `unknown` and reaches its handler only in the exact shape the contract names.
import * as v from 'valibot';
import {
  MAX_CLIPBOARD_CLEAR_SECONDS,
  MAX_TOKEN_NAME_LENGTH,
  type ArgOf,
  type Channel,
} from '../preload/contract.ts';
import { TOKEN_ID } from './nocodb/token-id.ts';

// Printable text only: control characters have no place in a name, an email or a URL.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const printable = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters'),
  );

const tokenId = v.strictObject({
  id: v.pipe(v.string(), v.regex(TOKEN_ID)),
});

const noArgument = v.undefined();

const schemas = {
  'session:get': noArgument,
  'session:sign-in': v.strictObject({
    serverUrl: v.pipe(printable(2048), v.nonEmpty()),
    email: v.pipe(printable(320), v.nonEmpty()),
    // Passwords may hold any character; only the size is bounded.
    password: v.pipe(v.string(), v.nonEmpty(), v.maxLength(1024)),
    confirmInsecure: v.optional(v.boolean()),
  }),
  'session:sign-out': noArgument,
  'tokens:list': v.strictObject({
    page: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(1_000_000)),
    pageSize: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(100)),
  }),
  'tokens:create': v.strictObject({
    name: v.pipe(
      printable(MAX_TOKEN_NAME_LENGTH),
      v.check((name) => name.trim().length > 0, 'must not be empty'),
    ),
  }),
  'tokens:reveal': tokenId,
  'tokens:copy': tokenId,
  'tokens:delete': tokenId,
  'settings:get': noArgument,
  'settings:update': v.strictObject({
    clipboardClearSeconds: v.optional(
      v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS)),
    ),
    keepTokenCopies: v.optional(v.boolean()),
  }),
} satisfies { [C in Channel]: v.GenericSchema<unknown, ArgOf<C>> };

export type ArgumentCheck =
  | { ok: true; value: unknown }
  | { ok: false; message: string };

/** Checks `arg` against the channel's schema; the message names the field, never echoes its value. */
export function checkArgument(channel: Channel, arg: unknown): ArgumentCheck {
  const result = v.safeParse(schemas[channel] as v.GenericSchema, arg);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, message: `Invalid argument for ${channel}${path ? ` (${path})` : ''}.` };
}
