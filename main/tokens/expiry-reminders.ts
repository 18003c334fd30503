// Expiry reminders: at launch and once a day, ONE notification for the tokens that expire within
// 7 days — never one per token, and never twice the same day for the same token.
import type { NotificationPort } from '../desktop-ports.ts';

export const REMINDER_DAYS = 7;
const DAY = 24 * 3600_000;

/** A token the renderer has listed: which account, which token, when it expires (ms). */
export interface ReminderToken {
  accountId: string;
  id: string;
  expiresAt: number;
}

export interface ExpiryReminders {
  /** Notifies about the tokens not yet reminded of today; answers how many the notice names (0: none shown). */
  check(tokens: readonly ReminderToken[]): number;
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

export function reminderTitle(count: number): string {
  return count === 1 ? '1 token expires this week' : `${count} tokens expire this week`;
}

export function createExpiryReminders({ notifications, now, dayOf = localDay, onOpen }: ExpiryRemindersOptions): ExpiryReminders {
  /** Token (account + id) → the day it was last named in a notice. */
  const remindedOn = new Map<string, string>();

  return {
    check(tokens) {
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
        title: reminderTitle(due.length),
        body: 'Open All tokens to rotate them or see which services use them.',
        onClick: () => onOpen(due),
      });
      return due.length;
    },
  };
}
