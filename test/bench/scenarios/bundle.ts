// The production renderer's weight: the JS the first screen loads (the scripts index.html names,
// preloaded modules included; the language's words come with main's boot answer, not as a script),
// every other JS chunk apart, the CSS, raw and gzip, and its fonts.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILT_RENDERER } from '../../e2e/renderer-server.ts';

export interface BundleSize {
  /** The first screen: the scripts index.html loads (the entry and the modules it preloads). */
  jsBytes: number;
  jsGzipBytes: number;
  /** Every chunk loaded on demand: pages, dialogs, the user menu, toasts, catalogs for a language change. */
  lazyJsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  /** woff2 is compressed already, so only its raw size counts. */
  fontBytes: number;
}

export async function measureBundle(root = BUILT_RENDERER): Promise<BundleSize> {
  const size: BundleSize = { jsBytes: 0, jsGzipBytes: 0, lazyJsGzipBytes: 0, cssBytes: 0, cssGzipBytes: 0, fontBytes: 0 };
  const page = await readFile(path.join(root, 'index.html'), 'utf8');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const kind = path.extname(entry.name);
    if (!entry.isFile() || !['.js', '.css', '.woff2'].includes(kind)) continue;
    const content = await readFile(path.join(entry.parentPath, entry.name));
    if (kind === '.woff2') {
      size.fontBytes += content.byteLength;
      continue;
    }
    // Each file on its own, as a server would compress it.
    const gzip = gzipSync(content).byteLength;
    if (kind === '.css') {
      size.cssBytes += content.byteLength;
      size.cssGzipBytes += gzip;
    } else if (page.includes(entry.name)) {
      size.jsBytes += content.byteLength;
      size.jsGzipBytes += gzip;
    } else {
      size.lazyJsGzipBytes += gzip;
    }
  }
  if (size.jsBytes === 0) throw new Error(`No JS in ${root}: build the renderer first (npx vite build --mode renderer).`);
  return size;
}
