// The Tokens tab's work in main. The renderer sees summaries only; full token values stay in a
// map here and leave main only when the user asks (reveal) or go straight to the clipboard (copy).
// Today's servers show a token only once, in the answer to its create: main then keeps a copy in
// the OS keychain (the TokenVault, when the setting allows), so Show and Copy keep working later.
import type {
  CopyResult,
  DeleteResult,
  TokenPage,
  TokenPageRequest,
  TokenSummary,
  TokenTestResult,
  TokenValueSource,
  UsageExample,
} from '../../preload/contract.ts';
import { hasPlainHost } from '../../preload/server-host.ts';
import { usageExample } from '../../preload/token-usage.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { ClipboardGuard } from '../clipboard/clipboard-guard.ts';
import type { ApiTokenRow } from '../nocodb/types.ts';
import type { AccountRef, TokenVault } from '../ports.ts';
import { accountKey } from '../session/account-key.ts';
import type { PinnedSession, SessionService } from '../session/session-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';

const UNSAFE_EXAMPLE =
  'This account’s server name has characters a terminal could run as a command, so the app gives no example for it. Sign in with the server’s plain address.';

export interface TokenServiceOptions {
  session: Pick<SessionService, 'pin'>;
  clipboard: ClipboardGuard;
  settings: Pick<SettingsService, 'get'>;
  vault: TokenVault;
  log: (line: string) => void;
}

export interface TokenService {
  list(request: TokenPageRequest): Promise<TokenPage>;
  create(request: { name: string }): Promise<TokenSummary>;
  reveal(request: { id: string }): Promise<string>;
  copy(request: { id: string }): Promise<CopyResult>;
  delete(request: { id: string }): Promise<DeleteResult>;
  /** Copies a ready-to-run example with the real token in it; the renderer shows it masked. */
  copyExample(request: { id: string; example: UsageExample }): Promise<CopyResult>;
  /** Sends the token to the server as `xc-token` and says what the server made of it. */
  test(request: { id: string }): Promise<TokenTestResult>;
  /** Drops what the account holds in memory: called when its session ends or it is logged out. */
  forgetValues(account: AccountRef): void;
  /** Removes the account's keychain copies (logging out). Never throws. */
  forgetCopies(account: AccountRef): Promise<void>;
  /** Removes every keychain copy of every account (the setting turned off). Never throws. */
  forgetAllCopies(): Promise<void>;
}

interface HeldValue {
  value: string;
  source: Exclude<TokenValueSource, 'none'>;
}

function toSummary(row: ApiTokenRow, source: TokenValueSource): TokenSummary {
  const { id, name, creator, createdAt, prefix, expiry, lastUsedAt, enabled } = row;
  const summary: TokenSummary = { id, name, creator, createdAt, valueSource: source, prefix };
  // Only what the server sent, so the renderer can tell "no data on this server" from "never".
  if (expiry !== undefined) summary.expiry = expiry;
  if (lastUsedAt !== undefined) summary.lastUsedAt = lastUsedAt;
  if (enabled !== undefined) summary.enabled = enabled;
  return summary;
}

/** Pages through the list for the Test action; a list this long is far beyond any real account. */
const LISTED_PAGE_SIZE = 100;
const MAX_LISTED_PAGES = 100;

const unknownToken = () =>
  new AppFailure('not_found', 'This token is no longer in the list. Refresh the list and try again.', { reason: 'token' });

/** What main holds for one account's tokens. */
interface AccountTokens {
  values: Map<string, HeldValue>;
  /** Whether this server's list carries the secrets (0.301.3) or not (today's servers); null until seen. */
  listShowsValues: boolean | null;
  /** The account's keychain copies are read once, the first time a list lacks a secret. */
  copiesRead: Promise<void> | null;
}

// Every method pins the active account when it starts and uses only that one until it ends (see
// main/session/session-service.ts): a switch meanwhile cannot send its second request, its cached
// values or its keychain copies to another account.
export function createTokenService({ session, clipboard, settings, vault, log }: TokenServiceOptions): TokenService {
  /** Keyed by `accountKey`. */
  const accounts = new Map<string, AccountTokens>();
  const copySource: HeldValue['source'] = vault.kind === 'keychain' ? 'keychain' : 'memory';

  function tokensOf({ account }: PinnedSession): AccountTokens {
    const key = accountKey(account.serverUrl, account.email);
    let held = accounts.get(key);
    if (!held) accounts.set(key, (held = { values: new Map(), listShowsValues: null, copiesRead: null }));
    return held;
  }

  // An answer that arrives after the session ended is not kept: it would outlive the Log Out.
  function hold(pinned: PinnedSession, id: string, held: HeldValue): void {
    if (pinned.isLive()) tokensOf(pinned).values.set(id, held);
  }

  function readCopies(pinned: PinnedSession): Promise<void> {
    const held = tokensOf(pinned);
    held.copiesRead ??= vault.load(pinned.account).then(
      (copies) => {
        for (const [id, value] of copies) if (!held.values.has(id)) hold(pinned, id, { value, source: copySource });
      },
      (error: unknown) => {
        log(`tokens: reading the keychain copies failed with ${toAppError(error).code}`);
        held.copiesRead = null; // a keychain unlocked later is read on the next list
      },
    );
    return held.copiesRead;
  }

  function valueOf(pinned: PinnedSession, id: string): string {
    const held = tokensOf(pinned).values.get(id);
    if (held === undefined) throw unknownToken();
    return held.value;
  }

  /** Keeps the keychain copy of a new token, when the setting allows; says where the value is held. */
  async function keepCopy(account: AccountRef, id: string, value: string): Promise<HeldValue['source'] | null> {
    if (!(await settings.get()).keepTokenCopies) return null;
    try {
      await vault.put(account, id, value);
      return copySource;
    } catch (error) {
      log(`tokens: keeping a keychain copy failed with ${toAppError(error).code}`);
      return null;
    }
  }

  /** What the server does with a deleted token: on NocoDB 0.301.3 it may keep accepting it for a while. */
  async function checkRevocation(pinned: PinnedSession, value: string | undefined): Promise<DeleteResult['revocation']> {
    // Servers that show a token once also evict a deleted token from their cache (their source says so).
    if (value === undefined) return tokensOf(pinned).listShowsValues === false ? 'immediate' : 'unknown';
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

  /** Whether the server's token list still holds the token (NocoDB 0.301.3 may accept a deleted one). */
  async function isListed(pinned: PinnedSession, id: string): Promise<boolean> {
    for (let page = 0; page < MAX_LISTED_PAGES; page += 1) {
      const offset = page * LISTED_PAGE_SIZE;
      const { rows } = await pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: LISTED_PAGE_SIZE, offset }));
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
      const pinned = await session.pin();
      const offset = (page - 1) * pageSize;
      const answer = await pinned.withSession((client, jwt) => client.listTokens(jwt, { limit: pageSize + 1, offset }));
      const rows = answer.rows.slice(0, pageSize);
      const isLastPage = answer.rows.length <= pageSize;
      const held = tokensOf(pinned);
      if (rows.length > 0 && pinned.isLive()) held.listShowsValues = rows.every((row) => row.token !== null);
      for (const row of rows) if (row.token !== null) hold(pinned, row.id, { value: row.token, source: 'server' });
      if (rows.some((row) => row.token === null)) await readCopies(pinned);
      return {
        tokens: rows.map((row) => toSummary(row, pinned.isLive() ? (tokensOf(pinned).values.get(row.id)?.source ?? 'none') : 'none')),
        page,
        pageSize,
        totalRows: isLastPage ? offset + rows.length : Math.max(pinned.isSuperAdmin ? answer.totalRows : 0, offset + rows.length + 1),
        isLastPage,
      };
    },

    // withSession retries only when the server refused the session (nothing was created); a timeout
    // is never retried, since the first request may have created the token.
    async create({ name }) {
      const pinned = await session.pin();
      const row = await pinned.withSession((client, jwt) => client.createToken(jwt, name));
      // Before any list has told, a prefix in the create's answer marks a server that keeps only a prefix.
      const serverShowsAgain = tokensOf(pinned).listShowsValues ?? row.prefix === null;
      const kept = await keepCopy(pinned.account, row.id, row.token);
      const source = serverShowsAgain ? 'server' : (kept ?? 'memory');
      hold(pinned, row.id, { value: row.token, source });
      return toSummary(row, source);
    },

    reveal: async ({ id }) => valueOf(await session.pin(), id),

    copy: async ({ id }) => copyText(valueOf(await session.pin(), id)),

    async copyExample({ id, example }) {
      const pinned = await session.pin();
      const { serverUrl } = pinned.account;
      // An account listed before sign-in checked the host: its address could run a command when pasted.
      if (!hasPlainHost(serverUrl)) throw new AppFailure('invalid_argument', UNSAFE_EXAMPLE, { reason: 'unsafe_host' });
      return copyText(usageExample(example, serverUrl, valueOf(pinned, id)));
    },

    async test({ id }) {
      const pinned = await session.pin();
      const value = valueOf(pinned, id);
      const user = await pinned.withSession((client) => client.whoIsApiToken(value));
      if (user === null) return 'rejected';
      return (await isListed(pinned, id)) ? 'works' : 'deleted_but_accepted';
    },

    async delete({ id }) {
      const pinned = await session.pin();
      await pinned.withSession((client, jwt) => client.deleteToken(jwt, id));
      const { values } = tokensOf(pinned);
      const held = values.get(id);
      values.delete(id);
      // Removed whether or not a copy was known: one may have been kept by an earlier run.
      await quietly('removing a keychain copy', () => vault.remove(pinned.account, id));
      return { revocation: await checkRevocation(pinned, held?.value) };
    },

    forgetValues({ serverUrl, email }) {
      accounts.delete(accountKey(serverUrl, email));
    },

    forgetCopies: (account) => quietly('forgetting the keychain copies', () => vault.clear(account)),

    async forgetAllCopies() {
      await quietly('forgetting every keychain copy', () => vault.clearAll());
      // What came from the keychain is gone with it: the rows show what a restart would show.
      for (const { values } of accounts.values()) for (const [id, held] of values) if (held.source === 'keychain') values.delete(id);
    },
  };
}
