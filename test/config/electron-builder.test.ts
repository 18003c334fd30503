// electron-builder cannot package here (the Electron zip cannot be downloaded), so the config is
// checked against electron-builder's own schema, and its security settings are asserted.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, any>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const projectDir = path.resolve(import.meta.dirname, '../..');
const load = () => getConfig(projectDir, path.join(projectDir, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  // Loading electron-builder's schema takes seconds on a loaded machine (over 5 s at a load of 16 on 2 cores).
  it("passes electron-builder's own schema validation", { timeout: 30_000 }, async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is a config the validator can reject (an unknown key fails)', async () => {
    const broken = { ...(await load()), notAnOption: true };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('sets the fuses that close Node-level back doors and pin the app to its asar', async () => {
    expect((await load())['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds for every desktop, with keytar unpacked from the asar', async () => {
    const config = await load();
    expect(config['appId']).toBe('com.nocodb.accountmanager');
    expect(config['linux'].target).toEqual(['AppImage', 'deb']);
    expect(config['mac']).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true });
    expect(config['win'].target).toEqual(['nsis']);
    expect(config['asarUnpack']).toContain('**/node_modules/keytar/**');
  });
});
