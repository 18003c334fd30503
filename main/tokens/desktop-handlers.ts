// All tokens' desktop side: the CSV export through the OS save dialog, and the expiry reminder
// through OS notifications. A clicked reminder waits here until the window asks for it.
import type { ArgOf, ResultOf } from '../../preload/contract.ts';
import type { NotificationPort, SaveDialogPort } from '../desktop-ports.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { createExpiryReminders } from './expiry-reminders.ts';

export interface DesktopHandlersOptions {
  saveDialog: SaveDialogPort;
  notifications: NotificationPort;
  settings: Pick<SettingsService, 'get'>;
  now: () => number;
  /** Brings the app's window to the front (the user clicked a reminder). */
  showWindow: () => void;
}

type Handler<C extends 'tokens:export-csv' | 'reminders:check' | 'reminders:opened'> = (arg: ArgOf<C>) => Promise<ResultOf<C>>;

export function createDesktopHandlers({ saveDialog, notifications, settings, now, showWindow }: DesktopHandlersOptions) {
  let clicked: Array<{ accountId: string; id: string }> | null = null;
  const reminders = createExpiryReminders({
    notifications,
    now,
    onOpen: (tokens) => {
      clicked = tokens.map(({ accountId, id }) => ({ accountId, id }));
      showWindow();
    },
  });

  const exportCsv: Handler<'tokens:export-csv'> = async ({ text }) => {
    const day = new Date(now()).toISOString().slice(0, 10);
    const saved = await saveDialog.saveText({ defaultName: `nocodb-tokens-${day}.csv`, text, filterName: 'CSV', extension: 'csv' });
    return { saved: saved !== null };
  };
  const check: Handler<'reminders:check'> = async ({ tokens, words }) => ({
    notified: (await settings.get()).expiryReminders ? reminders.check(tokens, words) : 0,
  });
  const opened: Handler<'reminders:opened'> = async () => {
    const tokens = clicked;
    clicked = null;
    return tokens;
  };
  return { 'tokens:export-csv': exportCsv, 'reminders:check': check, 'reminders:opened': opened };
}
