import { useMemo } from 'react';
import { type MessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { hrefOf } from '../../routing/hash-route.ts';
import { useAllTokensActions, useTokenModel } from '../../stores/stores-context.tsx';
import { useNow } from '../../ui/use-now.ts';
import { countsOf, type TokenFilter } from '../../domain/all-tokens-rows.ts';

const FIGURES = [
  ['expired', 'allTokens.counts.expired'],
  ['expiring', 'allTokens.counts.expiring'],
  ['unused', 'allTokens.counts.unused'],
] as const satisfies ReadonlyArray<readonly [TokenFilter, MessageKey]>;

/** An account's token figures on the overview; each one opens All tokens filtered to it. */
export function AccountTokenCounts({ accountId }: { accountId: string }) {
  const load = useTokenModel((s) => s.accounts.find((a) => a.account.accountId === accountId));
  const { showAccount } = useAllTokensActions();
  const now = useNow();
  const { t } = useI18n();
  const counts = useMemo(() => (load?.status === 'ready' ? countsOf(load.rows, now) : null), [load, now]);
  if (!counts) return null;
  const links: Array<[TokenFilter, string]> = [
    ['all', t('allTokens.count', { total: counts.total })],
    ...FIGURES.map(([filter, key]): [TokenFilter, string] => [filter, t(key, { count: counts[filter] })]),
  ];
  return (
    <p className="account-token-counts" data-testid="nc-account-token-counts">
      {links.map(([filter, label]) => (
        <a key={filter} href={hrefOf('all-tokens')} data-filter={filter} onClick={() => showAccount(accountId, filter)}>
          {label}
        </a>
      ))}
    </p>
  );
}
