// The words the Tokens tab shows for outcomes of its actions.
import type { Revocation, TokenTestResult, TokenValueSource } from '../../../preload/contract.ts';
import type { ErrorWords } from '../../ui/error-text.ts';

export const COPIED = 'Copied to clipboard';
export const COPY_TOKEN = 'Copy token';
export const COPY_TOKEN_TEST_ID = 'nc-token-created-copy';

export function clipboardClearNote(seconds: number | null): string | undefined {
  return seconds === null ? undefined : `The clipboard will be cleared in ${seconds} seconds.`;
}

export function createdTitle(name: string | null): string {
  return name ? `Token "${name}" created` : 'Token created';
}

export const CREATED_HINT = 'Copy it now and keep it somewhere safe.';

const SHOWN_ONCE = 'The server will not show this token again.';

/** What the created notice says about getting the value later, by where main holds it. */
export function createdHint(source: TokenValueSource): string {
  switch (source) {
    case 'keychain':
      return `${SHOWN_ONCE} A copy is kept in this computer's keychain, so Show and Copy keep working here.`;
    case 'memory':
    case 'none':
      return `${SHOWN_ONCE} Copy it now and keep it somewhere safe: no copy is kept after you quit.`;
    case 'server':
      return CREATED_HINT;
  }
}

/** Why Show and Copy are unavailable for a token whose value neither the server nor the keychain has. */
export const NOT_SHOWN_AGAIN = 'The server shows a token only once, when it is created';

export const REVOCATION_TEXT: Record<Revocation, { tone: 'success' | 'warning'; title: string; description?: string }> = {
  revoked: { tone: 'success', title: 'Token deleted. The server no longer accepts it.' },
  still_accepted: {
    tone: 'warning',
    title: 'Token deleted, but the server still accepts it for now.',
    description:
      'NocoDB keeps deleted tokens in its cache, so services using this token may keep working until the server forgets it (for example after a restart).',
  },
  immediate: { tone: 'success', title: 'Token deleted. The server stops accepting a deleted token at once.' },
  unknown: { tone: 'warning', title: 'Token deleted. Could not confirm that the server stopped accepting it.' },
};

export const LIST_WORDS: ErrorWords = {
  server_unreachable: 'Cannot reach the server. Check that it is running and try again.',
  unauthorized: 'The server refused to list your tokens.',
};

export const CREATE_WORDS: ErrorWords = {
  validation: 'The server refused this token name.',
  unauthorized: 'The server refused to create a token for this account.',
};

export const ACTION_WORDS: ErrorWords = {
  not_found: 'This token no longer exists. Refresh the list.',
  unauthorized: 'The server refused this action.',
};

/** What the row shows after Test; the title explains it. */
export const TEST_TEXT: Record<TokenTestResult, { label: string; tone: 'success' | 'danger' | 'warning'; title: string }> = {
  works: { label: 'Works', tone: 'success', title: 'The server accepts this token.' },
  rejected: { label: 'Rejected by the server', tone: 'danger', title: 'The server does not accept this token.' },
  deleted_but_accepted: {
    label: 'Deleted, still accepted',
    tone: 'warning',
    title: 'This token was deleted, but NocoDB still accepts it from its cache until the server forgets it (for example after a restart).',
  },
};
