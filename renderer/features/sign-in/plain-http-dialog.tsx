import { AlertDialog } from 'radix-ui';
import { errorMsg } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useSession } from '../../stores/stores-context.tsx';

/**
 * Asks before a password goes to a plain-http server on another machine. Cancel has the focus (the
 * safe choice), and Escape cancels; main remembers a yes for that server.
 */
export function PlainHttpDialog() {
  const open = useSession((s) => s.awaitingPlainHttpConsent !== null);
  const error = useSession((s) => (s.error?.code === 'insecure_connection' ? s.error : null));
  const answer = useSession((s) => s.answerPlainHttpConsent);
  const { t, say } = useI18n();

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && void answer(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">{t('signIn.plainHttp.title')}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-text">{error ? say(errorMsg(error)) : ''}</AlertDialog.Description>
          <p className="dialog-warning">{t('signIn.plainHttp.warning')}</p>
          <div className="dialog-buttons">
            <AlertDialog.Cancel className="btn btn-secondary">{t('common.cancel')}</AlertDialog.Cancel>
            {/* A plain button, not AlertDialog.Action, whose close would also report a Cancel. */}
            <button type="button" className="btn btn-danger" data-testid="nc-plain-http-confirm-btn" onClick={() => void answer(true)}>
              {t('signIn.plainHttp.confirm')}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
