// Work that must not overlap for one key (one sign-in per account at a time: two at once would both
// add it, or leave one session unowned). Runs for other keys go on in parallel.

/** Runs `work` after every earlier run for the same key has settled; answers its outcome. */
export function createOneAtATime(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (running.get(key) ?? Promise.resolve()).catch(() => {}).then(work);
    running.set(key, run);
    void run.finally(() => running.get(key) === run && running.delete(key)).catch(() => {});
    return run;
  };
}
