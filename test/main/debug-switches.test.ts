// A packaged build must not start with a switch through which another process could drive its
// window (Chromium's remote debugging) or its main process (Node's inspector).
import { describe, expect, it } from 'vitest';
import { debugSwitchesIn } from '../../main/debug-switches.ts';

const APP = ['/opt/NocoDB Account Manager/nocodb-account-manager'];

describe('debugSwitchesIn', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--remote-debugging-address=0.0.0.0'],
    ['--inspect'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect-brk'],
    ['--inspect-port=9229'],
    ['--inspect-brk-node'],
    ['--debug=5858'],
    ['--debug-brk'],
    ['-remote-debugging-port=9222'],
    ['--REMOTE-DEBUGGING-PORT=9222'],
    ['/remote-debugging-port=9222'],
  ])('finds %s, with any prefix Chromium accepts and in any case', (...args) => {
    const name = args[0]!
      .replace(/=.*$/, '')
      .replace(/^(--?|\/)/, '--')
      .toLowerCase();
    expect(debugSwitchesIn([...APP, ...args])).toEqual([name]);
  });

  it('finds nothing in an ordinary start, a file argument or a look-alike', () => {
    expect(debugSwitchesIn(APP)).toEqual([]);
    expect(debugSwitchesIn([...APP, '--no-sandbox', '--enable-features=X', 'inspect.txt', '--inspector-theme'])).toEqual([]);
  });

  it('ignores the executable path itself', () => {
    expect(debugSwitchesIn(['/tmp/--inspect/app'])).toEqual([]);
  });
});
