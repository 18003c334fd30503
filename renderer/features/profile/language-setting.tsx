import { LANGUAGES, type Language } from '../../../preload/contract.ts';
import { LANGUAGE_INFO, matchLanguage } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useI18nStore, useSettings } from '../../stores/stores-context.tsx';

const SYSTEM = 'system';

/** The app's language: the system's (the default) or one chosen here, saved and applied at once. */
export function LanguageSetting() {
  const chosen = useSettings((s) => s.settings?.language);
  const update = useSettings((s) => s.update);
  const system = useI18nStore((s) => s.system);
  const { t } = useI18n();
  const systemLanguage = LANGUAGE_INFO[matchLanguage(system)].name;

  return (
    <div className="card setting">
      <label className="setting-title" htmlFor="language-select">
        {t('profile.language.title')}
      </label>
      <p className="muted">{t('profile.language.text')}</p>
      <select
        id="language-select"
        className="input select"
        data-testid="nc-language-select"
        value={chosen ?? SYSTEM}
        disabled={chosen === undefined}
        onChange={(e) => void update({ language: e.target.value === SYSTEM ? null : (e.target.value as Language) })}
      >
        <option value={SYSTEM}>{t('profile.language.system', { language: systemLanguage })}</option>
        {LANGUAGES.map((language) => (
          // Each language by its own name, in its own script and direction.
          <option key={language} value={language} lang={language} dir={LANGUAGE_INFO[language].dir}>
            {LANGUAGE_INFO[language].name}
          </option>
        ))}
      </select>
    </div>
  );
}
