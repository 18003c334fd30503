// The Log Outs not finished yet, also kept in a small file of their own beside the settings file
// (account ids only, nothing secret). A Log Out waits there when the keychain would not remove the
// account's entries; if settings.json is then damaged, the list rebuilt from the keychain would
// bring the account back — unless this record still says it is being logged out.
import type { JsonFile } from '../ports.ts';

export interface LogOutRecord {
  /** The ids recorded; none when the file is missing, damaged or unreadable. */
  read(): Promise<string[]>;
  /** Writes the ids, in call order (an unchanged list is not written again); false when the write failed. */
  write(ids: string[]): Promise<boolean>;
}

export function createLogOutRecord(file: JsonFile): LogOutRecord {
  let queue = Promise.resolve(true);
  /** What the file holds since this run's last successful write. */
  let written: string | null = null;
  return {
    async read() {
      const content = await file.inspect().catch(() => null);
      const ids = content?.status === 'ok' ? (content.value as { loggingOut?: unknown } | null)?.loggingOut : undefined;
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    },
    write(ids) {
      const text = JSON.stringify(ids);
      queue = queue.then(() =>
        text === written
          ? true
          : file.write({ loggingOut: ids }).then(
              () => ((written = text), true),
              () => false,
            ),
      );
      return queue;
    },
  };
}
