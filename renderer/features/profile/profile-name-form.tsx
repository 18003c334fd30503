import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Account } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useProfile } from '../../stores/stores-context.tsx';
import { displayNameProblem } from './profile-messages.ts';

/** NocoDB's Profile form: the editable Name, the read-only email, Save once something changed. */
export function ProfileNameForm({ account }: { account: Account }) {
  const current = account.displayName ?? '';
  const status = useProfile((s) => s.name.status);
  const serverError = useProfile((s) => s.name.error);
  const saveName = useProfile((s) => s.saveName);
  const resetName = useProfile((s) => s.resetName);
  const { t, say } = useI18n();
  const [draft, setDraft] = useState(current);
  // A name saved here (or anywhere else) becomes the field's new starting point; adjusted while
  // rendering rather than in an effect, so no render shows the old draft against the new name.
  const [base, setBase] = useState(current);
  if (base !== current) {
    setBase(current);
    setDraft(current);
  }

  const saving = status === 'saving';
  const changed = draft.trim() !== current;
  const problem = changed ? displayNameProblem(draft) : null;
  const shownError = problem ?? serverError;

  const change = (value: string) => {
    setDraft(value);
    resetName();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || !changed || problem) return;
    await saveName(draft.trim());
  };
  // Escape puts the saved name back, as NocoDB's inline editors do.
  const revert = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && changed && !saving) change(current);
  };

  return (
    <form className="profile-fields" aria-label={t('profile.form')} aria-busy={saving} onSubmit={(e) => void submit(e)}>
      <div className="profile-row">
        <label className="field-label" htmlFor="profile-name">
          {t('profile.name')}
        </label>
        <span className="profile-user-id">{t('profile.userId', { id: account.userId })}</span>
      </div>
      <div className="profile-field" data-testid="nc-profile-name-input">
        <input
          id="profile-name"
          className="input"
          data-testid="nc-account-settings-rename-input"
          value={draft}
          placeholder={t('profile.name')}
          autoComplete="name"
          aria-invalid={problem !== null}
          aria-describedby={shownError ? 'profile-name-error' : undefined}
          onChange={(e) => change(e.target.value)}
          onKeyDown={revert}
        />
        {shownError && (
          <p id="profile-name-error" className="field-error" role="alert">
            {say(shownError)}
          </p>
        )}
      </div>
      <label className="field-label" htmlFor="profile-email">
        {t('profile.email')}
      </label>
      <input id="profile-email" className="input" data-testid="nc-account-settings-email-input" disabled value={account.email} />
      <div className="profile-actions" data-testid="nc-profile-save">
        {status === 'done' && !changed && (
          <p className="muted" role="status">
            {t('profile.nameSaved')}
          </p>
        )}
        {/* aria-disabled, not disabled: after a save the button would otherwise drop the focus. */}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="nc-account-settings-save"
          aria-disabled={saving || !changed || problem !== null || undefined}
        >
          {saving ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
