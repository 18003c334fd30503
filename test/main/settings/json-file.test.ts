import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFile } from '../../../main/settings/json-file.ts';

describe('JSON file', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'json-file-'));
    file = path.join(folder, 'nested', 'settings.json');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('reads a missing file as undefined', async () => {
    expect(await createJsonFile(file).read()).toBeUndefined();
  });

  it('writes what a new instance reads back, creating the folder, readable by the owner only', async () => {
    await createJsonFile(file).write({ clipboardClearSeconds: 12 });

    expect(await createJsonFile(file).read()).toEqual({ clipboardClearSeconds: 12 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('replaces the file whole and leaves no temporary file behind', async () => {
    const json = createJsonFile(file);
    await json.write({ a: 1, long: 'x'.repeat(10_000) });
    await json.write({ a: 2 });

    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ a: 2 });
    expect(await readdir(path.dirname(file))).toEqual(['settings.json']);
  });

  it('keeps the old content when a write fails', async () => {
    const json = createJsonFile(file);
    await json.write({ a: 1 });

    await expect(json.write({ a: 2n })).rejects.toThrow(/BigInt/);

    expect(await json.read()).toEqual({ a: 1 });
    expect(await readdir(path.dirname(file))).toEqual(['settings.json']);
  });

  it('reads content that is not JSON as undefined', async () => {
    await createJsonFile(file).write({});
    await writeFile(file, '{"clipboardClear');

    expect(await createJsonFile(file).read()).toBeUndefined();
  });
});
