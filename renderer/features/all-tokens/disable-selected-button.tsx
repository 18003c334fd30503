import { useI18n } from '../../stores/i18n-context.tsx';
import { allRows } from '../../stores/all-tokens-store.ts';
import { useAllTokens, useAllTokensActions, useTokenModel } from '../../stores/stores-context.tsx';

/**
 * "Disable selected": offered only when every selected token's server can switch tokens off (the
 * images of April 2026 and later, v3 open) and at least one of them is still enabled.
 */
export function DisableSelectedButton() {
  const selected = useAllTokens((s) => s.selected);
  // Runs on every change of the token model (each page of a load): with nothing selected it reads no rows.
  const offered = useTokenModel((model) => {
    if (Object.keys(selected).length === 0) return false;
    const rows = allRows(model.accounts).filter((row) => selected[row.key]);
    const canSwitch = (accountId: string) => model.capabilities[accountId]?.enableDisable === true;
    return rows.length > 0 && rows.every((row) => canSwitch(row.account.accountId)) && rows.some((row) => row.token.enabled !== false);
  });
  const { disableRows } = useAllTokensActions();
  const { t } = useI18n();
  if (!offered) return null;
  const keys = Object.keys(selected);
  return (
    <button type="button" className="btn btn-secondary" data-testid="nc-all-tokens-disable-selected" onClick={() => void disableRows(keys)}>
      {t('allTokens.disableSelectedCount', { count: keys.length })}
    </button>
  );
}
