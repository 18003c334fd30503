import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokens } from '../../stores/stores-context.tsx';
import { TokenExpiryField } from './token-expiry-field.tsx';

/** The inline "new token" row at the top of the table. Its draft lives in the store, so a failed list refresh cannot lose it. */
export function TokenCreateRow({ columnCount = 4 }: { columnCount?: number }) {
  const create = useTokens((s) => s.create);
  const changeDraft = useTokens((s) => s.changeDraft);
  const cancelCreate = useTokens((s) => s.cancelCreate);
  const saveCreate = useTokens((s) => s.saveCreate);
  const input = useRef<HTMLInputElement>(null);
  const { t, say } = useI18n();

  // Focus and select the default name once, so typing replaces it.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void saveCreate();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancelCreate();
    }
  };

  return (
    <tr className="nc-token-generate">
      <td colSpan={columnCount}>
        <div className="create-row">
          <div className="create-field">
            <input
              ref={input}
              className="input"
              data-testid="nc-token-input"
              placeholder={t('tokens.nameInput')}
              aria-label={t('tokens.nameInput')}
              aria-invalid={create.error !== null}
              aria-describedby={create.error ? 'token-name-error' : undefined}
              value={create.draft}
              readOnly={create.saving}
              onChange={(e) => changeDraft(e.target.value)}
              onKeyDown={onKeyDown}
            />
            {create.error && (
              <p id="token-name-error" className="field-error" role="alert">
                {say(create.error)}
              </p>
            )}
          </div>
          <TokenExpiryField />
          {/* While saving, both stay focusable (aria-disabled); the store ignores them until the answer. */}
          <button type="button" className="btn btn-secondary" onClick={cancelCreate} aria-disabled={create.saving || undefined}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="nc-token-save-btn"
            onClick={() => void saveCreate()}
            aria-disabled={create.saving || undefined}
            aria-busy={create.saving}
          >
            {create.saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </td>
    </tr>
  );
}
