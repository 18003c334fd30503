import type { AccountEntry } from '../../../preload/contract.ts';
import { errorMsg } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { navigate } from '../../routing/hash-route.ts';
import { useSession } from '../../stores/stores-context.tsx';
import { initialsOf } from '../../ui/initials.ts';
import { AccountTokenCounts } from '../all-tokens/account-token-counts.tsx';
import { useAllTokensLoad } from '../all-tokens/use-all-tokens-load.ts';
import { STATUS_TEXT, canRetry, hostOf, isSignedIn, needsSignIn } from './account-words.ts';
import './accounts.css';

const NO_ACCOUNTS: AccountEntry[] = [];

/** The home screen: every account with its session state and what can be done with it. */
export function AccountsOverview() {
  const accounts = useSession((s) => s.state?.accounts ?? NO_ACCOUNTS);
  // The cards' token figures (AccountTokenCounts) need every account's tokens.
  useAllTokensLoad(false);
  const startAdding = useSession((s) => s.startAdding);
  const { t } = useI18n();
  return (
    <section className="accounts" aria-labelledby="accounts-title">
      <div className="accounts-head">
        <h1 id="accounts-title" className="page-title">
          {t('accounts.title')}
        </h1>
        <button type="button" className="btn btn-primary" onClick={startAdding}>
          {t('common.addAccount')}
        </button>
      </div>
      <AccountCards accounts={accounts} />
    </section>
  );
}

/** One card per account, in the user's order. */
export function AccountCards({ accounts }: { accounts: AccountEntry[] }) {
  return (
    <ul className="accounts-list">
      {accounts.map((account) => (
        <AccountCard key={account.id} account={account} />
      ))}
    </ul>
  );
}

function AccountCard({ account }: { account: AccountEntry }) {
  const busy = useSession((s) => s.pendingAccount === account.id);
  const switchTo = useSession((s) => s.switchTo);
  const remove = useSession((s) => s.remove);
  const retry = useSession((s) => s.retry);
  const usable = isSignedIn(account);
  const { t, say } = useI18n();
  const open = async () => {
    if (!account.active) await switchTo(account.id);
    navigate('tokens');
  };
  const titleId = `account-${account.id}`;
  return (
    <li className="card account-card" data-testid="nc-account-card" aria-labelledby={titleId} aria-busy={busy}>
      <span className="avatar avatar-medium" aria-hidden="true">
        {initialsOf(account.displayName, account.email)}
      </span>
      <div className="account-card-text">
        <p id={titleId} className="account-card-email">
          <bdi>{account.email}</bdi>
          {account.active && <span className="badge">{t('accounts.active')}</span>}
        </p>
        <p className="account-card-detail">
          {account.displayName && (
            <span>
              <bdi>{account.displayName}</bdi> ·{' '}
            </span>
          )}
          <bdi title={account.serverUrl}>{hostOf(account.serverUrl)}</bdi>
        </p>
        <p className={`account-status account-status-${account.status}`}>
          {t(STATUS_TEXT[account.status])}
          {account.problemError && <span className="account-card-detail"> — {say(errorMsg(account.problemError))}</span>}
        </p>
        {usable && <AccountTokenCounts accountId={account.id} />}
      </div>
      <div className="account-card-actions">
        {usable && (
          <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void open()}>
            {t('accounts.open')}
          </button>
        )}
        {usable && !account.active && (
          <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void switchTo(account.id)}>
            {t('accounts.switch')}
          </button>
        )}
        {canRetry(account) && (
          <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void retry(account.id)}>
            {t('common.retry')}
          </button>
        )}
        {needsSignIn(account) && (
          <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void switchTo(account.id)}>
            {t(account.status === 'damaged_entry' ? 'accounts.signInAgain' : 'common.signIn')}
          </button>
        )}
        {/* Logging out already: its Retry finishes it. A damaged entry is removed rather than logged out of. */}
        {account.status !== 'logging_out' && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            aria-label={t(account.status === 'damaged_entry' ? 'accounts.removeOf' : 'accounts.logOutOf', {
              email: account.email,
              host: hostOf(account.serverUrl),
            })}
            onClick={() => void remove(account.id)}
          >
            {t(account.status === 'damaged_entry' ? 'accounts.remove' : 'common.logOut')}
          </button>
        )}
      </div>
    </li>
  );
}
