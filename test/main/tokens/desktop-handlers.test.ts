import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/create-handlers.ts';
import { memoryPorts } from '../../support/memory-ports.ts';

const NOW = Date.parse('2026-11-29T09:00:00Z');
const DAY = 24 * 3600_000;

function setUp(answer: { path: string } | null = { path: '/home/ada/tokens.csv' }) {
  const saved: Array<{ defaultName: string; text: string }> = [];
  const shown: Array<{ title: string; body: string; onClick: () => void }> = [];
  let windowShown = 0;
  const { ports } = memoryPorts({
    now: () => NOW,
    saveDialog: {
      saveText: async (request) => {
        saved.push(request);
        return answer;
      },
    },
    notifications: { show: (notice) => void shown.push(notice) },
    showWindow: () => void (windowShown += 1),
  });
  return { handlers: createHandlers(ports), saved, shown, windowShown: () => windowShown };
}

describe('CSV export through the save dialog port', () => {
  it('offers a dated file name and writes the text as given', async () => {
    const { handlers, saved } = setUp();
    expect(await handlers['tokens:export-csv']({ text: 'Account,Server\r\n' })).toEqual({ saved: true });
    expect(saved).toEqual([
      { defaultName: 'nocodb-tokens-2026-11-29.csv', text: 'Account,Server\r\n', filterName: 'CSV', extension: 'csv' },
    ]);
  });

  it('says nothing was saved when the user cancels', async () => {
    const { handlers } = setUp(null);
    expect(await handlers['tokens:export-csv']({ text: 'x' })).toEqual({ saved: false });
  });
});

describe('expiry reminders through the notification port', () => {
  const soon = [
    { accountId: 'a1', id: '1', expiresAt: NOW + DAY },
    { accountId: 'b2', id: '1', expiresAt: NOW + 2 * DAY },
  ];
  // Worded by the renderer in the app's language; main picks the title for the count it names.
  const words = { titles: ['1 Token läuft diese Woche ab', '2 Tokens laufen diese Woche ab'], body: 'Öffnen Sie „Alle Tokens“.' };

  it('one notification for both; a click brings the window up and hands its tokens out once', async () => {
    const { handlers, shown, windowShown } = setUp();
    expect(await handlers['reminders:check']({ tokens: soon, words })).toEqual({ notified: 2 });
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: '2 Tokens laufen diese Woche ab', body: words.body }]);
    expect(await handlers['reminders:opened'](undefined)).toBeNull();
    shown[0]!.onClick();
    expect(windowShown()).toBe(1);
    expect(await handlers['reminders:opened'](undefined)).toEqual([
      { accountId: 'a1', id: '1' },
      { accountId: 'b2', id: '1' },
    ]);
    expect(await handlers['reminders:opened'](undefined)).toBeNull();
  });

  it('the Profile setting turns them off', async () => {
    const { handlers, shown } = setUp();
    await handlers['settings:update']({ expiryReminders: false });
    expect(await handlers['reminders:check']({ tokens: soon, words })).toEqual({ notified: 0 });
    expect(shown).toEqual([]);
  });
});
