import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useSettings } from '../../stores/stores-context.tsx';

/** Whether tokens created in the app are kept in the OS keychain; turning it off forgets every copy. */
export function TokenCopiesSetting() {
  const settings = useSettings((s) => s.settings);
  const status = useSettings((s) => s.status);
  const update = useSettings((s) => s.update);
  const { t } = useI18n();
  // The box follows the click at once; if main refuses, it falls back to the saved value.
  const [pending, setPending] = useState<boolean | null>(null);
  const keep = pending ?? settings?.keepTokenCopies ?? false;

  const change = async (next: boolean) => {
    setPending(next);
    await update({ keepTokenCopies: next });
    setPending(null);
  };

  return (
    <div className="card setting">
      <label className="setting-check">
        <input
          type="checkbox"
          data-testid="nc-keep-token-copies"
          checked={keep}
          disabled={settings === null || (status === 'saving' && pending !== null)}
          onChange={(e) => void change(e.target.checked)}
        />
        <span className="setting-title">{t('profile.copies.title')}</span>
      </label>
      <p className="muted">{t('profile.copies.text')}</p>
    </div>
  );
}
