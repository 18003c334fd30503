import type { SessionState } from '../../preload/contract.ts';

/** The id of the account a state shows: what that account's screen names in every call ('none' when none). */
export const shownId = (state: SessionState): string => state.accounts.find((account) => account.active)?.id ?? 'none';

/** The id of a listed account, found by its email ('unlisted' when it is not listed). */
export const idByEmail = (state: SessionState, email: string): string =>
  state.accounts.find((account) => account.email === email)?.id ?? 'unlisted';
