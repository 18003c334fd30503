// The app's keychain ports on the OS keychain: keytar in a worker process (keytar-worker.ts) behind
// one serialised queue (keychain.ts), shared by the sessions, the token copies and the one-time
// move of legacy entries.
import type { SecretStore, TokenVault } from '../ports.ts';
import { createKeychain } from './keychain.ts';
import { createKeychainMigration, type KeychainMigration } from './keychain-migration.ts';
import { LEGACY_KEYCHAIN_SERVICES, type KeychainServices } from './keychain-names.ts';
import { createKeychainSecretStore } from './keychain-secret-store.ts';
import { createKeychainTokenVault } from './keychain-token-vault.ts';
import type { KeytarCalls } from './keytar-module.ts';
import { createKeytarWorker, type WorkerChannel } from './keytar-worker.ts';

export interface OsKeychainOptions {
  services: KeychainServices;
  /** Starts a keytar worker process (keytar-worker-process.ts): Electron's utility process in the app. */
  startWorker: () => WorkerChannel;
  /** Replaces the worker (tests: a missing keytar). */
  loadKeytar?: () => Promise<KeytarCalls>;
  legacy?: KeychainServices;
  timeoutMs?: number;
}

export interface OsKeychain {
  secretStore: SecretStore;
  tokenVault: TokenVault;
  migrateKeychain: KeychainMigration;
  /** Ends keytar's worker process (see Keychain.stop). */
  stop(): void;
}

export function createOsKeychain(options: OsKeychainOptions): OsKeychain {
  const { services, startWorker, legacy = LEGACY_KEYCHAIN_SERVICES, timeoutMs } = options;
  const loadKeytar = options.loadKeytar ?? (async () => createKeytarWorker(startWorker));
  const keychain = createKeychain({ canaryService: services.sessions, loadKeytar, timeoutMs });
  return {
    secretStore: createKeychainSecretStore(keychain, services.sessions),
    tokenVault: createKeychainTokenVault(keychain, services.tokenCopies),
    migrateKeychain: createKeychainMigration({ keychain, services, legacy }),
    stop: keychain.stop,
  };
}
