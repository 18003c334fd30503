import { AlertDialog } from 'radix-ui';
import { useSession } from '../../stores/stores-context.tsx';

/**
 * Asks before a password goes to a plain-http server on another machine. Cancel has the focus (the
 * safe choice), and Escape cancels; main remembers a yes for that server.
 */
export function PlainHttpDialog() {
  const open = useSession((s) => s.awaitingPlainHttpConsent !== null);
  const message = useSession((s) => (s.error?.code === 'insecure_connection' ? s.error.message : ''));
  const answer = useSession((s) => s.answerPlainHttpConsent);

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && void answer(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">Send your password unencrypted?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-text">{message}</AlertDialog.Description>
          <p className="dialog-warning">Only continue on a network you trust, such as your own computer or office network.</p>
          <div className="dialog-buttons">
            <AlertDialog.Cancel className="btn btn-secondary">Cancel</AlertDialog.Cancel>
            {/* A plain button, not AlertDialog.Action, whose close would also report a Cancel. */}
            <button type="button" className="btn btn-danger" data-testid="nc-plain-http-confirm-btn" onClick={() => void answer(true)}>
              Sign in over HTTP
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
