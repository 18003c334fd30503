import { useEffect, useMemo, useRef, useState } from 'react';
import type { UsageExample } from '../../../preload/contract.ts';
import { hasPlainHost } from '../../../preload/server-host.ts';
import {
  defaultTarget,
  headerBlock,
  TARGET_NAMES,
  USAGE_MASK,
  USAGE_TARGETS,
  usageExample,
  type UsageTarget,
} from '../../../preload/token-usage.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useSession, useTokenModel, useTokens } from '../../stores/stores-context.tsx';
import { visibleTokens } from '../../stores/tokens-store.ts';
import { CloseIcon } from '../../ui/icons.tsx';

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
  const [target, setTarget] = useState<UsageTarget>(() => defaultTarget(navigator.userAgent));
  const plainHost = hasPlainHost(serverUrl);
  const example = usageExample(target, serverUrl, USAGE_MASK);
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
      {plainHost && (
        <>
          <div className="token-usage-example">
            <p className="muted">{t('tokens.usage.headers')}</p>
            {/* Code reads left to right in every language. */}
            <pre className="token-usage-code" dir="ltr">
              {headerBlock(USAGE_MASK)}
            </pre>
            <CopyButton testId="nc-token-usage-copy-headers" busy={busy} onClick={() => onCopy('headers')}>
              {t('tokens.usage.copyHeaders')}
            </CopyButton>
          </div>
          <div className="token-usage-example">
            <p className="muted">{t('tokens.usage.try')}</p>
            <label className="token-usage-target">
              {t('tokens.usage.target')}
              <select
                className="input select"
                data-testid="nc-token-usage-target"
                value={target}
                onChange={(e) => setTarget(e.target.value as UsageTarget)}
              >
                {USAGE_TARGETS.map((option) => (
                  <option key={option} value={option}>
                    {TARGET_NAMES[option]}
                  </option>
                ))}
              </select>
            </label>
            {example.ok ? (
              <pre className="token-usage-code" dir="ltr" data-testid="nc-token-usage-code">
                {example.text}
              </pre>
            ) : (
              <p className="muted" data-testid="nc-token-usage-refused">
                {t('tokens.usage.refused', { target: TARGET_NAMES[target] })}
              </p>
            )}
            <CopyButton testId="nc-token-usage-copy" busy={busy || !example.ok} onClick={() => example.ok && onCopy(target)}>
              {t('tokens.usage.copyExample')}
            </CopyButton>
          </div>
          <p className="muted">{t('tokens.usage.secret')}</p>
        </>
      )}
    </section>
  );
}

interface CopyButtonProps {
  testId: string;
  busy: boolean;
  onClick: () => void;
  children: string;
}

function CopyButton({ testId, busy, onClick, children }: CopyButtonProps) {
  return (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      data-testid={testId}
      // Focusable while a copy is out (the store ignores the click), like the row's own buttons.
      aria-disabled={busy || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
