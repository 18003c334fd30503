// The token notices: "Token created" (shared by Add New API Token and Rotate: the one chance to copy
// a token the server shows once, so it carries a Copy action and stays longer than a plain toast),
// and what the server did with a deleted token.
import type { DeleteResult, TokenSummary } from '../../../preload/contract.ts';
import type { ToastStoreApi } from '../toast-store.ts';
import { msg } from '../../i18n/index.ts';
import { COPY_TOKEN_TEST_ID, createdHint, createdTitle, REVOCATION_TEXT } from '../../domain/token-messages.ts';

const CREATED_TOAST_MS = 10_000;

/**
 * What a notice is about, so it is withdrawn when its token goes (a copy offer would only fail) or
 * its account (id null: every token of the account — toasts are withdrawn by subject prefix).
 */
export const tokenSubject = (accountId: string, id: string | null) => `token:${accountId}\u0000${id === null ? '' : `${id}\u0000`}`;

export function showCreatedNotice(toasts: ToastStoreApi, token: TokenSummary, copy: () => void, about: string): void {
  toasts.getState().show({
    tone: 'success',
    title: createdTitle(token.name),
    description: createdHint(token.valueSource),
    action: { label: msg('tokens.copyToken'), run: copy, testId: COPY_TOKEN_TEST_ID },
    // A token held nowhere but this run's memory is lost with the notice's last chance: it stays until closed.
    duration: token.valueSource === 'memory' ? Infinity : CREATED_TOAST_MS,
    about,
  });
}

/** How long a warning stays: it needs more than three seconds to read. */
const WARNING_TOAST_MS = 8_000;

/** What the server did with a deleted token, as a toast. */
export function showRevocation(toasts: ToastStoreApi, { revocation }: DeleteResult): void {
  const outcome = REVOCATION_TEXT[revocation] ?? REVOCATION_TEXT.unknown;
  toasts.getState().show({ ...outcome, duration: outcome.tone === 'warning' ? WARNING_TOAST_MS : undefined });
}
