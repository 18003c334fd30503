import { describe, expect, it } from 'vitest';
import type { TokenSummary } from '../../../preload/contract.ts';
import { csvWords } from '../../../renderer/domain/all-tokens-messages.ts';
import { toRows } from '../../../renderer/domain/all-tokens-rows.ts';
import { TODAY_SERVER } from '../capabilities.ts';
import { csvCell, tokensCsv } from '../../../renderer/domain/tokens-csv.ts';
import de from '../../../renderer/i18n/catalogs/de.json';
import en from '../../../renderer/i18n/catalogs/en.json';
import { createTranslator } from '../../../renderer/i18n/translator.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const account = { accountId: 'a1', email: 'ada@example.com', serverUrl: 'https://noco.example.com' };
const ENGLISH = csvWords(createTranslator('en', en).t);
const SECRET = 'S3cretTokenValueThatMustNeverBeWritten0';

function token(extra: Partial<TokenSummary>): TokenSummary {
  return {
    id: '7',
    name: 'CI',
    creator: 'ada@example.com',
    createdAt: '2026-11-28 02:57:57+00:00',
    valueSource: 'server',
    prefix: 'nc_pfx',
    ...extra,
  };
}

describe('CSV export', () => {
  it('writes a header and one CRLF line per row, with a byte-order mark', () => {
    const csv = tokensCsv(
      toRows(account, [token({ lastUsedAt: null, expiry: '2026-12-01T00:00:00.000Z', enabled: true })], TODAY_SERVER),
      NOW,
      ENGLISH,
    );
    expect(csv).toBe(
      '\uFEFFAccount,Server,Token name,Creator,Created,Last used,Expires,State\r\n' +
        'ada@example.com,https://noco.example.com,CI,ada@example.com,2026-11-28T02:57:57.000Z,Never,2026-12-01T00:00:00.000Z,Active\r\n',
    );
  });

  it('words the header, states and "never" in the app language; times stay ISO 8601', () => {
    const german = csvWords(createTranslator('de', de).t);
    const csv = tokensCsv(
      toRows(account, [token({ lastUsedAt: null, expiry: '2026-11-01T00:00:00.000Z', enabled: true })], TODAY_SERVER),
      NOW,
      german,
    );
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFKonto,Server,Token-Name,Ersteller,Erstellt,Zuletzt verwendet,Läuft ab,Status',
      'ada@example.com,https://noco.example.com,CI,ada@example.com,2026-11-28T02:57:57.000Z,Nie,2026-11-01T00:00:00.000Z,Abgelaufen',
    ]);
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('plain name')).toBe('plain name');
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}HYPERLINK("http://x")`)).toMatch(/^"?'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2,3')).toBe(`"'-2,3"`);
    expect(csvCell('a=b')).toBe('a=b');
    const csv = tokensCsv(toRows(account, [token({ name: '=cmd|calc', creator: '+evil' })], TODAY_SERVER), NOW, ENGLISH);
    expect(csv).toContain(",'=cmd|calc,'+evil,");
  });

  it('never writes a token value or prefix; unknown fields stay empty, states are words', () => {
    const csv = tokensCsv(
      toRows(account, [token({ prefix: 'nc_pfx', name: null, creator: null, createdAt: null, enabled: false })], TODAY_SERVER),
      NOW,
      ENGLISH,
    );
    expect(csv).not.toContain('nc_pfx');
    expect(csv).not.toContain(SECRET);
    expect(csv.split('\r\n')[1]).toBe('ada@example.com,https://noco.example.com,,,,,,Disabled');
  });
});
