// The copied examples are pasted into a shell, a script or a `.env` file: whatever the token and the
// server address hold, the target must see exactly them and run nothing else. Checked by running each
// POSIX and fish example in the real shell (curl replaced by a function that prints its arguments),
// the JavaScript in Node, the Python in python3 and the `.env` line through Node's and sh's readers.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, parseEnv } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USAGE_EXAMPLES } from '../../preload/contract.ts';
import { hasPlainHost } from '../../preload/server-host.ts';
import { defaultTarget, headerBlock, shellQuoted, USAGE_TARGETS, usageExample, type UsageTarget } from '../../preload/token-usage.ts';

const run = promisify(execFile);
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xy';
const URL = 'http://127.0.0.1:8080';
const ENDPOINT = `${URL}/api/v1/auth/user/me`;

/** Tokens a keychain copy could hold: quotes of every kind, `$()`, backticks, `;`, `\`, globs and expansions. */
const HOSTILE = [
  "a'$(touch marker)'b",
  'a"$(touch marker)"b',
  'a`touch marker`b',
  'a;touch marker;b',
  "a\\';touch marker;'b",
  "a\\'; touch marker; echo '",
  'a$IFS$(touch${IFS}marker)*?[x]~{a,b}',
  "a'\\''$(touch marker)'",
  'a‘; touch marker; ’b',
  'a|touch marker&b>c<d',
  '-a !touch marker #b',
];
const TEXT = (target: UsageTarget, token: string): string => {
  const written = usageExample(target, URL, token);
  if (!written.ok) throw new Error(`${target} refused ${token}`);
  return written.text;
};

function installed(shell: string): boolean {
  return ['/usr/bin', '/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, shell)));
}

describe.each([
  { shell: 'bash', stub: `curl() { printf '%s\\n' "$@"; }` },
  { shell: 'dash', stub: `curl() { printf '%s\\n' "$@"; }` },
  { shell: 'sh', stub: `curl() { printf '%s\\n' "$@"; }` },
  { shell: 'fish', stub: `function curl; printf '%s\\n' $argv; end` },
])('the $shell example in the real shell', ({ shell, stub }) => {
  const target: UsageTarget = shell === 'fish' ? 'fish' : 'sh';
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'usage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the example with `curl` a function that prints its arguments, one a line. */
  const argumentsOf = async (line: string) => (await run(shell, ['-c', `${stub}\n${line}`], { cwd: dir })).stdout.split('\n').slice(0, -1);

  // CI installs every one of these shells (.ci/run); a missing one fails here, never skips.
  it('is installed', () => expect(installed(shell)).toBe(true));

  it.each(HOSTILE)('runs curl with exactly the token and nothing else for %j', async (token) => {
    expect(await argumentsOf(TEXT(target, token))).toEqual(['-H', `xc-token: ${token}`, ENDPOINT]);
    expect(existsSync(join(dir, 'marker'))).toBe(false);
  });
});

describe('the JavaScript and Python examples', () => {
  it.each(HOSTILE)('JavaScript (fetch) sends exactly the token for %j', async (token) => {
    const program = `const fetch = async (url, init) => { console.log(JSON.stringify([url, init])); return { json: async () => 'ok' }; };\n${TEXT('fetch', token)}`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program]);
    expect(stdout.split('\n')[0]).toBe(JSON.stringify([ENDPOINT, { headers: { 'xc-token': token } }]));
  });

  it.each(HOSTILE)('Python (requests) sends exactly the token for %j', async (token) => {
    const fake = `import json, sys, types\nrequests = types.ModuleType('requests')\nclass R:\n    def json(self): return 'ok'\nrequests.get = lambda url, headers: print(json.dumps([url, headers])) or R()\nsys.modules['requests'] = requests\n`;
    const { stdout } = await run('python3', ['-c', `${fake}${TEXT('python', token)}`]);
    expect(JSON.parse(stdout.split('\n')[0]!)).toEqual([ENDPOINT, { 'xc-token': token }]);
  });
});

describe('the .env lines', () => {
  const safe = HOSTILE.filter((token) => !/['\\]/.test(token));

  it.each(safe)('read back as exactly the token through Node’s reader and through sh for %j', async (token) => {
    const text = TEXT('env', token);
    expect(parseEnv(text)).toEqual({ NOCODB_URL: ENDPOINT, NOCODB_TOKEN: token });
    const dir = mkdtempSync(join(tmpdir(), 'usage-env-'));
    try {
      writeFileSync(join(dir, '.env'), `${text}\n`);
      const { stdout } = await run('sh', ['-c', `. ./.env; printf '%s\\n' "$NOCODB_TOKEN"`], { cwd: dir });
      expect(stdout).toBe(`${token}\n`);
      expect(existsSync(join(dir, 'marker'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a token with a quote or backslash, which .env readers take differently', () => {
    expect(usageExample('env', URL, "a'b")).toEqual({ ok: false });
    expect(usageExample('env', URL, 'a\\b')).toEqual({ ok: false });
  });
});

describe('PowerShell and cmd', () => {
  it('PowerShell: verbatim strings, every single-quote character doubled (typographic ones too)', () => {
    expect(TEXT('powershell', TOKEN)).toBe(`Invoke-RestMethod -Uri '${ENDPOINT}' -Headers @{ 'xc-token' = '${TOKEN}' }`);
    expect(TEXT('powershell', "a'$(calc)'b")).toBe(`Invoke-RestMethod -Uri '${ENDPOINT}' -Headers @{ 'xc-token' = 'a''$(calc)''b' }`);
    expect(TEXT('powershell', 'a‘;calc;’b')).toContain(`'a‘‘;calc;’’b'`);
  });

  it('cmd: double quotes, and a refusal of what cmd expands or cannot quote there', () => {
    expect(TEXT('cmd', TOKEN)).toBe(`curl.exe -H "xc-token: ${TOKEN}" "${ENDPOINT}"`);
    expect(TEXT('cmd', "a'&calc&|b")).toBe(`curl.exe -H "xc-token: a'&calc&|b" "${ENDPOINT}"`);
    for (const token of ['a"&calc&"b', 'a%PATH%b', 'a!x!b', 'a\\']) expect(usageExample('cmd', URL, token)).toEqual({ ok: false });
  });
});

describe('every target', () => {
  it('lists every example the contract names, headers apart', () => {
    expect(['headers', ...USAGE_TARGETS].sort()).toEqual([...USAGE_EXAMPLES].sort());
  });

  it.each(USAGE_TARGETS)('%s refuses a token with a line break or another control character', (target) => {
    for (const token of ['a\ntouch marker', 'a\rb', 'a\u0000b', 'a\u001B[31mb', 'a\u2028b']) {
      expect(usageExample(target, URL, token)).toEqual({ ok: false });
    }
  });

  it('the header block is JSON, which holds any character', () => {
    expect(JSON.parse(headerBlock('a"\nb'))).toEqual({ headers: { 'xc-token': 'a"\nb' } });
  });

  it('opens with PowerShell on Windows and a POSIX shell elsewhere', () => {
    expect(defaultTarget('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Electron/45.5.0')).toBe('powershell');
    expect(defaultTarget('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Electron/45.5.0')).toBe('sh');
    expect(defaultTarget('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36')).toBe('sh');
  });

  it('single-quotes each POSIX word, closing and escaping a quote inside', () => {
    expect(TEXT('sh', TOKEN)).toBe(`curl -H 'xc-token: ${TOKEN}' '${ENDPOINT}'`);
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
