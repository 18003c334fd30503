// The clipboard port over Electron's clipboard. A secret is written as ONE clipboard entry that
// carries, next to the text, the marker each OS's clipboard history and managers honour, so the
// token is not kept after the app clears it. Electron is passed in, so this file stays testable.
import type { ClipboardPort } from '../ports.ts';

/** The part of Electron's `clipboard` this needs; `Item` is Electron's ClipboardItem. */
export interface ElectronClipboardLike<Item> {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  /** Commits every format of the items at once. */
  write(items: Item[]): Promise<void>;
}

type Payload = string | Blob;

/** Electron's name for a raw, platform-specific clipboard format. */
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;
const dword = (value: number) => new Blob([new Uint32Array([value])]);

/** The extra formats that mark an entry as a secret, per OS (`process.platform`). */
export const CONCEALED_FORMATS: Partial<Record<NodeJS.Platform, (text: string) => Record<string, Payload>>> = {
  // KDE Klipper, CopyQ and other managers that follow KDE's convention leave such entries out of history.
  linux: () => ({ [raw('x-kde-passwordManagerHint')]: 'secret' }),
  // nspasteboard.org: clipboard managers skip concealed entries; Universal Clipboard does not sync them.
  darwin: (text) => ({ [raw('org.nspasteboard.ConcealedType')]: text }),
  // Win+V history and cloud clipboard refuse DWORD 0; monitors skip entries with the exclude format.
  win32: () => ({
    [raw('ExcludeClipboardContentFromMonitorProcessing')]: new Blob([new Uint8Array([1])]),
    [raw('CanIncludeInClipboardHistory')]: dword(0),
    [raw('CanUploadToCloudClipboard')]: dword(0),
  }),
};

export function createSystemClipboard<Item>(
  clipboard: ElectronClipboardLike<Item>,
  ClipboardItem: new (items: Record<string, Payload>) => Item,
  platform: NodeJS.Platform,
): ClipboardPort {
  return {
    readText: () => clipboard.readText(),
    writeText: (text, options) => {
      const markers = options?.concealed ? CONCEALED_FORMATS[platform] : undefined;
      if (!markers) return clipboard.writeText(text);
      return clipboard.write([new ClipboardItem({ 'text/plain': text, ...markers(text) })]);
    },
  };
}
