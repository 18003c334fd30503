import type { AccountEntry, AccountStatus } from '../../../preload/contract.ts';
import type { MessageKey } from '../../i18n/index.ts';

// Kept here too: the account screens import their words from one file.
export { hostOf } from '../../domain/host.ts';

export const STATUS_TEXT: Record<AccountStatus, MessageKey> = {
  signed_in: 'accounts.status.signed_in',
  memory_only: 'accounts.status.memory_only',
  restoring: 'accounts.status.restoring',
  keychain_locked: 'accounts.status.keychain_locked',
  keychain_stopped: 'accounts.status.keychain_stopped',
  server_refused: 'accounts.status.server_refused',
  unreachable: 'accounts.status.unreachable',
  damaged_entry: 'accounts.status.damaged_entry',
  session_ended: 'accounts.status.session_ended',
  logging_out: 'accounts.status.logging_out',
};

/** States Retry may end: the world was in the way (the session is kept), or a Log Out waits for the keychain. */
const RETRYABLE: ReadonlySet<AccountStatus> = new Set([
  'keychain_locked',
  'keychain_stopped',
  'server_refused',
  'unreachable',
  'logging_out',
]);
export const canRetry = ({ status }: AccountEntry) => RETRYABLE.has(status);

/** States only a new sign-in ends (Sign in again). */
export const needsSignIn = ({ status }: AccountEntry) => status === 'session_ended' || status === 'damaged_entry';

/** True when the account can be used right now (its tokens listed, its settings opened). */
export const isSignedIn = ({ status }: AccountEntry) => status === 'signed_in' || status === 'memory_only';
