// The production renderer's weight: every JS and CSS file of dist/renderer, raw and gzip, and its fonts.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILT_RENDERER } from '../../e2e/renderer-server.ts';

export interface BundleSize {
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  /** woff2 is compressed already, so only its raw size counts. */
  fontBytes: number;
}

export async function measureBundle(root = BUILT_RENDERER): Promise<BundleSize> {
  const size: BundleSize = { jsBytes: 0, jsGzipBytes: 0, cssBytes: 0, cssGzipBytes: 0, fontBytes: 0 };
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
    if (kind === '.js') {
      size.jsBytes += content.byteLength;
      size.jsGzipBytes += gzip;
    } else {
      size.cssBytes += content.byteLength;
      size.cssGzipBytes += gzip;
    }
  }
  if (size.jsBytes === 0) throw new Error(`No JS in ${root}: build the renderer first (npx vite build --mode renderer).`);
  return size;
}
