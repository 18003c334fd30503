// How the token service keeps an account's capabilities (server-capabilities.ts) up to date from
// its answers. The server's v3 tokens route is asked once per session, by the first token page
// (or create) of the account, in parallel with that page's own request — never by a state answer,
// so nothing waits for a slow server but that server's own page; the page then carries the
// capabilities. Each list page and create tells what its rows show, and an answer that contradicts
// the v3 token capabilities (an `nc_pat_` row on a server thought older, an expiry not kept, a
// switch refused) asks the v3 route again.
import { NO_CAPABILITIES, type ServerCapabilities } from '../../preload/contract.ts';
import type { PinnedSession } from '../accounts/accounts-service.ts';
import type { CapabilityRegistry, TokenSample } from '../nocodb/server-capabilities.ts';
import type { ApiTokenRow, CreatedApiToken } from '../nocodb/types.ts';
import { contradicts, type TokenEvidence, type V3TokensAnswer } from '../nocodb/v3-token-capabilities.ts';

export interface CapabilityLearning {
  /** Starts the session's first v3 question unless its capabilities are known, so the caller's own request runs beside it. */
  begin(pinned: PinnedSession): void;
  /** From a list page (its first row settles what no row had told yet). */
  fromPage(pinned: PinnedSession, rows: ApiTokenRow[]): Promise<ServerCapabilities>;
  /** From a create's answer, and whether it kept the expiry asked. */
  fromCreate(pinned: PinnedSession, row: CreatedApiToken, expiryAsked: boolean): Promise<ServerCapabilities>;
  /** v3 refused a switch as not available. */
  fromSwitchRefused(pinned: PinnedSession): Promise<ServerCapabilities>;
  /** The account's capabilities once its session's first v3 question is answered (asking it if no page did yet). */
  known(pinned: PinnedSession): Promise<ServerCapabilities>;
  /** The account's capabilities now (null: not detected). */
  of(pinned: PinnedSession): ServerCapabilities | null;
}

/** How the server answers its v3 tokens route (April 2026 images); undefined when it did not answer, which decides nothing yet. */
const askV3Tokens = (pinned: PinnedSession): Promise<V3TokensAnswer | undefined> =>
  pinned.withSession((client, jwt) => client.v3Tokens(jwt)).catch(() => undefined);

export function createCapabilityLearning(capabilities: Pick<CapabilityRegistry, 'learn' | 'of'>): CapabilityLearning {
  /**
   * Each account's first v3 question on its way, shared by the pages that wait for it. Ends when
   * answered (the registry then knows the account); a question of a session that ended (Log Out,
   * sign-in again) is neither joined nor learned.
   */
  const asking = new Map<string, { pinned: PinnedSession; done: Promise<void> }>();

  /** The session's first v3 question (learned when answered), or nothing when the account is known. */
  function firstQuestion(pinned: PinnedSession): Promise<void> | undefined {
    const { id } = pinned.account;
    if (capabilities.of(id)) return undefined;
    const on = asking.get(id);
    if (on?.pinned.isLive()) return on.done;
    const done = askV3Tokens(pinned).then((v3Tokens) => {
      if (pinned.isLive())
        capabilities.learn(id, { isSuperAdmin: pinned.isSuperAdmin, sample: null, ...(v3Tokens === undefined ? {} : { v3Tokens }) });
    });
    const question = { pinned, done };
    asking.set(id, question);
    void done.finally(() => asking.get(id) === question && asking.delete(id));
    return done;
  }

  /** Learns the sample (after the first v3 question); when the evidence contradicts what was known, asks the v3 route again. */
  async function learnChecked(pinned: PinnedSession, sample: TokenSample | null, evidence: TokenEvidence) {
    await firstQuestion(pinned);
    // An answer that arrives after its session ended teaches nothing: what was learned went with it.
    if (!pinned.isLive()) return capabilities.of(pinned.account.id) ?? NO_CAPABILITIES;
    const before = capabilities.of(pinned.account.id);
    const now = capabilities.learn(pinned.account.id, { isSuperAdmin: pinned.isSuperAdmin, sample });
    if (!before || !contradicts(before, evidence)) return now;
    // A server that cannot be reached now decides nothing: what is known stays.
    const v3Tokens = await askV3Tokens(pinned);
    if (v3Tokens === undefined || !pinned.isLive()) return now;
    return capabilities.learn(pinned.account.id, { isSuperAdmin: pinned.isSuperAdmin, sample: null, v3Tokens });
  }

  return {
    begin: (pinned) => void firstQuestion(pinned),
    fromPage: (pinned, rows) =>
      learnChecked(pinned, rows[0] ? { kind: 'listed', row: rows[0] } : null, { kind: 'rows', prefixes: rows.map((row) => row.prefix) }),
    fromCreate: (pinned, row, expiryAsked) =>
      learnChecked(pinned, { kind: 'created', row }, { kind: 'created', expiryAsked, expiryKept: Boolean(row.expiry) }),
    fromSwitchRefused: (pinned) => learnChecked(pinned, null, { kind: 'switch_refused' }),
    async known(pinned) {
      await firstQuestion(pinned);
      return capabilities.of(pinned.account.id) ?? NO_CAPABILITIES;
    },
    of: (pinned) => capabilities.of(pinned.account.id),
  };
}
