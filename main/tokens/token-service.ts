// The Tokens tab's work in main. The renderer sees summaries only; full token values stay in a
// map here and leave main only when the user asks (reveal) or go straight to the clipboard (copy).
// Today's servers show a token only once, in the answer to its create: main then keeps a copy in
// the OS keychain (the TokenVault, when the setting allows), so Show and Copy keep working later.
import type {
  CopyResult,
  DeleteResult,
  TokenPage,
  TokenPageRequest,
  TokenScanPage,
  TokenScanRequest,
  ServerCapabilities,
  TokenCreateRequest,
  TokenRef,
  TokenSummary,
  TokenTestResult,
  TokenValueSource,
  UsageExample,
} from '../../preload/contract.ts';
import { hasPlainHost } from '../../preload/server-host.ts';
import { toColumns } from '../../preload/token-scan-columns.ts';
import { headerBlock, TARGET_NAMES, usageExample } from '../../preload/token-usage.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { ClipboardGuard } from '../clipboard/clipboard-guard.ts';
import type { CapabilityRegistry } from '../nocodb/server-capabilities.ts';
import type { ApiTokenRow } from '../nocodb/types.ts';
import type { TokenVault } from '../ports.ts';
import type { PinnedSession, AccountsService } from '../accounts/accounts-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { createCapabilityLearning } from './token-capabilities.ts';
import { expiryTime } from './token-expiry.ts';
import { LARGEST_PAGE, learnedPageSize, tokenPages, type FetchTokenPage } from './token-pages.ts';
import { refusalOf } from './token-refusal.ts';
import { copiesNotRemoved, toSummary, unknownToken, unsafeHost, unsafeValue } from './token-summary.ts';

export interface TokenServiceOptions {
  session: Pick<AccountsService, 'pin'>;
  clipboard: ClipboardGuard;
  settings: Pick<SettingsService, 'get'>;
  vault: TokenVault;
  /** What each account's server can do (see main/nocodb/server-capabilities.ts): its rows keep it up to date. */
  capabilities: Pick<CapabilityRegistry, 'learn' | 'of'>;
  log: (line: string) => void;
  /** The clock an expiry of "30 days" counts from. */
  now?: () => number;
}

export interface TokenService {
  list(request: TokenPageRequest): Promise<TokenPage>;
  /** One page from `offset`, as large as the server accepts (learned per account): All tokens pages through these. */
  scan(request: TokenScanRequest): Promise<TokenScanPage>;
  /** Creates a token; its expiry is asked only of a server with expiry at creation. */
  create(request: TokenCreateRequest): Promise<TokenSummary>;
  /** Disables or enables a token (v3); throws `not_supported` where the server cannot. */
  setEnabled(request: TokenRef & { enabled: boolean }): Promise<{ enabled: boolean }>;
  reveal(request: TokenRef): Promise<string>;
  copy(request: TokenRef): Promise<CopyResult>;
  delete(request: TokenRef): Promise<DeleteResult>;
  /** Copies a ready-to-run example with the real token in it; the renderer shows it masked. */
  copyExample(request: TokenRef & { example: UsageExample }): Promise<CopyResult>;
  /** Sends the token to the server as `xc-token` and says what the server made of it. */
  test(request: TokenRef): Promise<TokenTestResult>;
  /** Drops what the account holds in memory: called when its session ends or it is logged out. */
  forgetValues(accountId: string): void;
  /** Removes the account's keychain copies (logging out); throws, for the user to see, when the keychain refuses. */
  forgetCopies(accountId: string): Promise<void>;
  /** Removes every keychain copy of every account (the setting turned off); throws when the keychain refuses. */
  forgetAllCopies(): Promise<void>;
}

interface HeldValue {
  value: string;
  source: Exclude<TokenValueSource, 'none'>;
}

/** What main holds for one account's tokens. */
interface AccountTokens {
  values: Map<string, HeldValue>;
  /** The largest page the server accepts, learned from its answers (see token-pages.ts). */
  pageSize: number;
}

// Every method pins the account its request names when it starts and uses only that one until it
// ends (see main/accounts/accounts-service.ts): whatever is on screen meanwhile, its requests, cached
// values and keychain copies stay that account's.
export function createTokenService({
  session,
  clipboard,
  settings,
  vault,
  capabilities,
  log,
  now = Date.now,
}: TokenServiceOptions): TokenService {
  const learning = createCapabilityLearning(capabilities);
  /** Keyed by account id. */
  const accounts = new Map<string, AccountTokens>();
  const copySource: HeldValue['source'] = vault.kind === 'keychain' ? 'keychain' : 'memory';

  function tokensOf({ account }: PinnedSession): AccountTokens {
    let held = accounts.get(account.id);
    if (!held) accounts.set(account.id, (held = { values: new Map(), pageSize: LARGEST_PAGE }));
    return held;
  }

  // An answer that arrives after the session ended is not kept: it would outlive the Log Out.
  function hold(pinned: PinnedSession, id: string, held: HeldValue): void {
    if (pinned.isLive()) tokensOf(pinned).values.set(id, held);
  }

  /** Reads the keychain copies of these rows (only the rows that need one, so a launch waits for no other). */
  async function readCopies(pinned: PinnedSession, ids: string[]): Promise<void> {
    const { values } = tokensOf(pinned);
    const missing = ids.filter((id) => !values.has(id));
    if (missing.length === 0) return;
    try {
      for (const [id, value] of await vault.load(pinned.account.id, missing))
        if (!values.has(id)) hold(pinned, id, { value, source: copySource });
    } catch (error) {
      // A locked keychain: the rows show no value now, and the next list (after Retry) reads them.
      log(`tokens: reading the keychain copies failed with ${toAppError(error).code}`);
    }
  }

  function valueOf(pinned: PinnedSession, id: string): string {
    const held = tokensOf(pinned).values.get(id);
    if (held === undefined) throw unknownToken();
    return held.value;
  }

  /**
   * Keeps the keychain copy of a new token while its account is signed in and the setting is on —
   * both checked when the keychain writes, so a Log Out or the setting turned off just before wins.
   * Says where the value is held.
   */
  async function keepCopy(pinned: PinnedSession, id: string, value: string): Promise<HeldValue['source'] | null> {
    const stillWanted = async () => pinned.isLive() && (await settings.get()).keepTokenCopies;
    try {
      return (await vault.put(pinned.account.id, id, value, stillWanted)) ? copySource : null;
    } catch (error) {
      log(`tokens: keeping a keychain copy failed with ${toAppError(error).code}`);
      return null;
    }
  }

  /** What the server does with a deleted token: on NocoDB 0.301.3 it may keep accepting it for a while. */
  async function checkRevocation(pinned: PinnedSession, value: string | undefined): Promise<DeleteResult['revocation']> {
    if (value === undefined) return learning.of(pinned)?.revokesAtOnce ? 'immediate' : 'unknown';
    try {
      const user = await pinned.withSession((client) => client.whoIsApiToken(value));
      return user === null ? 'revoked' : 'still_accepted';
    } catch (error) {
      log(`tokens: revocation check failed with ${toAppError(error).code}`);
      return 'unknown';
    }
  }

  const quietly = (what: string, work: () => Promise<void>) =>
    work().catch((error: unknown) => log(`tokens: ${what} failed with ${toAppError(error).code}`));

  async function copyText(text: string): Promise<CopyResult> {
    const { clipboardClearSeconds } = await settings.get();
    await clipboard.copy(text, clipboardClearSeconds);
    return { clearAfterSeconds: clipboardClearSeconds === 0 ? null : clipboardClearSeconds };
  }

  /** The token's row in the server's list (NocoDB 0.301.3 may accept a deleted one): to its end, never a guess. */
  async function listedRow(pinned: PinnedSession, id: string): Promise<ApiTokenRow | null> {
    const fetchPage: FetchTokenPage = (query) => pinned.withSession((client, jwt) => client.listTokens(jwt, query));
    for await (const { rows } of tokenPages(fetchPage)) for (const row of rows) if (row.id === id) return row;
    return null;
  }

  /** Keeps what a list page tells (values, capabilities) and answers the rows as summaries, with the capabilities. */
  async function summarise(
    pinned: PinnedSession,
    rows: ApiTokenRow[],
  ): Promise<{ tokens: TokenSummary[]; capabilities: ServerCapabilities }> {
    const can = await learning.fromPage(pinned, rows);
    for (const row of rows) if (row.token !== null) hold(pinned, row.id, { value: row.token, source: 'server' });
    await readCopies(
      pinned,
      rows.filter((row) => row.token === null).map((row) => row.id),
    );
    const sourceOf = (id: string) => (pinned.isLive() ? (tokensOf(pinned).values.get(id)?.source ?? 'none') : 'none');
    return { tokens: rows.map((row) => toSummary(row, sourceOf(row.id), can)), capabilities: can };
  }

  return {
    // One row more than the page says whether another page follows. NocoDB 0.301.3 computes
    // `isLastPage` and `totalRows` over the whole instance, which is right only for super admins;
    // for anyone else `totalRows` becomes the rows known to exist, so no page past the end is offered.
    async list({ accountId, page, pageSize }) {
      const pinned = await session.pin(accountId);
      learning.begin(pinned);
      const offset = (page - 1) * pageSize;
      const answer = await pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: pageSize + 1, offset }));
      const rows = answer.rows.slice(0, pageSize);
      const isLastPage = answer.rows.length <= pageSize;
      const summary = await summarise(pinned, rows);
      // Only a list of every user's tokens is the list the server counts.
      const counted = summary.capabilities.listsOthersTokens ? answer.totalRows : 0;
      const totalRows = isLastPage ? offset + rows.length : Math.max(counted, offset + rows.length + 1);
      return { ...summary, page, pageSize, totalRows, isLastPage };
    },

    async scan({ accountId, offset }) {
      const pinned = await session.pin(accountId);
      learning.begin(pinned);
      const held = tokensOf(pinned);
      const asked = held.pageSize;
      const answer = await pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: asked, offset }));
      const size = learnedPageSize(asked, answer);
      if (pinned.isLive()) held.pageSize = size;
      const { tokens, capabilities: known } = await summarise(pinned, answer.rows);
      return { tokens: toColumns(tokens), capabilities: known, next: answer.rows.length < size ? null : offset + answer.rows.length };
    },

    // withSession retries only when the server refused the session (nothing was created); a timeout
    // is never retried, since the first request may have created the token.
    async create({ accountId, name, expiry }) {
      const pinned = await session.pin(accountId);
      // A server without expiry at creation gets no `expiry` field: 0.301.3's request check knows none.
      const asked = expiry !== undefined && (await learning.known(pinned)).expiryAtCreation ? expiryTime(expiry, now()) : undefined;
      const row = await pinned.withSession((client, jwt) => client.createToken(jwt, name, asked));
      const can = await learning.fromCreate(pinned, row, asked !== undefined);
      const kept = await keepCopy(pinned, row.id, row.token);
      const source = can.showsTokenOnce ? (kept ?? 'memory') : 'server';
      hold(pinned, row.id, { value: row.token, source });
      return toSummary(row, source, can);
    },

    reveal: async ({ accountId, id }) => valueOf(await session.pin(accountId), id),

    copy: async ({ accountId, id }) => copyText(valueOf(await session.pin(accountId), id)),

    async copyExample({ accountId, id, example }) {
      const pinned = await session.pin(accountId);
      const { serverUrl } = pinned.account;
      // An account listed before sign-in checked the host: its address could run a command when pasted.
      if (!hasPlainHost(serverUrl)) throw unsafeHost();
      const value = valueOf(pinned, id);
      if (example === 'headers') return copyText(headerBlock(value));
      const written = usageExample(example, serverUrl, value);
      // A keychain copy may hold any printable character; the renderer shows only the mask, so main says no.
      if (!written.ok) throw unsafeValue(TARGET_NAMES[example]);
      return copyText(written.text);
    },

    async test({ accountId, id }) {
      const pinned = await session.pin(accountId);
      const value = valueOf(pinned, id);
      const user = await pinned.withSession((client) => client.whoIsApiToken(value));
      const row = await listedRow(pinned, id);
      // Refused: the list row tells why (disabled, expired) on servers that list those.
      if (user === null) return refusalOf(row, now());
      return row !== null ? 'works' : 'deleted_but_accepted';
    },

    async setEnabled({ accountId, id, enabled }) {
      const pinned = await session.pin(accountId);
      try {
        return await pinned.withSession((client, jwt) => client.setTokenEnabled(jwt, id, enabled));
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'not_supported') await learning.fromSwitchRefused(pinned);
        throw error;
      }
    },

    async delete({ accountId, id }) {
      const pinned = await session.pin(accountId);
      await pinned.withSession((client, jwt) => client.deleteToken(jwt, id));
      const { values } = tokensOf(pinned);
      const held = values.get(id);
      values.delete(id);
      // Removed whether or not a copy was known: one may have been kept by an earlier run.
      await quietly('removing a keychain copy', () => vault.remove(pinned.account.id, id));
      return { revocation: await checkRevocation(pinned, held?.value) };
    },

    forgetValues(accountId) {
      accounts.delete(accountId);
    },

    async forgetCopies(accountId) {
      await vault.clear(accountId).catch((error: unknown) => {
        throw copiesNotRemoved(error);
      });
    },

    async forgetAllCopies() {
      await vault.clearAll().catch((error: unknown) => {
        throw copiesNotRemoved(error);
      });
      // What came from the keychain is gone with it: the rows show what a restart would show.
      for (const { values } of accounts.values()) for (const [id, held] of values) if (held.source === 'keychain') values.delete(id);
    },
  };
}
