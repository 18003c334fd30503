// The app's language: the system's preferred one when the user chose none, the chosen one
// otherwise, applied at once (words, <html lang dir>, the menu main builds).
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { matchLanguage } from '../../../renderer/i18n/languages.ts';
import { renderApp } from '../render-app.tsx';

describe('matching the system’s languages', () => {
  it.each([
    [['pt-BR'], 'pt-BR'],
    [['pt-PT'], 'pt-BR'],
    [['de-AT', 'en-US'], 'de'],
    [['zh-CN'], 'zh-Hans'],
    [['zh-Hans-CN'], 'zh-Hans'],
    [['zh-TW', 'ja-JP'], 'ja'],
    [['sv-SE', 'fr-CA'], 'fr'],
    [['ar-EG'], 'ar'],
    [['ru_RU'], 'ru'],
    [['sv-SE'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, language) => {
    expect(matchLanguage(preferred)).toBe(language);
  });
});

describe('choosing the language', () => {
  it('starts in the system’s language when none was chosen', async () => {
    await renderApp({ signedIn: false, systemLanguages: ['pt-BR', 'en-US'] });
    expect(screen.getByRole('heading', { name: 'Entrar no NocoDB' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('applies a choice made in Profile at once, saves it, and words the menu', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile' });
    const select = await screen.findByTestId('nc-language-select');
    expect((select as HTMLSelectElement).value).toBe('system');
    expect(screen.getByRole('option', { name: 'Same as the system (English)' })).toBeTruthy();

    await user.selectOptions(select, 'de');
    expect(await screen.findByRole('heading', { name: 'Kontodetails' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    expect(fake.callsTo('settings.update').at(-1)?.arg).toEqual({ language: 'de' });
    await waitFor(() => expect(fake.callsTo('app.setMenuLabels').at(-1)?.arg).toMatchObject({ edit: 'Bearbeiten', quit: 'Beenden' }));

    await user.selectOptions(screen.getByTestId('nc-language-select'), 'ar');
    expect(await screen.findByRole('heading', { name: 'تفاصيل الحساب' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');

    await user.selectOptions(screen.getByTestId('nc-language-select'), 'system');
    expect(await screen.findByRole('heading', { name: 'Account Details' })).toBeTruthy();
    expect(document.documentElement).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  it('lists each language by its own name', async () => {
    await renderApp({ hash: '#/account/profile' });
    const names = Array.from((await screen.findByTestId('nc-language-select')).querySelectorAll('option')).map((o) => o.textContent);
    expect(names.slice(1)).toEqual([
      'English',
      '简体中文',
      'Español',
      'Português (Brasil)',
      'Deutsch',
      'Français',
      '日本語',
      'Русский',
      'العربية',
    ]);
  });
});
