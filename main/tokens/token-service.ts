// The Tokens tab's work in main. The renderer sees summaries only; full token values stay in a
// map here and leave main only when the user asks (reveal) or go straight to the clipboard (copy).
import type { CopyResult, DeleteResult, TokenPage, TokenPageRequest, TokenSummary } from '../../preload/contract.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { ClipboardGuard } from '../clipboard/clipboard-guard.ts';
import type { ApiTokenRow } from '../nocodb/types.ts';
import type { AccountRef } from '../ports.ts';
import { accountKey } from '../session/account-key.ts';
import type { PinnedSession, SessionService } from '../session/session-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';

export interface TokenServiceOptions {
  session: Pick<SessionService, 'pin'>;
  clipboard: ClipboardGuard;
  settings: Pick<SettingsService, 'get'>;
  log: (line: string) => void;
}

export interface TokenService {
  list(request: TokenPageRequest): Promise<TokenPage>;
  create(request: { name: string }): Promise<TokenSummary>;
  reveal(request: { id: number }): Promise<string>;
  copy(request: { id: number }): Promise<CopyResult>;
  delete(request: { id: number }): Promise<DeleteResult>;
  /** Drops the account's cached values: called when its session ends or it is logged out. */
  forgetValues(account: AccountRef): void;
}

const toSummary = ({ id, name, creator, createdAt }: ApiTokenRow): TokenSummary => ({ id, name, creator, createdAt });

const unknownToken = () => new AppFailure('not_found', 'This token is no longer in the list. Refresh the list and try again.');

// Every method pins the active account when it starts and uses only that one until it ends (see
// main/session/session-service.ts): a switch meanwhile cannot send its second request, or its
// cached values, to another account.
export function createTokenService({ session, clipboard, settings, log }: TokenServiceOptions): TokenService {
  /** Token values per account (keyed by `accountKey`), then by token id. */
  const values = new Map<string, Map<number, string>>();
  const keyOf = ({ account }: PinnedSession) => accountKey(account.serverUrl, account.email);

  function valuesOf(pinned: PinnedSession): Map<number, string> {
    let map = values.get(keyOf(pinned));
    if (!map) values.set(keyOf(pinned), (map = new Map()));
    return map;
  }

  // An answer that arrives after the session ended is not cached: it would outlive the Log Out.
  function remember(pinned: PinnedSession, rows: ApiTokenRow[]): void {
    if (!pinned.isLive()) return;
    const map = valuesOf(pinned);
    for (const row of rows) map.set(row.id, row.token);
  }

  async function valueOf(id: number): Promise<string> {
    const value = valuesOf(await session.pin()).get(id);
    if (value === undefined) throw unknownToken();
    return value;
  }

  /** What the server does with a deleted token: on NocoDB 0.301.3 it may keep accepting it for a while. */
  async function checkRevocation(pinned: PinnedSession, value: string | undefined): Promise<DeleteResult['revocation']> {
    if (value === undefined) return 'unknown';
    try {
      const user = await pinned.withSession((client) => client.whoIsApiToken(value));
      return user === null ? 'revoked' : 'still_accepted';
    } catch (error) {
      log(`tokens: revocation check failed with ${toAppError(error).code}`);
      return 'unknown';
    }
  }

  return {
    // One row more than the page says whether another page follows. NocoDB 0.301.3 computes
    // `isLastPage` and `totalRows` over the whole instance, which is right only for super admins;
    // for anyone else `totalRows` becomes the rows known to exist, so no page past the end is offered.
    async list({ page, pageSize }) {
      const pinned = await session.pin();
      const offset = (page - 1) * pageSize;
      const answer = await pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: pageSize + 1, offset }));
      const rows = answer.rows.slice(0, pageSize);
      const isLastPage = answer.rows.length <= pageSize;
      remember(pinned, rows);
      return {
        tokens: rows.map(toSummary),
        page,
        pageSize,
        totalRows: isLastPage
          ? offset + rows.length
          : Math.max(pinned.isSuperAdmin ? answer.totalRows : 0, offset + rows.length + 1),
        isLastPage,
      };
    },

    // withSession retries only when the server refused the session (nothing was created); a timeout
    // is never retried, since the first request may have created the token.
    async create({ name }) {
      const pinned = await session.pin();
      const row = await pinned.withSession((client, jwt) => client.createToken(jwt, name));
      remember(pinned, [row]);
      return toSummary(row);
    },

    reveal: async ({ id }) => valueOf(id),

    async copy({ id }) {
      const value = await valueOf(id);
      const { clipboardClearSeconds } = await settings.get();
      await clipboard.copy(value, clipboardClearSeconds);
      return { clearAfterSeconds: clipboardClearSeconds === 0 ? null : clipboardClearSeconds };
    },

    async delete({ id }) {
      const pinned = await session.pin();
      await pinned.withSession((client, jwt) => client.deleteToken(jwt, id));
      const value = valuesOf(pinned).get(id);
      valuesOf(pinned).delete(id);
      return { revocation: await checkRevocation(pinned, value) };
    },

    forgetValues({ serverUrl, email }) {
      values.delete(accountKey(serverUrl, email));
    },
  };
}
