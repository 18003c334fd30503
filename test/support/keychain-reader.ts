// Tests look into the real OS keychain through the app's own keytar worker, never with keytar loaded
// in the test runner: findCredentials can crash its process (see main/keychain/keytar-worker.ts), and
// in the runner that crash ends every test of the file, not one call.
import { createKeytarWorker, KeychainWorkerStopped } from '../../main/keychain/keytar-worker.ts';
import { startNodeWorker } from './keychain-worker.ts';

export interface KeychainEntry {
  account: string;
  password: string;
}

let worker: ReturnType<typeof createKeytarWorker> | null = null;
/** keytar's calls, answered by a worker process of the test's own. */
export const keytarInWorker = () => (worker ??= createKeytarWorker(startNodeWorker()));

/** A crashed worker ends one call; the next starts a fresh one, as in the app, so a read is tried twice. */
const twice = async <T>(read: () => Promise<T>): Promise<T> =>
  read().catch((error: unknown) => {
    if (error instanceof KeychainWorkerStopped) return read();
    throw error;
  });

/** Every entry of a service, as keytar's findCredentials would list it. */
export const keychainEntries = (service: string): Promise<KeychainEntry[]> =>
  twice(async () => {
    const entries = await Promise.all(
      (await keytarInWorker().names(service)).map(async (account) => ({
        account,
        password: await keytarInWorker().getPassword(service, account),
      })),
    );
    return entries.filter((entry): entry is KeychainEntry => entry.password !== null);
  });

/** Deletes every entry of these services (a test's clean-up). */
export async function clearKeychain(...services: string[]): Promise<void> {
  for (const service of services) {
    for (const account of await twice(() => keytarInWorker().names(service))) await keytarInWorker().deletePassword(service, account);
  }
}

/** Ends the reader's worker (it would not keep the process alive, but a file's end is a clean place to stop it). */
export function stopKeychainReader(): void {
  worker?.reset();
  worker = null;
}
