// Every word the All tokens view shows (kept together, so a translation catalog can take them over).
import type { TokenFilter } from './all-tokens-rows.ts';

export const TITLE = 'All tokens';
export const CAPTION = 'Every API token of every signed-in account';

export const FILTER_LABELS: Record<TokenFilter, string> = {
  all: 'All',
  expired: 'Expired',
  expiring: 'Expires within 30 days',
  unused: 'Unused for 90 days or never used',
  others: 'Made by other users',
};

export const STATE_LABELS = { active: 'Active', expired: 'Expired', disabled: 'Disabled' } as const;

export const SEARCH_LABEL = 'Search tokens';
export const SEARCH_PLACEHOLDER = 'Search by token name, creator, account or server';
export const FILTER_GROUP_LABEL = 'Show tokens';

export const LOADING_ACCOUNT = 'Loading tokens…';
export const NO_ACCOUNTS = 'No account is signed in. Sign in to an account to see its tokens.';
export const NO_TOKENS = 'No tokens yet.';
export const NO_MATCH = 'No token matches the search and filter.';
export const RETRY = 'Retry';

export function shownCount(shown: number, total: number): string {
  return shown === total ? `${total} ${total === 1 ? 'token' : 'tokens'}` : `${shown} of ${total} tokens`;
}

export const accountFailed = (email: string, reason: string) => `Could not list the tokens of ${email}: ${reason}`;

export const DELETE_SELECTED = 'Delete selected';
export const EXPORT_CSV = 'Export CSV';
export const EXPORTED = 'Saved the list as CSV. It holds no token values.';
export const SELECT_ROW = (name: string, email: string) => `Select ${name} (${email})`;
export const SELECT_ALL = 'Select every token shown';

export const BULK_TITLE = 'Delete tokens';
export const bulkQuestion = (count: number) =>
  count === 1 ? 'Are you sure you want to delete this token?' : `Are you sure you want to delete these ${count} tokens?`;
export const BULK_WARNING = 'All the services using these API tokens will stop working once they are deleted.';
export const bulkConfirm = (count: number) => (count === 1 ? 'Delete token' : `Delete ${count} tokens`);
export const bulkProgress = (done: number, count: number) => `Deleting… ${done} of ${count}`;
export const bulkDone = (deleted: number) => (deleted === 1 ? '1 token deleted.' : `${deleted} tokens deleted.`);
export const bulkFailed = (failed: number) => (failed === 1 ? 'This token was not deleted:' : `These ${failed} tokens were not deleted:`);
export const STILL_ACCEPTED_NOTE =
  'NocoDB keeps deleted tokens in its cache: the server still accepts some of them for now (marked below), until it forgets them.';
export const STILL_ACCEPTED_MARK = 'still accepted for now';
export const CLOSE = 'Close';
export const CANCEL = 'Cancel';

export const ROTATE = 'Rotate';
export const ROTATE_TITLE = 'Rotate token';
export const rotateCreating = (name: string) => `Creating a new token named “${name}”…`;
export const rotateCreated = (name: string) =>
  `A new token named “${name}” is ready. Copy it from the notice and put it where the old one is used, then revoke the old one.`;
export const ROTATE_REVOKE = 'Revoke the old token now';
export const ROTATE_KEEP = 'Keep both for now';
export const ROTATE_REVOKING = 'Revoking…';

export const UNTITLED = 'Untitled';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The overview's figures for one account. */
export function countLabels(counts: { total: number; expired: number; expiring: number; unused: number }) {
  return {
    total: plural(counts.total, 'token', 'tokens'),
    expired: `${counts.expired} expired`,
    expiring: `${counts.expiring} expiring within 30 days`,
    unused: `${counts.unused} unused for 90 days or never used`,
  };
}
