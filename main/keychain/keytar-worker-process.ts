// The keytar worker's own process (see keytar-worker.ts): Electron's utility process in the app,
// or plain Node in tests. It answers one request at a time; a native crash here ends only it.
// Its first argument is where keytar is; it writes nothing but answers.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { answerKeytarRequest, type KeytarModule, type WorkerRequest } from './keytar-worker-protocol.ts';

interface ParentPort {
  on(event: 'message', listener: (message: { data: WorkerRequest }) => void): void;
  postMessage(message: unknown): void;
}

const keytarPath = process.argv.at(-1) ?? 'keytar';
const keytar = createRequire(import.meta.url)(keytarPath) as KeytarModule;
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

if (parentPort) {
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- Electron's parentPort, not a window: no origin.
  parentPort.on('message', ({ data }) => void answerKeytarRequest(keytar, data).then((answer) => parentPort.postMessage(answer)));
} else {
  // Plain Node: one JSON request per line on stdin, one answer per line on stdout.
  createInterface({ input: process.stdin }).on('line', (line) => {
    void answerKeytarRequest(keytar, JSON.parse(line) as WorkerRequest).then((answer) =>
      process.stdout.write(`${JSON.stringify(answer)}\n`),
    );
  });
  process.stdin.on('end', () => process.exit(0));
}
