import { AlertDialog } from 'radix-ui';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useAllTokens, useAllTokensActions } from '../../stores/stores-context.tsx';
import { hostOf } from '../accounts/account-words.ts';
import type { AccountTokenRow } from '../../domain/all-tokens-rows.ts';

function TokenLine({ row, note }: { row: AccountTokenRow; note?: string }) {
  const { t } = useI18n();
  return (
    <li className="bulk-token">
      <bdi className="bulk-token-name">{row.token.name ?? t('common.untitled')}</bdi>
      <span className="bulk-token-account">
        <bdi>{row.account.email}</bdi> · <bdi>{hostOf(row.account.serverUrl)}</bdi>
      </span>
      {note && <span className="bulk-token-note">{note}</span>}
    </li>
  );
}

/** ONE confirmation for every token to delete, then what happened to each: nothing runs before Delete. */
export function BulkDeleteDialog() {
  const bulk = useAllTokens((s) => s.bulk);
  const { confirmDelete, closeDelete } = useAllTokensActions();
  const { t, say } = useI18n();
  const deleting = bulk?.phase === 'deleting';
  const stillAccepted = bulk?.deleted.filter((d) => d.revocation === 'still_accepted') ?? [];

  return (
    <AlertDialog.Root open={bulk !== null} onOpenChange={(open) => !open && closeDelete()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog-wide" data-testid="nc-all-tokens-delete-dialog">
          <AlertDialog.Title className="dialog-title">{t('allTokens.bulk.title')}</AlertDialog.Title>
          {bulk && bulk.phase !== 'done' && (
            <>
              <AlertDialog.Description className="dialog-text">
                {t('allTokens.bulk.question', { count: bulk.rows.length })}
              </AlertDialog.Description>
              <ul className="bulk-list">
                {bulk.rows.map((row) => (
                  <TokenLine key={row.key} row={row} />
                ))}
              </ul>
              <p className="dialog-warning">{t('allTokens.bulk.warning')}</p>
              <div className="dialog-buttons">
                <AlertDialog.Cancel className="btn btn-secondary" aria-disabled={deleting || undefined}>
                  {t('common.cancel')}
                </AlertDialog.Cancel>
                <button
                  type="button"
                  className="btn btn-danger"
                  data-testid="nc-all-tokens-delete-confirm"
                  aria-disabled={deleting || undefined}
                  onClick={() => void confirmDelete()}
                >
                  {deleting
                    ? t('allTokens.bulk.progress', { done: bulk.done, count: bulk.rows.length })
                    : t('allTokens.bulk.confirm', { count: bulk.rows.length })}
                </button>
              </div>
            </>
          )}
          {bulk?.phase === 'done' && (
            <>
              <AlertDialog.Description className="dialog-text" role="status">
                {t('allTokens.bulk.done', { count: bulk.deleted.length })}
              </AlertDialog.Description>
              {stillAccepted.length > 0 && <p className="dialog-warning">{t('allTokens.bulk.stillAcceptedNote')}</p>}
              {bulk.deleted.length > 0 && (
                <ul className="bulk-list" data-testid="nc-all-tokens-deleted">
                  {bulk.deleted.map(({ row, revocation }) => (
                    <TokenLine
                      key={row.key}
                      row={row}
                      note={revocation === 'still_accepted' ? t('allTokens.bulk.stillAccepted') : undefined}
                    />
                  ))}
                </ul>
              )}
              {bulk.failed.length > 0 && (
                <div role="alert">
                  <p className="field-error">{t('allTokens.bulk.failed', { count: bulk.failed.length })}</p>
                  <ul className="bulk-list" data-testid="nc-all-tokens-delete-failures">
                    {bulk.failed.map(({ row, reason }) => (
                      <TokenLine key={row.key} row={row} note={say(reason)} />
                    ))}
                  </ul>
                </div>
              )}
              <div className="dialog-buttons">
                <AlertDialog.Cancel className="btn btn-primary">{t('common.close')}</AlertDialog.Cancel>
              </div>
            </>
          )}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
