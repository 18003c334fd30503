import type { AccountEntry, AccountStatus } from '../../../preload/contract.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** The server's host as the user knows it: `nocodb.example.com`, `127.0.0.1:8080`. */
export function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host || serverUrl;
  } catch {
    return serverUrl;
  }
}

export const STATUS_TEXT: Record<AccountStatus, MessageKey> = {
  signed_in: 'accounts.status.signed_in',
  memory_only: 'accounts.status.memory_only',
  session_ended: 'accounts.status.session_ended',
  unreachable: 'accounts.status.unreachable',
};

/** True when the account can be used right now (its tokens listed, its settings opened). */
export const isSignedIn = ({ status }: AccountEntry) => status === 'signed_in' || status === 'memory_only';
