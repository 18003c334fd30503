// `npm run nocodb`: a local NocoDB to try the app against, without Docker. Installs NocoDB from the
// npm registry if needed, serves it on 127.0.0.1:8080 (PORT overrides) and stops it on Ctrl-C.
import { startNocodb } from './nocodb-server.ts';

const port = Number(process.env.PORT ?? 8080);
console.log(`Starting NocoDB on 127.0.0.1:${port} (the first run installs it, which takes a few minutes)…`);
const server = await startNocodb({ port });
console.log(`
NocoDB is running at ${server.url}
Sign in to the app with:
  server    ${server.url}
  email     ${server.adminEmail}
  password  ${server.adminPassword}
Data (fresh each run) and log: ${server.dataDir}
Press Ctrl-C to stop.`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping NocoDB…');
  await server.dispose();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
