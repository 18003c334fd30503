import { useDeferredValue, useMemo } from 'react';
import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { allRows, type AccountLoad } from '../../stores/all-tokens-store.ts';
import { useNow } from '../../ui/use-now.ts';
import { TokenUsageView } from '../tokens/token-usage-panel.tsx';
import {
  accountFailed,
  CAPTION,
  DELETE_SELECTED,
  LOADING_ACCOUNT,
  NO_ACCOUNTS,
  NO_MATCH,
  NO_TOKENS,
  RETRY,
  SELECT_ALL,
  shownCount,
  TITLE,
} from './all-tokens-messages.ts';
import { AllTokensRow } from './all-tokens-row.tsx';
import { filterRows, sortRows, type AccountTokenRow } from './all-tokens-rows.ts';
import { VirtualTable, type Column } from './all-tokens-table.tsx';
import { AllTokensToolbar } from './all-tokens-toolbar.tsx';
import { BulkDeleteDialog } from './bulk-delete-dialog.tsx';
import { RotatePanel } from './rotate-panel.tsx';
import { useAllTokensLoad } from './use-all-tokens-load.ts';
import './all-tokens.css';

const COLUMN_COUNT = 9;

const columnsFor = (rows: AccountTokenRow[]): Column[] => [
  { id: 'select', label: <SelectAll rows={rows} />, className: 'col-select' },
  { id: 'account', label: 'Account', className: 'col-account', sortKey: 'account' },
  { id: 'name', label: 'Token name', className: 'col-name', sortKey: 'name' },
  { id: 'creator', label: 'Creator', className: 'col-creator' },
  { id: 'token', label: 'Token', className: 'col-token' },
  { id: 'last-used', label: 'Last used', className: 'col-last-used', sortKey: 'lastUsed' },
  { id: 'expires', label: 'Expires', className: 'col-expires', sortKey: 'expires' },
  { id: 'state', label: 'State', className: 'col-state' },
  { id: 'actions', label: 'Actions', className: 'col-actions' },
];

/** The rows on screen now: filtered, searched (the query deferred, so typing never waits for the table), sorted. */
function useShownRows(now: number): { rows: AccountTokenRow[]; total: number } {
  const accounts = useAllTokens((s) => s.accounts);
  const filter = useAllTokens((s) => s.filter);
  const query = useDeferredValue(useAllTokens((s) => s.query));
  const sort = useAllTokens((s) => s.sort);
  const only = useAllTokens((s) => s.only);
  const sorted = useMemo(() => {
    const every = allRows(accounts);
    const wanted = only === null ? null : new Set(only);
    return { rows: sortRows(wanted === null ? every : every.filter((row) => wanted.has(row.key)), sort), total: every.length };
  }, [accounts, sort, only]);
  return useMemo(() => ({ rows: filterRows(sorted.rows, filter, query, now), total: sorted.total }), [sorted, filter, query, now]);
}

function SelectAll({ rows }: { rows: AccountTokenRow[] }) {
  const allSelected = useAllTokens((s) => rows.length > 0 && rows.every((row) => s.selected[row.key]));
  const { setSelected } = useAllTokensActions();
  return (
    <input
      type="checkbox"
      aria-label={SELECT_ALL}
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

function AccountErrorRow({ load, ariaRowIndex }: { load: AccountLoad; ariaRowIndex: number }) {
  const { retry } = useAllTokensActions();
  return (
    <tr className="account-error-row" data-testid="nc-all-tokens-account-error" aria-rowindex={ariaRowIndex}>
      <td colSpan={COLUMN_COUNT}>
        <div className="list-error">
          <span role="alert">{accountFailed(load.account.email, load.error ?? '')}</span>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void retry(load.account.accountId)}>
            {RETRY}
          </button>
        </div>
      </td>
    </tr>
  );
}

function UsageForRow() {
  const usageFor = useAllTokens((s) => s.usageFor);
  const row = useAllTokens((s) => (s.usageFor === null ? undefined : allRows(s.accounts).find((r) => r.key === s.usageFor)));
  const busy = useAllTokens((s) => (usageFor === null ? false : s.busy[usageFor] !== undefined));
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
  const loads = useAllTokens((s) => s.accounts);
  const failed = loads.filter((load) => load.status === 'error');
  const loading = loads.filter((load) => load.status === 'loading').length;
  const selectedCount = useAllTokens((s) => Object.keys(s.selected).length);
  const { askDelete, sortBy } = useAllTokensActions();
  const selected = useAllTokens((s) => s.selected);
  const sort = useAllTokens((s) => s.sort);
  const count = failed.length + rows.length;
  const columns = useMemo(() => columnsFor(rows), [rows]);

  return (
    <main className="all-tokens" aria-labelledby="all-tokens-title">
      <div className="all-tokens-head">
        <div>
          <h1 id="all-tokens-title" className="page-title" tabIndex={-1}>
            {TITLE}
          </h1>
          <p className="muted" role="status" data-testid="nc-all-tokens-count">
            {loading > 0 ? `${LOADING_ACCOUNT} ${shownCount(rows.length, total)}` : shownCount(rows.length, total)}
          </p>
        </div>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="nc-all-tokens-delete-selected"
          aria-disabled={selectedCount === 0 || undefined}
          onClick={() => selectedCount > 0 && askDelete(Object.keys(selected))}
        >
          {DELETE_SELECTED}
          {selectedCount > 0 ? ` (${selectedCount})` : ''}
        </button>
      </div>
      <AllTokensToolbar rows={rows} now={now} />
      <RotatePanel />
      {accounts.length === 0 ? (
        <p className="list-state">{NO_ACCOUNTS}</p>
      ) : (
        <VirtualTable
          caption={CAPTION}
          columns={columns}
          sort={sort}
          onSort={sortBy}
          count={count}
          renderRow={(index, ariaRowIndex) =>
            index < failed.length ? (
              <AccountErrorRow key={`error-${failed[index]!.account.accountId}`} load={failed[index]!} ariaRowIndex={ariaRowIndex} />
            ) : (
              <AllTokensRow
                key={rows[index - failed.length]!.key}
                row={rows[index - failed.length]!}
                now={now}
                ariaRowIndex={ariaRowIndex}
              />
            )
          }
        />
      )}
      {accounts.length > 0 && loading === 0 && rows.length === 0 && failed.length === 0 && (
        <p className="list-state">{total === 0 ? NO_TOKENS : NO_MATCH}</p>
      )}
      <UsageForRow />
      <BulkDeleteDialog />
    </main>
  );
}
