// Puts a secret on the system clipboard and takes it off again after a delay, unless the user has
// copied something else meanwhile (clearing their own clipboard content would be rude).
import type { ClipboardPort, Timers } from '../ports.ts';

export interface ClipboardGuard {
  /** Writes `text` as a concealed entry; after `clearAfterSeconds` (0 = never) clears the clipboard if it still holds `text`. */
  copy(text: string, clearAfterSeconds: number): Promise<void>;
  /**
   * When the app quits: clears the clipboard if it still holds the last copy, unless that copy was
   * made with auto-clear off (the user chose to keep what they copy).
   */
  clearNow(): Promise<void>;
}

export interface ClipboardGuardOptions {
  clipboard: ClipboardPort;
  timers: Timers;
  log: (line: string) => void;
}

export function createClipboardGuard({ clipboard, timers, log }: ClipboardGuardOptions): ClipboardGuard {
  let pending: unknown = null;
  // Counts copies, so a clear that started before a newer copy does not wipe the newer one.
  let copies = 0;
  let lastCopied: string | null = null;

  async function clearIfStill(text: string, copy: number): Promise<void> {
    const current = await clipboard.readText();
    if (copy === copies && current === text) await clipboard.writeText('');
  }

  return {
    async copy(text, clearAfterSeconds) {
      // A newer copy owns the clipboard now; the older timer must not fire.
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
      const copy = ++copies;
      lastCopied = clearAfterSeconds > 0 ? text : null;
      await clipboard.writeText(text, { concealed: true });
      if (clearAfterSeconds <= 0) return;
      pending = timers.setTimeout(() => {
        pending = null;
        clearIfStill(text, copy).catch(() => log('clipboard: clearing the clipboard failed'));
      }, clearAfterSeconds * 1000);
    },

    async clearNow() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
      if (lastCopied !== null) await clearIfStill(lastCopied, copies);
    },
  };
}
