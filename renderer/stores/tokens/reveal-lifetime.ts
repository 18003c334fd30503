// How long a revealed value may stay: until REVEAL_MS pass, only while a row of its token is on
// screen, and never past the OS locking the screen. The model asks here; `mask` is how it masks one
// value again, `maskAll` every one.
import { rowKey } from '../../domain/all-tokens-rows.ts';

/** A revealed value is masked again after this long: the window holds a secret no longer than it is read. */
export const REVEAL_MS = 60_000;

interface Masks {
  mask: (accountId: string, id: string) => void;
  maskAll: () => void;
  /** Subscribes to main's word that the OS locked the screen or put the machine to sleep (the bridge's `onScreenLocked`). */
  onScreenLocked: (listener: () => void) => unknown;
}

export function createRevealLifetime({ mask, maskAll, onScreenLocked }: Masks) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How many rows on screen show each token (by row key). */
  const onScreen = new Map<string, number>();
  const stop = (key: string) => {
    clearTimeout(timers.get(key));
    timers.delete(key);
  };
  // Whoever unlocks the screen, or wakes the machine, may not be the user who revealed the value.
  onScreenLocked(() => maskAll());
  return {
    /** Whether a row of the token is on screen (a value answered for one that is not is dropped). */
    shown: (accountId: string, id: string) => onScreen.has(rowKey(accountId, id)),
    /** The value was revealed now: masked after REVEAL_MS. */
    started: (accountId: string, id: string) =>
      timers.set(
        rowKey(accountId, id),
        setTimeout(() => mask(accountId, id), REVEAL_MS),
      ),
    stop: (accountId: string, id: string) => stop(rowKey(accountId, id)),
    /** A row of the token is on screen until the answered function is called; its value is masked when the last one leaves. */
    watch(accountId: string, id: string): () => void {
      const key = rowKey(accountId, id);
      onScreen.set(key, (onScreen.get(key) ?? 0) + 1);
      return () => {
        const left = (onScreen.get(key) ?? 1) - 1;
        if (left > 0) return void onScreen.set(key, left);
        onScreen.delete(key);
        mask(accountId, id);
      };
    },
    /** Every timer of the account (null: of every account) stops; its values are being dropped. */
    stopAll(accountId: string | null) {
      for (const key of timers.keys()) if (accountId === null || key.startsWith(rowKey(accountId, ''))) stop(key);
    },
  };
}
