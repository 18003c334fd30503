import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokenModel, useTokenModelActions } from '../../stores/stores-context.tsx';
import { hostOf } from '../accounts/account-words.ts';

/**
 * Rotate's question once the new token exists: revoke the old one now, or keep both. A panel, not a
 * modal dialog, so the Token created notice and its Copy button stay usable next to it.
 */
export function RotatePanel() {
  const rotation = useTokenModel((s) => s.rotation);
  const { revokeOld, keepBoth } = useTokenModelActions();
  const { t, say } = useI18n();
  // The new token's name (an untitled one's successor gets NocoDB's default name).
  const name = rotation?.created?.name ?? rotation?.row.token.name ?? t('common.untitled');
  const revoking = rotation?.phase === 'revoking';

  return (
    <>
      {rotation?.phase === 'creating' && (
        <p className="visually-hidden" role="status">
          {t('allTokens.rotate.creating', { name })}
        </p>
      )}
      {rotation && rotation.phase !== 'creating' && (
        <section className="card rotate-panel" data-testid="nc-token-rotate" aria-labelledby="rotate-title">
          <h2 id="rotate-title" className="setting-title">
            {t('allTokens.rotate.title', { name })}
          </h2>
          <p>{t('allTokens.rotate.created', { name })}</p>
          <p className="muted">
            <bdi>{rotation.row.account.email}</bdi> · <bdi>{hostOf(rotation.row.account.serverUrl)}</bdi>
          </p>
          {rotation.error && (
            <p className="field-error" role="alert">
              {say(rotation.error)}
            </p>
          )}
          <div className="dialog-buttons">
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="nc-token-rotate-keep"
              aria-disabled={revoking || undefined}
              onClick={keepBoth}
            >
              {t('allTokens.rotate.keep')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="nc-token-rotate-revoke"
              aria-disabled={revoking || undefined}
              onClick={() => void revokeOld()}
            >
              {t(revoking ? 'allTokens.rotate.revoking' : 'allTokens.rotate.revoke')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
