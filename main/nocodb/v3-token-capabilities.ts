// What an account's server offers for its tokens since the images of April 2026 (shared/nocodb/
// API-current.md, "Images of April 2026 and later"), decided from how it answers
// `GET /api/v3/meta/tokens` — never from a version string, which does not tell the generation.
// These are three fields of ServerCapabilities (see server-capabilities.ts).
import type { ServerCapabilities } from '../../preload/contract.ts';

/** How the server answered the v3 tokens route (with the session). */
export type V3TokensAnswer =
  | 'open' // 200 with a token list: v3 tokens work
  | 'licence_required' // 402 LICENSE_REQUIRED: an April 2026 image without a licence
  | 'refused' // 403: NocoDB Cloud without the enterprise plan
  | 'absent'; // 404 (0.301.3, 2026 builds before April) or an answer that is not NocoDB's

export type V3TokenCapabilities = Pick<ServerCapabilities, 'expiryAtCreation' | 'noExpiry' | 'enableDisable'>;

export function tokenCapabilitiesFrom(answer: V3TokensAnswer): V3TokenCapabilities {
  switch (answer) {
    case 'open':
      return { expiryAtCreation: true, noExpiry: true, enableDisable: true };
    case 'licence_required':
      // The gate stands in front of a route that exists: the image's v1 create still takes an expiry.
      return { expiryAtCreation: true, noExpiry: false, enableDisable: false };
    case 'refused':
    case 'absent':
      return { expiryAtCreation: false, noExpiry: false, enableDisable: false };
  }
}

/** What an answer showed about the server's tokens, to hold against what was detected. */
export type TokenEvidence =
  | { kind: 'rows'; prefixes: Array<string | null> } // a list page: an `nc_pat_` prefix means expiry at creation
  | { kind: 'created'; expiryAsked: boolean; expiryKept: boolean } // a create, and whether the answer kept the expiry asked
  | { kind: 'switch_refused' }; // v3 refused an enable/disable as not available

/** Whether the evidence contradicts the capabilities, so the v3 route must be asked again. */
export function contradicts(capabilities: V3TokenCapabilities, evidence: TokenEvidence): boolean {
  switch (evidence.kind) {
    case 'rows':
      return !capabilities.expiryAtCreation && evidence.prefixes.some((prefix) => prefix?.startsWith('nc_pat_') === true);
    case 'created':
      return evidence.expiryAsked && capabilities.expiryAtCreation && !evidence.expiryKept;
    case 'switch_refused':
      return capabilities.enableDisable;
  }
}
