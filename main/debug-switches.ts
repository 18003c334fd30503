// Switches that open the app to another process of the same user: Chromium's remote debugging
// drives the window (and could read a revealed token), Node's inspector runs code in main. A fuse
// turns off Node's `--inspect*` in packaged builds, but none covers remote debugging, so the
// packaged app refuses to start with any of them.

const DEBUG_SWITCHES = /^(?:--?|\/)(remote-debugging-[a-z-]+|inspect(?:-brk|-port|-brk-node)?|debug(?:-brk)?)(?:=|$)/i;

/** The debug switches in `argv` (the executable, argv[0], is skipped), as `--name`. */
export function debugSwitchesIn(argv: readonly string[]): string[] {
  return argv.slice(1).flatMap((arg) => {
    const match = DEBUG_SWITCHES.exec(arg);
    return match ? [`--${match[1]!.toLowerCase()}`] : [];
  });
}
