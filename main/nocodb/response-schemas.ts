// The shapes the client accepts from a NocoDB server. Anything else is treated as a bad answer,
// never trusted field by field.
import * as v from 'valibot';
import { boundedText, shownString } from './shown-text.ts';
import { TOKEN_ID } from './token-id.ts';
import { API_TOKEN_VALUE } from './token-value.ts';
import type { ApiTokenPage, ApiTokenRow, CreatedApiToken, NocoUser } from './types.ts';

/** A text field the app shows (a name, a creator's email), bounded (see shown-text.ts). */
const optionalText = v.optional(v.nullable(shownString), null);

/** Sign-in, sign-up and refresh: `{ token: <JWT> }`. */
export const sessionAnswer = v.object({ token: v.pipe(v.string(), v.regex(/^[\x21-\x7e]+$/)) });

/** `/auth/user/me`. A guest answer has no `id`/`email`, so it fails this schema. */
export const userAnswer = v.pipe(
  v.object({
    id: v.union([v.pipe(v.string(), v.nonEmpty()), v.pipe(v.number(), v.safeInteger(), v.transform(String))]),
    email: v.pipe(v.string(), v.nonEmpty(), v.transform(boundedText)),
    display_name: optionalText,
    // An object (`{ super: true, … }`) on 0.301.3; a comma-separated string on older servers.
    roles: v.optional(v.union([v.record(v.string(), v.unknown()), v.string(), v.null()]), null),
  }),
  v.transform((user): NocoUser => ({
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    isSuperAdmin: typeof user.roles === 'string' ? user.roles.split(',').includes('super') : user.roles?.['super'] === true,
  })),
);

/**
 * `PATCH /user/profile`. On 0.301.3 the answer is the whole user row, password hash and salt
 * included: `v.object` keeps only the field named here, so nothing else of it goes further.
 */
export const profileAnswer = v.pipe(
  v.object({ display_name: optionalText }),
  v.transform((user) => ({ displayName: user.display_name })),
);

// 0.301.3 numbers its rows (older servers and some SQL drivers send those numbers as strings);
// today's servers type the id as a string. Either way it becomes opaque text here.
const rowId = v.union([v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.transform(String)), v.pipe(v.string(), v.regex(TOKEN_ID))]);

// The full secret (see token-value.ts).
const tokenValue = v.pipe(v.string(), v.regex(API_TOKEN_VALUE));

// Fields the app only displays: a value in a shape it does not expect shows as "no data" rather
// than making the whole Tokens tab fail. A missing key stays missing (see server-capabilities.ts).
const shownText = v.optional(v.fallback(v.nullable(v.pipe(v.string(), v.maxLength(64), v.regex(/^[\x20-\x7e]*$/))), null));
const shownFlag = v.optional(
  v.fallback(
    v.nullable(
      v.union([
        v.boolean(),
        v.pipe(
          v.picklist([0, 1]),
          v.transform((n) => n === 1),
        ),
      ]),
    ),
    null,
  ),
);

const rowFields = {
  id: rowId,
  description: optionalText,
  created_by: optionalText,
  created_at: optionalText,
  token_prefix: shownText,
};

const baseRow = (row: {
  id: string;
  description: string | null;
  created_by: string | null;
  created_at: string | null;
  token_prefix?: string | null;
}) => ({
  id: row.id,
  name: row.description,
  creator: row.created_by,
  createdAt: row.created_at,
  prefix: row.token_prefix ?? null,
});

/** A list row. Today's servers send no `token` (shown once) but prefix, expiry, enabled and last use. */
export const tokenRow = v.pipe(
  v.object({
    ...rowFields,
    token: v.optional(v.nullable(tokenValue), null),
    expiry: shownText,
    last_used_at: shownText,
    enabled: shownFlag,
  }),
  v.transform((row): ApiTokenRow => {
    const result: ApiTokenRow = { ...baseRow(row), token: row.token };
    // Only what the server sent: server-capabilities.ts decides from which keys a row carries.
    if (row.expiry !== undefined) result.expiry = row.expiry;
    if (row.last_used_at !== undefined) result.lastUsedAt = row.last_used_at;
    if (row.enabled !== undefined && row.enabled !== null) result.enabled = row.enabled;
    return result;
  }),
);

/**
 * A create's answer, which always carries the secret. 0.301.3 sends `expiry`/`enabled` here (null/1)
 * but never in its list, so they are kept only from servers that list them too (those that send a
 * prefix): there they tell the expiry the server kept.
 */
export const createdTokenRow = v.pipe(
  v.object({ ...rowFields, token: tokenValue, expiry: shownText, last_used_at: shownText, enabled: shownFlag }),
  v.transform((row): CreatedApiToken => {
    const result: CreatedApiToken = { ...baseRow(row), token: row.token };
    if (row.token_prefix === undefined) return result;
    if (row.expiry !== undefined) result.expiry = row.expiry;
    if (row.last_used_at !== undefined) result.lastUsedAt = row.last_used_at;
    if (row.enabled !== undefined && row.enabled !== null) result.enabled = row.enabled;
    return result;
  }),
);

/** A v3 token object (`PATCH /api/v3/meta/tokens/:id`): the state the server kept. */
export const v3TokenAnswer = v.object({
  enabled: v.union([
    v.boolean(),
    v.pipe(
      v.picklist([0, 1]),
      v.transform((n) => n === 1),
    ),
  ]),
});

/** `GET /api/v3/meta/tokens`: a list means the route works. */
export const v3TokenListAnswer = v.object({ list: v.array(v.unknown()) });

export const tokenListAnswer = v.pipe(
  v.object({
    list: v.array(tokenRow),
    pageInfo: v.object({
      totalRows: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
      pageSize: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
    }),
  }),
  // `pageInfo.isLastPage` is left out: 0.301.3 computes it over the whole instance (see token-service).
  v.transform((answer): ApiTokenPage => ({
    rows: answer.list,
    totalRows: answer.pageInfo.totalRows,
    ...(answer.pageInfo.pageSize === undefined ? {} : { pageSize: answer.pageInfo.pageSize }),
  })),
);

/** `/health` answers some JSON object (`{"message":"OK",…}` on 0.301.3). */
export const healthAnswer = v.record(v.string(), v.unknown());
