import { AlertDialog } from 'radix-ui';
import { useTokens } from '../../stores/stores-context.tsx';
import { KeyIcon } from '../../ui/icons.tsx';

/** The seed's warning: deleting breaks every service that uses the token. */
const WARNING = 'All the services using this API Token will stop working once it is deleted.';

/** "Delete Token" confirmation; stays open with the error when the delete fails. */
export function DeleteTokenDialog() {
  const deleting = useTokens((s) => s.deleting);
  const cancelDelete = useTokens((s) => s.cancelDelete);
  const confirmDelete = useTokens((s) => s.confirmDelete);

  return (
    <AlertDialog.Root open={deleting !== null} onOpenChange={(open) => !open && cancelDelete()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">Delete Token</AlertDialog.Title>
          <AlertDialog.Description className="dialog-text">
            Are you sure you want to delete the following token?
          </AlertDialog.Description>
          {deleting && (
            <>
              <p className="chip">
                <KeyIcon />
                <span className="chip-text">{deleting.token.name ?? 'Untitled'}</span>
              </p>
              <p className="dialog-warning">{WARNING}</p>
              {deleting.error && (
                <p className="field-error" role="alert">
                  {deleting.error}
                </p>
              )}
            </>
          )}
          <div className="dialog-buttons">
            <AlertDialog.Cancel className="btn btn-secondary" disabled={deleting?.busy}>
              Cancel
            </AlertDialog.Cancel>
            {/* A plain button, not AlertDialog.Action: the dialog must stay open until the server answers. */}
            <button
              type="button"
              className="btn btn-danger"
              data-testid="nc-delete-modal-delete-btn"
              disabled={deleting?.busy}
              onClick={() => void confirmDelete()}
            >
              {deleting?.busy ? 'Deleting…' : 'Delete Token'}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
