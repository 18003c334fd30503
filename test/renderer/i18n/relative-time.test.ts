// Relative times round first, then pick the unit, in the app's language (not the system's), and a
// server time without an offset is UTC. Fixed clocks: nothing here depends on when the test runs.
import { describe, expect, it } from 'vitest';
import { parseServerTime } from '../../../renderer/domain/token-time.ts';
import { createTranslator } from '../../../renderer/i18n/translator.ts';
import { relativeParts } from '../../../renderer/i18n/relative-time.ts';
import type { Catalog } from '../../../renderer/i18n/load-catalog.ts';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = (language: 'en' | 'de' | 'ja' | 'ru' | 'ar', offset: number) =>
  createTranslator(language, {} as Catalog).relativeTime(NOW + offset, NOW);

describe('relative times: round first, then the unit', () => {
  it.each([
    [29 * SECOND, [0, 'second']],
    [31 * SECOND, [1, 'minute']],
    [59 * MINUTE + 29 * SECOND, [59, 'minute']],
    [59 * MINUTE + 36 * SECOND, [1, 'hour']],
    [-(59 * MINUTE + 36 * SECOND), [-1, 'hour']],
    [23 * HOUR + 29 * MINUTE, [23, 'hour']],
    [23 * HOUR + 36 * MINUTE, [1, 'day']],
    [29 * DAY + 11 * HOUR, [29, 'day']],
    [29 * DAY + 13 * HOUR, [1, 'month']],
    [335 * DAY, [11, 'month']],
    [348 * DAY, [1, 'year']],
    [-348 * DAY, [-1, 'year']],
    [2 * 365 * DAY + 200 * DAY, [3, 'year']],
  ] as const)('%d ms → %j', (difference, parts) => {
    expect(relativeParts(difference)).toEqual(parts);
  });

  it('never says "in 60 minutes", "in 24 hours", "in 30 days" or "in 12 months"', () => {
    for (let difference = 0; difference < 800 * DAY; difference += 7 * MINUTE + 13 * SECOND) {
      const [amount, unit] = relativeParts(difference);
      const limit = { second: 1, minute: 60, hour: 24, day: 30, month: 12, year: Infinity }[unit as string] ?? 0;
      expect(Math.abs(amount)).toBeLessThan(limit);
    }
  });
});

describe('relative times in the app’s language', () => {
  it.each([
    ['en', ['now', 'in 1 hour', '3 hours ago', 'tomorrow', 'in 11 months', 'last year']],
    ['de', ['jetzt', 'in 1 Stunde', 'vor 3 Stunden', 'morgen', 'in 11 Monaten', 'letztes Jahr']],
    ['ru', ['сейчас', 'через 1 час', '3 часа назад', 'завтра', 'через 11 месяцев', 'в прошлом году']],
    ['ja', ['今', '1 時間後', '3 時間前', '明日', '11 か月後', '昨年']],
  ] as const)('%s', (language, words) => {
    const offsets = [10 * SECOND, 59 * MINUTE + 40 * SECOND, -3 * HOUR, 23 * HOUR + 40 * MINUTE, 335 * DAY, -350 * DAY];
    expect(offsets.map((offset) => relative(language, offset))).toEqual(words);
  });

  it('writes Arabic in Arabic', () => {
    expect(relative('ar', -3 * HOUR)).toBe('قبل 3 ساعات');
  });

  it('gives the exact date in the app’s language, for the tooltip', () => {
    const noon = Date.UTC(2026, 10, 28, 12, 0, 0);
    expect(createTranslator('en', {} as Catalog).dateTime(noon)).toContain('Nov 28, 2026');
    expect(createTranslator('de', {} as Catalog).dateTime(noon)).toContain('28.11.2026');
    expect(createTranslator('ja', {} as Catalog).dateTime(noon)).toContain('2026/11/28');
  });
});

describe('server times', () => {
  it('reads a time without an offset as UTC, like one with Z or +00:00', () => {
    const utc = Date.UTC(2026, 10, 28, 2, 57, 57);
    expect(parseServerTime('2026-11-28 02:57:57')).toBe(utc);
    expect(parseServerTime('2026-11-28T02:57:57')).toBe(utc);
    expect(parseServerTime('2026-11-28 02:57:57+00:00')).toBe(utc);
    expect(parseServerTime('2026-11-28T02:57:57.000Z')).toBe(utc);
    expect(parseServerTime('2026-11-28 04:57:57+02:00')).toBe(utc);
    expect(parseServerTime('2026-11-28 04:57:57+0200')).toBe(utc);
  });

  it('answers null for text that is not a time', () => {
    expect(parseServerTime('yesterday')).toBeNull();
    expect(parseServerTime('')).toBeNull();
  });
});
