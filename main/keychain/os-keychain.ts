// The app's keychain ports on the OS keychain: one serialised queue (keychain.ts) shared by the
// sessions, the token copies and the one-time move of legacy entries.
import type { SecretStore, TokenVault } from '../ports.ts';
import { createChildEntryLister } from './entry-lister.ts';
import { createKeychain } from './keychain.ts';
import { createKeychainMigration, type KeychainMigration } from './keychain-migration.ts';
import { LEGACY_KEYCHAIN_SERVICES, type KeychainServices } from './keychain-names.ts';
import { createKeychainSecretStore } from './keychain-secret-store.ts';
import { createKeychainTokenVault } from './keychain-token-vault.ts';
import type { KeytarCalls } from './keytar-module.ts';

export interface OsKeychainOptions {
  services: KeychainServices;
  /** Node, or Electron run as Node: runs the child that lists entries (entry-lister.ts). */
  execPath: string;
  keytarPath: () => string;
  loadKeytar?: () => Promise<KeytarCalls>;
  legacy?: KeychainServices;
  timeoutMs?: number;
}

export interface OsKeychain {
  secretStore: SecretStore;
  tokenVault: TokenVault;
  migrateKeychain: KeychainMigration;
}

export function createOsKeychain({
  services,
  execPath,
  keytarPath,
  loadKeytar,
  legacy = LEGACY_KEYCHAIN_SERVICES,
  timeoutMs,
}: OsKeychainOptions): OsKeychain {
  const keychain = createKeychain({ canaryService: services.sessions, loadKeytar, timeoutMs });
  const lister = createChildEntryLister({ execPath, keytarPath });
  return {
    secretStore: createKeychainSecretStore(keychain, lister, services.sessions),
    tokenVault: createKeychainTokenVault(keychain, lister, services.tokenCopies),
    migrateKeychain: createKeychainMigration({ keychain, lister, services, legacy }),
  };
}
