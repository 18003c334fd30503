// The Tokens tab's work in main. The renderer sees summaries only; full token values stay in a
// map here and leave main only when the user asks (reveal) or go straight to the clipboard (copy).
import type {
  CopyResult,
  DeleteResult,
  TokenPage,
  TokenPageRequest,
  TokenSummary,
  TokenTestResult,
  UsageExample,
} from '../../preload/contract.ts';
import { usageExample } from '../../preload/token-usage.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { ClipboardGuard } from '../clipboard/clipboard-guard.ts';
import type { ApiTokenRow } from '../nocodb/types.ts';
import { notSignedIn } from '../session/session-messages.ts';
import type { SessionService } from '../session/session-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';

export interface TokenServiceOptions {
  session: Pick<SessionService, 'withSession' | 'requireSignedIn' | 'isSuperAdmin' | 'getState'>;
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
  /** Copies a ready-to-run example with the real token in it; the renderer shows it masked. */
  copyExample(request: { id: number; example: UsageExample }): Promise<CopyResult>;
  /** Sends the token to the server as `xc-token` and says what the server made of it. */
  test(request: { id: number }): Promise<TokenTestResult>;
  /** Drops every cached value: called when the account changes or signs out. */
  forgetValues(): void;
}

const toSummary = ({ id, name, creator, createdAt }: ApiTokenRow): TokenSummary => ({ id, name, creator, createdAt });

/** Pages through the list for the Test action; a list this long is far beyond any real account. */
const LISTED_PAGE_SIZE = 100;
const MAX_LISTED_PAGES = 100;

const unknownToken = () => new AppFailure('not_found', 'This token is no longer in the list. Refresh the list and try again.');

export function createTokenService({ session, clipboard, settings, log }: TokenServiceOptions): TokenService {
  const values = new Map<number, string>();
  // Bumped by forgetValues, so an answer that arrives after a sign-out is not cached for the next account.
  let epoch = 0;

  function remember(rows: ApiTokenRow[], startedAt: number): void {
    if (startedAt !== epoch) return;
    for (const row of rows) values.set(row.id, row.token);
  }

  async function valueOf(id: number): Promise<string> {
    await session.requireSignedIn();
    const value = values.get(id);
    if (value === undefined) throw unknownToken();
    return value;
  }

  /** What the server does with a deleted token: on NocoDB 0.301.3 it may keep accepting it for a while. */
  async function checkRevocation(value: string | undefined): Promise<DeleteResult['revocation']> {
    if (value === undefined) return 'unknown';
    try {
      const user = await session.withSession((client) => client.whoIsApiToken(value));
      return user === null ? 'revoked' : 'still_accepted';
    } catch (error) {
      log(`tokens: revocation check failed with ${toAppError(error).code}`);
      return 'unknown';
    }
  }

  async function copyText(text: string): Promise<CopyResult> {
    const { clipboardClearSeconds } = await settings.get();
    await clipboard.copy(text, clipboardClearSeconds);
    return { clearAfterSeconds: clipboardClearSeconds === 0 ? null : clipboardClearSeconds };
  }

  /** Whether the server's token list still holds the token (NocoDB 0.301.3 may accept a deleted one). */
  async function isListed(id: number): Promise<boolean> {
    for (let page = 0; page < MAX_LISTED_PAGES; page += 1) {
      const offset = page * LISTED_PAGE_SIZE;
      const { rows } = await session.withSession((client, jwt) => client.listTokens(jwt, { limit: LISTED_PAGE_SIZE, offset }));
      if (rows.some((row) => row.id === id)) return true;
      if (rows.length < LISTED_PAGE_SIZE) return false;
    }
    return true;
  }

  return {
    // One row more than the page says whether another page follows. NocoDB 0.301.3 computes
    // `isLastPage` and `totalRows` over the whole instance, which is right only for super admins;
    // for anyone else `totalRows` becomes the rows known to exist, so no page past the end is offered.
    async list({ page, pageSize }) {
      const startedAt = epoch;
      const offset = (page - 1) * pageSize;
      const answer = await session.withSession((client, jwt) => client.listTokens(jwt, { limit: pageSize + 1, offset }));
      const rows = answer.rows.slice(0, pageSize);
      const isLastPage = answer.rows.length <= pageSize;
      remember(rows, startedAt);
      return {
        tokens: rows.map(toSummary),
        page,
        pageSize,
        totalRows: isLastPage
          ? offset + rows.length
          : Math.max(session.isSuperAdmin() ? answer.totalRows : 0, offset + rows.length + 1),
        isLastPage,
      };
    },

    // withSession retries only when the server refused the session (nothing was created); a timeout
    // is never retried, since the first request may have created the token.
    async create({ name }) {
      const startedAt = epoch;
      const row = await session.withSession((client, jwt) => client.createToken(jwt, name));
      remember([row], startedAt);
      return toSummary(row);
    },

    reveal: async ({ id }) => valueOf(id),

    copy: async ({ id }) => copyText(await valueOf(id)),

    async copyExample({ id, example }) {
      const value = await valueOf(id);
      const state = await session.getState();
      if (state.status !== 'signed_in') throw notSignedIn();
      return copyText(usageExample(example, state.account.serverUrl, value));
    },

    async test({ id }) {
      const value = await valueOf(id);
      const user = await session.withSession((client) => client.whoIsApiToken(value));
      if (user === null) return 'rejected';
      return (await isListed(id)) ? 'works' : 'deleted_but_accepted';
    },

    async delete({ id }) {
      await session.withSession((client, jwt) => client.deleteToken(jwt, id));
      const value = values.get(id);
      values.delete(id);
      return { revocation: await checkRevocation(value) };
    },

    forgetValues() {
      epoch += 1;
      values.clear();
    },
  };
}
