// `npm run dev`: the renderer from Vite's dev server (hot reload), main and preload built once,
// and Electron pointed at the dev server. Restart it after changing main/ or preload/.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { build, createServer } from 'vite';

const require = createRequire(import.meta.url);
await build({ mode: 'main', logLevel: 'warn' });
await build({ mode: 'preload', logLevel: 'warn' });
const server = await createServer({ mode: 'renderer' });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The Vite dev server did not report its URL.');

const electron = spawn(require('electron'), ['.'], {
  stdio: 'inherit',
  env: { ...process.env, VITE_DEV_SERVER_URL: url },
});
electron.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
