// Vitest global setup (runs once per run, before any worker starts, so every worker inherits the
// environment set here): gives the integration and e2e projects a private X display, D-Bus session
// and unlocked keyring (see test-desktop.ts), whatever desktop the run was started from. When a tool
// is missing it prints one line saying what to install, and require-test-desktop.ts fails those suites.
import type { TestProject } from 'vitest/node';
import { runNeedsServices } from './selected-projects.ts';
import { MISSING_DESKTOP_VARIABLE, missingToolsMessage, startTestDesktop } from './test-desktop.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!runNeedsServices(project)) return undefined;
  // Whatever an outer run left in the environment, this run decides for itself.
  delete process.env[MISSING_DESKTOP_VARIABLE];
  const missing = missingToolsMessage();
  if (missing) {
    console.log(missing);
    process.env[MISSING_DESKTOP_VARIABLE] = missing;
    return undefined;
  }
  const desktop = await startTestDesktop();
  const previous = Object.fromEntries(Object.keys(desktop.env).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(desktop.env);
  console.log(`Private test desktop: X display ${desktop.env['DISPLAY']}, its own D-Bus session and keyring`);
  return async () => {
    await desktop.stop();
    apply(previous);
  };
}
