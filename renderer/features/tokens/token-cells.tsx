import type { ReactNode } from 'react';
import type { TokenSummary, TokenTestResult } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { EmailText } from '../../ui/email-text.tsx';
import { TokenValue } from './token-actions.tsx';

/**
 * The name, creator and value cells that the Tokens tab and All tokens both show. Server words sit
 * in `<bdi>`, so a name or email never reorders the row in a right-to-left language.
 */
export function TokenCells({
  token,
  accountId,
  shown,
  busy,
  tested,
  showsTokenOnce,
  children,
}: {
  token: TokenSummary;
  accountId: string | null;
  shown: boolean;
  busy?: string;
  tested?: TokenTestResult;
  showsTokenOnce: boolean;
  /** Shown after the name (the Tokens tab's badges). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const name = token.name ?? t('common.untitled');
  return (
    <>
      <td className="token-name" title={name}>
        {token.name !== null ? <bdi>{token.name}</bdi> : <span className="untitled">{name}</span>}
        {children}
      </td>
      <td className="token-creator" title={token.creator ?? undefined}>
        {token.creator ? <EmailText email={token.creator} /> : '—'}
      </td>
      <td className="token-value">
        <TokenValue token={token} accountId={accountId} shown={shown} busy={busy} tested={tested} showsTokenOnce={showsTokenOnce} />
      </td>
    </>
  );
}
