import { useI18n } from '../../stores/i18n-context.tsx';
import { useTokens } from '../../stores/stores-context.tsx';
import { ChevronLeftIcon, ChevronRightIcon } from '../../ui/icons.tsx';
import { paginationItems } from './pagination-items.ts';

/**
 * "‹ 1 2 3 … ›" under the table; each page is fetched from the server. At either end the arrow is
 * aria-disabled rather than disabled, so paging with the keyboard does not lose the focus there.
 */
export function TokenPagination() {
  const page = useTokens((s) => s.page);
  const pageCount = useTokens((s) => s.pageCount);
  const load = useTokens((s) => s.load);
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('tokens.pagination')}>
      <button
        type="button"
        className="page-button"
        aria-label={t('tokens.pagination.previous')}
        aria-disabled={page <= 1 || undefined}
        onClick={() => page > 1 && void load(page - 1)}
      >
        <ChevronLeftIcon />
      </button>
      {paginationItems(page, pageCount).map((item) =>
        typeof item === 'number' ? (
          <button
            key={item}
            type="button"
            className="page-button"
            aria-label={t('tokens.pagination.page', { page: item })}
            aria-current={item === page ? 'page' : undefined}
            onClick={() => item !== page && void load(item)}
          >
            {item}
          </button>
        ) : (
          <span key={item} className="page-gap" aria-hidden="true">
            •••
          </span>
        ),
      )}
      <button
        type="button"
        className="page-button"
        aria-label={t('tokens.pagination.next')}
        aria-disabled={page >= pageCount || undefined}
        onClick={() => page < pageCount && void load(page + 1)}
      >
        <ChevronRightIcon />
      </button>
    </nav>
  );
}
