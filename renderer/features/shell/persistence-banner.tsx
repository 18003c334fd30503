import { useState } from 'react';
import { useSession } from '../../stores/stores-context.tsx';
import { CloseIcon } from '../../ui/icons.tsx';

/** Tells the user when the session lives in memory only (no keychain), until dismissed. */
export function PersistenceBanner() {
  const warning = useSession((s) =>
    s.state?.status === 'signed_in' && s.state.persistence === 'memory'
      ? (s.state.persistenceWarning ?? 'Your session is kept in memory only and ends when you quit the app.')
      : null,
  );
  const [dismissed, setDismissed] = useState(false);
  if (!warning || dismissed) return null;
  return (
    <div className="banner" role="status">
      <span>{warning}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(true)}>
        <CloseIcon />
      </button>
    </div>
  );
}

/** Tells the user once that the account list was rebuilt from the keychain (its file was damaged or unreadable). */
export function ListNoticeBanner() {
  const notice = useSession((s) => s.state?.listNotice?.message ?? null);
  const [dismissed, setDismissed] = useState(false);
  if (!notice || dismissed) return null;
  return (
    <div className="banner" role="status" data-testid="nc-list-notice">
      <span>{notice}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(true)}>
        <CloseIcon />
      </button>
    </div>
  );
}
