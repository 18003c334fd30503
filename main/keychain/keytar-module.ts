// keytar in the app's own process, loaded on first use so a missing native module never stops the
// app from starting (the app runs it in a worker instead: keytar-worker.ts). Only
// `main/keychain/keychain.ts` calls it.

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

export async function importKeytar(): Promise<KeytarCalls> {
  const module = (await import('keytar')) as typeof import('keytar') & { default?: typeof import('keytar') };
  // keytar is CommonJS: depending on the loader its functions sit on the namespace or on `default`.
  const keytar = module.default ?? module;
  return { getPassword: keytar.getPassword, setPassword: keytar.setPassword, deletePassword: keytar.deletePassword };
}
