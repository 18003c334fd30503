// Pseudo-localisation: the app runs on the English catalog with every letter of every message
// accented and each message wrapped ("[Àďď Ñéŵ ÀṖÎ Ţöķéñ]"), then walks its main screens. Any plain
// English word left in a text node, an aria-label, a title or a placeholder was not worded through
// the catalog. Server data (emails, addresses, token names, ids), the code example and the times
// Intl words are exempt.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TARGET_NAMES } from '../../../preload/token-usage.ts';
import english from '../../../renderer/i18n/catalogs/en.json';
import type { Catalog } from '../../../renderer/i18n/load-catalog.ts';
import { ADMIN, createTestBridge, seedToken, type TestBridge } from '../test-bridge.ts';
import { renderApp } from '../render-app.tsx';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'àƀçďéƒĝĥîĵķĺṁñöṗʠŕšţûṽŵẋýžÀḂÇĎÉḞĜĤÎĴĶĹṀÑÖṖɊŔŠŢÛṼŴẊÝŽ';
const accent = (text: string) => text.replace(/[a-zA-Z]/g, (letter) => [...ACCENTED][PLAIN.indexOf(letter)] ?? letter);

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([name, option]) => [name, { ...option, value: pseudoElements(option.value) }]),
      );
      return { ...element, options };
    }
    return element;
  });
}

/** The English catalog, pseudo-localised: the same placeholders, every letter of the words accented. */
const pseudoCatalog = Object.fromEntries(
  Object.entries(english).map(([key, message]) => [key, `[${printAST(pseudoElements(parse(message)))}]`]),
) as Catalog;

const GRACE = { serverUrl: 'https://nocodb.example.com', email: 'grace@example.com', displayName: 'Grace Hopper' };
/** Server data on the page; a test adds what its servers made up (token prefixes, a kept-aside file's name). */
const SERVER_DATA = [
  ADMIN.email,
  ADMIN.serverUrl,
  'localhost:8080',
  GRACE.email,
  GRACE.serverUrl,
  'nocodb.example.com',
  GRACE.displayName,
  'from the web',
  'classic',
  'Token-1',
  'Token-2',
  // Initials of the accounts' names and emails.
  'AD',
  'GH',
  'GR',
  // The Use it panel's targets are names of shells and languages, the same in every language.
  ...Object.values(TARGET_NAMES),
];

/** Every piece of words on the page a user could read or hear, with where it is. */
function wordsOnPage(): string[] {
  const found: string[] = [];
  const serverWords = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // The code example is code; the language list names each language in its own words, the example
    // list each shell and language by its name; times come from Intl in the app's language
    // (relative-time.test.ts), not from the catalog.
    if (parent?.closest('pre, time, [data-testid="nc-language-select"], [data-testid="nc-token-usage-target"]')) continue;
    // A server word in <bdi> is read whole: an email there is two text nodes around its <wbr>.
    const bdi = parent?.closest('bdi');
    if (bdi && serverWords.has(bdi)) continue;
    if (bdi) serverWords.add(bdi);
    found.push((bdi ?? node).textContent ?? '');
  }
  for (const element of document.body.querySelectorAll('[aria-label], [title]:not(time), [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value) found.push(value);
    }
  }
  return found;
}

/** The English left over: runs of plain Latin letters once server data is taken out. */
function untranslated(): string[] {
  return wordsOnPage().flatMap((text) => {
    let rest = text;
    for (const data of SERVER_DATA) rest = rest.split(data).join(' ');
    return /[A-Za-z]{2,}/.test(rest) ? [text] : [];
  });
}

const today = { lastUsedAt: '2026-11-28 02:57:57+00:00', expiry: null, enabled: true };

/** The prefixes today's servers list for the user's tokens are server data too. */
function prefixesAreServerData(fake: TestBridge, email = ADMIN.email, serverUrl = ADMIN.serverUrl) {
  SERVER_DATA.push(
    ...fake
      .server(serverUrl)
      .tokensOf(email)
      .map((token) => token.prefix),
  );
}

/** Signed in to both, then launched again with Grace's keychain entry locked and the list file damaged. */
async function launchedWithGraceLocked() {
  const fake = await createTestBridge({ otherAccounts: [{ ...GRACE }] });
  fake.keychain.lockedEntries.add(fake.idOf(GRACE.email));
  fake.settingsFile.status = 'damaged';
  fake.restart();
  return fake;
}

describe('pseudo-locale: no English left on the main screens', () => {
  it('the pseudo catalog is what the test thinks it is', () => {
    expect(pseudoCatalog['tokens.add']).toBe('[Àďď Ñéŵ ÀṖÎ Ţöķéñ]');
  });

  it('sign-in, with the plain-http question and an error', async () => {
    const fake = await createTestBridge({ signedIn: false });
    fake.alias('http://nocodb.lan', ADMIN.serverUrl); // plain http to another machine
    const { user } = await renderApp({ fake, loadCatalog: async () => pseudoCatalog });
    expect(untranslated().join(' | ')).toBe('');
    const serverField = screen.getByTestId('nc-form-signin').querySelector('input[name="serverUrl"]')!;
    await user.clear(serverField);
    await user.type(serverField, 'http://nocodb.lan');
    await user.type(screen.getByTestId('nc-form-signin').querySelector('input[type="email"]')!, `${ADMIN.email}`);
    await user.type(screen.getByTestId('nc-form-signin').querySelector('input[type="password"]')!, 'secret{Enter}');
    await screen.findByRole('alertdialog');
    expect(untranslated().filter((text) => !text.includes('nocodb.lan'))).toEqual([]);
  });

  it('the overview, the user menu, Tokens with rows, create, Use it, delete, a toast', async () => {
    // A 2026 server: a token from the web (no value to show) and one made in the app; Grace's server
    // did not answer at launch.
    const fake = await createTestBridge({ generation: '2026', tokens: [seedToken('from the web', today)], otherAccounts: [{ ...GRACE }] });
    await fake.setUp('tokens:create', { accountId: fake.idOf(), name: 'classic' });
    prefixesAreServerData(fake);
    fake.setOffline(GRACE.serverUrl);
    fake.restart();
    const { user } = await renderApp({ fake, loadCatalog: async () => pseudoCatalog });
    await screen.findAllByTestId('nc-account-card');
    expect(untranslated().join(' | ')).toBe('');

    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    await screen.findByRole('menu');
    expect(untranslated().join(' | ')).toBe('');
    await user.keyboard('{Escape}');

    window.location.hash = '#/account/tokens';
    await waitFor(() => expect(screen.getAllByTestId('nc-token-row')).toHaveLength(2));
    expect(untranslated().join(' | ')).toBe('');

    await user.click(screen.getByTestId('nc-token-create'));
    await user.clear(screen.getByTestId('nc-token-input'));
    await user.click(screen.getByTestId('nc-token-save-btn'));
    await screen.findByRole('alert');
    expect(untranslated().join(' | ')).toBe('');
    await user.keyboard('{Escape}');

    const classic = screen.getAllByTestId('nc-token-row').find((row) => row.textContent?.includes('classic'))!;
    await user.click(within(classic).getByTestId('nc-token-row-copy'));
    await waitFor(() => expect(document.querySelector('.toast')).not.toBeNull());
    await user.click(within(classic).getAllByRole('button')[2]!);
    await screen.findByTestId('nc-token-usage');
    await user.click(within(classic).getByTestId('nc-token-row-test'));
    expect(untranslated().join(' | ')).toBe('');

    await user.click(within(classic).getByTestId('nc-token-row-action-icon'));
    await screen.findByRole('alertdialog');
    expect(untranslated().join(' | ')).toBe('');
  });

  it('an account the locked keychain held back (with Retry), and the notice of a rebuilt account list', async () => {
    const fake = await launchedWithGraceLocked();
    await renderApp({ fake, loadCatalog: async () => pseudoCatalog });
    const grace = (await screen.findAllByTestId('nc-account-card'))[1]!;
    expect(within(grace).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByTestId('nc-list-notice')).toBeTruthy();
    const keptAside = `settings.json.${fake.settingsFile.keptAside[0]}`;
    expect(untranslated().filter((text) => !text.includes(keptAside))).toEqual([]);
  });

  it('sign-in for the active account the locked keychain held back: its notice and Retry', async () => {
    // The only account: at launch main keeps it shown (with another signed in, it would show that one).
    const fake = await createTestBridge();
    fake.keychain.lockedEntries.add(fake.idOf());
    fake.restart();
    await renderApp({ fake, loadCatalog: async () => pseudoCatalog });
    const notice = await screen.findByRole('status');
    expect(within(notice).getAllByRole('button')).toHaveLength(1);
    expect(notice.textContent).toContain('Ŕéţŕý');
    expect(untranslated().join(' | ')).toBe('');
  });

  it('All tokens: rows of two accounts, an account’s error row, the bulk delete dialog with a failure, the Rotate panel', async () => {
    const fake = await createTestBridge({
      generation: '2026',
      tokens: [seedToken('classic', today), seedToken('Token-1', { ...today, expiry: '2020-01-01T00:00:00Z' })],
      otherAccounts: [{ ...GRACE, generation: '2026', tokens: [seedToken('Token-2', today)] }],
    });
    prefixesAreServerData(fake);
    prefixesAreServerData(fake, GRACE.email, GRACE.serverUrl);
    const { user, stores } = await renderApp({ fake, hash: '#/all-tokens', loadCatalog: async () => pseudoCatalog });
    await waitFor(() => expect(screen.getAllByTestId('nc-all-tokens-row')).toHaveLength(3));
    // Grace's server stops answering on the next load: her tokens give way to her error row.
    fake.setOffline(GRACE.serverUrl);
    await stores.tokenModel.getState().retry(fake.idOf(GRACE.email));
    await screen.findByTestId('nc-all-tokens-account-error');
    expect(untranslated().join(' | ')).toBe('');

    const [first] = screen.getAllByTestId('nc-all-tokens-row');
    await user.click(within(first!).getByRole('checkbox'));
    await user.click(screen.getByTestId('nc-all-tokens-delete-selected'));
    const dialog = await screen.findByRole('alertdialog');
    expect(untranslated().join(' | ')).toBe('');
    // The selected token was deleted in the web UI meanwhile.
    fake.server().removeToken(first!.dataset.tokenId!);
    await user.click(within(dialog).getByTestId('nc-all-tokens-delete-confirm'));
    await within(dialog).findByTestId('nc-all-tokens-delete-failures');
    expect(untranslated().join(' | ')).toBe('');
    await user.keyboard('{Escape}');

    await user.click(within(screen.getAllByTestId('nc-all-tokens-row')[0]!).getByTestId('nc-token-row-rotate'));
    await screen.findByTestId('nc-token-rotate');
    prefixesAreServerData(fake); // the token Rotate made
    expect(untranslated().join(' | ')).toBe('');
  });

  it('Profile and Password, with their errors', async () => {
    const fake = await createTestBridge();
    SERVER_DATA.push(fake.server().users[0]!.id); // the user id the server gave
    const { user } = await renderApp({ fake, hash: '#/account/profile', loadCatalog: async () => pseudoCatalog });
    await screen.findByTestId('nc-language-select');
    await user.clear(screen.getByTestId('nc-account-settings-rename-input'));
    expect(untranslated().join(' | ')).toBe('');

    window.location.hash = '#/account/password';
    await user.click(await screen.findByTestId('nc-user-settings-form__submit'));
    expect(untranslated().join(' | ')).toBe('');
  });
});
