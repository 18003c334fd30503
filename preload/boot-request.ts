// What the first screen asks main for, read from the address the window opens on. The preload sends
// it before the page's scripts run (see bridge.ts); the renderer's first line asks for the same.
import type { BootRequest } from './contract.ts';

/** The Tokens tab's address: a window opening on it gets the active account's first token page with its boot answer. */
export const TOKENS_HASH = '#/account/tokens';

export function bootRequestFor(hash: string): BootRequest {
  return { showsTokens: hash === TOKENS_HASH };
}
