// The words the Tokens tab shows for outcomes of its actions (catalog keys, worded when shown).
import type { Revocation, TokenTestResult, TokenValueSource } from '../../preload/contract.ts';
import { msg, type ErrorWords, type MessageKey, type Text } from '../i18n/index.ts';

export const COPY_TOKEN_TEST_ID = 'nc-token-created-copy';

export function clipboardClearNote(seconds: number | null): Text | undefined {
  return seconds === null ? undefined : msg('tokens.clipboardClears', { seconds });
}

export function createdTitle(name: string | null): Text {
  return name ? msg('tokens.created', { name }) : msg('tokens.createdUntitled');
}

/** What the created notice says about getting the value later, by where main holds it. */
export function createdHint(source: TokenValueSource): Text {
  switch (source) {
    case 'keychain':
      return msg('tokens.created.keychain');
    case 'memory':
    case 'none':
      return msg('tokens.created.memory');
    case 'server':
      return msg('tokens.created.server');
  }
}

export const REVOCATION_TEXT: Record<Revocation, { tone: 'success' | 'warning'; title: Text; description?: Text }> = {
  revoked: { tone: 'success', title: msg('tokens.deleted.revoked') },
  still_accepted: {
    tone: 'warning',
    title: msg('tokens.deleted.still_accepted'),
    description: msg('tokens.deleted.still_accepted.detail'),
  },
  immediate: { tone: 'success', title: msg('tokens.deleted.immediate') },
  unknown: { tone: 'warning', title: msg('tokens.deleted.unknown') },
};

export const LIST_WORDS: ErrorWords = {
  server_unreachable: 'tokens.error.list.server_unreachable',
  unauthorized: 'tokens.error.list.unauthorized',
};

export const CREATE_WORDS: ErrorWords = {
  validation: 'tokens.error.create.validation',
  unauthorized: 'tokens.error.create.unauthorized',
};

export const ACTION_WORDS: ErrorWords = {
  not_found: 'tokens.error.action.not_found',
  unauthorized: 'tokens.error.action.unauthorized',
};

/** What the row shows after Test; the title explains it. */
export const TEST_TEXT: Record<TokenTestResult, { label: MessageKey; tone: 'success' | 'danger' | 'warning'; title: MessageKey }> = {
  works: { label: 'tokens.test.works', tone: 'success', title: 'tokens.test.works.title' },
  rejected: { label: 'tokens.test.rejected', tone: 'danger', title: 'tokens.test.rejected.title' },
  disabled: { label: 'tokens.test.disabled', tone: 'danger', title: 'tokens.test.disabled.title' },
  expired: { label: 'tokens.test.expired', tone: 'danger', title: 'tokens.test.expired.title' },
  deleted_but_accepted: { label: 'tokens.test.deleted_but_accepted', tone: 'warning', title: 'tokens.test.deleted_but_accepted.title' },
};
