import { useEffect, useRef } from 'react';
import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokenModel, useTokens } from '../../stores/stores-context.tsx';
import { focusIsLost } from '../../ui/focus-lost.ts';
import { MountWhenOpened, lazyNamed } from '../../ui/load-when-opened.tsx';
import { TokenListEmpty, TokenListError, TokenListLoading } from './token-list-states.tsx';
import { TokenPagination } from './token-pagination.tsx';
import { TokenTable } from './token-table.tsx';
import { ADD_TOKEN_BUTTON_ID } from './tokens-ids.ts';
import './tokens.css';
import './token-switch.css';

// Fetched the first time a rotation or a delete starts, or a token's usage is shown.
const TokenUsagePanel = lazyNamed(() => import('./token-usage-panel.tsx').then((m) => m.TokenUsagePanel));
const RotatePanel = lazyNamed(() => import('../all-tokens/rotate-panel.tsx').then((m) => m.RotatePanel));
const DeleteTokenDialog = lazyNamed(() => import('./delete-token-dialog.tsx').then((m) => m.DeleteTokenDialog));

/** The Tokens tab of Account Settings. */
export function TokensPage() {
  const status = useTokens((s) => s.status);
  const error = useTokens((s) => s.error);
  const hasRows = useTokens((s) => s.rows.length > 0 || s.justCreated !== null);
  const createOpen = useTokens((s) => s.create.open);
  const load = useTokens((s) => s.load);
  const openCreate = useTokens((s) => s.openCreate);
  const deleting = useTokens((s) => s.deleting !== null);
  const rotating = useTokenModel((s) => s.rotation !== null);
  const showingUsage = useTokens((s) => s.usageFor !== null);
  const { t } = useI18n();

  useEffect(() => {
    void load();
  }, [load]);

  // When the focused control goes away (the create row closes, Retry's alert or a page of rows is
  // replaced), focus goes to the button that adds a token instead of falling to <body>.
  const addButton = useRef<HTMLButtonElement>(null);
  const rows = useTokens((s) => s.rows);
  const firstRender = useRef(true);
  useEffect(() => {
    if (!firstRender.current && focusIsLost()) addButton.current?.focus();
    firstRender.current = false;
    // Not read, but each is a moment the focused control may have gone away.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [createOpen, status, rows]);

  const showTable = hasRows || createOpen;
  const showEmpty = status === 'ready' && !showTable;
  const showLoading = (status === 'idle' || status === 'loading') && !showTable;

  return (
    <section className="tokens" data-testid="nc-token-list" aria-labelledby="tokens-title">
      <div className="tokens-head">
        <div>
          <h2 id="tokens-title" className="section-title">
            {t('tokens.title')}
          </h2>
          <p className="tokens-subtitle">{t('tokens.subtitle')}</p>
        </div>
        <button
          ref={addButton}
          id={ADD_TOKEN_BUTTON_ID}
          type="button"
          className="btn btn-primary"
          // The empty state's own button carries NocoDB's test id then, so exactly one element has it.
          data-testid={showEmpty ? 'nc-token-create-top' : 'nc-token-create'}
          disabled={createOpen}
          onClick={openCreate}
        >
          {t('tokens.add')}
        </button>
      </div>
      <MountWhenOpened open={rotating}>
        <RotatePanel />
      </MountWhenOpened>
      {status === 'error' && error && <TokenListError message={error} />}
      {showLoading && <TokenListLoading />}
      {showEmpty && <TokenListEmpty />}
      {showTable && <TokenTable />}
      <TokenPagination />
      <MountWhenOpened open={showingUsage}>
        <TokenUsagePanel />
      </MountWhenOpened>
      <MountWhenOpened open={deleting}>
        <DeleteTokenDialog />
      </MountWhenOpened>
    </section>
  );
}
