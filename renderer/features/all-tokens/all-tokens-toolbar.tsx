import { useI18n } from '../../stores/i18n-context.tsx';
import { hostOf } from '../accounts/account-words.ts';
import { useAllTokens, useAllTokensActions, useTokenModel } from '../../stores/stores-context.tsx';
import { csvWords, FILTER_LABELS } from '../../domain/all-tokens-messages.ts';
import { TOKEN_FILTERS, type AccountTokenRow } from '../../domain/all-tokens-rows.ts';

/**
 * Search box and Export on one line, the filters on the next (room for the longer languages' words);
 * search and filter outlive a refresh of the data (they live in the store, not the rows).
 */
export function AllTokensToolbar({ rows, now }: { rows: readonly AccountTokenRow[]; now: number }) {
  const query = useAllTokens((s) => s.query);
  const filter = useAllTokens((s) => s.filter);
  const only = useAllTokens((s) => s.only);
  const shownAccount = useAllTokens((s) => s.account);
  const account = useTokenModel((s) => s.accounts.find((load) => load.account.accountId === shownAccount)?.account);
  const { setQuery, setFilter, showOnly, showAccount, exportRows } = useAllTokensActions();
  const { t } = useI18n();
  return (
    <div className="all-tokens-toolbar">
      <input
        type="search"
        className="input all-tokens-search"
        data-testid="nc-all-tokens-search"
        aria-label={t('allTokens.search')}
        placeholder={t('allTokens.search.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button
        type="button"
        className="btn btn-secondary all-tokens-export"
        data-testid="nc-all-tokens-export"
        onClick={() => void exportRows(rows, now, csvWords(t))}
      >
        {t('allTokens.export')}
      </button>
      <div className="segmented" role="group" aria-label={t('allTokens.filters')} data-testid="nc-all-tokens-filter">
        {TOKEN_FILTERS.map((id) => (
          <button
            key={id}
            type="button"
            className="segment"
            aria-pressed={filter === id && only === null}
            data-filter={id}
            onClick={() => setFilter(id)}
          >
            {t(FILTER_LABELS[id])}
          </button>
        ))}
      </div>
      {account && (
        <p className="only-note" data-testid="nc-all-tokens-account-only">
          {t('allTokens.accountOnly', { email: account.email, host: hostOf(account.serverUrl) })}{' '}
          <button type="button" className="link-button" onClick={() => showAccount(null)}>
            {t('allTokens.showAll')}
          </button>
        </p>
      )}
      {only !== null && (
        <p className="only-note">
          {t('allTokens.reminderOnly', { count: only.length })}{' '}
          <button type="button" className="link-button" onClick={() => showOnly(null)}>
            {t('allTokens.showAll')}
          </button>
        </p>
      )}
    </div>
  );
}
