// The copied curl line is pasted into a terminal: whatever the server address holds, the shell must
// run curl and nothing else. Checked by running the line in a real `sh` with curl replaced by a stub.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasPlainHost } from '../../preload/server-host.ts';
import { shellQuoted, usageExample } from '../../preload/token-usage.ts';

const run = promisify(execFile);
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xy';

describe('the curl example in a POSIX shell', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'usage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the line with `curl` a shell function that prints its arguments, one a line. */
  const argumentsOf = async (line: string) =>
    (await run('sh', ['-c', `curl() { printf '%s\\n' "$@"; }; ${line}`], { cwd: dir })).stdout.split('\n').slice(0, -1);

  it.each([
    'http://a$(touch${IFS}marker).example.test',
    'http://a`touch marker`.example.test',
    "http://a'$(touch marker)'.example.test",
    'http://a;touch marker;.example.test',
    'http://a!touch marker.example.test',
  ])('runs curl and nothing else for %s', async (serverUrl) => {
    const argumentsSeen = await argumentsOf(usageExample('curl', serverUrl, TOKEN));

    expect(argumentsSeen).toEqual(['-H', `xc-token: ${TOKEN}`, `${serverUrl}/api/v1/auth/user/me`]);
    expect(existsSync(join(dir, 'marker'))).toBe(false);
  });

  it('single-quotes each word, closing and escaping a quote inside', () => {
    expect(usageExample('curl', 'http://localhost:8080', TOKEN)).toBe(
      `curl -H 'xc-token: ${TOKEN}' 'http://localhost:8080/api/v1/auth/user/me'`,
    );
    expect(shellQuoted("it's")).toBe(`'it'\\''s'`);
  });
});

describe('server hosts the app accepts', () => {
  it.each([
    'http://localhost:8080',
    'https://app.nocodb.com',
    'http://127.0.0.1:8080',
    'http://0x7f.1',
    'http://[::1]:8080',
    'http://[fd00::1]',
    'http://bücher.example',
    'http://nocodb.example.test.',
  ])('accepts %s', (serverUrl) => {
    expect(hasPlainHost(serverUrl)).toBe(true);
  });

  it.each([
    'http://a$(id).example.com',
    'http://a`id`.example.com',
    'http://a!b.example',
    "http://a'b.example",
    'http://a&b;c.example',
    'http://a_b.example',
    'http://a{b}.example',
    'http://a..b',
    'not a url',
  ])('refuses %s', (serverUrl) => {
    expect(hasPlainHost(serverUrl)).toBe(false);
  });
});
