// How the token service keeps an account's capabilities (server-capabilities.ts) up to date from
// its answers: each list page and create tells what its rows show, and an answer that contradicts
// the v3 token capabilities (an `nc_pat_` row on a server thought older, an expiry not kept, a
// switch refused) asks the server's v3 tokens route again.
import type { ServerCapabilities } from '../../preload/contract.ts';
import type { PinnedSession } from '../accounts/accounts-service.ts';
import type { CapabilityRegistry, TokenSample } from '../nocodb/server-capabilities.ts';
import type { ApiTokenRow, CreatedApiToken } from '../nocodb/types.ts';
import { contradicts, type TokenEvidence } from '../nocodb/v3-token-capabilities.ts';

export interface CapabilityLearning {
  /** From a list page (its first row settles what no row had told yet). */
  fromPage(pinned: PinnedSession, rows: ApiTokenRow[]): Promise<ServerCapabilities>;
  /** From a create's answer, and whether it kept the expiry asked. */
  fromCreate(pinned: PinnedSession, row: CreatedApiToken, expiryAsked: boolean): Promise<ServerCapabilities>;
  /** v3 refused a switch as not available. */
  fromSwitchRefused(pinned: PinnedSession): Promise<ServerCapabilities>;
  /** The account's capabilities now (null: not detected). */
  of(pinned: PinnedSession): ServerCapabilities | null;
}

export function createCapabilityLearning(capabilities: Pick<CapabilityRegistry, 'learn' | 'of'>): CapabilityLearning {
  const learn = (pinned: PinnedSession, sample: TokenSample | null) =>
    capabilities.learn(pinned.account.id, { isSuperAdmin: pinned.isSuperAdmin, sample });

  /** Learns the sample; when the evidence contradicts what was known, asks the v3 route again. */
  async function learnChecked(pinned: PinnedSession, sample: TokenSample | null, evidence: TokenEvidence) {
    const before = capabilities.of(pinned.account.id);
    const now = learn(pinned, sample);
    if (!before || !contradicts(before, evidence)) return now;
    // A server that cannot be reached now decides nothing: what is known stays.
    const v3Tokens = await pinned.withSession((client, jwt) => client.v3Tokens(jwt)).catch(() => undefined);
    if (v3Tokens === undefined || !pinned.isLive()) return now;
    return capabilities.learn(pinned.account.id, { isSuperAdmin: pinned.isSuperAdmin, sample: null, v3Tokens });
  }

  return {
    fromPage: (pinned, rows) =>
      learnChecked(pinned, rows[0] ? { kind: 'listed', row: rows[0] } : null, { kind: 'rows', prefixes: rows.map((row) => row.prefix) }),
    fromCreate: (pinned, row, expiryAsked) =>
      learnChecked(pinned, { kind: 'created', row }, { kind: 'created', expiryAsked, expiryKept: Boolean(row.expiry) }),
    fromSwitchRefused: (pinned) => learnChecked(pinned, null, { kind: 'switch_refused' }),
    of: (pinned) => capabilities.of(pinned.account.id),
  };
}
