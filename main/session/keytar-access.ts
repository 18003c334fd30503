// Shared by the keychain stores (the session's and the token copies'): keytar is loaded on first
// use, and every failure becomes the same `keychain_unavailable` for the user.
import { keychainUnavailable } from './keychain-unavailable.ts';

export type Keytar = typeof import('keytar');

/** Loads keytar on first use, so a missing native module or Secret Service never stops the app from starting. */
export async function importKeytar(): Promise<Keytar> {
  const module = (await import('keytar')) as Keytar & { default?: Keytar };
  // keytar is CommonJS: depending on the loader its functions sit on the namespace or on `default`.
  return module.default ?? module;
}

/** Runs keychain operations on one lazily loaded keytar; any failure is thrown as keychain_unavailable. */
export function keytarAccess(loadKeytar: () => Promise<Keytar> = importKeytar) {
  let keytar: Promise<Keytar> | null = null;
  return async function withKeytar<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      keytar ??= loadKeytar();
      return await operation(await keytar);
    } catch {
      // A missing module, no D-Bus, a locked keyring: the same story for the user, and the cause
      // may carry details (or a secret) that do not belong in a message.
      throw keychainUnavailable();
    }
  };
}
