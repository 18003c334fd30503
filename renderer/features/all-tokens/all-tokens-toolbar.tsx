import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { EXPORT_CSV, FILTER_GROUP_LABEL, FILTER_LABELS, SEARCH_LABEL, SEARCH_PLACEHOLDER } from './all-tokens-messages.ts';
import { TOKEN_FILTERS, type AccountTokenRow } from './all-tokens-rows.ts';

/** Search box and filters; both outlive a refresh of the data (they live in the store, not the rows). */
export function AllTokensToolbar({ rows, now }: { rows: AccountTokenRow[]; now: number }) {
  const query = useAllTokens((s) => s.query);
  const filter = useAllTokens((s) => s.filter);
  const only = useAllTokens((s) => s.only);
  const { setQuery, setFilter, showOnly, exportRows } = useAllTokensActions();
  return (
    <div className="all-tokens-toolbar">
      <input
        type="search"
        className="input all-tokens-search"
        data-testid="nc-all-tokens-search"
        aria-label={SEARCH_LABEL}
        placeholder={SEARCH_PLACEHOLDER}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="segmented" role="group" aria-label={FILTER_GROUP_LABEL} data-testid="nc-all-tokens-filter">
        {TOKEN_FILTERS.map((id) => (
          <button
            key={id}
            type="button"
            className="segment"
            aria-pressed={filter === id && only === null}
            data-filter={id}
            onClick={() => setFilter(id)}
          >
            {FILTER_LABELS[id]}
          </button>
        ))}
      </div>
      <button type="button" className="btn btn-secondary" data-testid="nc-all-tokens-export" onClick={() => void exportRows(rows, now)}>
        {EXPORT_CSV}
      </button>
      {only !== null && (
        <p className="only-note">
          {`Showing the ${only.length} tokens from the reminder.`}{' '}
          <button type="button" className="link-button" onClick={() => showOnly(null)}>
            Show all
          </button>
        </p>
      )}
    </div>
  );
}
