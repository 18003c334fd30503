import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../preload/contract.ts';
import { AppFailure } from '../../main/app-error.ts';
import { createIpcRouter, type Handlers, type IpcSender } from '../../main/ipc-router.ts';
import { APP_ENTRY_URL, createSenderCheck } from '../../main/security.ts';

const WINDOW_ID = 7;
const ownWindow: IpcSender = { webContentsId: WINDOW_ID, isMainFrame: true, url: APP_ENTRY_URL };

function setup(overrides: Partial<Record<Channel, (arg: unknown) => unknown>> = {}) {
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(overrides[channel] ?? (async () => `handled ${channel}`))]),
  ) as unknown as Handlers & Record<Channel, ReturnType<typeof vi.fn>>;
  const log = vi.fn<(line: string) => void>();
  const router = createIpcRouter({ handlers, isTrustedSender: createSenderCheck(() => WINDOW_ID), log });
  return { router, handlers, log };
}

describe('IPC router', () => {
  it('answers the app window with the handler result as data', async () => {
    const { router, handlers } = setup();
    await expect(router.dispatch('tokens:copy', ownWindow, { accountId: 'a1', id: '3' })).resolves.toEqual({
      ok: true,
      value: 'handled tokens:copy',
    });
    expect(handlers['tokens:copy']).toHaveBeenCalledWith({ accountId: 'a1', id: '3' });
  });

  it.each<[string, IpcSender]>([
    ['another window', { ...ownWindow, webContentsId: WINDOW_ID + 1 }],
    ['an iframe inside the app window', { ...ownWindow, isMainFrame: false }],
    ['the app window after navigating away', { ...ownWindow, url: 'https://evil.example/' }],
    ['a file:// page', { ...ownWindow, url: 'file:///etc/passwd' }],
  ])('refuses a call from %s without running the handler', async (_label, sender) => {
    const { router, handlers, log } = setup();
    const answer = await router.dispatch('session:get', sender, undefined);
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(handlers['session:get']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted'));
  });

  it('refuses every call while the app has no window', async () => {
    const router = createIpcRouter({ handlers: setup().handlers, isTrustedSender: createSenderCheck(() => null) });
    expect((await router.dispatch('session:get', ownWindow, undefined)).ok).toBe(false);
  });

  it('answers an unknown channel with invalid_argument', async () => {
    const { router } = setup();
    const answer = await router.dispatch('tokens:steal', ownWindow, undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it.each<[Channel, unknown]>([
    ['tokens:create', { name: 42 }],
    ['tokens:create', { name: '' }],
    ['tokens:create', { name: '   ' }],
    ['tokens:create', { name: 'x'.repeat(256) }],
    ['tokens:create', { name: 'line\nbreak' }],
    ['tokens:create', { name: 'ok', extra: true }],
    ['tokens:create', 'ok'],
    // Ids are opaque text now; a number, an empty id or one that would break a URL path or a keychain name is refused.
    ['tokens:delete', { id: 1 }],
    ['tokens:delete', { id: '' }],
    ['tokens:delete', { id: '../1' }],
    ['tokens:delete', { id: 'a b' }],
    ['tokens:delete', { id: 'x'.repeat(129) }],
    ['tokens:copy', null],
    // Every account-scoped call names its account, by an id of main's making.
    ['tokens:copy', { id: '1' }],
    ['tokens:copy', { accountId: '', id: '1' }],
    ['tokens:copy', { accountId: 'http://x ada@example.com', id: '1' }],
    ['accounts:remove', undefined],
    ['accounts:switch', { id: 'a1' }],
    ['tokens:list', { page: 0, pageSize: 10 }],
    ['tokens:list', { page: 1, pageSize: 1000 }],
    ['session:get', { sneaky: true }],
    ['session:sign-in', { serverUrl: 'http://x', email: 'a@b.c' }],
    ['settings:update', { clipboardClearSeconds: -5 }],
    ['settings:update', { keepTokenCopies: 'no' }],
    ['tokens:copy-example', { id: '1', example: 'wget' }],
    ['tokens:copy-example', { id: '1' }],
    ['tokens:test', { id: '' }],
    ['profile:update', { displayName: '  ' }],
    ['profile:update', { displayName: 'x'.repeat(256) }],
    ['profile:update', { displayName: 'tab\tname' }],
    ['profile:change-password', { currentPassword: 'old password', newPassword: 'short' }],
    ['profile:change-password', { currentPassword: '', newPassword: 'long enough' }],
    ['profile:change-password', { currentPassword: 'old password', newPassword: 'long enough', confirm: 'long enough' }],
  ])('rejects a malformed argument for %s (%j) before the handler sees it', async (channel, arg) => {
    const { router, handlers } = setup();
    const answer = await router.dispatch(channel, ownWindow, arg);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('never echoes a rejected value (which may be a secret) in the error message', async () => {
    const { router } = setup();
    const secret = 'hunter2-secret-password';
    const answer = await router.dispatch('session:sign-in', ownWindow, { serverUrl: secret, email: secret, password: 7 });
    expect(JSON.stringify(answer)).not.toContain(secret);
  });

  it('rejects prototype-pollution keys', async () => {
    const { router, handlers } = setup();
    const hostile = JSON.parse('{"name":"ok","__proto__":{"polluted":true}}') as unknown;
    const answer = await router.dispatch('tokens:create', ownWindow, hostile);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(handlers['tokens:create']).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('passes an AppFailure through as its code and message', async () => {
    const { router } = setup({
      'tokens:list': () => {
        throw new AppFailure('server_unreachable', 'Cannot reach the server.');
      },
    });
    await expect(router.dispatch('tokens:list', ownWindow, { accountId: 'a1', page: 1, pageSize: 10 })).resolves.toEqual({
      ok: false,
      error: { code: 'server_unreachable', message: 'Cannot reach the server.' },
    });
  });

  it('turns an unexpected throw into a typed internal error with no stack or detail', async () => {
    const { router, log } = setup({
      'session:get': () => {
        throw new Error('boom at /home/user/secret/path.ts:12 with token abc123');
      },
    });
    const answer = await router.dispatch('session:get', ownWindow, undefined);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(answer)).not.toMatch(/boom|path\.ts|abc123|at /);
    expect(log.mock.calls.flat().join('\n')).not.toContain('abc123');
  });
});
