import { useMemo } from 'react';
import { hrefOf } from '../../routing/hash-route.ts';
import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { useNow } from '../../ui/use-now.ts';
import { countLabels } from './all-tokens-messages.ts';
import { countsOf, type TokenFilter } from './all-tokens-rows.ts';

/** An account's token figures on the overview; each one opens All tokens filtered to it. */
export function AccountTokenCounts({ accountId, email }: { accountId: string; email: string }) {
  const load = useAllTokens((s) => s.accounts.find((a) => a.account.accountId === accountId));
  const { setFilter, setQuery } = useAllTokensActions();
  const now = useNow();
  const counts = useMemo(() => (load?.status === 'ready' ? countsOf(load.rows, now) : null), [load, now]);
  if (!counts) return null;
  const labels = countLabels(counts);
  const links: Array<[TokenFilter, string]> = [
    ['all', labels.total],
    ['expired', labels.expired],
    ['expiring', labels.expiring],
    ['unused', labels.unused],
  ];
  return (
    <p className="account-token-counts" data-testid="nc-account-token-counts">
      {links.map(([filter, label]) => (
        <a
          key={filter}
          href={hrefOf('all-tokens')}
          data-filter={filter}
          onClick={() => {
            setFilter(filter);
            setQuery(email);
          }}
        >
          {label}
        </a>
      ))}
    </p>
  );
}
