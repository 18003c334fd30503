// The shapes the client accepts from a NocoDB server. Anything else is treated as a bad answer,
// never trusted field by field.
import * as v from 'valibot';
import type { ApiTokenPage, ApiTokenRow, NocoUser } from './types.ts';

const optionalText = v.optional(v.nullable(v.string()), null);

/** Sign-in, sign-up and refresh: `{ token: <JWT> }`. */
export const sessionAnswer = v.object({ token: v.pipe(v.string(), v.regex(/^[\x21-\x7e]+$/)) });

/** `/auth/user/me`. A guest answer has no `id`/`email`, so it fails this schema. */
export const userAnswer = v.pipe(
  v.object({
    id: v.union([v.pipe(v.string(), v.nonEmpty()), v.pipe(v.number(), v.safeInteger(), v.transform(String))]),
    email: v.pipe(v.string(), v.nonEmpty()),
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

// Older servers (and some SQL drivers) send numeric ids as strings.
const rowId = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))]),
  v.safeInteger(),
  v.minValue(1),
);

export const tokenRow = v.pipe(
  v.object({
    id: rowId,
    // The full secret: 40 characters of A-Za-z0-9_- on 0.301.3; a little slack for other versions.
    token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,128}$/)),
    description: optionalText,
    created_by: optionalText,
    created_at: optionalText,
  }),
  v.transform(
    (row): ApiTokenRow => ({ id: row.id, token: row.token, name: row.description, creator: row.created_by, createdAt: row.created_at }),
  ),
);

export const tokenListAnswer = v.pipe(
  v.object({
    list: v.array(tokenRow),
    pageInfo: v.object({
      totalRows: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    }),
  }),
  // `pageInfo.isLastPage` is left out: 0.301.3 computes it over the whole instance (see token-service).
  v.transform((answer): ApiTokenPage => ({ rows: answer.list, totalRows: answer.pageInfo.totalRows })),
);

/** `/health` answers some JSON object (`{"message":"OK",…}` on 0.301.3). */
export const healthAnswer = v.record(v.string(), v.unknown());
