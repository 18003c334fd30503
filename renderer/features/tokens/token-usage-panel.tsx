import { useEffect, useMemo, useRef } from 'react';
import type { UsageExample } from '../../../preload/contract.ts';
import { USAGE_MASK, usageExample } from '../../../preload/token-usage.ts';
import { useSession, useTokens } from '../../stores/stores-context.tsx';
import { visibleTokens } from '../../stores/tokens-store.ts';
import { CloseIcon } from '../../ui/icons.tsx';

const EXAMPLES: Array<{ example: UsageExample; intro: string; button: string; testId: string }> = [
  {
    example: 'headers',
    intro: 'Send the token in the xc-token header of every request your service makes:',
    button: 'Copy headers',
    testId: 'nc-token-usage-copy-headers',
  },
  {
    example: 'curl',
    intro: 'Try it from a terminal; the server answers with the account the token belongs to:',
    button: 'Copy example',
    testId: 'nc-token-usage-copy',
  },
];

/** The seed's step 6 under the table: how to send a token, shown masked, copied with the real value by main. */
export function TokenUsagePanel() {
  const usageFor = useTokens((s) => s.usageFor);
  const rows = useTokens((s) => s.rows);
  const justCreated = useTokens((s) => s.justCreated);
  const busy = useTokens((s) => (s.usageFor === null ? undefined : s.busy[s.usageFor]));
  const copy = useTokens((s) => s.copy);
  const hideUsage = useTokens((s) => s.hideUsage);
  const serverUrl = useSession((s) => (s.state?.status === 'signed_in' ? s.state.account.serverUrl : null));
  const token = useMemo(() => visibleTokens(rows, justCreated).find((t) => t.id === usageFor), [rows, justCreated, usageFor]);

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
  // Opened under the table (by Use it, or by itself after a create): brought into view above the notices.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <section ref={panel} className="card token-usage" data-testid="nc-token-usage" aria-labelledby="token-usage-title">
      <div className="token-usage-head">
        <h3 id="token-usage-title" className="setting-title">
          Use “{name ?? 'Untitled'}”
        </h3>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {EXAMPLES.map(({ example, intro, button, testId }) => (
        <div key={example} className="token-usage-example">
          <p className="muted">{intro}</p>
          <pre className="token-usage-code">{usageExample(example, serverUrl, USAGE_MASK)}</pre>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            data-testid={testId}
            // Focusable while a copy is out (the store ignores the click), like the row's own buttons.
            aria-disabled={busy || undefined}
            onClick={() => onCopy(example)}
          >
            {button}
          </button>
        </div>
      ))}
      <p className="muted">The copied text holds the real token. Treat it like a password.</p>
    </section>
  );
}
