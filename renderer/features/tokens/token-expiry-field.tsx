import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokenModel, useTokens } from '../../stores/stores-context.tsx';
import { useNow } from '../../ui/use-now.ts';
import { expiryOptions, tomorrow, type ExpiryOption } from '../../domain/token-expiry-choice.ts';

/** The create row's expiry choice, on servers with expiry at creation only (NocoDB's own choices; 90 days first chosen). */
export function TokenExpiryField() {
  const accountId = useTokens((s) => s.accountId);
  const capabilities = useTokenModel((s) => (accountId === null ? undefined : s.capabilities[accountId]));
  const create = useTokens((s) => s.create);
  const changeExpiry = useTokens((s) => s.changeExpiry);
  const { t } = useI18n();
  const now = useNow();
  if (!capabilities?.expiryAtCreation) return null;

  const label = (option: ExpiryOption) => {
    if (option === 'date') return t('tokens.expiry.date');
    if (option === 'never') return t('tokens.expiry.never');
    return option === '365' ? t('tokens.expiry.year') : t('tokens.expiry.days', { days: Number(option) });
  };

  return (
    <div className="create-expiry">
      <select
        className="input"
        data-testid="nc-token-expiry"
        aria-label={t('tokens.expiry.label')}
        value={create.expiry}
        disabled={create.saving}
        onChange={(event) => changeExpiry(event.target.value as ExpiryOption)}
      >
        {expiryOptions(capabilities).map((option) => (
          <option key={option} value={option}>
            {label(option)}
          </option>
        ))}
      </select>
      {create.expiry === 'date' && (
        <input
          type="date"
          className="input"
          data-testid="nc-token-expiry-date"
          aria-label={t('tokens.expiry.dateInput')}
          required
          min={tomorrow(now)}
          value={create.expiryDate}
          readOnly={create.saving}
          onChange={(event) => changeExpiry('date', event.target.value)}
        />
      )}
    </div>
  );
}
