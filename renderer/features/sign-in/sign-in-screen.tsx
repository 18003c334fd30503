import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useSession } from '../../stores/stores-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import { PlainHttpDialog } from './plain-http-dialog.tsx';
import { DEFAULT_SERVER_URL, SIGN_IN_WORDS } from './sign-in-messages.ts';
import './sign-in.css';

/** The sign-in form; shown whenever the session is signed out. */
export function SignInScreen() {
  const prefill = useSession((s) => (s.state?.status === 'signed_out' ? s.state.prefill : null));
  const notice = useSession((s) => (s.state?.status === 'signed_out' ? s.state.notice : null));
  const busy = useSession((s) => s.status === 'signing_in');
  const error = useSession((s) => s.error);
  const signIn = useSession((s) => s.signIn);

  const [serverUrl, setServerUrl] = useState(prefill?.serverUrl ?? DEFAULT_SERVER_URL);
  const [email, setEmail] = useState(prefill?.email ?? '');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // The password leaves this component with the request and is not kept, whatever the outcome.
    setPassword('');
    void signIn({ serverUrl: serverUrl.trim(), email: email.trim(), password });
  };

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1 className="sign-in-title">Sign in to NocoDB</h1>
        {notice && (
          <p className="notice notice-warning" role="status">
            {errorText(notice, SIGN_IN_WORDS)}
          </p>
        )}
        <form data-testid="nc-form-signin" className="sign-in-form" onSubmit={submit} aria-busy={busy}>
          <Field
            label="Server URL"
            type="text"
            inputMode="url"
            spellCheck={false}
            name="serverUrl"
            value={serverUrl}
            onChange={setServerUrl}
            autoComplete="url"
          />
          <Field
            label="Email"
            type="email"
            name="email"
            value={email}
            onChange={setEmail}
            autoComplete="username"
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- a returning user's next step is this form; focus saves a click
            autoFocus={prefill !== null}
          />
          <Field label="Password" type="password" name="password" value={password} onChange={setPassword} autoComplete="current-password" />
          {error && error.code !== 'insecure_connection' && (
            <p className="field-error" role="alert">
              {errorText(error, SIGN_IN_WORDS)}
            </p>
          )}
          {/* aria-disabled, not disabled: a disabled button would drop the focus; submit ignores it while busy. */}
          <button type="submit" className="btn btn-primary btn-large" aria-disabled={busy || undefined}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
      <PlainHttpDialog />
    </main>
  );
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
};

/** A labelled, required text input of the sign-in form. */
function Field({ label, onChange, ...input }: FieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input" required {...input} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
