import type { ReactNode } from 'react';
import type { TokenSummary, TokenTestResult } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokenModel } from '../../stores/stores-context.tsx';
import { IconButton } from '../../ui/icon-button.tsx';
import { CodeIcon, CopyIcon, EyeIcon, EyeOffIcon, PlugIcon, RotateIcon, TrashIcon } from '../../ui/icons.tsx';
import { TEST_TEXT } from '../../domain/token-messages.ts';

/** NocoDB's mask: the same 36 asterisks for every token, so the mask says nothing about the value. */
const TOKEN_MASK = '*'.repeat(36);
/** After the prefix a server that shows tokens once lists (today's servers), a short mask like their web UI's. */
const PREFIX_MASK = '•'.repeat(6);

/**
 * The revealed value, read here alone: unmounted when the value is masked, so that neither this
 * render nor the previous one React keeps holds it any longer.
 */
function RevealedValue({ accountId, id }: { accountId: string; id: string }) {
  return useTokenModel((s) => s.marks[accountId]?.revealed[id]) ?? null;
}

/** The token cell: masked (or revealed) value, and what Test found. */
export function TokenValue({
  token,
  accountId,
  shown,
  busy,
  tested,
  showsTokenOnce,
}: {
  token: TokenSummary;
  /** The account the token is of (null: none is on screen, nothing shows). */
  accountId: string | null;
  /** Whether the token model holds the value revealed. */
  shown: boolean;
  busy?: string;
  tested?: TokenTestResult;
  /** The account's server shows a token once and lists a prefix instead (its capabilities say). */
  showsTokenOnce: boolean;
}) {
  const { t } = useI18n();
  const outcome = tested === undefined ? null : TEST_TEXT[tested];
  const prefix = showsTokenOnce ? token.prefix : null;
  return (
    <>
      {/* A token reads left to right in every language. */}
      <span className={shown ? 'token-secret' : prefix ? 'token-mask token-mask-prefix' : 'token-mask'} dir="ltr">
        {shown && accountId !== null ? (
          <RevealedValue accountId={accountId} id={token.id} />
        ) : prefix ? (
          `${prefix}${PREFIX_MASK}`
        ) : (
          TOKEN_MASK
        )}
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
    </>
  );
}

export interface TokenActionHandlers {
  toggleReveal: () => void;
  copy: () => void;
  showUsage: () => void;
  test: () => void;
  remove: () => void;
  rotate: () => void;
}

/** A row's actions, the same test ids and rules in the Tokens tab and in All tokens. */
export function TokenActions({
  token,
  shown,
  busy,
  rotating,
  on,
  children,
}: {
  token: TokenSummary;
  shown: boolean;
  busy: boolean;
  rotating: boolean;
  on: TokenActionHandlers;
  /** Shown before the buttons (the enable switch, where the server has one). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  // Neither the server nor the keychain has the value: Show and Copy explain why instead of failing.
  const unavailable = token.valueSource === 'none' ? t('tokens.notShownAgain') : undefined;
  return (
    <div className="token-actions-inner">
      {children}
      <IconButton
        label={t('tokens.action.showHide')}
        className="nc-toggle-token-visibility"
        icon={shown ? <EyeOffIcon /> : <EyeIcon />}
        pressed={shown}
        busy={busy}
        unavailable={unavailable}
        onClick={on.toggleReveal}
      />
      <IconButton
        label={t('tokens.action.copy')}
        testId="nc-token-row-copy"
        icon={<CopyIcon />}
        busy={busy}
        unavailable={unavailable}
        onClick={on.copy}
      />
      <IconButton label={t('tokens.action.useIt')} icon={<CodeIcon />} unavailable={unavailable} onClick={on.showUsage} />
      <IconButton
        label={t('tokens.action.test')}
        testId="nc-token-row-test"
        icon={<PlugIcon />}
        busy={busy}
        unavailable={unavailable}
        onClick={on.test}
      />
      <IconButton
        label={t('tokens.action.rotate')}
        testId="nc-token-row-rotate"
        icon={<RotateIcon />}
        busy={rotating}
        onClick={on.rotate}
      />
      <IconButton
        label={t('tokens.action.delete')}
        className="icon-button-danger"
        testId="nc-token-row-action-icon"
        icon={<TrashIcon />}
        onClick={on.remove}
      />
    </div>
  );
}
