import type { AccountEntry, AccountStatus } from '../../../preload/contract.ts';
import type { MessageKey } from '../../i18n/index.ts';

// Kept here too: the account screens import their words from one file.
export { hostOf } from '../../domain/host.ts';

export const STATUS_TEXT: Record<AccountStatus, MessageKey> = {
  signed_in: 'accounts.status.signed_in',
  memory_only: 'accounts.status.memory_only',
  session_ended: 'accounts.status.session_ended',
  unreachable: 'accounts.status.unreachable',
  keychain_locked: 'accounts.status.keychain_locked',
};

/** States that Retry may end: the server did not answer, or the keychain was locked. */
export const canRetry = ({ status }: AccountEntry) => status === 'unreachable' || status === 'keychain_locked';

/** True when the account can be used right now (its tokens listed, its settings opened). */
export const isSignedIn = ({ status }: AccountEntry) => status === 'signed_in' || status === 'memory_only';
