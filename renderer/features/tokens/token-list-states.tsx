// The states the list can be in besides "here are your tokens".
import { useTokens } from '../../stores/stores-context.tsx';
import { KeyIcon } from '../../ui/icons.tsx';

export function TokenListLoading() {
  return (
    <div className="list-state" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading tokens…
    </div>
  );
}

export function TokenListEmpty() {
  const openCreate = useTokens((s) => s.openCreate);
  return (
    <div className="list-state list-empty">
      <span className="empty-icon" aria-hidden="true">
        <KeyIcon size={48} />
      </span>
      <h3 className="empty-title">No API Tokens created</h3>
      <p className="muted">Looks like you haven’t generated any API tokens yet.</p>
      <button type="button" className="btn btn-primary btn-large" data-testid="nc-token-create" onClick={openCreate}>
        Create new token
      </button>
    </div>
  );
}

export function TokenListError({ message }: { message: string }) {
  const retry = useTokens((s) => s.retry);
  return (
    <div className="list-error" role="alert">
      <span>{message}</span>
      <button type="button" className="btn btn-secondary" onClick={() => void retry()}>
        Retry
      </button>
    </div>
  );
}
