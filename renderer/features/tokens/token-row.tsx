import type { TokenSummary } from '../../../preload/contract.ts';
import { useI18n } from '../../i18n/index.ts';
import { useTokens } from '../../stores/stores-context.tsx';
import { IconButton } from '../../ui/icon-button.tsx';
import { CodeIcon, CopyIcon, EyeIcon, EyeOffIcon, PlugIcon, TrashIcon } from '../../ui/icons.tsx';
import { TEST_TEXT } from './token-messages.ts';
import type { TokenColumns } from './token-columns.ts';
import { TokenBadges, TokenTime } from './token-details.tsx';

/** NocoDB's mask: the same 36 asterisks for every token, so the mask says nothing about the value. */
const TOKEN_MASK = '*'.repeat(36);
/** After a prefix the server itself shows (today's servers), a short mask like their web UI's. */
const PREFIX_MASK = '•'.repeat(6);

/** One token: name, creator, masked (or revealed) value, the details this server has, and the inline actions. */
export function TokenRow({ token, columns }: { token: TokenSummary; columns: TokenColumns }) {
  const revealed = useTokens((s) => s.revealed[token.id]);
  const busy = useTokens((s) => s.busy[token.id]);
  const toggleReveal = useTokens((s) => s.toggleReveal);
  const copy = useTokens((s) => s.copy);
  const askDelete = useTokens((s) => s.askDelete);
  const tested = useTokens((s) => s.tested[token.id]);
  const test = useTokens((s) => s.test);
  const showUsage = useTokens((s) => s.showUsage);
  const { t } = useI18n();
  const shown = revealed !== undefined;
  // Neither the server nor the keychain has the value: Show and Copy explain why instead of failing.
  const unavailable = token.valueSource === 'none' ? t('tokens.notShownAgain') : undefined;
  const outcome = tested === undefined ? null : TEST_TEXT[tested];

  return (
    <tr className="token" data-testid="nc-token-row" data-token-id={token.id}>
      <td className="token-name">
        {token.name ?? <span className="untitled">{t('common.untitled')}</span>}
        <TokenBadges token={token} />
      </td>
      <td className="token-creator">{token.creator ? <bdi>{token.creator}</bdi> : '—'}</td>
      <td className="token-value">
        {/* A token reads left to right in every language. */}
        <span className={shown ? 'token-secret' : token.prefix ? 'token-mask token-mask-prefix' : 'token-mask'} dir="ltr">
          {shown ? revealed : token.prefix ? `${token.prefix}${PREFIX_MASK}` : TOKEN_MASK}
        </span>
        <span className="token-test" role="status">
          {busy === 'test' ? (
            t('tokens.testing')
          ) : outcome ? (
            <span className={`token-test-${outcome.tone}`} title={t(outcome.title)}>
              {t(outcome.label)}
            </span>
          ) : null}
        </span>
      </td>
      {columns.lastUsed && (
        <td className="token-last-used">
          <TokenTime value={token.lastUsedAt} />
        </td>
      )}
      {columns.expires && (
        <td className="token-expires">
          <TokenTime value={token.expiry} />
        </td>
      )}
      <td className="token-actions">
        <div className="token-actions-inner">
          <IconButton
            label={t('tokens.action.showHide')}
            className="nc-toggle-token-visibility"
            icon={shown ? <EyeOffIcon /> : <EyeIcon />}
            pressed={shown}
            busy={busy !== undefined}
            unavailable={unavailable}
            onClick={() => void toggleReveal(token.id)}
          />
          <IconButton
            label={t('tokens.action.copy')}
            testId="nc-token-row-copy"
            icon={<CopyIcon />}
            busy={busy !== undefined}
            unavailable={unavailable}
            onClick={() => void copy(token.id)}
          />
          <IconButton label={t('tokens.action.useIt')} icon={<CodeIcon />} unavailable={unavailable} onClick={() => showUsage(token.id)} />
          <IconButton
            label={t('tokens.action.test')}
            testId="nc-token-row-test"
            icon={<PlugIcon />}
            busy={busy !== undefined}
            unavailable={unavailable}
            onClick={() => void test(token.id)}
          />
          <IconButton
            label={t('tokens.action.delete')}
            className="icon-button-danger"
            testId="nc-token-row-action-icon"
            icon={<TrashIcon />}
            onClick={() => askDelete(token)}
          />
        </div>
      </td>
    </tr>
  );
}
