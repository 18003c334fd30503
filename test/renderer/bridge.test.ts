import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL } from '../../preload/contract.ts';
import { readBridge } from '../../renderer/bridge.ts';
import { createTestBridge } from './test-bridge.ts';

const global = window as unknown as Record<string, unknown>;

describe('readBridge', () => {
  afterEach(() => {
    delete global[BRIDGE_GLOBAL];
  });

  it('returns the object the preload exposed', async () => {
    const { bridge } = await createTestBridge({ signedIn: false });
    global[BRIDGE_GLOBAL] = bridge;
    expect(readBridge()).toBe(bridge);
  });

  it('fails clearly when the preload did not run', () => {
    expect(() => readBridge()).toThrow('The app bridge (window.nocodb) is missing.');
  });
});
