// The Electron clipboard adapter: a concealed copy is ONE atomic write of the text plus the marker
// each OS's clipboard history and managers honour; an ordinary write (clearing) is plain text.
import { describe, expect, it } from 'vitest';
import { CONCEALED_FORMATS, createSystemClipboard, type ElectronClipboardLike } from '../../../main/clipboard/system-clipboard.ts';

const TOKEN = 'TheFullFortyCharacterApiTokenValue_0123456';
const raw = (name: string) => `electron application/osclipboard;format="${name}"`;

class FakeItem {
  readonly items: Record<string, string | Blob>;
  constructor(items: Record<string, string | Blob>) {
    this.items = items;
  }
}

function fakeElectronClipboard() {
  const calls: Array<{ method: 'write'; items: Array<Record<string, string | Blob>> } | { method: 'writeText'; text: string }> = [];
  const clipboard: ElectronClipboardLike<FakeItem> = {
    readText: async () => '',
    writeText: async (text) => void calls.push({ method: 'writeText', text }),
    write: async (items) => void calls.push({ method: 'write', items: items.map((item) => item.items) }),
  };
  return { clipboard, calls };
}

const bytes = async (value: string | Blob | undefined) => (value instanceof Blob ? [...new Uint8Array(await value.arrayBuffer())] : value);

describe('system clipboard', () => {
  it('on Linux, marks a concealed copy for KDE Klipper and other managers (x-kde-passwordManagerHint: secret)', async () => {
    const { clipboard, calls } = fakeElectronClipboard();
    await createSystemClipboard(clipboard, FakeItem, 'linux').writeText(TOKEN, { concealed: true });
    expect(calls).toEqual([{ method: 'write', items: [{ 'text/plain': TOKEN, [raw('x-kde-passwordManagerHint')]: 'secret' }] }]);
  });

  it('on macOS, marks it with org.nspasteboard.ConcealedType (managers and Universal Clipboard skip it)', async () => {
    const { clipboard, calls } = fakeElectronClipboard();
    await createSystemClipboard(clipboard, FakeItem, 'darwin').writeText(TOKEN, { concealed: true });
    expect(calls).toEqual([{ method: 'write', items: [{ 'text/plain': TOKEN, [raw('org.nspasteboard.ConcealedType')]: TOKEN }] }]);
  });

  it('on Windows, keeps it out of Win+V history and the cloud clipboard, and away from monitors', async () => {
    const { clipboard, calls } = fakeElectronClipboard();
    await createSystemClipboard(clipboard, FakeItem, 'win32').writeText(TOKEN, { concealed: true });
    const [call] = calls;
    expect(call?.method).toBe('write');
    const item = call?.method === 'write' ? call.items[0]! : {};
    expect(item['text/plain']).toBe(TOKEN);
    expect(await bytes(item[raw('ExcludeClipboardContentFromMonitorProcessing')])).toEqual([1]);
    // Both are DWORD 0: "not allowed".
    expect(await bytes(item[raw('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(await bytes(item[raw('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
  });

  it('writes plain text when not concealed (clearing the clipboard), on every OS', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { clipboard, calls } = fakeElectronClipboard();
      await createSystemClipboard(clipboard, FakeItem, platform).writeText('');
      expect(calls).toEqual([{ method: 'writeText', text: '' }]);
    }
  });

  it('falls back to plain text on an OS without a known marker', async () => {
    const { clipboard, calls } = fakeElectronClipboard();
    await createSystemClipboard(clipboard, FakeItem, 'freebsd').writeText(TOKEN, { concealed: true });
    expect(calls).toEqual([{ method: 'writeText', text: TOKEN }]);
    expect(CONCEALED_FORMATS['freebsd']).toBeUndefined();
  });
});
