// Expiry reminders: at launch and once a day, ONE notification for the tokens that expire within
// 7 days — never one per token, and never twice the same day for the same token.
import { REMINDER_DAYS, type ReminderWords } from '../../preload/contract.ts';
import type { NotificationPort } from '../desktop-ports.ts';
const DAY = 24 * 3600_000;

/** A token the renderer has listed: which account, which token, when it expires (ms). */
export interface ReminderToken {
  accountId: string;
  id: string;
  expiresAt: number;
}

export interface ExpiryReminders {
  /**
   * Notifies about the tokens not yet reminded of today, worded in the app's language (the renderer's
   * words: `titles[n - 1]` for n tokens); answers how many the notice names (0: none shown).
   */
  check(tokens: readonly ReminderToken[], words: ReminderWords): number;
}

export interface ExpiryRemindersOptions {
  notifications: NotificationPort;
  now: () => number;
  /** The day a time falls on, in the user's time zone ("2026-11-29"). */
  dayOf?: (time: number) => string;
  /** The user clicked the notice: open All tokens with these tokens. */
  onOpen: (tokens: readonly ReminderToken[]) => void;
}

const localDay = (time: number) => new Date(time).toDateString();

export function createExpiryReminders({ notifications, now, dayOf = localDay, onOpen }: ExpiryRemindersOptions): ExpiryReminders {
  /** Token (account + id) → the day it was last named in a notice. */
  const remindedOn = new Map<string, string>();

  return {
    check(tokens, words) {
      const time = now();
      const today = dayOf(time);
      const due = tokens.filter(({ accountId, id, expiresAt }) => {
        const key = JSON.stringify([accountId, id]);
        if (expiresAt <= time || expiresAt > time + REMINDER_DAYS * DAY || remindedOn.get(key) === today) return false;
        remindedOn.set(key, today);
        return true;
      });
      if (due.length === 0) return 0;
      notifications.show({
        // Checked at the IPC boundary: a title for every count up to the tokens sent.
        title: words.titles[due.length - 1]!,
        body: words.body,
        onClick: () => onOpen(due),
      });
      return due.length;
    },
  };
}
