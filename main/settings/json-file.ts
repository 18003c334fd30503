// A small JSON document on disk for non-secret preferences. Writes go to a temporary file that is
// then renamed over the old one, so a crash mid-write never leaves a half-written document.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonFile } from '../ports.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** A JsonFile at `filePath`: a missing file or content that is not JSON reads as `undefined`. */
export function createJsonFile(filePath: string): JsonFile {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // A damaged preferences file must not stop the app; the caller falls back to defaults.
        return undefined;
      }
    },
    async write(value) {
      await mkdir(path.dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        // 0600: preferences are not secret, but they are nobody else's business either.
        await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
        await rename(temporary, filePath);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
