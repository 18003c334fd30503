// The keytar calls the keychain queue (keychain.ts) makes; the app answers them from a worker
// process (keytar-worker.ts), tests from a fake.

/**
 * The keytar calls the app makes. Listing (`names`, keytar's findCredentials) is offered only by the
 * worker (keytar-worker.ts): on Linux findCredentials dereferences a missing secret when the
 * keyring is locked and kills its process (atom/node-keytar#477), which must never be the app's.
 */
export interface KeytarCalls {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  /** The entry names of a service (only where a crash cannot end the app). */
  names?(service: string): Promise<string[]>;
  /** Drops the connection (the worker process) so the next call starts afresh. */
  reset?(): void;
}
