// Lists the names of one keychain service's entries — needed only to migrate the legacy token
// copies and to rebuild an account list the settings file lost. keytar's findCredentials kills its
// process on a locked keyring (SIGSEGV, atom/node-keytar#477) and once did so in a normal session,
// so it runs in a CHILD process: a native crash there is a failed listing, never the app's end.
// The child prints names only; values are read afterwards, one by one, through the keychain queue.
import { spawn } from 'node:child_process';
import { keychainLocked } from './keychain.ts';
import { keychainUnavailable } from './keychain-unavailable.ts';

export interface EntryLister {
  /** The entry names of `service`; throws keychain_locked when the listing failed (or crashed). */
  names(service: string): Promise<string[]>;
}

export interface ChildEntryListerOptions {
  /** Node, or Electron run as Node (ELECTRON_RUN_AS_NODE). */
  execPath: string;
  /** Where keytar's entry file is, for the child's `require` (resolved when first needed). */
  keytarPath: () => string;
  timeoutMs?: number;
}

const CHILD_SCRIPT = `
const keytar = require(process.argv[1]);
keytar.findCredentials(process.argv[2]).then(
  (found) => process.stdout.write(JSON.stringify(found.map((entry) => entry.account))),
  () => process.exit(2),
);`;

export function createChildEntryLister({ execPath, keytarPath, timeoutMs = 10_000 }: ChildEntryListerOptions): EntryLister {
  return {
    names: (service) =>
      new Promise((resolve, reject) => {
        let modulePath: string;
        try {
          modulePath = keytarPath();
        } catch {
          reject(keychainUnavailable());
          return;
        }
        const child = spawn(execPath, ['-e', CHILD_SCRIPT, modulePath, service], {
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: timeoutMs,
        });
        let output = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => (output += chunk));
        child.once('error', () => reject(keychainLocked()));
        child.once('close', (code) => {
          try {
            const names: unknown = code === 0 ? JSON.parse(output) : null;
            if (Array.isArray(names) && names.every((name) => typeof name === 'string')) resolve(names);
            else reject(keychainLocked());
          } catch {
            reject(keychainLocked());
          }
        });
      }),
  };
}
