// keytar, loaded on first use so a missing native module or Secret Service never stops the app
// from starting. Only `main/keychain/keychain.ts` calls it.

/**
 * The three keytar calls the app makes in its own process. `findCredentials` is deliberately not
 * here: on Linux it dereferences a missing secret when the keyring is locked and kills the process
 * (atom/node-keytar#477), so entries are only ever listed in a child process (entry-lister.ts).
 */
export interface KeytarCalls {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export async function importKeytar(): Promise<KeytarCalls> {
  const module = (await import('keytar')) as typeof import('keytar') & { default?: typeof import('keytar') };
  // keytar is CommonJS: depending on the loader its functions sit on the namespace or on `default`.
  const keytar = module.default ?? module;
  return { getPassword: keytar.getPassword, setPassword: keytar.setPassword, deletePassword: keytar.deletePassword };
}
