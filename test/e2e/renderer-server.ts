// Serves the BUILT renderer on 127.0.0.1 exactly as the app's `app://` handler does: same file
// resolution, same headers (CSP included). Chromium refuses module scripts from file://.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { APP_ORIGIN, rendererHeaders, resolveAppFile } from '../../main/security.ts';

export const BUILT_RENDERER = path.resolve(import.meta.dirname, '../../dist/renderer');

export async function startRendererServer(root = BUILT_RENDERER): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const file = resolveAppFile(root, `${APP_ORIGIN}${request.url ?? '/'}`);
    try {
      if (!file) throw new Error('outside the renderer');
      const body = await readFile(file);
      response.writeHead(200, rendererHeaders(file)).end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
