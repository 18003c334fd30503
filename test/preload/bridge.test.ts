import { describe, expect, it } from 'vitest';
import { createBridge } from '../../preload/bridge.ts';
import { BRIDGE_EVENTS, BRIDGE_METHODS, CHANNELS, type Channel, type EventChannel } from '../../preload/contract.ts';

const noListen = () => () => {};

describe('createBridge', () => {
  it('exposes one method per contract channel, and each reaches invoke with its channel and argument', async () => {
    const calls: Array<[Channel, unknown]> = [];
    const bridge = createBridge(async (channel, arg) => {
      calls.push([channel, arg]);
      return { ok: true, value: channel };
    }, noListen);
    const exposed: Channel[] = [];
    for (const [group, methods] of Object.entries(BRIDGE_METHODS)) {
      for (const [name, channel] of Object.entries(methods)) {
        const method = (bridge as unknown as Record<string, Record<string, (arg?: unknown) => Promise<unknown>>>)[group]![name]!;
        const arg = { probe: channel };
        await expect(method(arg)).resolves.toEqual({ ok: true, value: channel });
        expect(calls.at(-1)).toEqual([channel, arg]);
        exposed.push(channel);
      }
    }
    expect(exposed.sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('has no keys beyond the contract groups and methods, and its events', () => {
    const bridge = createBridge(async () => undefined, noListen);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(BRIDGE_METHODS), 'events'].sort());
    expect(Object.keys(bridge.events).sort()).toEqual(Object.keys(BRIDGE_EVENTS).sort());
    for (const [group, methods] of Object.entries(BRIDGE_METHODS)) {
      expect(Object.keys((bridge as unknown as Record<string, object>)[group]!).sort()).toEqual(Object.keys(methods).sort());
    }
  });

  it('is frozen all the way down, so the page cannot swap a method', () => {
    const bridge = createBridge(async () => undefined, noListen);
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const group of Object.values(bridge)) expect(Object.isFrozen(group)).toBe(true);
    expect(() => {
      (bridge.tokens as unknown as Record<string, unknown>)['list'] = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('passes only the argument: a method called with extra arguments still sends one', async () => {
    const seen: unknown[][] = [];
    const bridge = createBridge(async (...args) => {
      seen.push(args);
      return undefined;
    }, noListen);
    await (bridge.tokens.copy as (...args: unknown[]) => Promise<unknown>)({ id: 1 }, 'extra');
    expect(seen).toEqual([['tokens:copy', { id: 1 }]]);
  });

  describe('with the boot request the preload sends before the page runs', () => {
    /** A bridge made as the preload makes it, numbering main's answers and recording every call. */
    const bridgeSentBootEarly = () => {
      const calls: Array<[Channel, unknown]> = [];
      const invoke = async (channel: Channel, arg: unknown) => {
        calls.push([channel, arg]);
        return { ok: true, value: `answer ${calls.length}` };
      };
      return { calls, bridge: createBridge(invoke, noListen, { showsTokens: true }) };
    };

    it('sends app:boot at once, and the first matching app.boot takes that answer without asking again', async () => {
      const { calls, bridge } = bridgeSentBootEarly();
      expect(calls).toEqual([['app:boot', { showsTokens: true }]]);
      await expect(bridge.app.boot({ showsTokens: true })).resolves.toEqual({ ok: true, value: 'answer 1' });
      expect(calls).toHaveLength(1);
    });

    it('asks main again for a second boot, and for a boot with another request', async () => {
      const { calls, bridge } = bridgeSentBootEarly();
      await expect(bridge.app.boot({ showsTokens: false })).resolves.toEqual({ ok: true, value: 'answer 2' });
      await expect(bridge.app.boot({ showsTokens: true })).resolves.toEqual({ ok: true, value: 'answer 1' });
      await expect(bridge.app.boot({ showsTokens: true })).resolves.toEqual({ ok: true, value: 'answer 3' });
      expect(calls.map(([channel]) => channel)).toEqual(['app:boot', 'app:boot', 'app:boot']);
    });

    it('hands a failed early answer to the page that asks, and leaves no unhandled rejection when none asks', async () => {
      const failing = async () => {
        throw new Error('main is gone');
      };
      const unasked = createBridge(failing, noListen, { showsTokens: false });
      expect(unasked).toBeDefined();
      const asked = createBridge(failing, noListen, { showsTokens: false });
      await expect(asked.app.boot({ showsTokens: false })).rejects.toThrow('main is gone');
      // Vitest fails the run on an unhandled rejection: give one a turn to surface.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  });

  it('passes each event of main on with nothing attached, on its own channel, until unsubscribed', () => {
    const listeners = new Map<EventChannel, (...args: unknown[]) => void>();
    const bridge = createBridge(
      async () => undefined,
      (channel, listener) => {
        listeners.set(channel, listener as (...args: unknown[]) => void);
        return () => void listeners.delete(channel);
      },
    );
    const heard: unknown[][] = [];
    const unsubscribe = bridge.events.onScreenLocked((...args: unknown[]) => void heard.push(args));
    // What ipcRenderer would hand over: the IPC event, with its sender.
    listeners.get('event:screen-locked')!({ sender: 'ipcRenderer' }, 'extra');
    expect(heard).toEqual([[]]);
    unsubscribe();
    expect(listeners.size).toBe(0);
    expect(Object.isFrozen(bridge.events)).toBe(true);
  });
});
