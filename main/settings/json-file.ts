// A small JSON document on disk for non-secret preferences. Writes go to a temporary file that is
// flushed to disk and then renamed over the old one, so neither a crash nor a power cut mid-write
// leaves a half-written (or empty) document.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonFile, JsonFileContent } from '../ports.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** A JsonFile at `filePath`. */
export function createJsonFile(filePath: string): JsonFile {
  async function inspect(): Promise<JsonFileContent> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      return isMissing(error) ? { status: 'missing' } : { status: 'unreadable' };
    }
    try {
      return { status: 'ok', value: JSON.parse(text) as unknown };
    } catch {
      // Empty or not JSON: damaged, which is not the same as "no file" (a first launch).
      return { status: 'damaged' };
    }
  }

  return {
    inspect,
    async read() {
      const content = await inspect();
      if (content.status === 'unreadable') throw new Error('unreadable');
      // A damaged preferences file must not stop the app; the caller falls back to defaults.
      return content.status === 'ok' ? content.value : undefined;
    },
    async keepAside(tag) {
      const aside = `${filePath}.${tag}`;
      await rename(filePath, aside);
      return aside;
    },
    async write(value) {
      await mkdir(path.dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        // 0600: preferences are not secret, but they are nobody else's business either.
        await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flush: true });
        await rename(temporary, filePath);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
