import { useEffect, useMemo, useRef } from 'react';
import type { UsageExample } from '../../../preload/contract.ts';
import { hasPlainHost } from '../../../preload/server-host.ts';
import { USAGE_MASK, usageExample } from '../../../preload/token-usage.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { useSession, useTokenModel, useTokens } from '../../stores/stores-context.tsx';
import { visibleTokens } from '../../stores/tokens-store.ts';
import { CloseIcon } from '../../ui/icons.tsx';

const EXAMPLES: Array<{ example: UsageExample; intro: MessageKey; button: MessageKey; testId: string }> = [
  { example: 'headers', intro: 'tokens.usage.headers', button: 'tokens.usage.copyHeaders', testId: 'nc-token-usage-copy-headers' },
  { example: 'curl', intro: 'tokens.usage.curl', button: 'tokens.usage.copyExample', testId: 'nc-token-usage-copy' },
];

/** The seed's step 6 under the table: how to send a token, shown masked, copied with the real value by main. */
export function TokenUsagePanel() {
  const usageFor = useTokens((s) => s.usageFor);
  const rows = useTokens((s) => s.rows);
  const justCreated = useTokens((s) => s.justCreated);
  const accountId = useTokens((s) => s.accountId);
  const busy = useTokenModel((s) => (usageFor === null || accountId === null ? undefined : s.marks[accountId]?.busy[usageFor]));
  const copy = useTokens((s) => s.copy);
  const hideUsage = useTokens((s) => s.hideUsage);
  const serverUrl = useSession((s) => (s.state?.status === 'signed_in' ? s.state.account.serverUrl : null));
  const token = useMemo(() => visibleTokens(rows, justCreated).find((row) => row.id === usageFor), [rows, justCreated, usageFor]);

  if (!token || serverUrl === null) return null;
  return (
    <TokenUsageView
      key={token.id}
      name={token.name}
      serverUrl={serverUrl}
      busy={busy !== undefined}
      onCopy={(example) => void copy(token.id, example)}
      onClose={hideUsage}
    />
  );
}

interface UsageViewProps {
  name: string | null;
  serverUrl: string;
  busy: boolean;
  onCopy: (example: UsageExample) => void;
  onClose: () => void;
}

/** The panel itself, for the Tokens tab and for All tokens. */
export function TokenUsageView({ name, serverUrl, busy, onCopy, onClose }: UsageViewProps) {
  const { t } = useI18n();
  // Opened under the table (by Use it, or by itself after a create): brought into view above the notices.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const plainHost = hasPlainHost(serverUrl);
  return (
    <section ref={panel} className="card token-usage" data-testid="nc-token-usage" aria-labelledby="token-usage-title">
      <div className="token-usage-head">
        <h3 id="token-usage-title" className="setting-title">
          {t('tokens.usage.title', { name: name ?? t('common.untitled') })}
        </h3>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {/* An account listed before sign-in checked host names: its address could run a command when pasted. */}
      {!plainHost && (
        <p className="muted" data-testid="nc-token-usage-unsafe">
          {t('tokens.usage.unsafe_host')}
        </p>
      )}
      {plainHost &&
        EXAMPLES.map(({ example, intro, button, testId }) => (
          <div key={example} className="token-usage-example">
            <p className="muted">{t(intro)}</p>
            {/* Code reads left to right in every language. */}
            <pre className="token-usage-code" dir="ltr">
              {usageExample(example, serverUrl, USAGE_MASK)}
            </pre>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              data-testid={testId}
              // Focusable while a copy is out (the store ignores the click), like the row's own buttons.
              aria-disabled={busy || undefined}
              onClick={() => onCopy(example)}
            >
              {t(button)}
            </button>
          </div>
        ))}
      {plainHost && <p className="muted">{t('tokens.usage.secret')}</p>}
    </section>
  );
}
