// A private desktop for one test run: its own X display (Xvfb), D-Bus session and unlocked GNOME
// Keyring, with every XDG folder in a temp dir. The tests that use the clipboard or the keychain then
// never read or write the user's real ones, on a developer's desktop or in CI. Linux only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Each program the desktop runs, with the Debian/Ubuntu package that provides it. */
export const DESKTOP_TOOLS = [
  { command: 'Xvfb', aptPackage: 'xvfb' },
  { command: 'xclip', aptPackage: 'xclip' },
  { command: 'dbus-daemon', aptPackage: 'dbus' },
  { command: 'dbus-send', aptPackage: 'dbus' },
  { command: 'gnome-keyring-daemon', aptPackage: 'gnome-keyring' },
] as const;

/** The variables that point a process at a desktop; the test desktop replaces or removes each one. */
const DESKTOP_VARIABLES = ['DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL'];

/** Set by the global setup when a tool is missing; the suites that need the desktop then fail with it. */
export const MISSING_DESKTOP_VARIABLE = 'NOCODB_AM_TEST_DESKTOP_MISSING';

const KEYRING_PASSWORD = 'test-desktop-keyring';
const START_TIMEOUT_MS = 15_000;

export interface TestDesktop {
  /** Set these (and delete the `undefined` ones) in the environment the tests inherit. */
  readonly env: Record<string, string | undefined>;
  stop(): Promise<void>;
}

function isOnPath(command: string, searchPath: string): boolean {
  return searchPath.split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The one line a contributor needs when tools are missing, or null when all are there. */
export function missingToolsMessage(searchPath = process.env['PATH'] ?? ''): string | null {
  const missing = DESKTOP_TOOLS.filter((tool) => !isOnPath(tool.command, searchPath));
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((tool) => tool.aptPackage))].join(' ');
  return `Test desktop: ${missing.map((tool) => tool.command).join(', ')} not found. Install with: sudo apt-get install ${packages} (the integration and e2e suites fail without it).`;
}

/** Resolves with the first line `stream` prints, or rejects when the process ends or time runs out. */
function firstLine(child: ChildProcess, stream: Readable, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0) return;
      clearTimeout(timer);
      resolve(text.slice(0, end).trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with code ${code} before it was ready.`));
    });
  });
}

/** Whether a keyring owns the Secret Service name on the session bus that `env` points to. */
export function ownsSecretService(env: NodeJS.ProcessEnv): boolean {
  const answer = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { env, encoding: 'utf8' },
  );
  return answer.stdout.includes('boolean true');
}

/** Polls the bus until the keyring has claimed the Secret Service name. */
async function waitForSecretService(env: NodeJS.ProcessEnv): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (ownsSecretService(env)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gnome-keyring-daemon did not offer the Secret Service within ${START_TIMEOUT_MS / 1000} s.`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Xvfb, a D-Bus session and an unlocked keyring in a fresh temp folder. Call `missingToolsMessage` first. */
export async function startTestDesktop(): Promise<TestDesktop> {
  const root = mkdtempSync(path.join(tmpdir(), 'nocodb-am-test-desktop-'));
  const xdg = {
    XDG_DATA_HOME: path.join(root, 'data'),
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_CACHE_HOME: path.join(root, 'cache'),
    XDG_RUNTIME_DIR: path.join(root, 'runtime'),
  };
  for (const dir of Object.values(xdg)) mkdirSync(dir, { mode: 0o700 });
  const children: ChildProcess[] = [];
  // A test run that ends without its teardown (a crash, Ctrl-C) must not leave the desktop behind.
  const killAll = () => {
    children.forEach((child) => child.kill('SIGKILL'));
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', killAll);

  const stop = async () => {
    process.off('exit', killAll);
    // The keyring first: it talks to the bus, which talks to nobody.
    for (const child of children.toReversed()) await stopProcess(child);
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ...xdg };
    for (const name of DESKTOP_VARIABLES) delete env[name];

    // -displayfd picks a free display number and writes it to fd 3 once the server accepts clients.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x800x24'], {
      env,
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    children.push(xvfb);
    env['DISPLAY'] = `:${await firstLine(xvfb, xvfb.stdio[3] as Readable, 'Xvfb')}`;

    // Not $XDG_RUNTIME_DIR/bus: D-Bus clients fall back to that path, and a test of "no session bus" must find none.
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${root}/bus`], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(bus);
    env['DBUS_SESSION_BUS_ADDRESS'] = await firstLine(bus, bus.stdout!, 'dbus-daemon');

    // --unlock reads the password from stdin and creates the login keyring with it on first use.
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    children.push(keyring);
    keyring.stdin!.end(KEYRING_PASSWORD);
    await waitForSecretService(env);

    const desktopEnv: Record<string, string | undefined> = Object.fromEntries(DESKTOP_VARIABLES.map((name) => [name, undefined]));
    return {
      env: { ...desktopEnv, ...xdg, DISPLAY: env['DISPLAY'], DBUS_SESSION_BUS_ADDRESS: env['DBUS_SESSION_BUS_ADDRESS'] },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
