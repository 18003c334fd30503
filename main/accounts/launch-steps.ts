// The launch's restore in steps, so each caller waits only for what it needs: the list read (a call
// for one account then waits for that account alone), the shown account settled (the first screen),
// every account settled (everything else). A launch that failed is tried again by the next call:
// never a failure cached for the whole app.

/** What the launch's restore signals as it goes. */
export interface LaunchSignals {
  /** The list is read and every account listed (most still restoring). */
  listed: () => void;
  /** The account the window shows came back and is shown; the others may still be restoring. */
  shown: () => void;
  /** What the other accounts' restores wait for once the shown one is back (see AccountsService.deferOthers). */
  othersMayStart: () => Promise<void>;
}

export interface LaunchSteps {
  listed: Promise<void>;
  shown: Promise<void>;
  all: Promise<void>;
}

export function createLaunchSteps(
  restoreAll: (signals: LaunchSignals) => Promise<void>,
  othersMayStart: () => Promise<void>,
): () => LaunchSteps {
  let launching: LaunchSteps | null = null;
  return () => {
    if (launching) return launching;
    let listed!: () => void;
    let shown!: () => void;
    const signalled = {
      listed: new Promise<void>((resolve) => (listed = resolve)),
      shown: new Promise<void>((resolve) => (shown = resolve)),
    };
    const all = restoreAll({ listed, shown, othersMayStart }).catch((error: unknown) => {
      launching = null;
      throw error;
    });
    // A step the restore never signals ends with it (the shown account did not come back, or it failed).
    launching = { listed: Promise.race([signalled.listed, all]), shown: Promise.race([signalled.shown, all]), all };
    return launching;
  };
}
