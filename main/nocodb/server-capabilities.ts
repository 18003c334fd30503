// What each account's server can do, decided from the server's own answers — never from a version
// string (0.301.3 and the 2026 builds report the same one). Learned per account from its first token
// page and the v3 tokens question asked beside it (main/tokens/token-capabilities.ts), kept here by
// account id, sent with each token page and with the account over the bridge, and refreshed when a
// later answer tells more (the account had no token yet) or contradicts it (an upgrade).
// A new capability is one field of `ServerCapabilities` and one entry of DETECTORS.
import { NO_CAPABILITIES, type ServerCapabilities } from '../../preload/contract.ts';
import type { ApiTokenRow } from './types.ts';
import { tokenCapabilitiesFrom, type V3TokenCapabilities, type V3TokensAnswer } from './v3-token-capabilities.ts';

/** One token row as the server answered it: in a list, or in the answer to a create. */
export type TokenSample = { kind: 'listed' | 'created'; row: ApiTokenRow };

/** The server's answers a capability is decided from. */
export interface CapabilityAnswers {
  /** From `/auth/user/me`. */
  isSuperAdmin: boolean;
  /** A token row the server sent; null while the account has no token (nothing tells yet). */
  sample: TokenSample | null;
  /** How the server answered its v3 tokens route, when it was asked (once per session, and when an answer contradicted it). */
  v3Tokens?: V3TokensAnswer;
}

/** The server's list rows no longer carry the secret: it shows a token once, in the create's answer. */
function showsTokenOnce({ sample }: CapabilityAnswers): boolean | null {
  if (!sample) return null;
  // A create always answers the secret; only servers that keep a prefix (today's) send one.
  return sample.kind === 'listed' ? sample.row.token === null : sample.row.prefix !== null;
}

/**
 * Today's list rows carry `last_used_at` and `expiry` (null or not); 0.301.3's carry neither key.
 * A create's answer does not say, so it tells by the generation the create showed.
 */
const listsField =
  (field: 'lastUsedAt' | 'expiry') =>
  (answers: CapabilityAnswers): boolean | null =>
    answers.sample?.kind === 'listed' ? answers.sample.row[field] !== undefined : showsTokenOnce(answers);

/** A v3 token capability, from the v3 route's answer; null when it was not asked. */
const fromV3 =
  (field: keyof V3TokenCapabilities) =>
  ({ v3Tokens }: CapabilityAnswers): boolean | null =>
    v3Tokens === undefined ? null : tokenCapabilitiesFrom(v3Tokens)[field];

/** An `nc_pat_` token exists only where a create may carry an expiry; otherwise the v3 route tells. */
function expiryAtCreation(answers: CapabilityAnswers): boolean | null {
  if (answers.sample?.row.prefix?.startsWith('nc_pat_')) return true;
  return fromV3('expiryAtCreation')(answers);
}

/** Each capability from the answers; null: the answers do not tell yet (see NO_CAPABILITIES). */
const DETECTORS: { [K in keyof ServerCapabilities]: (answers: CapabilityAnswers) => boolean | null } = {
  showsTokenOnce,
  tracksLastUse: listsField('lastUsedAt'),
  hasExpiry: listsField('expiry'),
  // Servers that show a token once also evict a deleted one from their cache (their source says so);
  // 0.301.3 keeps accepting it for a while.
  revokesAtOnce: showsTokenOnce,
  // A super admin's list holds every user's tokens; anyone else's only their own.
  listsOthersTokens: ({ isSuperAdmin }) => isSuperAdmin,
  expiryAtCreation,
  noExpiry: fromV3('noExpiry'),
  enableDisable: fromV3('enableDisable'),
};

/**
 * The capabilities the answers show; what they do not tell stays as `before` had it. An account with
 * no token yet starts from NO_CAPABILITIES: values are read from the list, as on 0.301.3, until a
 * create settles it (before any value is kept).
 */
export function detectCapabilities(answers: CapabilityAnswers, before: ServerCapabilities = NO_CAPABILITIES): ServerCapabilities {
  const capabilities = { ...before };
  for (const key of Object.keys(DETECTORS) as Array<keyof ServerCapabilities>) capabilities[key] = DETECTORS[key](answers) ?? before[key];
  return capabilities;
}

/** Every account's capabilities, by account id. Forgotten with the account's session. */
export interface CapabilityRegistry {
  /**
   * Decides the account's capabilities from answers of its server: its v3 tokens route, and each
   * token row, which settles what no row had told yet and corrects what it contradicts.
   * An answer without a row keeps what earlier rows told. Answers the account's capabilities now.
   */
  learn(accountId: string, answers: CapabilityAnswers): ServerCapabilities;
  /** The account's capabilities; null when none were detected (not signed in, or no token page asked its server yet). */
  of(accountId: string): ServerCapabilities | null;
  forget(accountId: string): void;
}

export function createCapabilityRegistry(): CapabilityRegistry {
  /** Ended with the account's session (Log Out, session ended, removed) and decided again at each sign-in. */
  const known = new Map<string, ServerCapabilities>();
  return {
    learn(accountId, answers) {
      // Only the capabilities, never the row: a 0.301.3 row carries the token's value.
      const capabilities = detectCapabilities(answers, known.get(accountId));
      known.set(accountId, capabilities);
      return capabilities;
    },
    of: (accountId) => known.get(accountId) ?? null,
    forget: (accountId) => void known.delete(accountId),
  };
}
