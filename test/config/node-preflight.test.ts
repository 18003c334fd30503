// The preflight is run as the scripts run it (a child Node), with process.version faked before it
// loads, so an old Node is tried without installing one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/node-preflight.cjs');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

function runAs(version: string) {
  const fake = `Object.defineProperty(process, 'version', { value: ${JSON.stringify(version)} }); require(${JSON.stringify(script)});`;
  return spawnSync(process.execPath, ['-e', fake], { encoding: 'utf8' });
}

describe('Node preflight', () => {
  it('stops on Node 20 with one sentence naming the Node needed and how to get it', () => {
    const run = runAs('v20.20.2');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^NocoDB Account Manager needs Node\.js 24 or newer, but this is Node\.js 20\.20\.2: /);
    expect(lines[0]).toContain('nvm install');
    expect(lines[0]).toContain('https://nodejs.org');
    expect(lines[0]?.match(/\. /g)).toBeNull();
  });

  it('stops on Node 23 and lets Node 24 and 25 through silently', () => {
    expect(runAs('v23.11.0').status).toBe(1);
    for (const version of ['v24.0.0', 'v25.2.1']) {
      const run = runAs(version);
      expect({ version, status: run.status, stderr: run.stderr }).toEqual({ version, status: 0, stderr: '' });
    }
  });

  it('takes the version from package.json engines, which .nvmrc matches', () => {
    expect(pkg.engines.node).toBe('>=24');
    expect(readFileSync(path.join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it('runs first in start, dev, bench, screenshots and every test script', () => {
    for (const name of ['start', 'dev', 'bench', 'screenshots', 'test', 'test:unit', 'test:e2e']) {
      expect({ name, script: pkg.scripts[name]?.split(' && ')[0] }).toEqual({ name, script: 'node scripts/node-preflight.cjs' });
    }
  });
});
