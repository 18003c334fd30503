import { describe, expect, it } from 'vitest';
import type { TokenSummary } from '../../../preload/contract.ts';
import { csvWords } from '../../../renderer/domain/all-tokens-messages.ts';
import { toRows } from '../../../renderer/domain/all-tokens-rows.ts';
import { csvCell, tokensCsv } from '../../../renderer/domain/tokens-csv.ts';
import { TODAY_SERVER } from '../capabilities.ts';
import de from '../../../renderer/i18n/catalogs/de.json';
import en from '../../../renderer/i18n/catalogs/en.json';
import { createTranslator } from '../../../renderer/i18n/translator.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const account = { accountId: 'a1', email: 'ada@example.com', serverUrl: 'https://noco.example.com' };
const ENGLISH = csvWords(createTranslator('en', en).t);
const SECRET = 'S3cretTokenValueThatMustNeverBeWritten0';

/** Names a hostile server could send: a formula after every separator a spreadsheet might split on. */
const HOSTILE = [
  'x;=WEBSERVICE(C3&A2);y',
  'x,=1+1',
  'x;"=1+1";y',
  'x; +cmd|calc',
  'x;""@SUM(A1)',
  'x\t=1+1',
  'x\n-2+3',
  'x\r\n@SUM(1)',
  '=1+1',
  ' =1+1',
  '"=1+1"',
  '＝1+1',
  'x;＠SUM(1)',
];

/**
 * A spreadsheet's reading of a CSV file split on `separator`: a quote opens a quoted part only at a
 * field's start (a doubled quote inside is one quote); anything else is taken as it stands.
 */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let fieldStart = true;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (fieldStart && char === '"') {
      i += 1;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (char === separator) {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      fieldStart = true;
      i += 1;
    } else field += char;
    i += 1;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

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
  it('writes a header and one CRLF line per row, every cell quoted, with a byte-order mark', () => {
    const csv = tokensCsv(
      toRows(account, [token({ lastUsedAt: null, expiry: '2026-12-01T00:00:00.000Z', enabled: true })], TODAY_SERVER),
      NOW,
      ENGLISH,
    );
    expect(csv).toBe(
      '\uFEFF"Account","Server","Token name","Creator","Created","Last used","Expires","State"\r\n' +
        '"ada@example.com","https://noco.example.com","CI","ada@example.com","2026-11-28T02:57:57.000Z","Never","2026-12-01T00:00:00.000Z","Active"\r\n',
    );
  });

  it('words the header, states and "never" in the app language; times stay ISO 8601', () => {
    const german = csvWords(createTranslator('de', de).t);
    const csv = tokensCsv(
      toRows(account, [token({ lastUsedAt: null, expiry: '2026-11-01T00:00:00.000Z', enabled: true })], TODAY_SERVER),
      NOW,
      german,
    );
    expect(parseCsv(csv.slice(1), ',')).toEqual([
      ['Konto', 'Server', 'Token-Name', 'Ersteller', 'Erstellt', 'Zuletzt verwendet', 'Läuft ab', 'Status'],
      [
        'ada@example.com',
        'https://noco.example.com',
        'CI',
        'ada@example.com',
        '2026-11-28T02:57:57.000Z',
        'Nie',
        '2026-11-01T00:00:00.000Z',
        'Abgelaufen',
      ],
    ]);
  });

  it('doubles inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}HYPERLINK("http://x")`)).toMatch(/^"'/);
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('-2,3')).toBe(`"'-2,3"`);
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell('x;=WEBSERVICE(C3&A2);y')).toBe(`"x;'=WEBSERVICE(C3&A2);y"`);
    const csv = tokensCsv(toRows(account, [token({ name: '=cmd|calc', creator: '+evil' })], TODAY_SERVER), NOW, ENGLISH);
    expect(csv).toContain(`,"'=cmd|calc","'+evil",`);
  });

  // Spreadsheets set to German, French, Spanish, Portuguese or Russian conventions split on `;`, some
  // on tabs; a quote protects only a field's very start.
  it.each([',', ';', '\t'])('leaves no field that starts a formula when the file is split on %j', (separator) => {
    const rows = toRows(
      account,
      HOSTILE.map((name, index) => token({ id: String(index + 1), name, creator: name })),
      TODAY_SERVER,
    );
    const fields = parseCsv(tokensCsv(rows, NOW, ENGLISH).slice(1), separator).flat();
    expect(fields.length).toBeGreaterThan(HOSTILE.length);
    expect(fields.filter((field) => /^[\s"]*[=+\-@＝＋－＠]/.test(field))).toEqual([]);
  });

  it('writes control and direction characters as visible escapes: one line per token, nothing reversed', () => {
    const csv = tokensCsv(toRows(account, [token({ name: 'abc\u202Edef\tx\ny\r\u2066z\u0000' })], TODAY_SERVER), NOW, ENGLISH);
    expect(csv.slice(0, -2)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\t\u202A-\u202E\u2066-\u2069]|\r(?!\n)|(?<!\r)\n/);
    const rows = parseCsv(csv.slice(1), ',');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[2]).toBe('abc[U+202E]def[U+0009]x[U+000A]y[U+000D][U+2066]z[U+0000]');
  });

  it('never writes a token value or prefix; unknown fields stay empty, states are words', () => {
    const csv = tokensCsv(
      toRows(account, [token({ prefix: 'nc_pfx', name: null, creator: null, createdAt: null, enabled: false })], TODAY_SERVER),
      NOW,
      ENGLISH,
    );
    expect(csv).not.toContain('nc_pfx');
    expect(csv).not.toContain(SECRET);
    expect(csv.split('\r\n')[1]).toBe('"ada@example.com","https://noco.example.com","","","","","","Disabled"');
  });
});
