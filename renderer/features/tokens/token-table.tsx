import { useMemo } from 'react';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokenModel, useTokens } from '../../stores/stores-context.tsx';
import { visibleTokens } from '../../stores/tokens-store.ts';
import { tokenColumns } from './token-columns.ts';
import { TokenCreateRow } from './token-create-row.tsx';
import { TokenRow } from './token-row.tsx';

/** The token table, with the create row on top while it is open. */
export function TokenTable() {
  const rows = useTokens((s) => s.rows);
  const justCreated = useTokens((s) => s.justCreated);
  const createOpen = useTokens((s) => s.create.open);
  const loading = useTokens((s) => s.status === 'loading');
  const tokens = useMemo(() => visibleTokens(rows, justCreated), [rows, justCreated]);
  const accountId = useTokens((s) => s.accountId);
  const capabilities = useTokenModel((s) => (accountId === null ? undefined : s.capabilities[accountId]));
  const columns = useMemo(() => tokenColumns(capabilities), [capabilities]);
  const { t } = useI18n();

  return (
    <table className={columns.lastUsed || columns.expires ? 'token-table token-table-details' : 'token-table'} aria-busy={loading}>
      <thead>
        <tr>
          <th scope="col" className="col-name">
            {t('tokens.column.name')}
          </th>
          <th scope="col" className="col-creator">
            {t('tokens.column.creator')}
          </th>
          <th scope="col" className="col-token">
            {t('tokens.column.token')}
          </th>
          {columns.lastUsed && (
            <th scope="col" className="col-last-used">
              {t('tokens.column.lastUsed')}
            </th>
          )}
          {columns.expires && (
            <th scope="col" className="col-expires">
              {t('tokens.column.expires')}
            </th>
          )}
          <th scope="col" className="col-actions">
            {t('tokens.column.actions')}
          </th>
        </tr>
      </thead>
      <tbody>
        {createOpen && <TokenCreateRow columnCount={4 + Number(columns.lastUsed) + Number(columns.expires)} />}
        {tokens.map((token) => (
          <TokenRow key={token.id} token={token} columns={columns} showsTokenOnce={capabilities?.showsTokenOnce === true} />
        ))}
      </tbody>
    </table>
  );
}
