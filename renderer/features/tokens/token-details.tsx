import type { TokenSummary } from '../../../preload/contract.ts';
import { type MessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useNow } from '../../ui/use-now.ts';
import { parseServerTime } from '../../domain/token-time.ts';

/**
 * A time from the server: relative, the exact time in a tooltip; for the server's null, `never` —
 * its own message per field, since "never used" and "never expires" differ in many languages.
 */
export function TokenTime({ value, never }: { value: string | null | undefined; never: MessageKey }) {
  const now = useNow();
  const { t, relativeTime, dateTime } = useI18n();
  // A row the server described without this field (e.g. the one just created) has nothing to say.
  if (value === undefined) return <span className="muted">—</span>;
  if (value === null) return <span className="muted">{t(never)}</span>;
  const time = parseServerTime(value);
  if (time === null) return <span>{value}</span>;
  return (
    <time dateTime={new Date(time).toISOString()} title={dateTime(time)}>
      {relativeTime(time, now)}
    </time>
  );
}

/** "Expired" and "Disabled", when the server says so: such a token no longer authenticates. */
export function TokenBadges({ token }: { token: TokenSummary }) {
  const now = useNow();
  const { t } = useI18n();
  const expiry = token.expiry ? parseServerTime(token.expiry) : null;
  const expired = expiry !== null && expiry <= now;
  const disabled = token.enabled === false;
  if (!expired && !disabled) return null;
  return (
    <>
      {expired && <span className="token-badge">{t('tokens.badge.expired')}</span>}
      {disabled && <span className="token-badge">{t('tokens.badge.disabled')}</span>}
    </>
  );
}
