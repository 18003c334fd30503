// main's side of "the OS locked the screen": powerMonitor's events reach the app's window, and only it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { forwardScreenLocks, LOCKING_EVENTS } from '../../main/screen-lock.ts';

function setUp() {
  const power = new EventEmitter();
  const sent: string[] = [];
  let open = true;
  forwardScreenLocks(power, () => (open ? { send: (channel) => void sent.push(channel) } : null));
  return { power, sent, close: () => (open = false) };
}

describe('forwardScreenLocks', () => {
  it.each(LOCKING_EVENTS)('tells the window on %s, once per event', (event) => {
    const { power, sent } = setUp();
    power.emit(event);
    expect(sent).toEqual(['event:screen-locked']);
    power.emit(event);
    expect(sent).toEqual(['event:screen-locked', 'event:screen-locked']);
  });

  it('listens to the screen locking and the machine going to sleep, and to nothing else', () => {
    const { power, sent } = setUp();
    expect(power.eventNames().sort()).toEqual(['lock-screen', 'suspend']);
    for (const other of ['unlock-screen', 'resume', 'on-battery', 'shutdown']) power.emit(other);
    expect(sent).toEqual([]);
  });

  it('tells no one while the window is closed, and the window opened after', () => {
    const { power, sent, close } = setUp();
    close();
    expect(() => power.emit('lock-screen')).not.toThrow();
    expect(sent).toEqual([]);
  });
});
