import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { hostOf } from '../accounts/account-words.ts';
import {
  ROTATE_KEEP,
  ROTATE_REVOKE,
  ROTATE_REVOKING,
  ROTATE_TITLE,
  rotateCreated,
  rotateCreating,
  UNTITLED,
} from './all-tokens-messages.ts';

/**
 * Rotate's question once the new token exists: revoke the old one now, or keep both. A panel, not a
 * modal dialog, so the Token created notice and its Copy button stay usable next to it.
 */
export function RotatePanel() {
  const rotation = useAllTokens((s) => s.rotation);
  const { revokeOld, keepBoth } = useAllTokensActions();
  const name = rotation?.row.token.name ?? UNTITLED;
  const revoking = rotation?.phase === 'revoking';

  return (
    <>
      {rotation?.phase === 'creating' && (
        <p className="visually-hidden" role="status">
          {rotateCreating(name)}
        </p>
      )}
      {rotation && rotation.phase !== 'creating' && (
        <section className="card rotate-panel" data-testid="nc-token-rotate" aria-labelledby="rotate-title">
          <h2 id="rotate-title" className="setting-title">
            {ROTATE_TITLE}: “{name}”
          </h2>
          <p>{rotateCreated(name)}</p>
          <p className="muted">
            {rotation.row.account.email} · {hostOf(rotation.row.account.serverUrl)}
          </p>
          {rotation.error && (
            <p className="field-error" role="alert">
              {rotation.error}
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
              {ROTATE_KEEP}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="nc-token-rotate-revoke"
              aria-disabled={revoking || undefined}
              onClick={() => void revokeOld()}
            >
              {revoking ? ROTATE_REVOKING : ROTATE_REVOKE}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
