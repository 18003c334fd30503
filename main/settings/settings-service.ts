// The user's preferences and the last account's server and email (to fill the sign-in form),
// kept in one small JSON file. Nothing secret goes here.
import * as v from 'valibot';
import { MAX_CLIPBOARD_CLEAR_SECONDS, type Settings } from '../../preload/contract.ts';
import type { JsonFile } from '../ports.ts';

export const DEFAULT_SETTINGS: Settings = { clipboardClearSeconds: 30, keepTokenCopies: true };

export interface LastAccount {
  serverUrl: string;
  email: string;
}

interface SettingsDocument {
  settings: Settings;
  lastAccount: LastAccount | null;
}

// Each field falls back on its own, so one bad value does not throw away the others.
const clipboardClearSeconds = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_CLIPBOARD_CLEAR_SECONDS));
const lastAccount = v.object({ serverUrl: v.pipe(v.string(), v.nonEmpty()), email: v.pipe(v.string(), v.nonEmpty()) });

function parseDocument(raw: unknown): SettingsDocument {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = v.safeParse(clipboardClearSeconds, fields['clipboardClearSeconds']);
  const keepTokenCopies = fields['keepTokenCopies'];
  const account = v.safeParse(lastAccount, fields['lastAccount']);
  return {
    settings: {
      clipboardClearSeconds: seconds.success ? seconds.output : DEFAULT_SETTINGS.clipboardClearSeconds,
      keepTokenCopies: typeof keepTokenCopies === 'boolean' ? keepTokenCopies : DEFAULT_SETTINGS.keepTokenCopies,
    },
    lastAccount: account.success ? { serverUrl: account.output.serverUrl, email: account.output.email } : null,
  };
}

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  lastAccount(): Promise<LastAccount | null>;
  rememberAccount(account: LastAccount): Promise<void>;
}

/** Reads the file once, then serves from memory; changes run one at a time and are written through. */
export function createSettingsService(file: JsonFile): SettingsService {
  let document: Promise<SettingsDocument> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const current = () => (document ??= file.read().then(parseDocument, () => parseDocument(undefined)));

  function change(edit: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument> {
    const run = queue.then(async () => {
      const next = edit(await current());
      document = Promise.resolve(next);
      await file.write({ ...next.settings, lastAccount: next.lastAccount });
      return next;
    });
    // One failed write must not block the changes after it; this caller still sees its failure.
    queue = run.catch(() => {});
    return run;
  }

  return {
    get: async () => ({ ...(await current()).settings }),
    async update(patch) {
      const next = await change((doc) => ({
        ...doc,
        settings: {
          clipboardClearSeconds: patch.clipboardClearSeconds ?? doc.settings.clipboardClearSeconds,
          keepTokenCopies: patch.keepTokenCopies ?? doc.settings.keepTokenCopies,
        },
      }));
      return { ...next.settings };
    },
    lastAccount: async () => (await current()).lastAccount,
    async rememberAccount({ serverUrl, email }) {
      await change((doc) => ({ ...doc, lastAccount: { serverUrl, email } }));
    },
  };
}
