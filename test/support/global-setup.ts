// Vitest global setup (runs once per run): provides the real NocoDB that the integration and e2e
// projects test against. Workers inherit NOCODB_URL / NOCODB_EMAIL / NOCODB_PASSWORD from this process.
// - With those variables already set, the suite runs against that server and nothing is started.
// - Otherwise NocoDB is started only when the run includes the integration or e2e project, so
//   `vitest run --project unit` stays fast. A NocoDB that cannot start fails the run; nothing is skipped.
import type { TestProject } from 'vitest/node';
import { startNocodb } from './nocodb-server.ts';
import { runNeedsServices } from './selected-projects.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NOCODB_URL) {
    if (!process.env.NOCODB_EMAIL || !process.env.NOCODB_PASSWORD) {
      throw new Error('NOCODB_URL is set, so NOCODB_EMAIL and NOCODB_PASSWORD (a super admin of that server) must be set too.');
    }
    return undefined;
  }
  if (!runNeedsServices(project)) return undefined;

  const startedAt = performance.now();
  const server = await startNocodb();
  console.log(`Real NocoDB started at ${server.url} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  process.env.NOCODB_URL = server.url;
  process.env.NOCODB_EMAIL = server.adminEmail;
  process.env.NOCODB_PASSWORD = server.adminPassword;
  return async () => {
    await server.dispose();
    delete process.env.NOCODB_URL;
    delete process.env.NOCODB_EMAIL;
    delete process.env.NOCODB_PASSWORD;
  };
}
