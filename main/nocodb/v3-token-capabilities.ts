// What an account's server offers for its tokens since the images of April 2026 (shared/nocodb/
// API-current.md, "Images of April 2026 and later"), decided from how it answers
// `GET /api/v3/meta/tokens` — never from a version string, which does not tell the generation.
import type { TokenCapabilities } from '../../preload/contract.ts';

/** How the server answered the v3 tokens route (with the session). */
export type V3TokensAnswer =
  | 'open' // 200 with a token list: v3 tokens work
  | 'licence_required' // 402 LICENSE_REQUIRED: an April 2026 image without a licence
  | 'refused' // 403: NocoDB Cloud without the enterprise plan
  | 'absent'; // 404 (0.301.3, 2026 builds before April) or an answer that is not NocoDB's

/** 0.301.3 and the 2026 builds before April: tokens never expire and cannot be switched off. */
export const OLDER_SERVER: TokenCapabilities = { expiryAtCreation: false, noExpiry: false, enableDisable: false };

export function tokenCapabilitiesFrom(answer: V3TokensAnswer): TokenCapabilities {
  switch (answer) {
    case 'open':
      return { expiryAtCreation: true, noExpiry: true, enableDisable: true };
    case 'licence_required':
      // The gate stands in front of a route that exists: the image's v1 create still takes an expiry.
      return { expiryAtCreation: true, noExpiry: false, enableDisable: false };
    case 'refused':
    case 'absent':
      return OLDER_SERVER;
  }
}

/** Asks the server once; a transport failure (offline, timeout) decides nothing: null, ask again later. */
export async function detectTokenCapabilities(probe: () => Promise<V3TokensAnswer>): Promise<TokenCapabilities | null> {
  try {
    return tokenCapabilitiesFrom(await probe());
  } catch {
    return null;
  }
}

/** What an answer showed about the server's tokens, to hold against what was detected. */
export type TokenEvidence =
  | { kind: 'row'; prefix: string | null } // a list row: an `nc_pat_` prefix means expiry at creation
  | { kind: 'created'; expiryAsked: boolean; expiryKept: boolean } // a create with an expiry, and whether the answer kept it
  | { kind: 'switch_refused' }; // v3 refused an enable/disable as not available

/** Whether the evidence contradicts the capabilities, so they must be detected again. */
export function contradicts(capabilities: TokenCapabilities, evidence: TokenEvidence): boolean {
  switch (evidence.kind) {
    case 'row':
      return !capabilities.expiryAtCreation && evidence.prefix?.startsWith('nc_pat_') === true;
    case 'created':
      return evidence.expiryAsked && capabilities.expiryAtCreation && !evidence.expiryKept;
    case 'switch_refused':
      return capabilities.enableDisable;
  }
}
