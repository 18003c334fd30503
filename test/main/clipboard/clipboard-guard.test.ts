import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardGuard } from '../../../main/clipboard/clipboard-guard.ts';
import type { ClipboardPort, ClipboardWriteOptions as WriteOptions, Timers } from '../../../main/ports.ts';

const TOKEN = 'TheFullFortyCharacterApiTokenValue_0123456';

// Shaped like Electron 45's promise-based clipboard.
function fakeClipboard(): ClipboardPort & { text: string; writes: Array<{ text: string; concealed: boolean }> } {
  const clipboard = {
    text: 'what the user had before',
    writes: [] as Array<{ text: string; concealed: boolean }>,
    readText: async () => clipboard.text,
    writeText: async (text: string, options?: WriteOptions) => {
      clipboard.text = text;
      if (text !== '') clipboard.writes.push({ text, concealed: options?.concealed ?? false });
    },
  };
  return clipboard;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('clipboard guard', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const setup = () => {
    const clipboard = fakeClipboard();
    return { clipboard, guard: createClipboardGuard({ clipboard, timers: realTimers, log: () => {} }) };
  };

  it('puts the text on the clipboard and clears it after the delay', async () => {
    const { clipboard, guard } = setup();

    await guard.copy(TOKEN, 30);
    expect(clipboard.text).toBe(TOKEN);

    await vi.advanceTimersByTimeAsync(29_999);
    expect(clipboard.text).toBe(TOKEN);
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { clipboard, guard } = setup();

    await guard.copy(TOKEN, 30);
    clipboard.text = 'a line the user copied from an editor';
    await vi.advanceTimersByTimeAsync(30_000);

    expect(clipboard.text).toBe('a line the user copied from an editor');
  });

  it('never clears when the delay is 0', async () => {
    const { clipboard, guard } = setup();

    await guard.copy(TOKEN, 0);
    await vi.advanceTimersByTimeAsync(3_600_000);

    expect(clipboard.text).toBe(TOKEN);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('restarts the delay on a second copy, and clears the second value', async () => {
    const { clipboard, guard } = setup();
    const second = 'AnotherTokenValue_abcdefghijklmnopqrstuvw';

    await guard.copy(TOKEN, 30);
    await vi.advanceTimersByTimeAsync(20_000);
    await guard.copy(second, 30);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.text).toBe(second);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(clipboard.text).toBe('');
  });

  it('clears a copied token at once when the app quits, and cancels the timer', async () => {
    const { clipboard, guard } = setup();
    await guard.copy(TOKEN, 30);
    await guard.clearNow();
    expect(clipboard.text).toBe('');
    clipboard.text = 'copied later by the user';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('copied later by the user');
  });

  it('leaves a token copied with auto-clear off on the clipboard at quit: the user chose to keep it', async () => {
    const { clipboard, guard } = setup();
    await guard.copy(TOKEN, 0);
    await guard.clearNow();
    expect(clipboard.text).toBe(TOKEN);
  });

  it('clears at quit only what was copied with auto-clear on', async () => {
    const { clipboard, guard } = setup();
    await guard.copy(TOKEN, 30);
    await guard.copy('AnotherTokenValue_kept_by_choice_0123456', 0);
    await guard.clearNow();
    expect(clipboard.text).toBe('AnotherTokenValue_kept_by_choice_0123456');
  });

  it('marks every copy as concealed, so clipboard managers and history skip it', async () => {
    const { clipboard, guard } = setup();
    await guard.copy(TOKEN, 30);
    expect(clipboard.writes).toEqual([{ text: TOKEN, concealed: true }]);
  });

  it('leaves the clipboard alone at quit when the user copied something else', async () => {
    const { clipboard, guard } = setup();
    await guard.copy(TOKEN, 30);
    clipboard.text = 'the user’s own text';
    await guard.clearNow();
    expect(clipboard.text).toBe('the user’s own text');
  });
});
