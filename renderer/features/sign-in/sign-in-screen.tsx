import { useEffect, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { AccountEntry } from '../../../preload/contract.ts';
import { activeAccountOf } from '../../stores/session-store.ts';
import { useSession } from '../../stores/stores-context.tsx';
import { errorMsg } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { canRetry } from '../accounts/account-words.ts';
import { AccountCards } from '../accounts/accounts-overview.tsx';
import { ListNoticeBanner } from '../shell/persistence-banner.tsx';
import { MountWhenOpened, lazyNamed } from '../../ui/load-when-opened.tsx';
import { DEFAULT_SERVER_URL, SIGN_IN_WORDS } from './sign-in-messages.ts';
import './sign-in.css';

// Fetched the first time a server answers on plain http.
const PlainHttpDialog = lazyNamed(() => import('./plain-http-dialog.tsx').then((m) => m.PlainHttpDialog));

/**
 * The sign-in form: shown when no account is signed in and active, and to add an account
 * ("Add account" in the user menu), where Cancel goes back to the account that was active.
 */
export function SignInScreen() {
  const adding = useSession((s) => s.adding);
  // Adding starts on the active account's server, with the email to fill in.
  const prefill = useSession((s) => (s.state?.status === 'signed_out' ? s.state.prefill : null));
  const activeServer = useSession((s) => (s.state?.status === 'signed_in' ? s.state.account.serverUrl : null));
  const notice = useSession((s) => (s.state?.status === 'signed_out' ? s.state.notice : null));
  const busy = useSession((s) => s.status === 'signing_in');
  const error = useSession((s) => s.error);
  const signIn = useSession((s) => s.signIn);
  const awaitingConsent = useSession((s) => s.awaitingPlainHttpConsent !== null);
  const back = useBackToSignedIn();
  useEscapeCancelsAdding();
  // Accounts that stay listed although none is open (e.g. a server that did not answer): still
  // shown, with their Retry and Log Out, so nothing is kept out of sight.
  const others = useSession((s) => s.state?.accounts ?? NO_ACCOUNTS).filter((account) => !account.active);
  const retry = useRetryActive();
  const { t, say } = useI18n();

  const [serverUrl, setServerUrl] = useState(prefill?.serverUrl ?? activeServer ?? DEFAULT_SERVER_URL);
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
        <h1 className="sign-in-title">{adding ? t('signIn.titleAdding') : t('signIn.title')}</h1>
        <ListNoticeBanner />
        {notice && (
          <div className="notice notice-warning sign-in-notice" role="status">
            <span>{say(errorMsg(notice, SIGN_IN_WORDS))}</span>
            {retry && (
              <button type="button" className="btn btn-secondary btn-small" disabled={retry.busy} onClick={retry.run}>
                {retry.busy ? t('common.retrying') : t('common.retry')}
              </button>
            )}
          </div>
        )}
        <form data-testid="nc-form-signin" className="sign-in-form" onSubmit={submit} aria-busy={busy}>
          <Field
            label={t('signIn.serverUrl')}
            type="text"
            inputMode="url"
            spellCheck={false}
            name="serverUrl"
            value={serverUrl}
            onChange={setServerUrl}
            autoComplete="url"
          />
          <Field
            label={t('signIn.email')}
            type="email"
            name="email"
            value={email}
            onChange={setEmail}
            autoComplete="username"
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- a returning user's (or one adding an account) next step is this form; focus saves a click
            autoFocus={prefill !== null || adding}
          />
          <Field
            label={t('signIn.password')}
            type="password"
            name="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
          />
          {error && error.code !== 'insecure_connection' && (
            <p className="field-error" role="alert">
              {say(errorMsg(error, SIGN_IN_WORDS))}
            </p>
          )}
          {/* aria-disabled, not disabled: a disabled button would drop the focus; submit ignores it while busy. */}
          <button type="submit" className="btn btn-primary btn-large" aria-disabled={busy || undefined}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          {back && (
            <button type="button" className="btn btn-secondary btn-large" data-testid="nc-account-add-cancel" onClick={back.run}>
              {t('common.cancel')}
            </button>
          )}
        </form>
      </div>
      {!adding && others.length > 0 && (
        <section className="sign-in-accounts" aria-label={t('signIn.otherAccounts')}>
          <AccountCards accounts={others} />
        </section>
      )}
      <MountWhenOpened open={awaitingConsent}>
        <PlainHttpDialog />
      </MountWhenOpened>
    </main>
  );
}

const NO_ACCOUNTS: AccountEntry[] = [];

/** Escape leaves "Add account" as Cancel does, like closing a dialog (unless the plain-http question is open: it is that dialog's). */
function useEscapeCancelsAdding(): void {
  const adding = useSession((s) => s.adding);
  const asking = useSession((s) => s.awaitingPlainHttpConsent !== null);
  const cancelAdding = useSession((s) => s.cancelAdding);
  useEffect(() => {
    if (!adding || asking) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancelAdding();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [adding, asking, cancelAdding]);
}

/** Cancel: back to the active account when adding, else to an account that is still signed in. */
function useBackToSignedIn(): { run: () => void } | null {
  const adding = useSession((s) => s.adding);
  const cancelAdding = useSession((s) => s.cancelAdding);
  const switchTo = useSession((s) => s.switchTo);
  const signedInId = useSession(
    (s) => s.state?.accounts.find((account) => account.status === 'signed_in' || account.status === 'memory_only')?.id ?? null,
  );
  if (adding) return { run: cancelAdding };
  return signedInId ? { run: () => void switchTo(signedInId) } : null;
}

/** Retry for the active account when its server did not answer at launch, or the keychain was locked. */
function useRetryActive(): { run: () => void; busy: boolean } | null {
  const active = useSession((s) => (s.state?.status === 'signed_out' ? activeAccountOf(s.state) : null));
  const busy = useSession((s) => active !== null && s.pendingAccount === active.id);
  const retry = useSession((s) => s.retry);
  if (!active || !canRetry(active)) return null;
  return { run: () => void retry(active.id), busy };
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
