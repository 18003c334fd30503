import { AlertDialog } from 'radix-ui';
import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { hostOf } from '../accounts/account-words.ts';
import {
  BULK_TITLE,
  BULK_WARNING,
  bulkConfirm,
  bulkDone,
  bulkFailed,
  bulkProgress,
  bulkQuestion,
  CANCEL,
  CLOSE,
  STILL_ACCEPTED_MARK,
  STILL_ACCEPTED_NOTE,
  UNTITLED,
} from './all-tokens-messages.ts';
import type { AccountTokenRow } from './all-tokens-rows.ts';

function TokenLine({ row, note }: { row: AccountTokenRow; note?: string }) {
  return (
    <li className="bulk-token">
      <span className="bulk-token-name">{row.token.name ?? UNTITLED}</span>
      <span className="bulk-token-account">
        {row.account.email} · {hostOf(row.account.serverUrl)}
      </span>
      {note && <span className="bulk-token-note">{note}</span>}
    </li>
  );
}

/** ONE confirmation for every token to delete, then what happened to each: nothing runs before Delete. */
export function BulkDeleteDialog() {
  const bulk = useAllTokens((s) => s.bulk);
  const { confirmDelete, closeDelete } = useAllTokensActions();
  const deleting = bulk?.phase === 'deleting';
  const stillAccepted = bulk?.deleted.filter((d) => d.revocation === 'still_accepted') ?? [];

  return (
    <AlertDialog.Root open={bulk !== null} onOpenChange={(open) => !open && closeDelete()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog-wide" data-testid="nc-all-tokens-delete-dialog">
          <AlertDialog.Title className="dialog-title">{BULK_TITLE}</AlertDialog.Title>
          {bulk && bulk.phase !== 'done' && (
            <>
              <AlertDialog.Description className="dialog-text">{bulkQuestion(bulk.rows.length)}</AlertDialog.Description>
              <ul className="bulk-list">
                {bulk.rows.map((row) => (
                  <TokenLine key={row.key} row={row} />
                ))}
              </ul>
              <p className="dialog-warning">{BULK_WARNING}</p>
              <div className="dialog-buttons">
                <AlertDialog.Cancel className="btn btn-secondary" aria-disabled={deleting || undefined}>
                  {CANCEL}
                </AlertDialog.Cancel>
                <button
                  type="button"
                  className="btn btn-danger"
                  data-testid="nc-all-tokens-delete-confirm"
                  aria-disabled={deleting || undefined}
                  onClick={() => void confirmDelete()}
                >
                  {deleting ? bulkProgress(bulk.done, bulk.rows.length) : bulkConfirm(bulk.rows.length)}
                </button>
              </div>
            </>
          )}
          {bulk?.phase === 'done' && (
            <>
              <AlertDialog.Description className="dialog-text" role="status">
                {bulkDone(bulk.deleted.length)}
              </AlertDialog.Description>
              {stillAccepted.length > 0 && <p className="dialog-warning">{STILL_ACCEPTED_NOTE}</p>}
              {bulk.deleted.length > 0 && (
                <ul className="bulk-list" data-testid="nc-all-tokens-deleted">
                  {bulk.deleted.map(({ row, revocation }) => (
                    <TokenLine key={row.key} row={row} note={revocation === 'still_accepted' ? STILL_ACCEPTED_MARK : undefined} />
                  ))}
                </ul>
              )}
              {bulk.failed.length > 0 && (
                <div role="alert">
                  <p className="field-error">{bulkFailed(bulk.failed.length)}</p>
                  <ul className="bulk-list" data-testid="nc-all-tokens-delete-failures">
                    {bulk.failed.map(({ row, reason }) => (
                      <TokenLine key={row.key} row={row} note={reason} />
                    ))}
                  </ul>
                </div>
              )}
              <div className="dialog-buttons">
                <AlertDialog.Cancel className="btn btn-primary">{CLOSE}</AlertDialog.Cancel>
              </div>
            </>
          )}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
