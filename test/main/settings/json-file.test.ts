import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

  it('tells a missing file (a first launch) from an empty, a damaged and an unreadable one', async () => {
    const json = createJsonFile(file);
    expect(await json.inspect()).toEqual({ status: 'missing' });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '');
    expect(await json.inspect()).toEqual({ status: 'damaged' });
    await writeFile(file, '{"accounts": [');
    expect(await json.inspect()).toEqual({ status: 'damaged' });
    await writeFile(file, '{"accounts": []}');
    expect(await json.inspect()).toEqual({ status: 'ok', value: { accounts: [] } });
    await chmod(file, 0o000);
    // root reads anything: a folder in its place is unreadable for everyone.
    await rm(file);
    await mkdir(file);
    expect(await json.inspect()).toEqual({ status: 'unreadable' });
  });

  it('keeps a damaged file aside under the given tag, for the user', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"cut off');

    const aside = await createJsonFile(file).keepAside('damaged-2026-11-29T12-00-00-000Z');

    expect(aside).toBe(`${file}.damaged-2026-11-29T12-00-00-000Z`);
    expect(await readFile(aside, 'utf8')).toBe('{"cut off');
    expect(await createJsonFile(file).inspect()).toEqual({ status: 'missing' });
  });
});
