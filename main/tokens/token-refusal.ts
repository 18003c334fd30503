// Why a server refused a token the Test action sent, from its list row: servers since 2026 refuse a
// disabled or expired token ("Token is disabled" / "Token has expired"), and their rows say which.
import type { TokenTestResult } from '../../preload/contract.ts';
import type { ApiTokenRow } from '../nocodb/types.ts';

export function refusalOf(row: ApiTokenRow | null, now: number): TokenTestResult {
  if (row?.enabled === false) return 'disabled';
  const expiry = row?.expiry ? Date.parse(row.expiry.includes('T') ? row.expiry : row.expiry.replace(' ', 'T')) : Number.NaN;
  return expiry <= now ? 'expired' : 'rejected';
}
