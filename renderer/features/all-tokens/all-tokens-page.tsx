import { useMemo, useState } from 'react';
import { type Translator } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useAllTokens, useAllTokensActions, useTokenModel, useTokenModelActions } from '../../stores/stores-context.tsx';
import { allRows } from '../../stores/all-tokens-store.ts';
import type { AccountTokens } from '../../stores/tokens/account-tokens.ts';
import { useNow } from '../../ui/use-now.ts';
import { TokenUsageView } from '../tokens/token-usage-panel.tsx';
import { shownCount } from '../../domain/all-tokens-messages.ts';
import { AllTokensRow } from './all-tokens-row.tsx';
import { filterRows, type AccountTokenRow } from '../../domain/all-tokens-rows.ts';
import { createRowSorter } from '../../domain/row-sorter.ts';
import { VirtualTable, type Column } from './all-tokens-table.tsx';
import { AllTokensToolbar } from './all-tokens-toolbar.tsx';
import { BulkDeleteDialog } from './bulk-delete-dialog.tsx';
import { DisableSelectedButton } from './disable-selected-button.tsx';
import { RotatePanel } from './rotate-panel.tsx';
import { useAllTokensLoad } from './use-all-tokens-load.ts';
import './all-tokens.css';

const COLUMN_COUNT = 9;

const columnsFor = (rows: readonly AccountTokenRow[], t: Translator['t']): Column[] => [
  { id: 'select', label: <SelectAll rows={rows} />, className: 'col-select' },
  { id: 'account', label: t('allTokens.column.account'), className: 'col-account', sortKey: 'account' },
  { id: 'name', label: t('tokens.column.name'), className: 'col-name', sortKey: 'name' },
  { id: 'creator', label: t('tokens.column.creator'), className: 'col-creator' },
  { id: 'token', label: t('tokens.column.token'), className: 'col-token' },
  { id: 'last-used', label: t('tokens.column.lastUsed'), className: 'col-last-used', sortKey: 'lastUsed' },
  { id: 'expires', label: t('tokens.column.expires'), className: 'col-expires', sortKey: 'expires' },
  { id: 'state', label: t('allTokens.column.state'), className: 'col-state' },
  { id: 'actions', label: t('tokens.column.actions'), className: 'col-actions' },
];

/** The rows on screen now: sorted as pages arrive (see row-sorter.ts), then filtered and searched. */
function useShownRows(now: number): { rows: readonly AccountTokenRow[]; total: number } {
  const accounts = useTokenModel((s) => s.accounts);
  const filter = useAllTokens((s) => s.filter);
  const query = useAllTokens((s) => s.query);
  const sort = useAllTokens((s) => s.sort);
  const only = useAllTokens((s) => s.only);
  const account = useAllTokens((s) => s.account);
  const { language } = useI18n();
  const [sortGroups] = useState(createRowSorter);
  const sorted = useMemo(() => {
    const rows = sortGroups(
      accounts.map((load) => load.rows),
      sort,
      language,
    );
    const wanted = only === null ? null : new Set(only);
    if (wanted === null && account === null) return rows;
    return rows.filter((row) => (wanted === null || wanted.has(row.key)) && (account === null || row.account.accountId === account));
  }, [accounts, sort, language, only, account, sortGroups]);
  // Searching 20,000 rows takes about a millisecond, so the query is not deferred: each key shows its result in its own frame.
  const rows = useMemo(() => filterRows(sorted, filter, query, now), [sorted, filter, query, now]);
  return { rows, total: useMemo(() => accounts.reduce((sum, load) => sum + load.rows.length, 0), [accounts]) };
}

function SelectAll({ rows }: { rows: readonly AccountTokenRow[] }) {
  const allSelected = useAllTokens((s) => rows.length > 0 && rows.every((row) => s.selected[row.key]));
  const { setSelected } = useAllTokensActions();
  const { t } = useI18n();
  return (
    <input
      type="checkbox"
      aria-label={t('allTokens.selectAll')}
      checked={allSelected}
      onChange={() =>
        setSelected(
          rows.map((row) => row.key),
          !allSelected,
        )
      }
    />
  );
}

function AccountErrorRow({ load, ariaRowIndex }: { load: AccountTokens; ariaRowIndex: number }) {
  const { retry } = useTokenModelActions();
  const { t, say } = useI18n();
  return (
    <tr className="account-error-row" data-testid="nc-all-tokens-account-error" aria-rowindex={ariaRowIndex}>
      <td colSpan={COLUMN_COUNT}>
        <div className="list-error">
          <span role="alert">{t('allTokens.accountFailed', { email: load.account.email, reason: load.error ? say(load.error) : '' })}</span>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void retry(load.account.accountId)}>
            {t('common.retry')}
          </button>
        </div>
      </td>
    </tr>
  );
}

function UsageForRow() {
  const usageFor = useAllTokens((s) => s.usageFor);
  const row = useTokenModel((s) => (usageFor === null ? undefined : allRows(s.accounts).find((r) => r.key === usageFor)));
  const busy = useTokenModel((s) => (row === undefined ? false : s.marks[row.account.accountId]?.busy[row.token.id] !== undefined));
  const { copy, showUsage } = useAllTokensActions();
  if (!row) return null;
  return (
    <TokenUsageView
      key={row.key}
      name={row.token.name}
      serverUrl={row.account.serverUrl}
      busy={busy}
      onCopy={(example) => void copy(row.key, example)}
      onClose={() => showUsage(null)}
    />
  );
}

/** Every token of every signed-in account in one table. */
export function AllTokensPage() {
  const accounts = useAllTokensLoad(true);
  const now = useNow();
  const { rows, total } = useShownRows(now);
  const loads = useTokenModel((s) => s.accounts);
  const failed = loads.filter((load) => load.status === 'error');
  const truncated = loads.filter((load) => load.truncated);
  const loading = loads.filter((load) => load.status === 'loading').length;
  const selectedCount = useAllTokens((s) => Object.keys(s.selected).length);
  const { askDelete, sortBy } = useAllTokensActions();
  const selected = useAllTokens((s) => s.selected);
  const sort = useAllTokens((s) => s.sort);
  const count = failed.length + rows.length;
  const { t } = useI18n();
  const columns = useMemo(() => columnsFor(rows, t), [rows, t]);

  return (
    <main className="all-tokens" aria-labelledby="all-tokens-title">
      <div className="all-tokens-head">
        <div>
          <h1 id="all-tokens-title" className="page-title" tabIndex={-1}>
            {t('common.allTokens')}
          </h1>
          <p className="muted" role="status" data-testid="nc-all-tokens-count">
            {loading > 0 ? `${t('tokens.loading')} ${shownCount(t, rows.length, total)}` : shownCount(t, rows.length, total)}
          </p>
        </div>
        <div className="all-tokens-head-actions">
          <DisableSelectedButton />
          <button
            type="button"
            className="btn btn-danger"
            data-testid="nc-all-tokens-delete-selected"
            aria-disabled={selectedCount === 0 || undefined}
            onClick={() => selectedCount > 0 && askDelete(Object.keys(selected))}
          >
            {selectedCount > 0 ? t('allTokens.deleteSelectedCount', { count: selectedCount }) : t('allTokens.deleteSelected')}
          </button>
        </div>
      </div>
      <AllTokensToolbar rows={rows} now={now} />
      <RotatePanel />
      {truncated.map((load) => (
        <p key={load.account.accountId} className="list-notice" role="status" data-testid="nc-all-tokens-truncated">
          {t('allTokens.truncated', { email: load.account.email, count: load.rows.length })}
        </p>
      ))}
      {accounts.length === 0 ? (
        <p className="list-state">{t('allTokens.noAccounts')}</p>
      ) : (
        <VirtualTable
          caption={t('allTokens.caption')}
          columns={columns}
          sort={sort}
          onSort={sortBy}
          count={count}
          keyOf={(index) => (index < failed.length ? `error-${failed[index]!.account.accountId}` : rows[index - failed.length]!.key)}
          renderRow={(index, ariaRowIndex) =>
            index < failed.length ? (
              <AccountErrorRow load={failed[index]!} ariaRowIndex={ariaRowIndex} />
            ) : (
              <AllTokensRow row={rows[index - failed.length]!} now={now} ariaRowIndex={ariaRowIndex} />
            )
          }
        />
      )}
      {accounts.length > 0 && loading === 0 && rows.length === 0 && failed.length === 0 && (
        <p className="list-state">{t(total === 0 ? 'allTokens.empty' : 'allTokens.noMatch')}</p>
      )}
      <UsageForRow />
      <BulkDeleteDialog />
    </main>
  );
}
