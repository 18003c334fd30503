import { useSyncExternalStore } from 'react';

const MINUTE = 60_000;

// One clock for the whole window: a single timer however many cells show a time, started with the
// first subscriber and stopped with the last (a table of 20,000 rows must not run 60,000 timers).
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  timer ??= setInterval(() => {
    for (const listener of listeners) listener();
  }, MINUTE);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// Rounded to the minute, so the snapshot stays the same between renders of one minute.
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/** The current time to the minute; components using it re-render as the minutes pass ("3 minutes ago"). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, currentMinute);
}
