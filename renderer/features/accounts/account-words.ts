import type { AccountEntry, AccountStatus } from '../../../preload/contract.ts';

/** The server's host as the user knows it: `nocodb.example.com`, `127.0.0.1:8080`. */
export function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host || serverUrl;
  } catch {
    return serverUrl;
  }
}

export const STATUS_TEXT: Record<AccountStatus, string> = {
  signed_in: 'Signed in',
  memory_only: 'Signed in (memory only)',
  session_ended: 'Session ended',
  unreachable: 'Server unreachable',
  keychain_locked: 'Keychain locked',
};

/** States that Retry may end: the server did not answer, or the keychain was locked. */
export const canRetry = ({ status }: AccountEntry) => status === 'unreachable' || status === 'keychain_locked';

/** True when the account can be used right now (its tokens listed, its settings opened). */
export const isSignedIn = ({ status }: AccountEntry) => status === 'signed_in' || status === 'memory_only';
