import { Toast } from 'radix-ui';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useToasts } from '../../stores/stores-context.tsx';
import { CloseIcon, InfoIcon } from '../../ui/icons.tsx';

/** Renders the toast store bottom-right (bottom-left right to left), like NocoDB's notifications. */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  const { t, say, dir } = useI18n();
  return (
    // Toasts leave toward the window's edge: the right in English, the left in Arabic.
    <Toast.Provider swipeDirection={dir === 'rtl' ? 'left' : 'right'} label={t('app.notifications')}>
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          // Tab reaches a toast (to use its buttons), so it needs a name to be announced by.
          aria-label={say(toast.title)}
          duration={toast.duration}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(toast.id);
          }}
        >
          <span className="toast-icon">
            <InfoIcon />
          </span>
          <div className="toast-body">
            <Toast.Title className="toast-title">{say(toast.title)}</Toast.Title>
            {toast.description && <Toast.Description className="toast-description">{say(toast.description)}</Toast.Description>}
          </div>
          {toast.action && (
            <Toast.Action
              className="btn btn-secondary btn-small"
              altText={say(toast.action.label)}
              data-testid={toast.action.testId}
              onClick={toast.action.run}
            >
              {say(toast.action.label)}
            </Toast.Action>
          )}
          <Toast.Close className="icon-button" aria-label={t('common.close')}>
            <CloseIcon />
          </Toast.Close>
        </Toast.Root>
      ))}
      {/* Radix puts the key that reaches the toasts in place of {hotkey}. */}
      <Toast.Viewport className="toast-viewport" dir={dir} label={`${t('app.notifications')} ({hotkey})`} />
    </Toast.Provider>
  );
}
