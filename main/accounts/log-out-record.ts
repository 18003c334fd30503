// The Log Outs not finished yet, also kept in a small file of their own beside the settings file
// (account ids only, nothing secret). A Log Out waits there when the keychain would not remove the
// account's entries; if settings.json is then damaged, the list rebuilt from the keychain would
// bring the account back — unless this record still says it is being logged out (account-restore.ts).
import type { JsonFile } from '../ports.ts';
import type { SettingsService } from '../settings/settings-service.ts';

type AccountListStore = Pick<SettingsService, 'accountList' | 'rememberAccounts'>;

/** Reads the ids recorded (none when the file is missing, damaged or unreadable); writes them in call order. */
function logOutRecordIn(file: JsonFile) {
  let queue = Promise.resolve();
  /** What the file holds since this run's last successful write: an unchanged list is not written again. */
  let written: string | null = null;
  return {
    async read(): Promise<string[]> {
      const content = await file.inspect().catch(() => null);
      const ids = content?.status === 'ok' ? (content.value as { loggingOut?: unknown } | null)?.loggingOut : undefined;
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    },
    write(ids: string[]): Promise<void> {
      const text = JSON.stringify(ids);
      // A failed write leaves the settings file's own record: the Log Out is delayed by nothing.
      queue = queue.then(() =>
        text === written
          ? undefined
          : file.write({ loggingOut: ids }).then(
              () => void (written = text),
              () => {},
            ),
      );
      return queue;
    },
  };
}

/**
 * The account list of `settings`, its unfinished Log Outs also recorded in `file`: written there
 * with the list, and read back with it, so a list that lost them still names them.
 */
export function recordingLogOuts<S extends AccountListStore>(settings: S, file: JsonFile): S {
  const record = logOutRecordIn(file);
  return {
    ...settings,
    async accountList() {
      const [list, recorded] = await Promise.all([settings.accountList(), record.read()]);
      return { ...list, loggingOut: [...new Set([...list.loggingOut, ...recorded])] };
    },
    async rememberAccounts(list) {
      // Side by side: either record alone keeps a Log Out (the list read back joins both), and the
      // settings write starts when it would without this record.
      const recorded = record.write(list.loggingOut);
      await settings.rememberAccounts(list);
      await recorded;
    },
  } satisfies AccountListStore;
}
