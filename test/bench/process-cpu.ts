// CPU time spent by the bench's own process and by the Chromium processes it started, read from
// /proc (Linux): on a shared 2-core machine a wall-clock figure moves with other people's work, but
// the CPU each process used for one step says where that step's time goes.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds so far: the bench process (main's handlers, the fake servers, Playwright) and Chromium's browser and renderer processes. */
export interface ProcessCpu {
  bench: number;
  browser: number;
  renderer: number;
  /** GPU, utility and zygote processes. */
  otherChromium: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

function processes(): Map<number, { parent: number; ms: number; type: string }> {
  const found = new Map<number, { parent: number; ms: number; type: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: state, ppid, … utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(Number(name), { parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS, type: typeOf(name) });
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

/** Chromium's process type (`browser` for its main process); `other` for any other program the bench started (NocoDB, a keychain worker). */
function typeOf(pid: string): string {
  // Processes forked from Chromium's zygote rewrite their command line as one space-separated string.
  const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  if (!/^\S*\/chromium?\s/.test(command)) return 'other';
  return / --type=(\S+)/.exec(command)?.[1] ?? 'browser';
}

/** The CPU used so far; null where /proc cannot be read. */
export function processCpu(): ProcessCpu | null {
  let all;
  try {
    all = processes();
  } catch {
    return null;
  }
  const usage = process.cpuUsage();
  const cpu: ProcessCpu = { bench: (usage.user + usage.system) / 1000, browser: 0, renderer: 0, otherChromium: 0 };
  const isDescendant = (pid: number) => {
    for (let at = all.get(pid)?.parent; at !== undefined && at > 1; at = all.get(at)?.parent) if (at === process.pid) return true;
    return false;
  };
  for (const [pid, { ms, type }] of all) {
    if (type === 'other' || !isDescendant(pid)) continue;
    if (type === 'browser') cpu.browser += ms;
    else if (type === 'renderer') cpu.renderer += ms;
    else cpu.otherChromium += ms;
  }
  return cpu;
}

/** What each process used between two readings. */
export function cpuSince(before: ProcessCpu): ProcessCpu | null {
  const now = processCpu();
  if (now === null) return null;
  return {
    bench: now.bench - before.bench,
    browser: now.browser - before.browser,
    renderer: now.renderer - before.renderer,
    otherChromium: now.otherChromium - before.otherChromium,
  };
}
