// The app's keytar worker (main/keychain/keytar-worker-process.ts) as a Node child process, as tests
// and the e2e harness run it (the app runs it in Electron's utility process).
import { createRequire } from 'node:module';
import path from 'node:path';
import { nodeWorkerChannel, type WorkerChannel } from '../../main/keychain/keytar-worker.ts';

export const WORKER_SCRIPT = path.resolve(import.meta.dirname, '../../main/keychain/keytar-worker-process.ts');

/** Starts a worker on the real keytar (or on the module at `keytarPath`). */
export const startNodeWorker =
  (keytarPath = createRequire(import.meta.url).resolve('keytar')) =>
  (): WorkerChannel =>
    nodeWorkerChannel(process.execPath, WORKER_SCRIPT, keytarPath);
