import { AlertDialog } from 'radix-ui';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokens } from '../../stores/stores-context.tsx';
import { focusFirst } from '../../ui/focus-lost.ts';
import { KeyIcon } from '../../ui/icons.tsx';
import { ADD_TOKEN_BUTTON_ID } from './tokens-ids.ts';

const deleteButtonOf = (row: Element | null | undefined) =>
  row?.querySelector<HTMLElement>('[data-testid="nc-token-row-action-icon"]') ?? null;

/**
 * Where the focus goes when the dialog closes, best first: the token's own Delete button (kept after
 * Cancel or Escape), the next row's, the previous row's, then "Add New API Token". Read when the
 * dialog opens, because after a delete the token's row is gone.
 */
function focusTargetsFor(id: string): Array<() => HTMLElement | null> {
  // Ids are opaque text, but main lets through only URL-safe characters (no quote, no backslash).
  const rowSelector = `tr[data-token-id="${id}"]`;
  const row = document.querySelector(rowSelector);
  const next = row?.nextElementSibling;
  const previous = row?.previousElementSibling;
  return [
    () => deleteButtonOf(document.querySelector(rowSelector)),
    () => deleteButtonOf(next?.isConnected ? next : null),
    () => deleteButtonOf(previous?.isConnected ? previous : null),
    () => document.getElementById(ADD_TOKEN_BUTTON_ID),
  ];
}

/** "Delete Token" confirmation; stays open with the error when the delete fails. */
export function DeleteTokenDialog() {
  const deleting = useTokens((s) => s.deleting);
  const cancelDelete = useTokens((s) => s.cancelDelete);
  const confirmDelete = useTokens((s) => s.confirmDelete);
  const busy = deleting?.busy === true;
  const deletingId = deleting?.token.id;
  const { t, say } = useI18n();
  const focusTargets = useRef<Array<() => HTMLElement | null>>([]);
  useEffect(() => {
    if (deletingId !== undefined) focusTargets.current = focusTargetsFor(deletingId);
  }, [deletingId]);

  return (
    <AlertDialog.Root open={deleting !== null} onOpenChange={(open) => !open && cancelDelete()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            focusFirst(focusTargets.current.map((target) => target()));
          }}
        >
          <AlertDialog.Title className="dialog-title">{t('tokens.delete.title')}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-text">{t('tokens.delete.question')}</AlertDialog.Description>
          {deleting && (
            <>
              <p className="chip">
                <KeyIcon />
                <span className="chip-text">{deleting.token.name ?? t('common.untitled')}</span>
              </p>
              {/* The seed's warning: deleting breaks every service that uses the token. */}
              <p className="dialog-warning">{t('tokens.delete.warning')}</p>
              {deleting.error && (
                <p className="field-error" role="alert">
                  {say(deleting.error)}
                </p>
              )}
            </>
          )}
          {/* While deleting, both buttons keep the focus (aria-disabled) and the store ignores them. */}
          <div className="dialog-buttons">
            <AlertDialog.Cancel className="btn btn-secondary" aria-disabled={busy || undefined}>
              {t('common.cancel')}
            </AlertDialog.Cancel>
            {/* A plain button, not AlertDialog.Action: the dialog must stay open until the server answers. */}
            <button
              type="button"
              className="btn btn-danger"
              data-testid="nc-delete-modal-delete-btn"
              aria-disabled={busy || undefined}
              onClick={() => void confirmDelete()}
            >
              {busy ? t('tokens.delete.deleting') : t('tokens.delete.title')}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
