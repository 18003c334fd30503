// The one door to the OS keychain. keytar is native code and a fault boundary: every call goes
// through this queue, one at a time (no two keytar calls in flight), with a time limit, and every
// failure becomes a typed state — `keychain_locked` (unlock it and Retry), `keychain_stopped` (its
// worker crashed twice in a row: Retry starts a new one) or `keychain_unavailable` (no Secret
// Service) — never a crash and never "signed out".
//
// Why a canary entry: a locked GNOME keyring with no unlock prompt answers `getPassword` with null,
// exactly like a missing entry, so a null alone cannot tell "signed out" from "could not read".
// `ensureOpen` reads (or writes) the app's own canary first; a locked keyring refuses the write
// ("Cannot create an item in a locked collection"), and an unlock prompt nobody answers runs into
// the time limit. Only after it passed may the caller treat a null as "no entry".
import { AppFailure } from '../app-error.ts';
import { keychainUnavailable } from './keychain-unavailable.ts';
import type { KeytarCalls } from './keytar-module.ts';
import { KeychainWorkerStopped } from './keytar-worker.ts';

export interface KeychainOptions {
  /** The service the canary entry lives under (the sessions' service). */
  canaryService: string;
  /** keytar (the worker in the app); its failure to load is keychain_unavailable. */
  loadKeytar: () => Promise<KeytarCalls>;
  /** How long one keytar call may take before the keychain counts as locked (a prompt nobody answers). */
  timeoutMs?: number;
}

export interface Keychain {
  get(service: string, name: string): Promise<string | null>;
  /**
   * Writes the entry; with `when`, only if it still answers true once this write's turn in the queue
   * has come (after every call queued before it). Answers whether it wrote.
   */
  set(service: string, name: string, value: string, when?: () => Promise<boolean>): Promise<boolean>;
  /** True when an entry was deleted. */
  delete(service: string, name: string): Promise<boolean>;
  /** The entry names of a service; throws keychain_locked when the listing failed (or its worker crashed). */
  names(service: string): Promise<string[]>;
  /** Resolves when a null from `get` means "no entry"; throws keychain_locked or keychain_unavailable otherwise. */
  ensureOpen(): Promise<void>;
  /** Ends keytar's worker process (a later call starts a new one): the test harness ends each launch's. */
  stop(): void;
}

/** A name no account id can take (ids have no dot). */
export const CANARY_NAME = '.keychain-check';
const CANARY_VALUE = 'This entry tells NocoDB Account Manager that the keychain is unlocked.';

export const keychainLocked = () => new AppFailure('keychain_locked', 'Your keychain is locked — unlock it and choose Retry.');

export const keychainStopped = () => new AppFailure('keychain_stopped', 'The keychain stopped answering — choose Retry to start it again.');

/** What a keytar failure means for the user; the error itself may carry details that stay here. */
function failureOf(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  if (error instanceof KeychainWorkerStopped) return keychainStopped();
  const message = error instanceof Error ? error.message : '';
  // A dismissed unlock prompt leaves the keyring locked: the same state, the same way out.
  return /locked|dismissed|cancel/i.test(message) ? keychainLocked() : keychainUnavailable();
}

export function createKeychain({ canaryService, loadKeytar, timeoutMs = 5_000 }: KeychainOptions): Keychain {
  let keytar: Promise<KeytarCalls> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** A keytar call has not come back yet — after a time-out too (an unlock prompt nobody answers). */
  let inFlight = false;

  /** One keytar call with the time limit; a call that never answers frees the queue by dropping its worker. */
  async function attempt<T>(kt: KeytarCalls, call: (kt: KeytarCalls) => Promise<T>): Promise<T> {
    inFlight = true;
    const pending = call(kt).finally(() => {
      inFlight = false;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeLimit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        kt.reset?.();
        reject(keychainLocked());
      }, timeoutMs);
    });
    try {
      return await Promise.race([pending, timeLimit]);
    } finally {
      clearTimeout(timer);
    }
  }

  function run<T>(call: (kt: KeytarCalls) => Promise<T>): Promise<T> {
    const next = queue.then(async () => {
      if (inFlight) throw keychainLocked(); // an earlier call never came back
      keytar ??= loadKeytar();
      try {
        const kt = await keytar;
        try {
          return await attempt(kt, call);
        } catch (error) {
          if (failureOf(error).code === 'keychain_locked' || !kt.reset) throw error;
          // A crashed worker, or a connection to a keyring daemon that restarted: one fresh try.
          kt.reset();
          return await attempt(kt, call);
        }
      } catch (error) {
        throw failureOf(error);
      }
    });
    queue = next.catch(() => {});
    return next;
  }

  return {
    get: (service, name) => run((kt) => kt.getPassword(service, name)),
    set: (service, name, value, when) =>
      run(async (kt) => {
        if (when && !(await when())) return false;
        await kt.setPassword(service, name, value);
        return true;
      }),
    delete: (service, name) => run((kt) => kt.deletePassword(service, name)),
    names: (service) =>
      run(async (kt) => {
        if (!kt.names) throw keychainUnavailable();
        return kt.names(service);
      }),
    async ensureOpen() {
      if ((await run((kt) => kt.getPassword(canaryService, CANARY_NAME))) === CANARY_VALUE) return;
      await run((kt) => kt.setPassword(canaryService, CANARY_NAME, CANARY_VALUE));
    },
    stop: () =>
      void keytar?.then(
        (kt) => kt.reset?.(),
        () => {},
      ),
  };
}
