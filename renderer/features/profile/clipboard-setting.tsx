import { useEffect, useState, type FormEvent } from 'react';
import { MAX_CLIPBOARD_CLEAR_SECONDS } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useSettings } from '../../stores/stores-context.tsx';

/** How long a copied token may stay on the clipboard; 0 turns clearing off. */
export function ClipboardSetting() {
  const settings = useSettings((s) => s.settings);
  const status = useSettings((s) => s.status);
  const error = useSettings((s) => s.error);
  const load = useSettings((s) => s.load);
  const update = useSettings((s) => s.update);
  const [seconds, setSeconds] = useState('');
  const [saved, setSaved] = useState(false);
  const { t, say } = useI18n();

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- the field takes the saved value once it has loaded
    if (settings) setSeconds(String(settings.clipboardClearSeconds));
  }, [settings]);

  const value = Number(seconds);
  const valid = seconds.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_CLIPBOARD_CLEAR_SECONDS;
  const changed = settings !== null && value !== settings.clipboardClearSeconds;
  const showInvalid = settings !== null && !valid;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setSaved(await update({ clipboardClearSeconds: value }));
  };

  return (
    <form className="card setting" aria-labelledby="clipboard-setting-title" onSubmit={(e) => void submit(e)}>
      <h3 id="clipboard-setting-title" className="setting-title">
        {t('profile.clipboard.title')}
      </h3>
      <p className="muted">{t('profile.clipboard.text')}</p>
      <div className="setting-row">
        <label className="field-label" htmlFor="clipboard-seconds">
          {t('profile.clipboard.seconds')}
        </label>
        <input
          id="clipboard-seconds"
          className="input input-narrow"
          type="number"
          min={0}
          max={MAX_CLIPBOARD_CLEAR_SECONDS}
          step={1}
          value={seconds}
          disabled={settings === null}
          aria-invalid={showInvalid}
          onChange={(e) => {
            setSeconds(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit" className="btn btn-primary" disabled={!valid || !changed || status === 'saving'}>
          {t('common.save')}
        </button>
      </div>
      {showInvalid && <p className="field-error">{t('profile.clipboard.invalid', { max: MAX_CLIPBOARD_CLEAR_SECONDS })}</p>}
      {error && (
        <p className="field-error" role="alert">
          {say(error)}
        </p>
      )}
      {saved && !changed && (
        <p className="muted" role="status">
          {t('common.saved')}
        </p>
      )}
    </form>
  );
}
