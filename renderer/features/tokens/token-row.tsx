import type { TokenSummary } from '../../../preload/contract.ts';
import { useTokens } from '../../stores/stores-context.tsx';
import { IconButton } from '../../ui/icon-button.tsx';
import { CodeIcon, CopyIcon, EyeIcon, EyeOffIcon, PlugIcon, TrashIcon } from '../../ui/icons.tsx';
import { TEST_TEXT } from './token-messages.ts';

/** NocoDB's mask: the same 36 asterisks for every token, so the mask says nothing about the value. */
const TOKEN_MASK = '*'.repeat(36);

/** One token: name, creator, masked (or revealed) value and the inline actions. */
export function TokenRow({ token }: { token: TokenSummary }) {
  const revealed = useTokens((s) => s.revealed[token.id]);
  const busy = useTokens((s) => s.busy[token.id]);
  const toggleReveal = useTokens((s) => s.toggleReveal);
  const copy = useTokens((s) => s.copy);
  const askDelete = useTokens((s) => s.askDelete);
  const tested = useTokens((s) => s.tested[token.id]);
  const test = useTokens((s) => s.test);
  const showUsage = useTokens((s) => s.showUsage);
  const shown = revealed !== undefined;
  const outcome = tested === undefined ? null : TEST_TEXT[tested];

  return (
    <tr className="token" data-testid="nc-token-row" data-token-id={token.id}>
      <td className="token-name">{token.name ?? <span className="untitled">Untitled</span>}</td>
      <td className="token-creator">{token.creator ?? '—'}</td>
      <td className="token-value">
        <span className={shown ? 'token-secret' : 'token-mask'}>{shown ? revealed : TOKEN_MASK}</span>
        <span className="token-test" role="status">
          {busy === 'test' ? (
            'Testing…'
          ) : outcome ? (
            <span className={`token-test-${outcome.tone}`} title={outcome.title}>
              {outcome.label}
            </span>
          ) : null}
        </span>
      </td>
      <td className="token-actions">
        <div className="token-actions-inner">
          <IconButton
            label="Show or Hide"
            className="nc-toggle-token-visibility"
            icon={shown ? <EyeOffIcon /> : <EyeIcon />}
            pressed={shown}
            busy={busy !== undefined}
            onClick={() => void toggleReveal(token.id)}
          />
          <IconButton
            label="Copy"
            testId="nc-token-row-copy"
            icon={<CopyIcon />}
            busy={busy !== undefined}
            onClick={() => void copy(token.id)}
          />
          <IconButton label="Use it" icon={<CodeIcon />} onClick={() => showUsage(token.id)} />
          <IconButton
            label="Test"
            testId="nc-token-row-test"
            icon={<PlugIcon />}
            busy={busy !== undefined}
            onClick={() => void test(token.id)}
          />
          <IconButton
            label="Delete"
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
