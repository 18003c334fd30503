// keytar in a worker process. keytar is native code that can kill its process: findCredentials
// dereferences a missing secret on a locked keyring (SIGSEGV, atom/node-keytar#477, reproduced
// here), and once did so in a normal session. In a worker, such a crash ends one call — answered as
// a failure — and the next call starts a fresh worker. A fresh worker also reconnects to a keyring
// daemon that was restarted (libsecret keeps its first connection for the life of a process).
// Values travel over the worker's channel only: never a file, never a log.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { KeytarCalls } from './keytar-module.ts';
import { answerId, readAnswer, type WorkerOp, type WorkerRequest } from './keytar-worker-protocol.ts';

/** The worker ended (crashed) or answered what no keytar call answers: the keychain stopped answering. */
export class KeychainWorkerStopped extends Error {
  constructor(why = 'The keychain worker ended (crashed).') {
    super(why);
    this.name = 'KeychainWorkerStopped';
  }
}

/** A running worker (keytar-worker-process.ts): Electron's utility process in the app, Node in tests. */
export interface WorkerChannel {
  send(request: WorkerRequest): void;
  /** Every message the worker sends, unchecked (see keytar-worker-protocol.ts). */
  onAnswer(listener: (answer: unknown) => void): void;
  /** Called once when the worker ends, a crash included. */
  onExit(listener: () => void): void;
  kill(): void;
}

/** The worker as a Node child process speaking one JSON line per message (tests, the e2e harness). */
export function nodeWorkerChannel(execPath: string, workerScript: string, keytarPath: string): WorkerChannel {
  const child = spawn(execPath, [workerScript, keytarPath], { stdio: ['pipe', 'pipe', 'ignore'] });
  // An idle worker must not keep a finished test or bench run alive (a caller waiting for an answer
  // is itself kept alive by its test runner or Playwright).
  child.unref();
  for (const pipe of [child.stdin, child.stdout]) (pipe as unknown as { unref?: () => void }).unref?.();
  let exited = false;
  return {
    send: (request) => void child.stdin.write(`${JSON.stringify(request)}\n`),
    onAnswer: (listener) =>
      void createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          listener(JSON.parse(line) as unknown);
        } catch {
          // Not an answer: ignored.
        }
      }),
    onExit(listener) {
      const once = () => {
        if (!exited) listener();
        exited = true;
      };
      child.once('exit', once);
      child.once('error', once);
    },
    kill: () => void child.kill('SIGKILL'),
  };
}

export function createKeytarWorker(start: () => WorkerChannel): Required<KeytarCalls> {
  let worker: {
    channel: WorkerChannel;
    pending: Map<number, { op: WorkerOp; resolve: (value: unknown) => void; reject: (error: Error) => void }>;
  } | null = null;
  let nextId = 0;

  function startWorker() {
    const channel = start();
    const started = { channel, pending: new Map() as NonNullable<typeof worker>['pending'] };
    channel.onAnswer((message) => {
      const id = answerId(message);
      const waiting = id === null ? undefined : started.pending.get(id);
      if (id === null || !waiting) return; // not an answer to a call of ours: ignored
      started.pending.delete(id);
      const answer = readAnswer(waiting.op, message);
      if (answer === null) waiting.reject(new KeychainWorkerStopped('The keychain worker sent an answer of the wrong shape.'));
      else if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new Error(answer.message));
    });
    channel.onExit(() => {
      if (worker === started) worker = null;
      for (const waiting of started.pending.values()) waiting.reject(new KeychainWorkerStopped());
      started.pending.clear();
    });
    return started;
  }

  function call<T>(op: WorkerOp, ...args: string[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      try {
        worker ??= startWorker();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const id = (nextId += 1);
      worker.pending.set(id, { op, resolve: resolve as (value: unknown) => void, reject });
      worker.channel.send({ id, op, args });
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
      worker?.channel.kill();
      worker = null;
    },
  };
}
