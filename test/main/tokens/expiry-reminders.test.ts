import { describe, expect, it } from 'vitest';
import { createExpiryReminders, type ReminderToken } from '../../../main/tokens/expiry-reminders.ts';

const DAY = 24 * 3600_000;
const START = Date.parse('2026-11-29T09:00:00Z');

function setUp() {
  let now = START;
  const shown: Array<{ title: string; body: string; onClick: () => void }> = [];
  const opened: Array<readonly ReminderToken[]> = [];
  const reminders = createExpiryReminders({
    notifications: { show: (notice) => void shown.push(notice) },
    now: () => now,
    dayOf: (time) => new Date(time).toISOString().slice(0, 10),
    onOpen: (tokens) => void opened.push(tokens),
  });
  return { reminders, shown, opened, advance: (ms: number) => (now += ms) };
}

/** The renderer's words: a title per count, so the test sees which count main picked. */
const WORDS = { titles: Array.from({ length: 10 }, (_, index) => `${index + 1} expire this week`), body: 'Open All tokens' };

const soon = (id: string, accountId = 'a1', inMs = 2 * DAY): ReminderToken => ({ accountId, id, expiresAt: START + inMs });

describe('expiry reminders', () => {
  it('raises ONE notification for every token expiring within 7 days, across accounts', () => {
    const { reminders, shown } = setUp();
    expect(reminders.check([soon('1'), soon('2'), soon('1', 'b2')], WORDS)).toBe(3);
    expect(shown.map((s) => s.title)).toEqual(['3 expire this week']);
  });

  it('names only tokens expiring after now and within 7 days', () => {
    const { reminders, shown } = setUp();
    expect(
      reminders.check([soon('past', 'a1', -1), soon('now', 'a1', 0), soon('edge', 'a1', 7 * DAY), soon('later', 'a1', 7 * DAY + 1)], WORDS),
    ).toBe(1);
    expect(shown.map((s) => s.title)).toEqual(['1 expire this week']);
  });

  it('never again for the same token the same day; again the next day', () => {
    const { reminders, shown, advance } = setUp();
    reminders.check([soon('1')], WORDS);
    expect(reminders.check([soon('1')], WORDS)).toBe(0);
    advance(3600_000);
    expect(reminders.check([soon('1'), soon('1')], WORDS)).toBe(0);
    expect(reminders.check([soon('1'), soon('2')], WORDS)).toBe(1); // a new token the same day: named alone
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ title: '1 expire this week', body: 'Open All tokens' });
    advance(DAY);
    expect(reminders.check([soon('1'), soon('2')], WORDS)).toBe(2);
    expect(shown).toHaveLength(3);
  });

  it('the same id on two accounts is two tokens', () => {
    const { reminders } = setUp();
    reminders.check([soon('1', 'a1')], WORDS);
    expect(reminders.check([soon('1', 'b2')], WORDS)).toBe(1);
  });

  it('nothing to say: no notification', () => {
    const { reminders, shown } = setUp();
    expect(reminders.check([], WORDS)).toBe(0);
    expect(shown).toEqual([]);
  });

  it('a click opens All tokens with the tokens the notice named', () => {
    const { reminders, shown, opened } = setUp();
    reminders.check([soon('1'), soon('9', 'a1', 30 * DAY)], WORDS);
    shown[0]!.onClick();
    expect(opened).toEqual([[soon('1')]]);
  });
});
