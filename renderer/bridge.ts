// The one place that reads the preload's global. Everything else receives the bridge as an
// argument, so tests can hand the stores a fake instead.
import { BRIDGE_GLOBAL, type Bridge } from '../preload/contract.ts';

/** Returns `window.nocodb`, or throws when the preload did not expose it (the app cannot work then). */
export function readBridge(): Bridge {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof bridge !== 'object' || bridge === null) {
    throw new Error(`The app bridge (window.${BRIDGE_GLOBAL}) is missing.`);
  }
  return bridge as Bridge;
}
