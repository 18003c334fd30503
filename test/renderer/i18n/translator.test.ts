// How the renderer words what main sends: by code and params, never main's English; the server's
// own words as sent; a plainer message when a precise one lacks its values.
import { describe, expect, it } from 'vitest';
import ar from '../../../renderer/i18n/catalogs/ar.json';
import de from '../../../renderer/i18n/catalogs/de.json';
import en from '../../../renderer/i18n/catalogs/en.json';
import ru from '../../../renderer/i18n/catalogs/ru.json';
import { errorMsg, msg } from '../../../renderer/i18n/text.ts';
import { createTranslator } from '../../../renderer/i18n/translator.ts';

const english = createTranslator('en', en);
const german = createTranslator('de', de);

describe('wording errors from main', () => {
  it('uses the precise message main named a reason for, with its values, in the app’s language', () => {
    const error = {
      code: 'server_unreachable',
      message: 'Cannot reach …',
      params: { reason: 'address', serverUrl: 'https://db.example' },
    } as const;
    expect(german.say(errorMsg(error))).toBe('https://db.example ist nicht erreichbar. Prüfen Sie die Adresse und ob der Server läuft.');
  });

  it('prefers a screen’s words to the code’s own, but not to a precise reason', () => {
    const words = { not_found: 'tokens.error.action.not_found' } as const;
    expect(english.say(errorMsg({ code: 'not_found', message: 'x' }, words))).toBe('This token no longer exists. Refresh the list.');
    expect(english.say(errorMsg({ code: 'not_found', message: 'x', params: { reason: 'account' } }, words))).toBe(
      'This account is no longer in the list.',
    );
  });

  it('shows the server’s own words as sent, and never main’s English otherwise', () => {
    expect(german.say(errorMsg({ code: 'validation', message: 'Only one token per user is allowed', params: { source: 'server' } }))).toBe(
      'Only one token per user is allowed',
    );
    expect(german.say(errorMsg({ code: 'validation', message: 'The server refused the request.', params: { source: 'app' } }))).toBe(
      'Der Server hat die Anfrage abgelehnt.',
    );
    expect(german.say(errorMsg({ code: 'timeout', message: 'English from main' }))).toBe(
      'Der Server hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.',
    );
  });

  it('falls back to a plainer message when main left out a value, and to `internal` for an unknown code', () => {
    expect(english.say(errorMsg({ code: 'redirected', message: 'x', params: { reason: 'use_https' } }))).toBe(
      'The server redirects to another address, so your password was not sent. Check the address (https?).',
    );
    expect(english.say(errorMsg({ code: 'account_limit', message: 'x' }))).toBe('Something went wrong inside the app. Please try again.');
    expect(english.say(errorMsg({ code: 'no_such_code' as never, message: 'x' }))).toBe(
      'Something went wrong inside the app. Please try again.',
    );
  });
});

describe('wording the account layer’s errors and notices', () => {
  it('a locked keychain, copies or entries it kept, and keychain words by platform', () => {
    expect(english.say(errorMsg({ code: 'keychain_locked', message: 'x', params: { reason: 'retry' } }))).toBe(
      'Your keychain is locked — unlock it and choose Retry.',
    );
    expect(german.say(errorMsg({ code: 'keychain_locked', message: 'x', params: { reason: 'log_out_pending' } }))).toBe(
      'Dieses Konto wird noch abgemeldet: Entsperren Sie Ihren Schlüsselbund und wählen Sie zuerst „Erneut versuchen“ auf seiner Karte.',
    );
    const unavailable = {
      code: 'keychain_unavailable',
      message: 'x',
      params: { reason: 'copies_not_removed', platform: 'linux' },
    } as const;
    expect(english.say(errorMsg(unavailable))).toBe(
      'The token copies in the keychain could not be removed. On Linux a Secret Service such as GNOME Keyring or KWallet must be running and unlocked.',
    );
  });

  it('a rebuilt account list names the file it kept; the sign-in refusals carry their values', () => {
    const damaged = {
      code: 'settings_unreadable',
      message: 'x',
      params: { reason: 'damaged_kept', file: 'settings.damaged-1.json' },
    } as const;
    expect(german.say(errorMsg(damaged))).toMatch(/Die Datei wurde als settings\.damaged-1\.json aufbewahrt\.$/);
    const mismatch = {
      code: 'invalid_credentials',
      message: 'x',
      params: { reason: 'identity_mismatch', typed: 'ada@a.test', answered: 'eve@a.test' },
    } as const;
    expect(english.say(errorMsg(mismatch))).toBe(
      'The server answered for eve@a.test instead of ada@a.test, so the app did not keep this sign-in and signed that session out.',
    );
    const tooLong = { code: 'validation', message: 'x', params: { reason: 'email_too_long', source: 'app', max: 254 } } as const;
    expect(german.say(errorMsg(tooLong))).toBe(
      'Diese E-Mail-Adresse ist länger als 254 Zeichen und wird daher von keinem Server angenommen.',
    );
  });
});

describe('messages', () => {
  it('fill plurals by the language’s rules', () => {
    expect(english.say(msg('tokens.clipboardClears', { seconds: 1 }))).toBe('The clipboard will be cleared in 1 second.');
    const russian = createTranslator('ru', ru);
    expect([1, 3, 5, 21].map((seconds) => russian.say(msg('tokens.clipboardClears', { seconds })))).toEqual([
      'Буфер обмена будет очищен через 1 секунду.',
      'Буфер обмена будет очищен через 3 секунды.',
      'Буфер обмена будет очищен через 5 секунд.',
      'Буфер обмена будет очищен через 21 секунду.',
    ]);
  });

  it('isolate server values inside sentences: always in right-to-left ones, in left-to-right ones unless plain ASCII', () => {
    const arabic = createTranslator('ar', ar);
    expect(arabic.t('accounts.logOutOf', { email: 'ada@example.com', host: 'db.example' })).toBe(
      'تسجيل الخروج من \u2068ada@example.com\u2069 على \u2068db.example\u2069',
    );
    expect(english.t('accounts.logOutOf', { email: 'ada@example.com', host: 'db.example' })).toBe(
      'Log Out of ada@example.com on db.example',
    );
    expect(english.t('accounts.logOutOf', { email: 'אדה@example.com', host: 'db.example' })).toBe(
      'Log Out of \u2068אדה@example.com\u2069 on db.example',
    );
  });

  it('neutralise direction controls inside a value, so it cannot close its isolation early', () => {
    const arabic = createTranslator('ar', ar);
    expect(english.t('tokens.created', { name: 'evil\u202Eredaeh' })).toBe(
      english.t('tokens.created', { name: 'évil' }).replace('évil', 'evilredaeh'),
    );
    expect(english.t('tokens.created', { name: 'evil\u202Eredaeh' })).toContain('\u2068evilredaeh\u2069');
    expect(arabic.t('tokens.created', { name: 'a\u2069\u202Eb\u2066' })).toContain('\u2068ab\u2069');
  });

  it('never isolate a select argument: the Arabic keychain message names GNOME Keyring/KWallet on Linux', () => {
    const arabic = createTranslator('ar', ar);
    const words = (platform: string) =>
      arabic.say(errorMsg({ code: 'keychain_unavailable', message: 'x', params: { reason: 'platform', platform } }));
    expect(words('linux')).toContain('GNOME Keyring أو KWallet');
    expect(words('darwin')).toContain('macOS');
    expect(words('win32')).toContain('Windows');
    expect(words('linux')).not.toMatch(/[\u2066-\u2069]/);
  });
});
