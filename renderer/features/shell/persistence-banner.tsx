import { useState } from 'react';
import { errorMsg, msg } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useSession } from '../../stores/stores-context.tsx';
import { CloseIcon } from '../../ui/icons.tsx';

/** Tells the user when the session lives in memory only (no keychain), until dismissed. */
export function PersistenceBanner() {
  const memoryOnly = useSession((s) => s.state?.status === 'signed_in' && s.state.persistence === 'memory');
  const problem = useSession((s) => (s.state?.status === 'signed_in' ? (s.state.persistenceProblem ?? null) : null));
  const [dismissed, setDismissed] = useState(false);
  const { t, say } = useI18n();
  if (!memoryOnly || dismissed) return null;
  const warning = say(problem ? errorMsg(problem) : msg('shell.memoryOnly'));
  return (
    <div className="banner" role="status">
      <span>{warning}</span>
      <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => setDismissed(true)}>
        <CloseIcon />
      </button>
    </div>
  );
}

/**
 * Tells the user that the account list was rebuilt from the keychain (its file was damaged or
 * unreadable), naming the entries it dropped — or that it is not recovered yet, with the Retry that
 * rebuilds it (also when no account is on screen). Only the first can be dismissed.
 */
export function ListNoticeBanner() {
  const notice = useSession((s) => s.state?.listNotice ?? null);
  const notRecovered = useSession((s) => s.state?.list === 'not_recovered');
  const busy = useSession((s) => s.status === 'recovering');
  const recover = useSession((s) => s.recover);
  const [dismissed, setDismissed] = useState(false);
  const { t, say } = useI18n();
  if (!notice || (dismissed && !notRecovered)) return null;
  const dropped = notice.params?.['dropped'];
  return (
    <div className="banner" role="status" data-testid="nc-list-notice">
      <span>
        {say(errorMsg(notice))}
        {typeof dropped === 'string' && <> {t('shell.listNotice.dropped', { dropped })}</>}
      </span>
      {notRecovered ? (
        <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void recover()}>
          {t('common.retry')}
        </button>
      ) : (
        <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => setDismissed(true)}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
