import { memo } from 'react';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { EmailText } from '../../ui/email-text.tsx';
import { initialsOf } from '../../ui/initials.ts';
import { TokenActions } from '../tokens/token-actions.tsx';
import { TokenCells } from '../tokens/token-cells.tsx';
import { TokenTime } from '../tokens/token-details.tsx';
import { useTokenMarks } from '../tokens/use-token-marks.ts';
import { STATE_LABELS } from '../../domain/all-tokens-messages.ts';
import { stateOf, type AccountTokenRow } from '../../domain/all-tokens-rows.ts';

/**
 * One token of one account; the actions and their rules are the Tokens tab's, plus Rotate.
 * Memoised: when pages arrive or the selection changes, rows that stay in view are not drawn again.
 */
export const AllTokensRow = memo(function AllTokensRow({
  row,
  now,
  ariaRowIndex,
}: {
  row: AccountTokenRow;
  now: number;
  ariaRowIndex: number;
}) {
  const { key, account, token, capabilities } = row;
  const selected = useAllTokens((s) => s.selected[key] === true);
  const { shown, busy, tested, rotating } = useTokenMarks(account.accountId, token.id);
  const actions = useAllTokensActions();
  const { t } = useI18n();
  const name = token.name ?? t('common.untitled');
  const state = stateOf(row, now);

  return (
    <tr
      className="token"
      data-testid="nc-all-tokens-row"
      data-token-id={token.id}
      data-account-id={account.accountId}
      aria-rowindex={ariaRowIndex}
    >
      <td className="cell-select">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('allTokens.selectRow', { name, email: account.email })}
          onChange={() => actions.toggleSelected(key)}
        />
      </td>
      <td className="cell-account" title={`${account.email} — ${account.serverUrl}`}>
        <span className="cell-account-text">
          <span className="avatar avatar-tiny" aria-hidden="true">
            {initialsOf(null, account.email)}
          </span>
          <EmailText className="cell-account-email" email={account.email} />
          <bdi className="cell-account-host">{row.facts.host}</bdi>
        </span>
      </td>
      <TokenCells
        token={token}
        accountId={account.accountId}
        shown={shown}
        busy={busy}
        tested={tested}
        showsTokenOnce={capabilities.showsTokenOnce}
      />
      <td className="token-last-used">
        <TokenTime value={capabilities.tracksLastUse ? (token.lastUsedAt ?? null) : undefined} never="tokens.neverUsed" />
      </td>
      <td className="token-expires">
        <TokenTime value={capabilities.hasExpiry ? (token.expiry ?? null) : undefined} never="tokens.neverExpires" />
      </td>
      <td className={`token-state token-state-${state}`}>{t(STATE_LABELS[state])}</td>
      <td className="token-actions">
        <TokenActions
          token={token}
          shown={shown}
          busy={busy !== undefined}
          rotating={rotating}
          on={{
            toggleReveal: () => void actions.toggleReveal(key),
            copy: () => void actions.copy(key),
            showUsage: () => actions.showUsage(key),
            test: () => void actions.test(key),
            remove: () => actions.askDelete([key]),
            rotate: () => void actions.rotate(row),
          }}
        />
      </td>
    </tr>
  );
});
