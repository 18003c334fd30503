import { useRef, useState, type FormEvent } from 'react';
import { type MessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useProfile } from '../../stores/stores-context.tsx';
import { passwordProblems, type PasswordDraft } from './profile-messages.ts';
import './profile.css';

const EMPTY: PasswordDraft = { currentPassword: '', newPassword: '', confirmPassword: '' };

interface FieldSpec {
  key: keyof PasswordDraft;
  label: MessageKey;
  /** NocoDB's test id for the input, and the for the field around it. */
  inputTestId: string;
  fieldTestId: string;
  autoComplete: string;
}

const FIELDS: FieldSpec[] = [
  {
    key: 'currentPassword',
    label: 'password.current',
    inputTestId: 'nc-user-settings-form__current-password',
    fieldTestId: 'nc-password-current',
    autoComplete: 'current-password',
  },
  {
    key: 'newPassword',
    label: 'password.new',
    inputTestId: 'nc-user-settings-form__new-password',
    fieldTestId: 'nc-password-new',
    autoComplete: 'new-password',
  },
  {
    key: 'confirmPassword',
    label: 'password.confirm',
    inputTestId: 'nc-user-settings-form__new-password-repeat',
    fieldTestId: 'nc-password-confirm',
    autoComplete: 'new-password',
  },
];

/** Change Password (NocoDB: Users → Reset Password). The app stays signed in afterwards. */
export function PasswordPage() {
  const status = useProfile((s) => s.password.status);
  const serverError = useProfile((s) => s.password.error);
  const changePassword = useProfile((s) => s.changePassword);
  const resetPassword = useProfile((s) => s.resetPassword);
  const [draft, setDraft] = useState<PasswordDraft>(EMPTY);
  // Field problems show once the user tried to send the form, then follow every keystroke.
  const [tried, setTried] = useState(false);
  const inputs = useRef<Partial<Record<keyof PasswordDraft, HTMLInputElement | null>>>({});
  const { t, say } = useI18n();

  const saving = status === 'saving';
  const problems = tried ? passwordProblems(draft) : {};

  const change = (key: keyof PasswordDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    resetPassword();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setTried(true);
    const found = passwordProblems(draft);
    const first = FIELDS.find((field) => found[field.key]);
    if (first) {
      inputs.current[first.key]?.focus();
      return;
    }
    const { currentPassword, newPassword } = draft;
    const changed = await changePassword({ currentPassword, newPassword });
    // The passwords leave the renderer's state as soon as the request ends, whatever its outcome.
    setDraft(EMPTY);
    setTried(false);
    if (!changed) inputs.current.currentPassword?.focus();
  };

  return (
    <section className="profile" aria-labelledby="password-title">
      <h2 id="password-title" className="section-title">
        {t('password.title')}
      </h2>
      <form
        className="card password-form"
        data-testid="nc-user-settings-form"
        aria-labelledby="password-title"
        aria-busy={saving}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <p className="muted">{t('password.intro')}</p>
        {serverError && (
          <p className="notice notice-error" data-testid="nc-user-settings-form__error" role="alert">
            {say(serverError)}
          </p>
        )}
        {FIELDS.map(({ key, label, inputTestId, fieldTestId, autoComplete }) => (
          <div key={key} className="field" data-testid={fieldTestId}>
            <label className="field-label" htmlFor={`password-${key}`}>
              {t(label)}
            </label>
            <input
              id={`password-${key}`}
              ref={(element) => {
                inputs.current[key] = element;
              }}
              className="input"
              type="password"
              data-testid={inputTestId}
              autoComplete={autoComplete}
              value={draft[key]}
              // Read-only, not disabled, while the request is out: a disabled field would drop the focus.
              readOnly={saving}
              aria-invalid={problems[key] !== undefined}
              aria-describedby={problems[key] ? `password-${key}-error` : undefined}
              onChange={(e) => change(key, e.target.value)}
            />
            {problems[key] && (
              <p id={`password-${key}-error`} className="field-error">
                {say(problems[key])}
              </p>
            )}
          </div>
        ))}
        <div className="profile-actions" data-testid="nc-password-save">
          {status === 'done' && (
            <p className="notice notice-success" role="status">
              {t('password.changed')}
            </p>
          )}
          <button type="submit" className="btn btn-primary" data-testid="nc-user-settings-form__submit" aria-disabled={saving || undefined}>
            {saving ? t('password.submitting') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
