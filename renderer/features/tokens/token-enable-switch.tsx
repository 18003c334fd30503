import type { TokenSummary } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';

/**
 * Disables and enables a token on its server at once (NocoDB's own Tokens page has the same switch).
 * Offered only where the server can (v3 tokens); a click while the answer is on its way does nothing.
 */
export function TokenEnableSwitch({ token, busy, onChange }: { token: TokenSummary; busy: boolean; onChange: (enabled: boolean) => void }) {
  const { t } = useI18n();
  const enabled = token.enabled !== false;
  return (
    <button
      type="button"
      role="switch"
      className="token-switch"
      data-testid="nc-token-row-enable"
      aria-checked={enabled}
      aria-busy={busy || undefined}
      aria-label={t('tokens.enable.switch', { name: token.name ?? t('common.untitled') })}
      onClick={() => {
        if (!busy) onChange(!enabled);
      }}
    >
      <span className="token-switch-thumb" aria-hidden="true" />
    </button>
  );
}
