import type { TokenSummary } from '../../../preload/contract.ts';
import { activeAccountOf } from '../../stores/session-store.ts';
import { useAllTokensActions, useSession, useTokenModel, useTokens } from '../../stores/stores-context.tsx';
import type { TokenColumns } from './token-columns.ts';
import { TokenActions } from './token-actions.tsx';
import { TokenCells } from './token-cells.tsx';
import { TokenEnableSwitch } from './token-enable-switch.tsx';
import { TokenBadges, TokenTime } from './token-details.tsx';
import { useTokenMarks } from './use-token-marks.ts';

/** One token: name, creator, masked (or revealed) value, the details this server has, and the inline actions. */
export function TokenRow({ token, columns, showsTokenOnce }: { token: TokenSummary; columns: TokenColumns; showsTokenOnce: boolean }) {
  const accountId = useTokens((s) => s.accountId);
  const { shown, busy, tested, rotating } = useTokenMarks(accountId, token.id);
  const toggleReveal = useTokens((s) => s.toggleReveal);
  const copy = useTokens((s) => s.copy);
  const askDelete = useTokens((s) => s.askDelete);
  const test = useTokens((s) => s.test);
  const showUsage = useTokens((s) => s.showUsage);
  const account = useSession((s) => activeAccountOf(s.state));
  const { rotate } = useAllTokensActions();
  const setEnabled = useTokens((s) => s.setEnabled);
  const canSwitch = useTokenModel((s) => accountId !== null && s.capabilities[accountId]?.enableDisable === true);

  return (
    <tr className="token" data-testid="nc-token-row" data-token-id={token.id}>
      <TokenCells token={token} accountId={accountId} shown={shown} busy={busy} tested={tested} showsTokenOnce={showsTokenOnce}>
        <TokenBadges token={token} />
      </TokenCells>
      {columns.lastUsed && (
        <td className="token-last-used">
          <TokenTime value={token.lastUsedAt ?? null} never="tokens.neverUsed" />
        </td>
      )}
      {columns.expires && (
        <td className="token-expires">
          <TokenTime value={token.expiry ?? null} never="tokens.neverExpires" />
        </td>
      )}
      <td className="token-actions">
        <TokenActions
          token={token}
          shown={shown}
          busy={busy !== undefined}
          rotating={rotating}
          on={{
            toggleReveal: () => void toggleReveal(token.id),
            copy: () => void copy(token.id),
            showUsage: () => showUsage(token.id),
            test: () => void test(token.id),
            remove: () => askDelete(token),
            rotate: () => {
              if (account) void rotate({ account: { accountId: account.id, email: account.email, serverUrl: account.serverUrl }, token });
            },
          }}
        >
          {canSwitch && token.enabled !== undefined && (
            <TokenEnableSwitch token={token} busy={busy === 'switch'} onChange={(enabled) => void setEnabled(token.id, enabled)} />
          )}
        </TokenActions>
      </td>
    </tr>
  );
}
