import { useSyncExternalStore } from 'react';

const MINUTE = 60_000;

function subscribe(onChange: () => void): () => void {
  const timer = setInterval(onChange, MINUTE);
  return () => clearInterval(timer);
}

// Rounded to the minute, so the snapshot stays the same between renders of one minute.
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/** The current time to the minute; components using it re-render as the minutes pass ("3 minutes ago"). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, currentMinute);
}
