// The states the list can be in besides "here are your tokens".
import { type Text } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokens } from '../../stores/stores-context.tsx';
import { KeyIcon } from '../../ui/icons.tsx';

export function TokenListLoading() {
  const { t } = useI18n();
  return (
    <div className="list-state" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('tokens.loading')}
    </div>
  );
}

export function TokenListEmpty() {
  const openCreate = useTokens((s) => s.openCreate);
  const { t } = useI18n();
  return (
    <div className="list-state list-empty">
      <span className="empty-icon" aria-hidden="true">
        <KeyIcon size={48} />
      </span>
      <h3 className="empty-title">{t('tokens.empty.title')}</h3>
      <p className="muted">{t('tokens.empty.text')}</p>
      <button type="button" className="btn btn-primary btn-large" data-testid="nc-token-create" onClick={openCreate}>
        {t('tokens.empty.create')}
      </button>
    </div>
  );
}

export function TokenListError({ message }: { message: Text }) {
  const retry = useTokens((s) => s.retry);
  const { t, say } = useI18n();
  return (
    <div className="list-error" role="alert">
      <span>{say(message)}</span>
      <button type="button" className="btn btn-secondary" onClick={() => void retry()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
