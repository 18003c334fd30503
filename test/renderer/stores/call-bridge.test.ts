import { describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/contract.ts';
import { callBridge } from '../../../renderer/stores/call-bridge.ts';

const INTERNAL = { ok: false, error: { code: 'internal', message: 'Something went wrong. Please try again.' } };

describe('callBridge', () => {
  it('passes answers through', async () => {
    expect(await callBridge(async () => ({ ok: true, value: 3 }))).toEqual({ ok: true, value: 3 });
    const failure = { ok: false, error: { code: 'timeout', message: 'Too slow.' } } as const;
    expect(await callBridge(async () => failure)).toEqual(failure);
  });

  it('turns a rejection or a malformed answer into a plain internal error', async () => {
    expect(await callBridge(() => Promise.reject(new Error('stack at main.cjs')))).toEqual(INTERNAL);
    expect(await callBridge(async () => ({ nope: 1 }) as unknown as Result<number>)).toEqual(INTERNAL);
    expect(await callBridge(async () => ({ ok: false, error: { stack: 'x' } }) as unknown as Result<number>)).toEqual(INTERNAL);
  });
});
