// keytar in a child process. keytar is native code that can kill its process: findCredentials
// dereferences a missing secret on a locked keyring (SIGSEGV, atom/node-keytar#477, reproduced
// here), and once did so in a normal session. In a worker, such a crash ends one call — answered as
// a failure — and the next call starts a fresh worker. A fresh worker also reconnects to a keyring
// daemon that was restarted (libsecret keeps its first connection for the life of a process).
// Values travel over the worker's pipes only: never a file, never a log (its stderr is dropped).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { KeytarCalls } from './keytar-module.ts';

export interface KeytarWorkerOptions {
  /** Node, or Electron run as Node (ELECTRON_RUN_AS_NODE). */
  execPath: string;
  /** Where keytar's entry file is, for the worker's `require` (resolved when first needed). */
  keytarPath: () => string;
}

const WORKER_SCRIPT = `
const keytar = require(process.argv[1]);
const answer = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
require('node:readline').createInterface({ input: process.stdin }).on('line', async (line) => {
  const { id, op, args } = JSON.parse(line);
  try {
    const value = op === 'names' ? (await keytar.findCredentials(args[0])).map((entry) => entry.account) : await keytar[op](...args);
    answer({ id, ok: true, value: value === undefined ? null : value });
  } catch (error) {
    answer({ id, ok: false, message: String((error && error.message) || error) });
  }
});
process.stdin.on('end', () => process.exit(0));`;

type Op = 'getPassword' | 'setPassword' | 'deletePassword' | 'names';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function createKeytarWorker({ execPath, keytarPath }: KeytarWorkerOptions): Required<KeytarCalls> {
  let worker: { child: ChildProcessWithoutNullStreams; pending: Map<number, Pending> } | null = null;
  let nextId = 0;

  function start() {
    const child = spawn(execPath, ['-e', WORKER_SCRIPT, keytarPath()], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr.resume(); // libsecret's warnings: dropped, they may name entries
    const pending = new Map<number, Pending>();
    const started = { child, pending };
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message: { id?: number; ok?: boolean; value?: unknown; message?: string };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return;
      }
      const waiting = pending.get(message.id ?? -1);
      pending.delete(message.id ?? -1);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.message ?? 'keytar failed'));
    });
    const end = () => {
      if (worker === started) worker = null;
      for (const waiting of pending.values()) waiting.reject(new Error('The keychain worker ended (crashed).'));
      pending.clear();
    };
    child.once('exit', end);
    child.once('error', end);
    return started;
  }

  function call<T>(op: Op, ...args: string[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      try {
        worker ??= start();
      } catch (error) {
        reject(error as Error);
        return;
      }
      const id = (nextId += 1);
      worker.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }

  return {
    getPassword: (service, account) => call('getPassword', service, account),
    setPassword: async (service, account, password) => {
      await call('setPassword', service, account, password);
    },
    deletePassword: (service, account) => call('deletePassword', service, account),
    names: (service) => call('names', service),
    reset() {
      worker?.child.kill('SIGKILL');
      worker = null;
    },
  };
}
