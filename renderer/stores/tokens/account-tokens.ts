// What the token model holds per account, and what ends each piece (see token-model.ts).
import type {
  DeleteResult,
  Result,
  ServerCapabilities,
  TokenExpiryChoice,
  TokenSummary,
  TokenTestResult,
  UsageExample,
} from '../../../preload/contract.ts';
import type { AccountTokenRow, TokenAccount } from '../../domain/all-tokens-rows.ts';
import type { Text } from '../../i18n/index.ts';

export type RowAction = 'reveal' | 'copy' | 'test' | 'switch';

/** What the screens show on an account's tokens, each keyed by token id. */
export interface TokenMarks {
  /** Ends after REVEAL_MS, when the window is hidden, when its row leaves the screen, with the token, with the account. */
  revealed: Record<string, string>;
  /** Ends with the token and with the account. */
  tested: Record<string, TokenTestResult>;
  /** Ends when the answer arrives, or with the account (its answer is then dropped). */
  busy: Record<string, RowAction>;
}

/** Every token of one account (All tokens, the overview's figures, the reminders). Ends with the account. */
export interface AccountTokens {
  account: TokenAccount;
  status: 'loading' | 'ready' | 'error';
  error: Text | null;
  /** The load stopped at a bound (see token-loads.ts): the server sent more than expected; `rows` are what came first. */
  truncated: boolean;
  rows: AccountTokenRow[];
}

/** Rotate: a successor is created, then the user revokes the old token or keeps both. Ends with its account. */
export interface Rotation {
  row: Pick<AccountTokenRow, 'account' | 'token'>;
  phase: 'creating' | 'choose' | 'revoking';
  created: TokenSummary | null;
  error: Text | null;
}

export interface TokenModelData {
  /** The accounts whose every token was asked for, in the user's order. */
  accounts: AccountTokens[];
  /** By account id: from its account entry and from its latest page. Ends with the account. */
  capabilities: Record<string, ServerCapabilities>;
  /** By account id. */
  marks: Record<string, TokenMarks>;
  rotation: Rotation | null;
}

/** What a screen hears from the model: an account's tokens changed (a create or delete), or the account was forgotten. */
export type ModelEvent = { kind: 'changed' | 'forgotten'; accountId: string };

export interface TokenModel extends TokenModelData {
  /** (Re)loads every token of these accounts (joining a load of the same accounts under way). */
  load: (accounts: TokenAccount[]) => Promise<void>;
  retry: (accountId: string) => Promise<void>;
  learnCapabilities: (accountId: string, capabilities: ServerCapabilities) => void;
  toggleReveal: (accountId: string, id: string) => Promise<void>;
  /**
   * A row of this token is on screen until the answered function is called; when its last row
   * leaves, its value is masked. A value revealed for a token with no row on screen is dropped.
   */
  watch: (accountId: string, id: string) => () => void;
  /** Masks every value (the window was hidden). */
  hideAll: () => void;
  /** Copies the token, or (with `example`) a ready-to-run example holding it; either way through main. */
  copy: (accountId: string, id: string, example?: UsageExample) => Promise<void>;
  test: (accountId: string, id: string) => Promise<void>;
  /** Creates a token (with an expiry where the server has expiry at creation) and offers to copy it; the caller words a failure. */
  create: (accountId: string, name: string, expiry?: TokenExpiryChoice) => Promise<Result<TokenSummary> | null>;
  /** Disables or enables a token on its server (where it can); every screen then shows the state the server kept. */
  setEnabled: (accountId: string, id: string, enabled: boolean) => Promise<Result<{ enabled: boolean }> | null>;
  /**
   * Deletes a token; on success it is gone from every screen, and a toast says what the server did
   * with it. `bulk`: one of many, whose outcomes the caller shows; it then announces the change.
   */
  remove: (accountId: string, id: string, bulk?: boolean) => Promise<Result<DeleteResult> | null>;
  /** Tells every screen that the account's tokens changed. */
  announce: (accountId: string) => void;
  rotate: (row: Rotation['row'], name: string) => Promise<void>;
  revokeOld: () => Promise<void>;
  keepBoth: () => void;
  /** Drops everything of the account, on every screen; answers still on their way for it are ignored. */
  forgetAccount: (accountId: string) => void;
  subscribeEvents: (listener: (event: ModelEvent) => void) => () => void;
}

export function initialTokenModelData(): TokenModelData {
  return { accounts: [], capabilities: {}, marks: {}, rotation: null };
}

export const NO_MARKS: TokenMarks = { revealed: {}, tested: {}, busy: {} };

export const without = <T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> => {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
};
