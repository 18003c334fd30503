import type { TokenSummary } from '../../../preload/contract.ts';
import { useNow } from '../../ui/use-now.ts';
import { exactTime, parseServerTime, relativeTime } from './token-time.ts';

/** A time from the server: relative, the exact time in a tooltip; "Never" for the server's null. */
export function TokenTime({ value }: { value: string | null | undefined }) {
  const now = useNow();
  // A row the server described without this field (e.g. the one just created) has nothing to say.
  if (value === undefined) return <span className="muted">—</span>;
  if (value === null) return <span className="muted">Never</span>;
  const time = parseServerTime(value);
  if (time === null) return <span>{value}</span>;
  return (
    <time dateTime={new Date(time).toISOString()} title={exactTime(time)}>
      {relativeTime(time, now)}
    </time>
  );
}

/** "Expired" and "Disabled", when the server says so: such a token no longer authenticates. */
export function TokenBadges({ token }: { token: TokenSummary }) {
  const now = useNow();
  const expiry = token.expiry ? parseServerTime(token.expiry) : null;
  const expired = expiry !== null && expiry <= now;
  const disabled = token.enabled === false;
  if (!expired && !disabled) return null;
  return (
    <>
      {expired && <span className="token-badge">Expired</span>}
      {disabled && <span className="token-badge">Disabled</span>}
    </>
  );
}
