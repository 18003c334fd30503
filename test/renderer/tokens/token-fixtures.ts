// Two accounts and a token summary, shared by the token model's tests.
import type { TokenSummary } from '../../../preload/contract.ts';
import type { TokenAccount } from '../../../renderer/domain/all-tokens-rows.ts';

export const ADA: TokenAccount = { accountId: 'a1', email: 'ada@example.com', serverUrl: 'http://127.0.0.1:1' };
export const BOB: TokenAccount = { accountId: 'b2', email: 'bob@example.com', serverUrl: 'http://127.0.0.1:2' };

/** A token as a 0.301.3 server lists it (no prefix, no creator). */
export const summary = (id: string, name = `t${id}`): TokenSummary => ({
  id,
  name,
  creator: null,
  createdAt: null,
  valueSource: 'server',
  prefix: null,
});
